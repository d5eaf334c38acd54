#include "app/shell/service_notify.h"

#include <cerrno>
#include <charconv>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace tapsheet {

namespace {

std::string Env(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? value : "";
}

// A whole decimal number, nothing else around it.
bool ParseWhole(const std::string& text, unsigned long long* out) {
    if (text.empty()) return false;
    const char* end = text.data() + text.size();
    auto [at, ec] = std::from_chars(text.data(), end, *out);
    return ec == std::errc() && at == end;
}

// The sockaddr_un for NOTIFY_SOCKET as raw bytes, or empty when the address
// is not one this program speaks to: a file path ("/run/systemd/notify") or
// an abstract name ("@name": a leading NUL, and no terminating one).
std::string SocketAddress(const std::string& name, std::string* problem) {
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const bool abstract = !name.empty() && name[0] == '@';
    if (name.empty() || (name[0] != '/' && !abstract)) {
        *problem = "NOTIFY_SOCKET='" + name + "' is neither a path nor an abstract socket name";
        return "";
    }
    // A path needs room for its terminating NUL; an abstract name does not.
    const std::size_t room = sizeof address.sun_path - (abstract ? 0 : 1);
    if (name.size() > room) {
        *problem = "NOTIFY_SOCKET is too long for a unix socket address";
        return "";
    }
    std::memcpy(address.sun_path, name.data(), name.size());
    if (abstract) address.sun_path[0] = '\0';
    const std::size_t length = offsetof(sockaddr_un, sun_path) + name.size() + (abstract ? 0 : 1);
    return std::string(reinterpret_cast<const char*>(&address), length);
}

} // namespace

NotifyEnvironment ReadNotifyEnvironment() {
    return {Env("NOTIFY_SOCKET"), Env("WATCHDOG_USEC"), Env("WATCHDOG_PID")};
}

double WatchdogTimeout(const NotifyEnvironment& env, long pid) {
    unsigned long long usec = 0;
    if (!ParseWhole(env.watchdog_usec, &usec) || usec == 0) return 0;
    if (!env.watchdog_pid.empty()) {
        unsigned long long owner = 0;
        if (!ParseWhole(env.watchdog_pid, &owner) || owner != static_cast<unsigned long long>(pid)) return 0;
    }
    return static_cast<double>(usec) / 1e6;
}

ServiceNotifier::ServiceNotifier(const NotifyEnvironment& env) {
    if (env.socket.empty()) return;
    std::string problem;
    address_ = SocketAddress(env.socket, &problem);
    if (!address_.empty()) {
        fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (fd_ < 0) problem = std::string("cannot make a unix datagram socket: ") + std::strerror(errno);
    }
    if (fd_ < 0) {
        std::fprintf(stderr, "tapsheet: not telling systemd how the service is: %s\n", problem.c_str());
        return;
    }
    feed_interval_ = WatchdogTimeout(env, static_cast<long>(getpid())) / 2;
}

ServiceNotifier::~ServiceNotifier() {
    if (fd_ >= 0) close(fd_);
}

bool ServiceNotifier::Send(std::string_view message) {
    if (fd_ < 0) return false;
    const auto* address = reinterpret_cast<const sockaddr*>(address_.data());
    const auto length = static_cast<socklen_t>(address_.size());
    ssize_t sent = -1;
    do {
        sent = sendto(fd_, message.data(), message.size(), MSG_NOSIGNAL, address, length);
    } while (sent < 0 && errno == EINTR);
    if (sent == static_cast<ssize_t>(message.size())) return true;
    if (!failure_reported_) {
        std::fprintf(stderr, "tapsheet: could not tell systemd '%.*s': %s\n",
                     static_cast<int>(message.size()), message.data(),
                     sent < 0 ? std::strerror(errno) : "short send");
        failure_reported_ = true;
    }
    return false;
}

void ServiceNotifier::Ready(double now) {
    if (fd_ < 0 || ready_sent_) return;
    ready_sent_ = true;
    Send("READY=1");
    if (feed_interval_ > 0) next_feed_ = now + feed_interval_;
}

void ServiceNotifier::Feed(double now) {
    if (now < next_feed_) return; // also before Ready and without a watchdog: never due
    Send("WATCHDOG=1");
    next_feed_ = now + feed_interval_;
}

void ServiceNotifier::Stopping() {
    if (fd_ < 0 || stopping_sent_) return;
    stopping_sent_ = true;
    next_feed_ = kNever;
    Send("STOPPING=1");
}

} // namespace tapsheet
