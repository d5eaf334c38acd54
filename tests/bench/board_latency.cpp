// Commit-to-board latency across two processes. This program fills a
// database with 100,000 answers, then starts ITSELF again as the kiosk
// (`--kiosk`): a real VisitWriter in another process that saves one answer
// at a time (WAL, synchronous=FULL) and prints, for each, the steady clock
// at its ack. This process is the board: a TallyReader refreshed when a
// FileWatch says the file was written (with the board's 2 s safety poll),
// as `tapsheet board` does; or, with --poll-ms N, polled every N ms (what
// the board falls back to where it cannot watch). For answer k, the latency is the
// first poll whose figures include k, minus the kiosk's ack of k; the clock
// is CLOCK_MONOTONIC, shared by both processes. The ack comes just after the
// commit, so a poll may see an answer a little before the kiosk printed its
// ack: such latencies are negative and kept (the minimum shows how much).
//
// Usage: bench_board_latency [--answers N] [--stored N] [--poll-ms N] [--db PATH]
#include "app/store/file_watch.h"
#include "app/store/tally_reader.h"
#include "bench_fill.h"
#include "bench_util.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <sstream>
#include <thread>

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;
using tapsheet::bench::Summarise;

struct Settings {
    int answers = 1000;
    int stored = 100000;
    int poll_ms = 0; // 0: woken by a FileWatch, as the board is
    std::string db_path = "bench_board_latency.db";
};

double NowMs() {
    return std::chrono::duration<double, std::milli>(Clock::now().time_since_epoch()).count();
}

// The kiosk side: one visit per answer, each answer acked before the next.
int RunKiosk(const std::string& path, int answers) {
    std::mutex mutex;
    std::condition_variable changed;
    const tapsheet::Pack pack = tapsheet::bench::BenchPack();
    tapsheet::WriterOptions options;
    options.db_path = path;
    options.kiosk_id = "bench-kiosk";
    options.wake = [&] {
        { std::lock_guard lock(mutex); }
        changed.notify_all();
    };
    tapsheet::VisitWriter writer(options, pack);
    for (int k = 1; k <= answers; ++k) {
        const std::string visit = tapsheet::NewVisitId();
        writer.BeginVisit(visit, "en");
        tapsheet::StepAnswer answer;
        answer.visit_id = visit;
        answer.step_id = "latency";
        answer.rows.push_back({"benefit" + std::to_string(k % 14), ""});
        const tapsheet::Ticket ticket = writer.SaveAnswer(std::move(answer));
        bool acked = false;
        while (!acked) {
            std::unique_lock lock(mutex);
            changed.wait_for(lock, std::chrono::milliseconds(50));
            for (const tapsheet::Ack& ack : writer.TakeAcks()) {
                if (!ack.committed) return 2;
                acked = acked || ack.ticket == ticket;
            }
        }
        std::printf("%d %.4f\n", k, NowMs());
        std::fflush(stdout);
        // Answers arrive at human pace with jitter, never in lock-step with the poll.
        std::this_thread::sleep_for(std::chrono::microseconds(3000 + (k * 7919) % 9000));
    }
    return 0;
}

pid_t SpawnKiosk(const char* self, const Settings& settings, int stdout_fd) {
    std::string answers = std::to_string(settings.answers);
    std::vector<std::string> args = {self, "--kiosk", settings.db_path, answers};
    std::vector<char*> argv;
    for (std::string& arg : args)
        argv.push_back(arg.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, stdout_fd, STDOUT_FILENO);
    pid_t pid = -1;
    if (posix_spawn(&pid, self, &actions, nullptr, argv.data(), environ) != 0) pid = -1;
    posix_spawn_file_actions_destroy(&actions);
    return pid;
}

bool ParseArgs(int argc, char** argv, Settings* settings) {
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--answers") && i + 1 < argc)
            settings->answers = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--stored") && i + 1 < argc)
            settings->stored = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--poll-ms") && i + 1 < argc)
            settings->poll_ms = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--db") && i + 1 < argc)
            settings->db_path = argv[++i];
        else
            return false;
    }
    return true;
}

// Reads whatever the kiosk printed so far; false at its end.
bool ReadAcks(int fd, std::string& pending, std::map<int, double>& acks) {
    char buffer[4096];
    const ssize_t got = read(fd, buffer, sizeof buffer);
    if (got == 0) return false;
    if (got > 0) pending.append(buffer, static_cast<std::size_t>(got));
    std::size_t newline;
    while ((newline = pending.find('\n')) != std::string::npos) {
        std::istringstream line(pending.substr(0, newline));
        int k = 0;
        double at = 0;
        if (line >> k >> at) acks[k] = at;
        pending.erase(0, newline + 1);
    }
    return true;
}

} // namespace

