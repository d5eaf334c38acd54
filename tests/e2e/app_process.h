// A `tapsheet` subcommand (or another program) as a child process, its
// output in a log file.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include <sys/types.h>

namespace tapsheet::e2e {

class AppProcess {
  public:
    // Runs TAPSHEET_BINARY with `args`; stdout and stderr go to `log`.
    AppProcess(const std::vector<std::string>& args, std::filesystem::path log);
    // Any program (QEMU, for tests/vm), found by its path.
    AppProcess(const std::string& program, const std::vector<std::string>& args, std::filesystem::path log);
    ~AppProcess(); // SIGKILL if still running
    AppProcess(const AppProcess&) = delete;
    AppProcess& operator=(const AppProcess&) = delete;

    pid_t Pid() const { return pid_; }
    std::string Log() const;
    // Whether it exited within `wait`; ExitCode() then says how.
    bool Exited(std::chrono::milliseconds wait = std::chrono::milliseconds(0));
    int ExitCode() const { return exit_code_; }
    // SIGTERM (what systemctl stop sends), then waits; true when it exited 0.
    bool Stop(std::chrono::seconds wait = std::chrono::seconds(20));
    // Each thread's name, scheduler state and the kernel function it sleeps
    // in, from /proc: after a timeout this tells a loop that stopped
    // drawing from one blocked on the disk (state D) or on a lock.
    std::string Threads() const;

  private:
    std::filesystem::path log_;
    pid_t pid_ = -1;
    bool exited_ = false;
    int exit_code_ = -1;
};

// Output of a command that runs to its end (export, report): exit code and
// stdout + stderr.
struct CommandResult {
    int exit_code = -1;
    std::string output;
};
CommandResult RunTapsheet(const std::vector<std::string>& args);

} // namespace tapsheet::e2e
