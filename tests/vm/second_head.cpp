#include "tests/vm/second_head.h"

#include "tests/e2e/window_driver.h"

#include <arpa/inet.h>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include <vector>

namespace tapsheet::vm {

namespace {

int ConnectUnix(const std::string& path) {
    const int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::snprintf(address.sun_path, sizeof(address.sun_path), "%s", path.c_str());
    if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0) return fd;
    close(fd);
    return -1;
}

void Put16(std::vector<uint8_t>& out, uint16_t value) {
    out.push_back(static_cast<uint8_t>(value >> 8));
    out.push_back(static_cast<uint8_t>(value));
}

void Put32(std::vector<uint8_t>& out, uint32_t value) {
    Put16(out, static_cast<uint16_t>(value >> 16));
    Put16(out, static_cast<uint16_t>(value));
}

} // namespace

SecondHead::SecondHead(const std::string& vnc_socket, int width, int height) {
    const double start = e2e::SteadyNow();
    while ((fd_ = ConnectUnix(vnc_socket)) < 0) {
        if (e2e::SteadyNow() - start > 10) {
            error_ = "cannot connect to QEMU's VNC socket " + vnc_socket;
            return;
        }
        e2e::SleepSeconds(0.05);
    }
    if (!Handshake(width, height) && error_.empty()) error_ = "QEMU's VNC server closed the connection";
}

SecondHead::~SecondHead() {
    if (fd_ >= 0) close(fd_);
}

void SecondHead::WaitUntilClosed() {
    uint8_t drained[4096];
    while (fd_ >= 0 && read(fd_, drained, sizeof(drained)) > 0) {
    }
}

bool SecondHead::Read(void* data, size_t size) {
    auto* bytes = static_cast<uint8_t*>(data);
    for (size_t done = 0; done < size;) {
        const ssize_t n = read(fd_, bytes + done, size - done);
        if (n <= 0) return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

bool SecondHead::Write(const void* data, size_t size) {
    // MSG_NOSIGNAL: QEMU killed by a power cut must not end the test with SIGPIPE.
    return send(fd_, data, size, MSG_NOSIGNAL) == static_cast<ssize_t>(size);
}

// RFB 3.8: versions, security "None", ClientInit (shared), the server's
// init read past; then SetEncodings announcing ExtendedDesktopSize (-308)
// and SetDesktopSize (251) with one screen of the size asked for.
bool SecondHead::Handshake(int width, int height) {
    char version[12];
    if (!Read(version, sizeof(version)) || std::memcmp(version, "RFB 003.008\n", 12) != 0) {
        error_ = "QEMU's VNC server does not speak RFB 3.8";
        return false;
    }
    uint8_t count = 0;
    if (!Write("RFB 003.008\n", 12) || !Read(&count, 1) || count == 0) return false;
    std::vector<uint8_t> types(count);
    if (!Read(types.data(), types.size())) return false;
    const uint8_t none = 1;
    uint32_t result = 1;
    if (!Write(&none, 1) || !Read(&result, 4) || ntohl(result) != 0) {
        error_ = "QEMU's VNC server refused security type None";
        return false;
    }
    const uint8_t shared = 1;
    uint8_t init[24];
    uint32_t name_length = 0;
    if (!Write(&shared, 1) || !Read(init, sizeof(init))) return false;
    std::memcpy(&name_length, init + 20, 4);
    std::vector<uint8_t> name(ntohl(name_length));
    if (!Read(name.data(), name.size())) return false;

    std::vector<uint8_t> message = {2, 0}; // SetEncodings
    Put16(message, 1);
    Put32(message, static_cast<uint32_t>(-308));
    message.insert(message.end(), {251, 0}); // SetDesktopSize
    Put16(message, static_cast<uint16_t>(width));
    Put16(message, static_cast<uint16_t>(height));
    message.insert(message.end(), {1, 0}); // one screen
    Put32(message, 0);                     // its id
    Put16(message, 0);                     // x
    Put16(message, 0);                     // y
    Put16(message, static_cast<uint16_t>(width));
    Put16(message, static_cast<uint16_t>(height));
    Put32(message, 0); // flags
    return Write(message.data(), message.size());
}

} // namespace tapsheet::vm
