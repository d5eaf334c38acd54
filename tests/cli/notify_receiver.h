// The systemd side of the sd_notify protocol, for tests: a real unix
// datagram socket, bound to a file path or an abstract name, that collects
// what the program sends.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstring>
#include <optional>
#include <poll.h>
#include <string>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace tapsheet::cli_test {

class NotifyReceiver {
  public:
    // `name`: a path, or '@' + name for an abstract socket (as NOTIFY_SOCKET).
    explicit NotifyReceiver(std::string name) : name_(std::move(name)) {
        fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::memcpy(address.sun_path, name_.data(), name_.size());
        const bool abstract = name_[0] == '@';
        if (abstract) address.sun_path[0] = '\0';
        if (!abstract) unlink(name_.c_str());
        const auto length =
            static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + name_.size() + (abstract ? 0 : 1));
        bound_ = fd_ >= 0 && bind(fd_, reinterpret_cast<const sockaddr*>(&address), length) == 0;
    }
    NotifyReceiver(const NotifyReceiver&) = delete;
    NotifyReceiver& operator=(const NotifyReceiver&) = delete;
    ~NotifyReceiver() {
        if (fd_ >= 0) close(fd_);
        if (bound_ && name_[0] != '@') unlink(name_.c_str());
    }

    bool Bound() const { return bound_; }
    const std::string& Name() const { return name_; }

    // The next datagram, or nothing within `timeout_s` seconds.
    std::optional<std::string> Receive(double timeout_s) {
        const auto until = Clock::now() + std::chrono::duration<double>(timeout_s);
        for (;;) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
            pollfd wait{fd_, POLLIN, 0};
            const int ready = poll(&wait, 1, static_cast<int>(std::max<long long>(0, left.count())));
            if (ready > 0) break;
            if (ready == 0 || Clock::now() >= until) return std::nullopt;
        }
        char buffer[4096];
        const ssize_t got = recv(fd_, buffer, sizeof buffer, 0);
        if (got < 0) return std::nullopt;
        return std::string(buffer, static_cast<std::size_t>(got));
    }

  private:
    using Clock = std::chrono::steady_clock;
    std::string name_;
    int fd_ = -1;
    bool bound_ = false;
};

} // namespace tapsheet::cli_test
