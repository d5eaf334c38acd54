// Kiosk lock-down through the real backends under Xvfb: the real `tapsheet
// kiosk` process gets a window manager's close request (what Alt+F4 and the
// title bar's X send: WM_DELETE_WINDOW) and quit keys typed through XTest,
// and must stay up; only SIGTERM ends it. The same close request does end an
// unlocked one, which shows the request really arrives.
#include "tests/cli/cli_test_util.h"

#include "app/platform/window.h"
#include "tests/cli/x11_client.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <csignal>
#include <ctime>
#include <fcntl.h>
#include <thread>
#include <vector>

namespace tapsheet {
namespace {

using namespace std::chrono_literals;
using cli_test::Contains;
using cli_test::TempDir;

std::string ReadFile(const std::filesystem::path& path) {
    std::ifstream file(path);
    return std::string(std::istreambuf_iterator<char>(file), {});
}

// The kiosk as a child process, its output in a file.
class KioskProcess {
  public:
    KioskProcess(const std::filesystem::path& dir, const std::string& backend, bool locked,
                 const std::string& config = "")
        : log_(dir / "log") {
        std::vector<std::string> args = {TAPSHEET_BINARY, "kiosk",
                                         "--windowed",    "800x480",
                                         "--backend",     backend,
                                         "--db",          (dir / "r.db").string(),
                                         "--locked",      locked ? "yes" : "no"};
        if (!config.empty()) args.insert(args.end(), {"--config", config});
        pid_ = fork();
        if (pid_ != 0) return;
        const int fd = open(log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(fd, STDOUT_FILENO);
        dup2(fd, STDERR_FILENO);
        std::vector<char*> argv;
        for (const std::string& arg : args)
            argv.push_back(const_cast<char*>(arg.c_str()));
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    ~KioskProcess() {
        if (pid_ > 0 && !exited_) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
    }
    pid_t Pid() const { return pid_; }
    std::string Log() const { return ReadFile(log_); }

    bool WaitForFirstFrame() {
        for (auto start = std::chrono::steady_clock::now(); std::chrono::steady_clock::now() - start < 30s;) {
            if (Contains(Log(), "first frame presented")) return true;
            if (Exited(0ms)) return false;
            std::this_thread::sleep_for(20ms);
        }
        return false;
    }
    // Whether it exited within `wait`; its exit code in exit_code_.
    bool Exited(std::chrono::milliseconds wait) {
        for (auto start = std::chrono::steady_clock::now();;) {
            int status = 0;
            if (!exited_ && waitpid(pid_, &status, WNOHANG) == pid_) {
                exited_ = true;
                exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            }
            if (exited_ || std::chrono::steady_clock::now() - start >= wait) return exited_;
            std::this_thread::sleep_for(20ms);
        }
    }
    int ExitCode() const { return exit_code_; }

  private:
    std::filesystem::path log_;
    pid_t pid_ = -1;
    bool exited_ = false;
    int exit_code_ = -1;
};

// Each test on a private X server: XTest input goes to whatever window is
// under the pointer, and other tests' windows must not be there.
class Lockdown : public testing::TestWithParam<const char*> {
  protected:
    void SetUp() override {
        for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY"}) {
            const char* value = std::getenv(name);
            saved_.emplace_back(name, value != nullptr ? value : "");
            unsetenv(name);
        }
        std::string error;
        display_ = EnsureDisplay(1280, 800, &error);
        ASSERT_NE(display_, nullptr) << error;
    }
    void TearDown() override {
        display_.reset();
        for (const auto& [name, value] : saved_)
            if (!value.empty()) setenv(name.c_str(), value.c_str(), 1);
    }

  private:
    std::shared_ptr<VirtualDisplay> display_;
    std::vector<std::pair<std::string, std::string>> saved_;
};

TEST_P(Lockdown, CloseRequestsAndQuitKeysDoNothingOnlySigtermStops) {
    x11_test::Client x;
    ASSERT_TRUE(x.Ok()) << "cannot open DISPLAY " << std::getenv("DISPLAY");
    const auto dir = TempDir(std::string("lockdown-") + GetParam());
    KioskProcess kiosk(dir, GetParam(), true);
    ASSERT_TRUE(kiosk.WaitForFirstFrame()) << kiosk.Log();
    const unsigned long window = x.FindWindowOf(kiosk.Pid());
    ASSERT_NE(window, 0u) << "no window with _NET_WM_PID " << kiosk.Pid();
    for (int i = 0; i < 3; i++)
        x.SendCloseRequest(window);
    x.TypeQuitKeys(window);
    EXPECT_FALSE(kiosk.Exited(1500ms)) << "a locked kiosk quit:\n" << kiosk.Log();
    kill(kiosk.Pid(), SIGTERM);
    ASSERT_TRUE(kiosk.Exited(10s)) << "SIGTERM did not stop it:\n" << kiosk.Log();
    EXPECT_EQ(kiosk.ExitCode(), 0) << kiosk.Log();
    EXPECT_TRUE(Contains(kiosk.Log(), "SIGTERM received")) << kiosk.Log();
}

TEST_P(Lockdown, TheSameCloseRequestEndsAnUnlockedKiosk) {
    x11_test::Client x;
    ASSERT_TRUE(x.Ok()) << "cannot open DISPLAY " << std::getenv("DISPLAY");
    const auto dir = TempDir(std::string("unlocked-") + GetParam());
    KioskProcess kiosk(dir, GetParam(), false);
    ASSERT_TRUE(kiosk.WaitForFirstFrame()) << kiosk.Log();
    const unsigned long window = x.FindWindowOf(kiosk.Pid());
    ASSERT_NE(window, 0u);
    x.SendCloseRequest(window);
    ASSERT_TRUE(kiosk.Exited(10s)) << "the close request never arrived:\n" << kiosk.Log();
    EXPECT_EQ(kiosk.ExitCode(), 0) << kiosk.Log();
}

TEST_P(Lockdown, SigintStopsItToo) {
    const auto dir = TempDir(std::string("sigint-") + GetParam());
    KioskProcess kiosk(dir, GetParam(), true);
    ASSERT_TRUE(kiosk.WaitForFirstFrame()) << kiosk.Log();
    kill(kiosk.Pid(), SIGINT);
    ASSERT_TRUE(kiosk.Exited(10s)) << kiosk.Log();
    EXPECT_EQ(kiosk.ExitCode(), 0) << kiosk.Log();
}

// The staff gesture through the real loop: nothing moves while the finger
// is held, so the loop must wake itself when the hold completes.
TEST_P(Lockdown, AHeldCornerOpensThePinPadAShortPressDoesNot) {
    x11_test::Client x;
    ASSERT_TRUE(x.Ok()) << "cannot open DISPLAY " << std::getenv("DISPLAY");
    const auto dir = TempDir(std::string("gesture-") + GetParam());
    KioskProcess kiosk(dir, GetParam(), true);
    ASSERT_TRUE(kiosk.WaitForFirstFrame()) << kiosk.Log();
    const unsigned long window = x.FindWindowOf(kiosk.Pid());
    ASSERT_NE(window, 0u);
    x.Hold(window, 6, 6, 1.0);
    std::this_thread::sleep_for(500ms);
    EXPECT_FALSE(Contains(kiosk.Log(), "PIN pad opened")) << kiosk.Log();
    x.Hold(window, 400, 6, 3.6); // held long, but not in the corner
    std::this_thread::sleep_for(500ms);
    EXPECT_FALSE(Contains(kiosk.Log(), "PIN pad opened")) << kiosk.Log();
    x.Hold(window, 6, 6, 3.6);
    std::this_thread::sleep_for(500ms);
    EXPECT_TRUE(Contains(kiosk.Log(), "PIN pad opened")) << kiosk.Log();
    kill(kiosk.Pid(), SIGTERM);
    ASSERT_TRUE(kiosk.Exited(10s)) << kiosk.Log();
}

int CountVisits(const std::filesystem::path& db) {
    sqlite3* connection = nullptr;
    int count = -1;
    if (sqlite3_open_v2(db.c_str(), &connection, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(connection, "SELECT count(*) FROM visits", -1, &statement, nullptr) ==
                SQLITE_OK &&
            sqlite3_step(statement) == SQLITE_ROW)
            count = sqlite3_column_int(statement, 0);
        sqlite3_finalize(statement);
    }
    sqlite3_close(connection);
    return count;
}

// Sleep hours around the present minute, so the screen is asleep now.
std::string SleepingConfig(const std::filesystem::path& dir) {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    const int minute = local.tm_hour * 60 + local.tm_min;
    auto clock = [](int m) {
        m = (m + 24 * 60) % (24 * 60);
        char text[8];
        std::snprintf(text, sizeof text, "%02d:%02d", m / 60, m % 60);
        return std::string(text);
    };
    const auto path = dir / "sleep.toml";
    std::ofstream(path) << "[sleep]\nfrom = \"" << clock(minute - 60) << "\"\nuntil = \""
                        << clock(minute + 60) << "\"\nmode = \"blank\"\n";
    return path.string();
}

// Screen care through the real loop: a tap on a sleeping screen only wakes
// it (it must not start a visit under the finger); the next tap starts one.
TEST_P(Lockdown, TheTapThatWakesASleepingScreenStartsNothing) {
    x11_test::Client x;
    ASSERT_TRUE(x.Ok()) << "cannot open DISPLAY " << std::getenv("DISPLAY");
    const auto dir = TempDir(std::string("sleep-") + GetParam());
    KioskProcess kiosk(dir, GetParam(), true, SleepingConfig(dir));
    ASSERT_TRUE(kiosk.WaitForFirstFrame()) << kiosk.Log();
    const unsigned long window = x.FindWindowOf(kiosk.Pid());
    ASSERT_NE(window, 0u);
    std::this_thread::sleep_for(500ms);
    x.Hold(window, 400, 328, 0.15); // where "Tap to start" is at 800x480
    std::this_thread::sleep_for(1500ms);
    EXPECT_EQ(CountVisits(dir / "r.db"), 0) << kiosk.Log();
    x.Hold(window, 400, 328, 0.15);
    std::this_thread::sleep_for(1500ms);
    kill(kiosk.Pid(), SIGTERM);
    ASSERT_TRUE(kiosk.Exited(10s)) << kiosk.Log();
    EXPECT_EQ(CountVisits(dir / "r.db"), 1) << "awake, the same tap starts a visit\n" << kiosk.Log();
}

INSTANTIATE_TEST_SUITE_P(Backends, Lockdown, testing::Values("sdl", "glfw"));

} // namespace
} // namespace tapsheet
