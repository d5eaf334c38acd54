// QEMU's machine protocol (QMP) on its unix socket, for deploy/vm-test.sh's
// host side: screendumps, and input through the guest's virtio tablet and
// keyboard (evdev in the guest) as a ScreenInput, so tests/e2e's drivers
// tap a guest's kiosk as they tap a window under Xvfb.
#pragma once

#include "tests/e2e/screen_input.h"

#include <string>

namespace tapsheet::vm {

// One QMP connection: the greeting read, capabilities negotiated.
class Qmp {
  public:
    explicit Qmp(const std::string& socket_path);
    ~Qmp();
    Qmp(const Qmp&) = delete;
    Qmp& operator=(const Qmp&) = delete;

    bool Ok() const { return ok_; }
    // Sends one command (a JSON object); true when QEMU answered "return".
    bool Run(const std::string& command);

    // The first display, or head `head` of the virtio-gpu device with id "gpu".
    bool Screendump(const std::string& png_path, int head = 0);
    // Tablet events: a move to (x, y) in the guest's pixels, a button.
    bool MoveTo(int x, int y);
    bool Button(bool down);
    // "alt-f4": QEMU key codes pressed in order, released in reverse.
    bool Keys(const std::string& combo);

  private:
    std::string ReadReply();

    int fd_ = -1;
    bool ok_ = false;
};

// The guest's display as the screen: one full-screen window (the kiosk's,
// on KMSDRM), at (0, 0). A failed QMP command throws (QEMU gone: a cut).
class QmpInput : public e2e::ScreenInput {
  public:
    explicit QmpInput(Qmp& qmp) : qmp_(qmp) {}

    unsigned long FindWindowOf(long, const std::string&) override { return 1; }
    bool Origin(unsigned long, int* x, int* y) override;
    void Focus(unsigned long) override {}
    void MoveTo(int x, int y) override;
    void WarpTo(int x, int y) override { MoveTo(x, y); }
    void Press() override;
    void Release() override;
    void Key(const std::string& keysym_name) override;

  private:
    Qmp& qmp_;
};

} // namespace tapsheet::vm
