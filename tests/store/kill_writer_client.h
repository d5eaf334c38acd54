// Running kill_writer (see kill_writer.cpp) as a child process and checking
// what it was promised against what the file holds. Shared by kill_test.cpp
// and disk_full_test.cpp.
#pragma once

#include "app/store/reader.h"
#include "store_test_util.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

extern char** environ;

namespace tapsheet::test {

// What kill_writer printed: every write it had an ack for.
struct Promised {
    std::set<std::string> visits;                      // begin acked
    std::map<std::string, std::set<std::string>> rows; // visit -> "step/item"
    std::map<std::string, std::string> ends;           // visit -> status
    std::vector<std::string> failures;                 // "fail ..." lines
    int row_count = 0;
};

struct ChildRun {
    std::string output;
    int status = 0;
    bool spawned = false;
};

struct KillWriterArgs {
    std::string db_path;
    unsigned seed = 1;
    long visits = 0;              // 0: until killed
    long long max_file_bytes = 0; // > 0: RLIMIT_FSIZE in the child
};

// Reads what is available within `wait`; false once the pipe reached its end.
inline bool ReadSome(int fd, std::string& output, std::chrono::milliseconds wait) {
    pollfd readable{fd, POLLIN, 0};
    if (poll(&readable, 1, static_cast<int>(std::max<std::int64_t>(0, wait.count()))) <= 0) return true;
    char buffer[4096];
    const ssize_t got = read(fd, buffer, sizeof buffer);
    if (got <= 0) return false;
    output.append(buffer, static_cast<std::size_t>(got));
    return true;
}

inline pid_t SpawnKillWriter(const KillWriterArgs& what, int stdout_fd) {
    std::vector<std::string> args = {TAPSHEET_KILL_WRITER, what.db_path, std::to_string(what.seed),
                                     std::to_string(what.visits), std::to_string(what.max_file_bytes)};
    std::vector<char*> argv;
    for (std::string& arg : args)
        argv.push_back(arg.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, stdout_fd, STDOUT_FILENO);
    pid_t pid = -1;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) pid = -1;
    posix_spawn_file_actions_destroy(&actions);
    return pid;
}

// Runs kill_writer and SIGKILLs it `delay` after it said "ready" (or after
// it was started, when `from_start`: then it may die while opening). A
// negative delay lets it run to its own end (up to a minute). Returns
// everything it printed.
inline ChildRun RunKillWriter(const KillWriterArgs& what, std::chrono::milliseconds delay, bool from_start) {
    using Clock = std::chrono::steady_clock;
    ChildRun run;
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return run;
    const pid_t pid = SpawnKillWriter(what, fds[1]);
    close(fds[1]);
    run.spawned = pid > 0;
    const bool to_end = delay.count() < 0;
    Clock::time_point deadline = Clock::now() + (from_start && !to_end ? delay : std::chrono::seconds(60));
    bool open = run.spawned;
    while (open && Clock::now() < deadline) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        open = ReadSome(fds[0], run.output, std::min(left, std::chrono::milliseconds(5)));
        if (!from_start && !to_end && run.output.find("ready\n") != std::string::npos) {
            deadline = std::min(deadline, Clock::now() + delay);
            from_start = true; // the clock now runs from "ready"
        }
    }
    if (run.spawned) kill(pid, SIGKILL);
    while (open)
        open = ReadSome(fds[0], run.output, std::chrono::milliseconds(1000));
    if (run.spawned) waitpid(pid, &run.status, 0);
    close(fds[0]);
    return run;
}

// Every complete line the child printed (a line cut by the kill is ignored).
inline void Parse(const std::string& output, Promised& promised) {
    std::istringstream lines(output.substr(0, output.rfind('\n') + 1));
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream words(line);
        std::string kind, visit, step, item;
        words >> kind >> visit;
        if (kind == "begin") promised.visits.insert(visit);
        if (kind == "end") words >> promised.ends[visit];
        if (kind == "fail") promised.failures.push_back(line);
        if (kind != "ack") continue;
        words >> step >> item;
        promised.rows[visit].insert(step + "/" + item);
        ++promised.row_count;
    }
}

// Every promise is in the file, and the file passes integrity_check.
inline void ExpectKept(const std::string& path, const Promised& promised) {
    StoreReader reader(path);
    ASSERT_TRUE(reader.Ok()) << reader.Error();
    EXPECT_EQ(reader.IntegrityCheck(), "ok");
    for (const std::string& visit : promised.visits)
        EXPECT_TRUE(reader.Visit(visit).has_value()) << "acked visit lost: " << visit;
    for (const auto& [visit, rows] : promised.rows) {
        std::set<std::string> stored;
        for (const StoredAnswer& answer : reader.Answers(visit))
            stored.insert(answer.step_id + "/" + answer.item_id);
        for (const std::string& row : rows)
            EXPECT_TRUE(stored.count(row)) << "acked answer lost: " << visit << " " << row;
    }
    for (const auto& [visit, status] : promised.ends) {
        auto stored = reader.Visit(visit);
        EXPECT_TRUE(stored && stored->status == status) << "acked end lost: " << visit << " " << status;
    }
    EXPECT_TRUE(reader.Ok()) << reader.Error();
}

} // namespace tapsheet::test
