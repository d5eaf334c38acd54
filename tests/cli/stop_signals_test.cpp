// StopSignals with real signals: a SIGTERM or SIGINT sets the flag and
// wakes the loop (from another thread), and the handlers found before are
// put back afterwards.
#include "app/cli/stop_signals.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <thread>

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

void PreviousHandler(int) {}

void (*CurrentHandler(int signal))(int) {
    struct sigaction current {};
    sigaction(signal, nullptr, &current);
    return current.sa_handler;
}

TEST(StopSignals, SigtermSetsTheFlagAndWakesTheLoop) {
    std::atomic<int> wakes{0};
    StopSignals stop([&wakes] { wakes++; });
    EXPECT_FALSE(stop.Requested());
    ASSERT_EQ(raise(SIGTERM), 0); // would end the test binary if not handled
    EXPECT_TRUE(stop.Requested());
    EXPECT_TRUE(WaitFor(wakes, 1));
}

TEST(StopSignals, SigintToo) {
    std::atomic<int> wakes{0};
    StopSignals stop([&wakes] { wakes++; });
    ASSERT_EQ(raise(SIGINT), 0);
    EXPECT_TRUE(stop.Requested());
    EXPECT_TRUE(WaitFor(wakes, 1));
}

TEST(StopSignals, EachRunStartsClear) {
    {
        StopSignals first([] {});
        ASSERT_EQ(raise(SIGTERM), 0);
        EXPECT_TRUE(first.Requested());
    }
    StopSignals second([] {});
    EXPECT_FALSE(second.Requested()) << "an earlier run's signal does not stop this one";
}

TEST(StopSignals, PutsBackTheHandlersItFound) {
    struct sigaction mine {};
    mine.sa_handler = PreviousHandler;
    sigemptyset(&mine.sa_mask);
    struct sigaction old_term {};
    struct sigaction old_int {};
    sigaction(SIGTERM, &mine, &old_term);
    sigaction(SIGINT, &mine, &old_int);
    {
        StopSignals stop([] {});
        EXPECT_NE(CurrentHandler(SIGTERM), PreviousHandler);
        EXPECT_NE(CurrentHandler(SIGINT), PreviousHandler);
    }
    EXPECT_EQ(CurrentHandler(SIGTERM), PreviousHandler);
    EXPECT_EQ(CurrentHandler(SIGINT), PreviousHandler);
    sigaction(SIGTERM, &old_term, nullptr);
    sigaction(SIGINT, &old_int, nullptr);
}

} // namespace
} // namespace tapsheet
