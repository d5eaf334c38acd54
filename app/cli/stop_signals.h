// SIGTERM (`systemctl stop`) and SIGINT (Ctrl-C) end the run loop the way
// closing the window does, whatever the backend: the visit on screen is
// closed properly and systemd hears STOPPING=1. (SDL turns these signals
// into SDL_QUIT by itself; GLFW would just die.) The handler only sets a
// flag and writes a byte to a pipe, which is all a signal handler may do; a
// small thread turns that byte into the window's Wake(), which is
// thread-safe but not async-signal-safe.
#pragma once

#include <functional>
#include <thread>

namespace tapsheet {

// One at a time, for the life of the run loop. Puts back the handlers it
// found when it goes.
class StopSignals {
  public:
    explicit StopSignals(std::function<void()> wake);
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;
    ~StopSignals();

    // A SIGTERM or SIGINT arrived since construction.
    bool Requested() const;

  private:
    std::function<void()> wake_;
    std::thread waker_;
    bool installed_ = false;
};

} // namespace tapsheet
