// The real `tapsheet kiosk` as systemd runs it (Type=notify, WatchdogSec):
// NOTIFY_SOCKET points at a socket of the test's, WATCHDOG_USEC is short.
// The kiosk must say READY=1 once it shows its first frame, then keep
// feeding the watchdog while it idles on the attract screen (its loop would
// otherwise sleep for up to a minute), and say STOPPING=1 and exit 0 on
// SIGTERM, with SDL and with GLFW.
#include "tests/cli/cli_test_util.h"
#include "tests/cli/notify_receiver.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <optional>
#include <vector>

extern char** environ;

namespace tapsheet {
namespace {

using cli_test::NotifyReceiver;
using cli_test::TempDir;
using Clock = std::chrono::steady_clock;

constexpr double kWatchdogSeconds = 1.0; // fed every 0.5 s
constexpr double kReadyWithin = 60;      // start-up under the sanitizers on a busy machine

struct Child {
    pid_t pid = -1;
    std::filesystem::path log;
};

// Starts `tapsheet kiosk` with the notify variables; WATCHDOG_PID is the
// child's own pid, or `watchdog_pid` when given.
Child StartKiosk(const std::filesystem::path& dir, const std::string& backend, const std::string& socket,
                 const std::string& watchdog_pid = "") {
    Child child;
    child.log = dir / ("kiosk-" + backend + ".log");
    std::vector<std::string> args = {TAPSHEET_BINARY, "kiosk", "--windowed", "800x480",
                                     "--backend",     backend, "--db",       (dir / "k.db").string()};
    std::vector<std::string> env;
    for (char** e = environ; *e != nullptr; e++) {
        const std::string entry = *e;
        if (entry.rfind("NOTIFY_SOCKET=", 0) != 0 && entry.rfind("WATCHDOG_", 0) != 0) env.push_back(entry);
    }
    env.push_back("NOTIFY_SOCKET=" + socket);
    env.push_back("WATCHDOG_USEC=" + std::to_string(static_cast<long>(kWatchdogSeconds * 1e6)));
    // Everything is built before fork; the child only fills in its pid.
    char pid_entry[64] = {};
    std::vector<char*> argv, envp;
    for (std::string& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    for (std::string& e : env)
        envp.push_back(e.data());
    envp.push_back(pid_entry);
    envp.push_back(nullptr);
    child.pid = fork();
    if (child.pid == 0) {
        std::snprintf(pid_entry, sizeof pid_entry, "WATCHDOG_PID=%s",
                      watchdog_pid.empty() ? std::to_string(getpid()).c_str() : watchdog_pid.c_str());
        const int out = open(child.log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(out, 1);
        dup2(out, 2);
        execve(argv[0], argv.data(), envp.data());
        _exit(127);
    }
    return child;
}

std::string ReadLog(const Child& child) {
    std::ifstream in(child.log);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The child's exit status, or -1 if it is still running after `timeout_s`.
// Once reaped, the child's pid is forgotten (it may be reused).
int WaitExit(Child& child, double timeout_s) {
    const auto until = Clock::now() + std::chrono::duration<double>(timeout_s);
    for (;;) {
        int status = 0;
        if (waitpid(child.pid, &status, WNOHANG) == child.pid) {
            child.pid = -1;
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
        if (Clock::now() >= until) return -1;
        usleep(20000);
    }
}

class ServiceProcess : public ::testing::TestWithParam<std::string> {
  protected:
    void TearDown() override {
        if (child_.pid > 0) { // a test that failed half-way
            kill(child_.pid, SIGKILL);
            WaitExit(child_, 10);
        }
    }
    Child child_;
};

TEST_P(ServiceProcess, ReadyThenWatchdogWhileIdleThenStoppingOnSigterm) {
    const auto dir = TempDir("service-" + GetParam());
    NotifyReceiver systemd((dir / "notify.sock").string());
    ASSERT_TRUE(systemd.Bound());
    child_ = StartKiosk(dir, GetParam(), systemd.Name());
    ASSERT_GT(child_.pid, 0);

    EXPECT_EQ(systemd.Receive(kReadyWithin), "READY=1") << ReadLog(child_);
    EXPECT_NE(ReadLog(child_).find("tapsheet: first frame presented"), std::string::npos) << ReadLog(child_);

    // Idle on the attract screen for 4 watchdog periods: every gap between
    // two feeds stays under the timeout, so systemd would never kill it.
    const auto start = Clock::now();
    auto last = start;
    double longest_gap = 0;
    int feeds = 0;
    while (Clock::now() - start < std::chrono::duration<double>(4 * kWatchdogSeconds)) {
        std::optional<std::string> message = systemd.Receive(2 * kWatchdogSeconds);
        if (!message) break;
        EXPECT_EQ(*message, "WATCHDOG=1");
        const auto now = Clock::now();
        longest_gap = std::max(longest_gap, std::chrono::duration<double>(now - last).count());
        last = now;
        feeds++;
    }
    EXPECT_GE(feeds, 5) << "fed every half timeout: about 8 in 4 timeouts\n" << ReadLog(child_);
    EXPECT_LT(longest_gap, kWatchdogSeconds) << ReadLog(child_);

    ASSERT_EQ(kill(child_.pid, SIGTERM), 0);
    std::optional<std::string> message;
    while ((message = systemd.Receive(10)) && *message == "WATCHDOG=1") {
    }
    EXPECT_EQ(message, "STOPPING=1") << ReadLog(child_);
    EXPECT_EQ(WaitExit(child_, 20), 0) << ReadLog(child_);
}

TEST_P(ServiceProcess, NoWatchdogFeedsWhenTheWatchdogIsAnotherProcess) {
    const auto dir = TempDir("service-pid-" + GetParam());
    NotifyReceiver systemd((dir / "notify.sock").string());
    ASSERT_TRUE(systemd.Bound());
    child_ = StartKiosk(dir, GetParam(), systemd.Name(), "1");
    ASSERT_GT(child_.pid, 0);
    EXPECT_EQ(systemd.Receive(kReadyWithin), "READY=1") << ReadLog(child_);
    EXPECT_FALSE(systemd.Receive(2 * kWatchdogSeconds)) << "WATCHDOG_PID=1 is not the kiosk";
    ASSERT_EQ(kill(child_.pid, SIGTERM), 0);
    EXPECT_EQ(systemd.Receive(10), "STOPPING=1") << ReadLog(child_);
    EXPECT_EQ(WaitExit(child_, 20), 0) << ReadLog(child_);
}

INSTANTIATE_TEST_SUITE_P(Backends, ServiceProcess, ::testing::Values("sdl", "glfw"));

} // namespace
} // namespace tapsheet
