// Where a test's input reaches a program's window: the X server (XTest,
// tests/e2e/x11_input.h) beside Xvfb, or a QEMU guest's virtio tablet and
// keyboard through QMP (tests/vm/qmp_input.h), where the kiosk owns the
// whole DRM display. Coordinates are the screen's pixels.
#pragma once

#include <string>

namespace tapsheet::e2e {

class ScreenInput {
  public:
    virtual ~ScreenInput() = default;

    // The top-level window of process `pid` (titled `title`, when one
    // process has two windows, as `tapsheet demo`); 0 when none (yet).
    virtual unsigned long FindWindowOf(long pid, const std::string& title) = 0;
    // Where the window's (0, 0) is on the screen; false when it is gone.
    virtual bool Origin(unsigned long window, int* x, int* y) = 0;
    // Keyboard focus to `window` (a window manager would give it on a click).
    virtual void Focus(unsigned long window) = 0;

    // Each returns once the event is made.
    virtual void MoveTo(int x, int y) = 0; // as a pointer device moves
    // The pointer put at (x, y) the way xdotool's mousemove does (no raw
    // motion); where there is no such thing, as MoveTo.
    virtual void WarpTo(int x, int y) = 0;
    virtual void Press() = 0; // the left button, or a finger down
    virtual void Release() = 0;
    // A key by its X keysym name ("Right", "m", "1"): pressed and released.
    virtual void Key(const std::string& keysym_name) = 0;
};

} // namespace tapsheet::e2e
