// StopSignals with real signals sent to this process: a SIGTERM or SIGINT
// sets the flag and calls the wake from the signal thread; signals are
// blocked only while it lives.
#include "app/shell/stop_signals.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <thread>
#include <unistd.h>

namespace tapsheet {
namespace {

bool WaitFor(const std::atomic<int>& counter, int at_least) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (counter.load() < at_least) {
        if (std::chrono::steady_clock::now() > until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

bool Blocked(int signal) {
    sigset_t mask;
    pthread_sigmask(SIG_BLOCK, nullptr, &mask);
    return sigismember(&mask, signal) == 1;
}

TEST(StopSignals, SigtermSetsTheFlagAndWakesTheLoop) {
    std::atomic<int> wakes{0};
    StopSignals stop;
    stop.SetWake([&wakes] { wakes++; });
    EXPECT_FALSE(stop.Requested());
    ASSERT_EQ(kill(getpid(), SIGTERM), 0); // would end the test binary if not taken
    ASSERT_TRUE(WaitFor(wakes, 1));
    EXPECT_TRUE(stop.Requested());
}

TEST(StopSignals, SigintToo) {
    std::atomic<int> wakes{0};
    StopSignals stop;
    stop.SetWake([&wakes] { wakes++; });
    ASSERT_EQ(kill(getpid(), SIGINT), 0);
    ASSERT_TRUE(WaitFor(wakes, 1));
    EXPECT_TRUE(stop.Requested());
}

TEST(StopSignals, ASignalBeforeTheLoopIsKept) {
    StopSignals stop; // no wake yet: the windows are not open
    ASSERT_EQ(kill(getpid(), SIGTERM), 0);
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!stop.Requested() && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    EXPECT_TRUE(stop.Requested()) << "the loop sees it on its first pass";
}

TEST(StopSignals, BlocksOnlyWhileItLives) {
    ASSERT_FALSE(Blocked(SIGTERM));
    {
        StopSignals stop;
        EXPECT_TRUE(Blocked(SIGTERM));
        EXPECT_TRUE(Blocked(SIGINT));
    }
    EXPECT_FALSE(Blocked(SIGTERM));
    EXPECT_FALSE(Blocked(SIGINT));
    StopSignals second;
    EXPECT_FALSE(second.Requested()) << "an earlier signal does not stop a later run";
}

} // namespace
} // namespace tapsheet
