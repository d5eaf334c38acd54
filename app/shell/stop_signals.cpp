#include "app/shell/stop_signals.h"

#include <csignal>
#include <cstdio>
#include <pthread.h>

namespace tapsheet {

namespace {

sigset_t StopSet() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGUSR2); // our own, to end the watching thread
    return set;
}

} // namespace

StopSignals::StopSignals() {
    const sigset_t set = StopSet();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    thread_ = std::thread([this] { Watch(); });
}

StopSignals::~StopSignals() {
    pthread_kill(thread_.native_handle(), SIGUSR2);
    thread_.join();
    const sigset_t set = StopSet();
    pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

void StopSignals::SetWake(std::function<void()> wake) {
    std::lock_guard<std::mutex> lock(mutex_);
    wake_ = std::move(wake);
}

void StopSignals::Watch() {
    const sigset_t set = StopSet();
    for (;;) {
        int signal = 0;
        if (sigwait(&set, &signal) != 0) continue;
        if (signal == SIGUSR2) return;
        std::fprintf(stderr, "tapsheet: %s received, stopping\n", signal == SIGTERM ? "SIGTERM" : "SIGINT");
        requested_.store(true);
        std::lock_guard<std::mutex> lock(mutex_);
        if (wake_) wake_();
    }
}

} // namespace tapsheet
