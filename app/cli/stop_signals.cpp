#include "app/cli/stop_signals.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace tapsheet {

namespace {

// What the signal handler touches has to be reachable without arguments:
// process-wide, like signal dispositions themselves.
std::atomic<bool> g_stop_requested{false};
int g_pipe[2] = {-1, -1};
struct sigaction g_previous_term {};
struct sigaction g_previous_int {};

constexpr char kStopByte = 's';
constexpr char kQuitByte = 'q'; // the destructor ends the waker thread

static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler needs a lock-free flag");

void OnStopSignal(int) {
    const int saved_errno = errno;
    g_stop_requested.store(true);
    const char byte = kStopByte;
    [[maybe_unused]] const ssize_t ignored = write(g_pipe[1], &byte, 1); // async-signal-safe
    errno = saved_errno;
}

void WakeOnStop(const std::function<void()>& wake) {
    for (;;) {
        char byte = 0;
        const ssize_t got = read(g_pipe[0], &byte, 1);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0 || byte == kQuitByte) return;
        wake();
    }
}

} // namespace

StopSignals::StopSignals(std::function<void()> wake) : wake_(std::move(wake)) {
    g_stop_requested.store(false);
    if (pipe2(g_pipe, O_CLOEXEC) != 0) {
        std::fprintf(stderr, "tapsheet: SIGTERM will not stop the loop cleanly: %s\n", std::strerror(errno));
        return;
    }
    waker_ = std::thread(WakeOnStop, std::cref(wake_));
    struct sigaction action {};
    action.sa_handler = OnStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, &g_previous_term);
    sigaction(SIGINT, &action, &g_previous_int);
    installed_ = true;
}

StopSignals::~StopSignals() {
    if (!installed_) return;
    // The old handlers first, so no signal writes into a closed pipe.
    sigaction(SIGTERM, &g_previous_term, nullptr);
    sigaction(SIGINT, &g_previous_int, nullptr);
    const char byte = kQuitByte;
    while (write(g_pipe[1], &byte, 1) < 0 && errno == EINTR) {
    }
    waker_.join();
    close(g_pipe[0]);
    close(g_pipe[1]);
    g_pipe[0] = g_pipe[1] = -1;
}

bool StopSignals::Requested() const {
    return g_stop_requested.load();
}

} // namespace tapsheet
