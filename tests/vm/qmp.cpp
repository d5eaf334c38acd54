#include "tests/vm/qmp.h"

#include <cstdio>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include <utility>

namespace tapsheet::vm {

namespace {

std::string AbsEvent(const char* axis, int value) {
    return std::string(R"({"type":"abs","data":{"axis":")") + axis + R"(","value":)" + std::to_string(value) +
           "}}";
}

std::string InputEvents(const std::string& events) {
    return R"({"execute":"input-send-event","arguments":{"events":[)" + events + "]}}";
}

// X keysym names (what tests/e2e's drivers send) to QEMU's key codes;
// letters and digits are the same in both.
constexpr std::pair<const char*, const char*> kKeyNames[] = {
    {"Return", "ret"}, {"Escape", "esc"}, {"BackSpace", "backspace"}, {"space", "spc"}, {"Right", "right"},
    {"Left", "left"},  {"Up", "up"},      {"Down", "down"},           {"Tab", "tab"},   {"Delete", "delete"},
};

std::string QemuKey(const std::string& keysym) {
    for (const auto& [x_name, qemu_name] : kKeyNames)
        if (keysym == x_name) return qemu_name;
    return keysym;
}

} // namespace

Qmp::Qmp(const std::string& socket_path) {
    fd_ = socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::snprintf(address.sun_path, sizeof(address.sun_path), "%s", socket_path.c_str());
    if (connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) return;
    ReadReply(); // the greeting
    ok_ = Run(R"({"execute":"qmp_capabilities"})");
}

Qmp::~Qmp() {
    if (fd_ >= 0) close(fd_);
}

bool Qmp::Run(const std::string& command) {
    const std::string line = command + "\n";
    // MSG_NOSIGNAL: a power cut kills QEMU at any moment, and a write to its
    // closed socket must fail here, not end this program with SIGPIPE.
    if (send(fd_, line.data(), line.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(line.size())) return false;
    for (;;) { // events come between; the command's answer is "return" or "error"
        const std::string reply = ReadReply();
        if (reply.empty()) return false;
        if (reply.find("\"return\"") != std::string::npos) return true;
        if (reply.find("\"error\"") != std::string::npos) {
            std::fprintf(stderr, "vm: QEMU: %s\n", reply.c_str());
            return false;
        }
    }
}

// One JSON line (QMP ends each message with CRLF).
std::string Qmp::ReadReply() {
    std::string reply;
    char c = 0;
    while (read(fd_, &c, 1) == 1) {
        if (c == '\n') return reply;
        reply += c;
    }
    return reply;
}

bool Qmp::Screendump(const std::string& png_path, int head) {
    const std::string which = head == 0 ? "" : R"(,"device":"gpu","head":)" + std::to_string(head);
    return Run(R"({"execute":"screendump","arguments":{"filename":")" + png_path + R"(","format":"png")" +
               which + "}}");
}

// SDL 2.26's evdev code takes an absolute mouse's raw ABS value as the
// pixel (it does not scale QEMU's 0..32767 range), so positions go in
// pixels. And it reads an axis the report did not carry as 0, while the
// kernel drops an ABS event that repeats the axis's value: a tap below the
// last one landed at x = 0. So each move passes (x + 1, y + 1) first, and
// both axes change in the report.
bool Qmp::MoveTo(int x, int y) {
    return Run(InputEvents(AbsEvent("x", x + 1) + "," + AbsEvent("y", y + 1) + "," + AbsEvent("x", x) + "," +
                           AbsEvent("y", y)));
}

bool Qmp::Button(bool down) {
    return Run(InputEvents(std::string(R"({"type":"btn","data":{"down":)") + (down ? "true" : "false") +
                           R"(,"button":"left"}})"));
}

bool Qmp::Keys(const std::string& combo) {
    std::string sends;
    std::size_t start = 0;
    for (;;) {
        const std::size_t dash = combo.find('-', start);
        const std::string key =
            combo.substr(start, dash == std::string::npos ? std::string::npos : dash - start);
        sends += std::string(sends.empty() ? "" : ",") + R"({"type":"qcode","data":")" + key + R"("})";
        if (dash == std::string::npos) break;
        start = dash + 1;
    }
    return Run(R"({"execute":"send-key","arguments":{"keys":[)" + sends + "]}}");
}

bool QmpInput::Origin(unsigned long, int* x, int* y) {
    *x = 0;
    *y = 0;
    return true;
}

void QmpInput::MoveTo(int x, int y) {
    if (!qmp_.MoveTo(x, y)) throw std::runtime_error("QMP: no tablet move (QEMU gone?)");
}

void QmpInput::Press() {
    if (!qmp_.Button(true)) throw std::runtime_error("QMP: no button press (QEMU gone?)");
}

void QmpInput::Release() {
    if (!qmp_.Button(false)) throw std::runtime_error("QMP: no button release (QEMU gone?)");
}

void QmpInput::Key(const std::string& keysym_name) {
    if (!qmp_.Keys(QemuKey(keysym_name))) throw std::runtime_error("QMP: no key " + keysym_name);
}

} // namespace tapsheet::vm
