// The event loop the windowed commands share: one or more windows (the
// kiosk, the board, or both in `demo`) drawn only when something asks for
// a frame, and otherwise asleep in one wait that any window's events, a
// Wake() or the earliest deadline ends.
#pragma once

#include "app/platform/window.h"

#include "app/shell/stop_signals.h"

#include <vector>

namespace tapsheet {

// One window's part of the loop. The loop handles the window's events and
// asks the rest of it here.
class LoopWindow {
  public:
    virtual ~LoopWindow() = default;
    virtual Window& GetWindow() = 0;
    // Work that needs no frame (the store, clocks), run on every pass.
    // Returns how many frames that calls for now: 0, 1 (a clock to
    // redraw) or 3 (something changed; a few frames let ImGui settle).
    virtual int Update(double now) = 0;
    // Draws one frame (BeginFrame .. EndFrame). True when it changed
    // something, so a few more frames follow.
    virtual bool Draw(double now) = 0;
    // When Update has to run again even without events (absolute, on the
    // loop's clock).
    virtual double NextWake(double now) = 0;
    // The window is closing: last words to the store.
    virtual void Finish(double now) { (void)now; }
    // >= 0: the program should end with this exit code (the admin panel's
    // Restart and Quit, which work even when the loop is locked).
    virtual int ExitCode() const { return -1; }
};

struct LoopOptions {
    bool redraw_always = false; // every pass draws (benchmarks compare against it)
    int quit_after_frames = 0;  // > 0: every window draws that many frames, then the loop ends (tests)
    // Kiosk mode: no window close, Alt+F4 or key ends the loop; only a stop
    // signal does (the service manager's SIGTERM).
    bool locked = false;
    StopSignals* stop = nullptr; // SIGTERM / SIGINT; null: closing a window is the only way out
};

// Runs until a stop signal, a window's ExitCode(), or until any window is
// closed unless locked; returns the exit code (0 unless a window set one).
// Prints "tapsheet: first frame presented" once every window has presented a
// frame (benchmarks time start-up to it). Under systemd (NOTIFY_SOCKET) it
// then sends READY=1, feeds the watchdog from this loop (WATCHDOG_USEC) and
// sends STOPPING=1 before the windows' last words: service_notify.h.
int RunWindows(const std::vector<LoopWindow*>& windows, const LoopOptions& options);

} // namespace tapsheet
