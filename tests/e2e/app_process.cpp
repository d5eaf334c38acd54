#include "tests/e2e/app_process.h"

#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace tapsheet::e2e {

namespace {

std::string FirstLine(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
}

// "R", "S", "D": the field after the command's closing parenthesis.
std::string SchedulerState(const std::filesystem::path& task) {
    const std::string stat = FirstLine(task / "stat");
    const std::size_t close = stat.rfind(')');
    return close == std::string::npos || close + 2 >= stat.size() ? "?" : stat.substr(close + 2, 1);
}

[[noreturn]] void Exec(const std::string& program, const std::vector<std::string>& args,
                       const std::string& log) {
    const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, STDOUT_FILENO);
    dup2(fd, STDERR_FILENO);
    // Nothing reads the test's terminal (QEMU's stdio console would).
    const int nothing = open("/dev/null", O_RDONLY);
    dup2(nothing, STDIN_FILENO);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const std::string& arg : args)
        argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
}

} // namespace

AppProcess::AppProcess(const std::vector<std::string>& args, std::filesystem::path log)
    : AppProcess(TAPSHEET_BINARY, args, std::move(log)) {}

AppProcess::AppProcess(const std::string& program, const std::vector<std::string>& args,
                       std::filesystem::path log)
    : log_(std::move(log)) {
    pid_ = fork();
    if (pid_ == 0) Exec(program, args, log_.string());
}

AppProcess::~AppProcess() {
    if (pid_ > 0 && !exited_) {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
    }
}

std::string AppProcess::Log() const {
    std::ifstream file(log_);
    return std::string(std::istreambuf_iterator<char>(file), {});
}

bool AppProcess::Exited(std::chrono::milliseconds wait) {
    const auto start = std::chrono::steady_clock::now();
    for (;;) {
        int status = 0;
        if (!exited_ && pid_ > 0 && waitpid(pid_, &status, WNOHANG) == pid_) {
            exited_ = true;
            exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
        if (exited_ || std::chrono::steady_clock::now() - start >= wait) return exited_;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

bool AppProcess::Stop(std::chrono::seconds wait) {
    if (!exited_ && pid_ > 0) kill(pid_, SIGTERM);
    return Exited(std::chrono::duration_cast<std::chrono::milliseconds>(wait)) && exit_code_ == 0;
}

CommandResult RunTapsheet(const std::vector<std::string>& args) {
    int fds[2];
    CommandResult result;
    if (pipe(fds) != 0) return result;
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        dup2(fds[1], STDOUT_FILENO);
        dup2(fds[1], STDERR_FILENO);
        std::vector<char*> argv;
        argv.push_back(const_cast<char*>(TAPSHEET_BINARY));
        for (const std::string& arg : args)
            argv.push_back(const_cast<char*>(arg.c_str()));
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(fds[1]);
    char buffer[4096];
    ssize_t n = 0;
    while ((n = read(fds[0], buffer, sizeof buffer)) > 0)
        result.output.append(buffer, static_cast<std::size_t>(n));
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::string AppProcess::Threads() const {
    std::string report;
    std::error_code error;
    const std::filesystem::path tasks = "/proc/" + std::to_string(pid_) + "/task";
    for (const auto& task : std::filesystem::directory_iterator(tasks, error)) {
        const std::string wchan = FirstLine(task.path() / "wchan");
        report += "    " + task.path().filename().string() + " " + FirstLine(task.path() / "comm") + " " +
                  SchedulerState(task.path()) + (wchan.empty() || wchan == "0" ? "" : " in " + wchan) + "\n";
    }
    return report.empty() ? "    (no threads: " + error.message() + ")\n" : report;
}

} // namespace tapsheet::e2e
