// Input through the X server, as a mouse or a touch panel acting as a
// pointer sends it: XTest motion, button press and release, and keys. Apart
// from the tests because Xlib's macros (None, Bool, Status) collide with
// GoogleTest's names.
#pragma once

#include "tests/e2e/screen_input.h"

#include <string>

namespace tapsheet::e2e {

class XInput : public ScreenInput {
  public:
    XInput(); // the DISPLAY the test runs under (retries while it starts)
    ~XInput() override;
    XInput(const XInput&) = delete;
    XInput& operator=(const XInput&) = delete;

    bool Ok() const { return display_ != nullptr; }
    unsigned long FindWindowOf(long pid, const std::string& title) override; // _NET_WM_PID, WM_NAME
    bool Origin(unsigned long window, int* x, int* y) override;
    void Focus(unsigned long window) override;

    // Each returns once the X server has made the event (XSync).
    void MoveTo(int x, int y) override; // XTest motion
    // XWarpPointer: the window gets its motion, but no XInput2 raw motion.
    void WarpTo(int x, int y) override;
    void Press() override; // button 1
    void Release() override;
    void Key(const std::string& keysym_name) override;

  private:
    void* display_;
};

} // namespace tapsheet::e2e
