// How a windowed command is told to stop: SIGTERM (the service manager) or
// SIGINT (Ctrl-C in a terminal), and only those. They are taken off SDL,
// which would turn them into a window close, so a locked kiosk can ignore
// every close request and still stop cleanly for systemd: a thread waits
// for the signal, raises a flag and wakes the run loop, which then lets the
// kiosk finish its visit and the writer drain before the process exits.
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>

namespace tapsheet {

class StopSignals {
  public:
    // Blocks SIGTERM and SIGINT in this thread and every thread it starts
    // after, so create it first thing, before any window or writer.
    StopSignals();
    ~StopSignals();
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

    bool Requested() const { return requested_.load(); }
    // Called (from the signal thread) when a stop arrives; the run loop
    // passes its windows' Wake().
    void SetWake(std::function<void()> wake);

  private:
    void Watch();

    std::atomic<bool> requested_{false};
    std::mutex mutex_;
    std::function<void()> wake_;
    std::thread thread_;
};

} // namespace tapsheet
