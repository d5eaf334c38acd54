// The guest's second display, turned on from the host. QEMU's virtio-gpu
// reports only its first head as connected until a display front end asks
// for a size on another (with `-display none` the second stays dark, and
// SDL in the guest sees one display). A VNC server bound to head 1
// (`-vnc unix:SOCKET,display=gpu,head=1`) passes a client's requested
// desktop size on to the device: this is that client, speaking just enough
// RFB 3.8 to ask for one size, then holding the connection while the guest
// runs. Ask before the guest's kernel looks at its displays.
#pragma once

#include <string>

namespace tapsheet::vm {

class SecondHead {
  public:
    // Connects (waiting up to 10 s for the socket) and asks for width x height.
    SecondHead(const std::string& vnc_socket, int width, int height);
    ~SecondHead();
    SecondHead(const SecondHead&) = delete;
    SecondHead& operator=(const SecondHead&) = delete;

    // "" when the size was asked for, else what went wrong.
    const std::string& Error() const { return error_; }
    // Holds the connection until QEMU closes it (vm_tool's use).
    void WaitUntilClosed();

  private:
    bool Handshake(int width, int height);
    bool Read(void* data, size_t size);
    bool Write(const void* data, size_t size);

    int fd_ = -1;
    std::string error_;
};

} // namespace tapsheet::vm