int main(int argc, char** argv) {
    if (argc == 4 && !std::strcmp(argv[1], "--kiosk")) return RunKiosk(argv[2], std::atoi(argv[3]));
    Settings settings;
    if (!ParseArgs(argc, argv, &settings)) {
        std::fprintf(stderr,
                     "usage: bench_board_latency [--answers N] [--stored N] [--poll-ms N] [--db PATH]\n");
        return 1;
    }
    tapsheet::bench::RemoveDatabase(settings.db_path);
    if (!tapsheet::bench::CreateSchema(settings.db_path) ||
        !tapsheet::bench::Fill(settings.db_path, settings.stored)) {
        std::fprintf(stderr, "cannot create %s\n", settings.db_path.c_str());
        return 1;
    }
    // The board's wait: woken by the watch (or its 2 s safety poll), or a plain poll.
    std::mutex mutex;
    std::condition_variable woken;
    bool written = false;
    double last_write = 0;
    double seen_write = 0; // last_write when a refresh last found a commit
    tapsheet::FileWatch watch(settings.db_path, [&] {
        {
            std::lock_guard lock(mutex);
            written = true;
            last_write = NowMs();
        }
        woken.notify_all();
    });
    if (settings.poll_ms == 0 && !watch.Ok()) {
        std::fprintf(stderr, "cannot watch %s; try --poll-ms 25\n", settings.db_path.c_str());
        return 1;
    }
    // A write is seen before its commit is (see kSettleAfterWriteSeconds),
    // so after each one the board looks again every few ms for a while, as
    // BoardSession does.
    auto wait = [&] {
        if (settings.poll_ms > 0)
            return std::this_thread::sleep_for(std::chrono::milliseconds(settings.poll_ms));
        std::unique_lock lock(mutex);
        const bool settling =
            last_write > seen_write && NowMs() - last_write < tapsheet::kSettleAfterWriteSeconds * 1000;
        const double longest_ms = settling ? tapsheet::kSettlePollSeconds * 1000 : 2000;
        woken.wait_for(lock, std::chrono::duration<double, std::milli>(longest_ms), [&] { return written; });
        written = false;
    };
    tapsheet::TallyReader board(settings.db_path);
    tapsheet::Tallies tallies;
    board.Refresh(0, &tallies); // the board is up before the kiosk starts answering
    int fds[2];
    if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) return 1;
    const pid_t kiosk = SpawnKiosk(argv[0], settings, fds[1]);
    close(fds[1]);
    if (kiosk <= 0) return 1;

    std::map<int, double> acks;
    std::vector<double> seen(static_cast<std::size_t>(settings.answers) + 1, 0); // seen[k]: first poll with k
    std::string pending;
    int seen_count = 0;
    bool kiosk_running = true;
    std::vector<double> refresh_ms;
    while (kiosk_running || seen_count < static_cast<int>(acks.size())) {
        kiosk_running = ReadAcks(fds[0], pending, acks) && kiosk_running;
        const double start = NowMs();
        double write_before = 0;
        {
            std::lock_guard lock(mutex);
            write_before = last_write;
        }
        if (board.Refresh(0, &tallies)) {
            seen_write = write_before;
            refresh_ms.push_back(NowMs() - start);
            const tapsheet::StepTally* step = tallies.Step("latency");
            const int now_seen = step ? step->respondents : 0;
            for (int k = seen_count + 1; k <= now_seen && k <= settings.answers; ++k)
                seen[static_cast<std::size_t>(k)] = start;
            seen_count = std::max(seen_count, now_seen);
        }
        if (!kiosk_running && seen_count >= settings.answers) break;
        wait();
    }
    int status = 0;
    waitpid(kiosk, &status, 0);
    close(fds[0]);
    tapsheet::bench::RemoveDatabase(settings.db_path);

    std::vector<double> latency;
    double lowest = 0;
    for (const auto& [k, at] : acks) {
        if (k > seen_count) continue;
        latency.push_back(seen[static_cast<std::size_t>(k)] - at);
        lowest = std::min(lowest, latency.back());
    }
    const tapsheet::bench::Figures figures = Summarise(latency);
    const tapsheet::bench::Figures refresh = Summarise(refresh_ms);
    std::printf(
        "commit-to-board latency: %zu answers acked by a kiosk process, %d seen by the board process,\n"
        "  %d answers stored before, board %s\n\n",
        acks.size(), seen_count, settings.stored,
        settings.poll_ms ? ("polls every " + std::to_string(settings.poll_ms) + " ms").c_str()
                         : "woken by its file watch (inotify), as `tapsheet board` is");
    std::printf("  %-34s %9s %9s %9s   (ms)\n", "", "median", "p99", "max");
    std::printf("  %-34s %9.2f %9.2f %9.2f\n", "kiosk ack -> board figures", figures.median, figures.p99,
                figures.max);
    std::printf("  %-34s %9.3f %9.3f %9.3f\n", "board Refresh() that caught up", refresh.median, refresh.p99,
                refresh.max);
    std::printf("  lowest latency %.2f ms (below 0: seen before the kiosk printed its ack)\n", lowest);
    const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 && seen_count == settings.answers;
    if (!ok) std::printf("  FAILED: the kiosk process exited with %d, or answers were never seen\n", status);
    return ok ? 0 : 1;
}
