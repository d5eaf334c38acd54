// A private Xvfb for machines with no display (SSH sessions, CI, a Pi
// booted without a desktop when taking screenshots).
#include "app/platform/platform_common.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace tapsheet {

using Clock = std::chrono::steady_clock;

class VirtualDisplay {
  public:
    VirtualDisplay(pid_t pid, std::string name) : pid_(pid), name_(std::move(name)) {}
    VirtualDisplay(const VirtualDisplay&) = delete;
    VirtualDisplay& operator=(const VirtualDisplay&) = delete;
    ~VirtualDisplay();

    const std::string& Name() const { return name_; }

  private:
    pid_t pid_;
    std::string name_;
};

namespace {

constexpr auto kStartTimeout = std::chrono::seconds(10);

bool HasEnv(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr && value[0] != '\0';
}

std::string FindInPath(const char* program) {
    const char* path = std::getenv("PATH");
    std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
    size_t start = 0;
    while (start <= dirs.size()) {
        size_t end = dirs.find(':', start);
        if (end == std::string::npos) end = dirs.size();
        const std::string candidate = dirs.substr(start, end - start) + "/" + program;
        if (end > start && access(candidate.c_str(), X_OK) == 0) return candidate;
        start = end + 1;
    }
    return {};
}

bool ReapChild(pid_t pid, int* status, std::chrono::milliseconds patience) {
    const auto deadline = Clock::now() + patience;
    do {
        if (waitpid(pid, status, WNOHANG) == pid) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    } while (Clock::now() < deadline);
    return false;
}

// Ends a child that is ours: SIGTERM, a moment's grace, then SIGKILL.
void StopChild(pid_t pid) {
    kill(pid, SIGTERM);
    int status = 0;
    if (ReapChild(pid, &status, std::chrono::seconds(2))) return;
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
}

// Only async-signal-safe calls between fork and exec: the parent may have
// threads (GL drivers, the store writer).
[[noreturn]] void ExecXvfb(const char* path, char* const argv[], int ready_fd, int null_fd, pid_t parent) {
    // Die with the kiosk even after kill -9, rather than linger.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) _exit(127);
    // The kiosk blocks SIGTERM for its own signal thread; Xvfb must not inherit that.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    // Own process group: Ctrl-C in the terminal must reach the app, which
    // then closes its windows, not pull the display away from under it.
    setpgid(0, 0);
    fcntl(ready_fd, F_SETFD, 0); // -displayfd must survive exec
    dup2(null_fd, STDIN_FILENO);
    dup2(null_fd, STDOUT_FILENO);
    dup2(null_fd, STDERR_FILENO);
    execv(path, argv);
    _exit(127);
}

// Reads the display number Xvfb writes to -displayfd once it listens.
int ReadDisplayNumber(int fd, pid_t pid, std::string* error) {
    std::string text;
    const auto deadline = Clock::now() + kStartTimeout;
    while (Clock::now() < deadline) {
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, 100) < 0 && errno != EINTR) break;
        char buffer[32];
        const ssize_t n = (p.revents & (POLLIN | POLLHUP)) ? read(fd, buffer, sizeof(buffer)) : -1;
        if (n > 0) text.append(buffer, static_cast<size_t>(n));
        if (!text.empty() && text.back() == '\n') return std::atoi(text.c_str());
        if (n == 0) {
            int status = 0;
            if (!ReapChild(pid, &status, std::chrono::seconds(1))) StopChild(pid);
            platform::SetError(error, "Xvfb exited at start (status " + std::to_string(WEXITSTATUS(status)) +
                                          "). Run `Xvfb -displayfd 1` by hand to see why.");
            return -1;
        }
    }
    platform::SetError(error, "Xvfb did not start within 10 s. Run `Xvfb -displayfd 1` by hand to see why.");
    StopChild(pid);
    return -1;
}

bool ConnectsTo(const std::string& socket_path, bool abstract) {
    const int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    // An abstract socket's name starts with a NUL byte (Linux).
    const size_t offset = abstract ? 1 : 0;
    std::memcpy(address.sun_path + offset, socket_path.data(),
                std::min(socket_path.size(), sizeof(address.sun_path) - 1 - offset));
    const socklen_t length =
        static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + offset + socket_path.size());
    const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&address), length) == 0;
    close(fd);
    return ok;
}

// -displayfd already means "listening"; check anyway, the way clients connect.
bool WaitUntilAccepting(int number) {
    const std::string path = "/tmp/.X11-unix/X" + std::to_string(number);
    const auto deadline = Clock::now() + kStartTimeout;
    while (Clock::now() < deadline) {
        if (ConnectsTo(path, false) || ConnectsTo(path, true)) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

pid_t SpawnXvfb(const std::string& path, int width, int height, int ready_fd, std::string* error) {
    const std::string fd_text = std::to_string(ready_fd);
    const std::string screen = std::to_string(width) + "x" + std::to_string(height) + "x24";
    std::vector<std::string> args = {path, "-displayfd", fd_text, "-screen", "0", screen, "-nolisten", "tcp"};
    std::vector<char*> argv;
    for (std::string& arg : args)
        argv.push_back(arg.data());
    argv.push_back(nullptr);
    const int null_fd = open("/dev/null", O_RDWR | O_CLOEXEC);
    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid == 0) ExecXvfb(path.c_str(), argv.data(), ready_fd, null_fd, parent);
    if (null_fd >= 0) close(null_fd);
    if (pid < 0)
        platform::SetError(error, std::string("Could not start Xvfb: ") + std::strerror(errno) + ".");
    return pid;
}

} // namespace

VirtualDisplay::~VirtualDisplay() {
    StopChild(pid_);
    const char* display = std::getenv("DISPLAY");
    if (display != nullptr && name_ == display) unsetenv("DISPLAY");
}

std::shared_ptr<VirtualDisplay> EnsureDisplay(int width, int height, std::string* error) {
    if (HasEnv("DISPLAY") || HasEnv("WAYLAND_DISPLAY")) return nullptr;
    const std::string xvfb = FindInPath("Xvfb");
    if (xvfb.empty()) {
        platform::SetError(error,
                           "There is no display (DISPLAY and WAYLAND_DISPLAY are unset) and Xvfb was not "
                           "found: install xvfb (deploy/install-deps.sh), or run with a display.");
        return nullptr;
    }
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        platform::SetError(error, std::string("Could not start Xvfb: ") + std::strerror(errno) + ".");
        return nullptr;
    }
    const pid_t pid = SpawnXvfb(xvfb, width > 0 ? width : 1920, height > 0 ? height : 1080, fds[1], error);
    close(fds[1]);
    const int number = pid > 0 ? ReadDisplayNumber(fds[0], pid, error) : -1;
    close(fds[0]);
    if (number < 0) return nullptr;
    if (!WaitUntilAccepting(number)) {
        StopChild(pid);
        platform::SetError(error,
                           "Xvfb started on :" + std::to_string(number) + " but accepts no connections.");
        return nullptr;
    }
    // Built with append: GCC 12's -Wrestrict misfires on ":" + std::string at -O2.
    std::string name(":");
    name.append(std::to_string(number));
    auto display = std::make_shared<VirtualDisplay>(pid, name);
    setenv("DISPLAY", display->Name().c_str(), 1);
    return display;
}

} // namespace tapsheet
