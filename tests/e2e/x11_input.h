// Input through the X server, as a mouse or a touch panel acting as a
// pointer sends it: XTest motion, button press and release, and keys. Apart
// from the tests because Xlib's macros (None, Bool, Status) collide with
// GoogleTest's names.
#pragma once

#include <string>

namespace tapsheet::e2e {

class XInput {
  public:
    XInput(); // the DISPLAY the test runs under (retries while it starts)
    ~XInput();
    XInput(const XInput&) = delete;
    XInput& operator=(const XInput&) = delete;

    bool Ok() const { return display_ != nullptr; }
    // The top-level window of process `pid` (by _NET_WM_PID); 0 when none.
    unsigned long FindWindowOf(long pid);
    // Where the window's (0, 0) is on the screen; false when it is gone.
    bool Origin(unsigned long window, int* x, int* y);
    // Keyboard focus to `window` (a window manager would give it on a click).
    void Focus(unsigned long window);

    // Each returns once the X server has made the event (XSync).
    void MoveTo(int x, int y); // screen coordinates, as a pointer device moves (XTest)
    // The pointer put at (x, y) by XWarpPointer, as xdotool's mousemove does:
    // the window gets its motion, but no XInput2 raw motion is made.
    void WarpTo(int x, int y);
    void Press(); // button 1
    void Release();
    // A key by its X keysym name ("Right", "m", "1"): pressed and released.
    void Key(const std::string& keysym_name);

  private:
    void* display_;
};

} // namespace tapsheet::e2e
