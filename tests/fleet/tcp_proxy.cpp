#include "tests/fleet/tcp_proxy.h"

#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdexcept>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace tapsheet::fleet_test {

namespace {

sockaddr_in Loopback(int port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<uint16_t>(port));
    return address;
}

// A blocking connect (loopback answers at once), then non-blocking.
int ConnectTo(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const sockaddr_in address = Loopback(port);
    if (connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        close(fd);
        return -1;
    }
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    fcntl(fd, F_SETFL, O_NONBLOCK);
    return fd;
}

// Reads what `from` has into `into`; false on end of stream or error.
bool ReadInto(int from, std::string& into) {
    char buffer[65536];
    const ssize_t n = read(from, buffer, sizeof buffer);
    if (n > 0) into.append(buffer, static_cast<std::size_t>(n));
    return n > 0 || (n < 0 && (errno == EAGAIN || errno == EINTR));
}

// Writes what it can of `pending` to `to`; false on error.
bool WriteFrom(int to, std::string& pending) {
    const ssize_t n = send(to, pending.data(), pending.size(), MSG_NOSIGNAL);
    if (n > 0) pending.erase(0, static_cast<std::size_t>(n));
    return n >= 0 || errno == EAGAIN || errno == EINTR;
}

} // namespace

TcpProxy::TcpProxy(int target_port) : target_port_(target_port) {
    listen_fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    sockaddr_in address = Loopback(0);
    socklen_t length = sizeof address;
    if (bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        listen(listen_fd_, 64) != 0 ||
        getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0)
        throw std::runtime_error("TcpProxy: cannot listen on 127.0.0.1");
    port_ = ntohs(address.sin_port);
    wake_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    thread_ = std::thread([this] { Run(); });
}

TcpProxy::~TcpProxy() {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
    }
    Wake();
    thread_.join();
    CloseAll();
    close(listen_fd_);
    close(wake_fd_);
}

void TcpProxy::Cut() {
    std::lock_guard lock(mutex_);
    cut_ = true;
    CloseAll();
    Wake();
}

void TcpProxy::Heal() {
    std::lock_guard lock(mutex_);
    cut_ = false;
}

int TcpProxy::OpenConnections() const {
    std::lock_guard lock(mutex_);
    return static_cast<int>(links_.size());
}

long TcpProxy::AcceptedConnections() const {
    std::lock_guard lock(mutex_);
    return accepted_;
}

void TcpProxy::Wake() {
    const uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = write(wake_fd_, &one, sizeof one);
}

// Called with mutex_ held (or after the thread ended).
void TcpProxy::CloseAll() {
    for (Link& link : links_) {
        close(link.client);
        close(link.broker);
    }
    links_.clear();
    ++generation_;
}

void TcpProxy::Accept() {
    const int client = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
    if (client < 0) return;
    // Cut: the connection is closed at once, as an unreachable broker would.
    const int broker = cut_ ? -1 : ConnectTo(target_port_);
    if (broker < 0) {
        close(client);
        return;
    }
    const int one = 1;
    setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    links_.push_back({client, broker, {}, {}});
    ++accepted_;
}

// Moves bytes both ways; false once either side closed or failed.
bool TcpProxy::Pump(Link& link, short client_events, short broker_events) {
    if ((client_events | broker_events) & (POLLERR | POLLNVAL)) return false;
    if ((client_events & (POLLIN | POLLHUP)) && !ReadInto(link.client, link.to_broker)) return false;
    if ((broker_events & (POLLIN | POLLHUP)) && !ReadInto(link.broker, link.to_client)) return false;
    if (!link.to_broker.empty() && !WriteFrom(link.broker, link.to_broker)) return false;
    if (!link.to_client.empty() && !WriteFrom(link.client, link.to_client)) return false;
    return true;
}

void TcpProxy::Run() {
    std::vector<pollfd> fds;
    for (;;) {
        unsigned generation = 0;
        {
            std::lock_guard lock(mutex_);
            if (quit_) return;
            generation = generation_;
            fds.assign({{wake_fd_, POLLIN, 0}, {listen_fd_, POLLIN, 0}});
            // Read a side only while the other side has taken what came before.
            for (const Link& link : links_) {
                fds.push_back({link.client,
                               static_cast<short>((link.to_broker.empty() ? POLLIN : 0) |
                                                  (link.to_client.empty() ? 0 : POLLOUT)),
                               0});
                fds.push_back({link.broker,
                               static_cast<short>((link.to_client.empty() ? POLLIN : 0) |
                                                  (link.to_broker.empty() ? 0 : POLLOUT)),
                               0});
            }
        }
        poll(fds.data(), fds.size(), -1);
        std::lock_guard lock(mutex_);
        if (fds[0].revents & POLLIN) {
            uint64_t count = 0;
            [[maybe_unused]] const ssize_t n = read(wake_fd_, &count, sizeof count);
        }
        // Cut() closed the links polled on: their events mean nothing now.
        if (generation != generation_) continue;
        if (fds[1].revents & POLLIN) Accept();
        std::vector<Link> kept;
        for (std::size_t i = 0; i < links_.size() && 2 + 2 * i + 1 < fds.size(); ++i) {
            Link& link = links_[i];
            if (Pump(link, fds[2 + 2 * i].revents, fds[3 + 2 * i].revents)) {
                kept.push_back(std::move(link));
                continue;
            }
            close(link.client);
            close(link.broker);
        }
        // Links accepted in this round were not polled yet: keep them.
        for (std::size_t i = (fds.size() - 2) / 2; i < links_.size(); ++i)
            kept.push_back(std::move(links_[i]));
        links_ = std::move(kept);
    }
}

} // namespace tapsheet::fleet_test
