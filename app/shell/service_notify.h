// Tells systemd how the service is doing, in the sd_notify protocol spoken
// directly (one datagram per message to $NOTIFY_SOCKET), so the program needs
// no libsystemd: READY=1 once the first frame is on the screen, WATCHDOG=1
// from the main loop while it runs (a loop that hangs stops feeding, and
// systemd kills and restarts the service), STOPPING=1 on the way out.
// Without NOTIFY_SOCKET (not started by systemd, or not Type=notify) all of
// it does nothing.
#pragma once

#include <limits>
#include <string>
#include <string_view>

namespace tapsheet {

// What systemd put in the environment for this process.
struct NotifyEnvironment {
    std::string socket;        // NOTIFY_SOCKET: a path, or '@' + name for an abstract socket
    std::string watchdog_usec; // WATCHDOG_USEC: the watchdog timeout in microseconds
    std::string watchdog_pid;  // WATCHDOG_PID: the process the watchdog is for, when set
};

NotifyEnvironment ReadNotifyEnvironment();

// The watchdog timeout in seconds for process `pid`; 0 when there is none:
// WATCHDOG_USEC unset, not a positive number, or WATCHDOG_PID naming
// another process (the watchdog is a parent's, not ours).
double WatchdogTimeout(const NotifyEnvironment& env, long pid);

class ServiceNotifier {
  public:
    static constexpr double kNever = std::numeric_limits<double>::infinity();

    ServiceNotifier() = default; // does nothing
    // For this process (getpid()). A socket address that cannot be used is
    // reported on stderr once; the notifier then does nothing.
    explicit ServiceNotifier(const NotifyEnvironment& env);
    ServiceNotifier(const ServiceNotifier&) = delete;
    ServiceNotifier& operator=(const ServiceNotifier&) = delete;
    ~ServiceNotifier();

    bool Enabled() const { return fd_ >= 0; }
    // Seconds between two WATCHDOG=1: half the timeout, as systemd advises.
    // 0 without a watchdog.
    double FeedInterval() const { return feed_interval_; }

    // One datagram, e.g. "READY=1" or "STATUS=...". False when disabled or
    // the send failed (the first failure is printed).
    bool Send(std::string_view message);

    // READY=1, once; the watchdog is fed from then on (systemd arms it only
    // when start-up is complete).
    void Ready(double now);
    // WATCHDOG=1 when one is due at `now` (loop clock). Call on every pass
    // of the main loop, and wait no longer than NextFeed().
    void Feed(double now);
    // When the next WATCHDOG=1 is due; kNever without a watchdog or before Ready.
    double NextFeed() const { return next_feed_; }
    // STOPPING=1, once.
    void Stopping();

  private:
    int fd_ = -1;
    std::string address_; // the raw sockaddr_un, as long as it needs to be
    double feed_interval_ = 0;
    double next_feed_ = kNever;
    bool ready_sent_ = false;
    bool stopping_sent_ = false;
    bool failure_reported_ = false;
};

} // namespace tapsheet
