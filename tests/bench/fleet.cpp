// The fleet's figures (issue 12, "Benchmarks"), through a private mosquitto
// on loopback with TLS, the real `tapsheet hub` process and kiosk processes
// (this program again, with --kiosk: the real VisitWriter and Outbox):
//   latency  a kiosk commits one answer per visit at a human pace; this
//            process reads the hub's results file as `tapsheet board` does
//            (a TallyReader woken by a FileWatch, with the board's settle
//            polls), as bench_board_latency reads a kiosk's own file. For
//            answer k: the first refresh whose figures include it, minus
//            the kiosk's commit of k (CLOCK_MONOTONIC, shared by processes).
//   backlog  a kiosk behind a cut TcpProxy (it cannot reach the broker) has
//            a backlog of answers written into its file; after the
//            partition the proxy heals: seconds until the hub's file holds
//            them all, the reconnect part of that, and the hub's ingest
//            rate (synchronous=FULL) from its first to its last answer.
//   idle     CPU of each kiosk, the hub and mosquitto with the fleet on and
//            nothing to send (/proc/PID/stat utime + stime).
//   resume   (only with --only resume) the hub stopped; a kiosk commits
//            answers meanwhile (they reach no one); the hub started again
//            after --hub-down-s: seconds until its file holds them all.
// Figures only: nothing here passes or fails on a number.
//
// usage: bench_fleet [--answers N] [--backlog N] [--partition-s S] [--idle-s S]
//                    [--hub-down-s S] [--only latency|backlog|idle|resume]
#include "app/core/config.h"
#include "app/fleet/outbox.h"
#include "app/store/file_watch.h"
#include "app/store/tally_reader.h"
#include "bench_fill.h"
#include "bench_util.h"
#include "tests/bench/fleet_rig.h"
#include "tests/fleet/tcp_proxy.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <unistd.h>

namespace {

using namespace tapsheet;
using bench::FleetRig;
using bench::NowMs;

struct Settings {
    long answers = 1000;
    long backlog = 10000;
    double partition_s = 16; // long enough for libmosquitto's reconnect backoff to grow
    double idle_s = 10;
    double hub_down_s = 20; // long enough for the kiosk's stall timer to double twice
    std::string only;
};

bool ParseArgs(int argc, char** argv, Settings* settings) {
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        const char* value = argv[i + 1];
        if (key == "--answers")
            settings->answers = std::max(1L, std::atol(value));
        else if (key == "--backlog")
            settings->backlog = std::max(1L, std::atol(value));
        else if (key == "--partition-s")
            settings->partition_s = std::atof(value);
        else if (key == "--idle-s")
            settings->idle_s = std::max(1.0, std::atof(value));
        else if (key == "--hub-down-s")
            settings->hub_down_s = std::atof(value);
        else if (key == "--only")
            settings->only = value;
        else
            return false;
    }
    return argc % 2 == 1;
}

void Say(const std::string& line) {
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fflush(stdout);
}

// The kiosk process: one answer per visit, each committed before the next,
// at a human pace with jitter; then idle, the outbox running, until SIGTERM.
int RunKiosk(const std::string& config_path, const std::string& db, const std::string& kiosk, long answers) {
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop, nullptr); // before any thread: the outbox says goodbye
    const ConfigResult config = LoadConfigFile(config_path);
    if (!config.Ok() || !config.config.fleet.enabled) return 2;
    std::mutex mutex;
    std::condition_variable changed;
    WriterOptions options;
    options.db_path = db;
    options.kiosk_id = kiosk;
    options.wake = [&] {
        { std::lock_guard lock(mutex); }
        changed.notify_all();
    };
    VisitWriter writer(options, bench::BenchPack());
    {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return writer.Ready(); });
    }
    OutboxOptions outbox_options;
    outbox_options.fleet = config.config.fleet;
    outbox_options.kiosk_id = kiosk;
    outbox_options.database = db;
    Outbox outbox(outbox_options);
    std::string error;
    if (!writer.Health().ok || !outbox.Start(&error)) {
        Say("fail " + writer.Health().problem + error + "\n");
        return 1;
    }
    Say("ready\n");
    for (long k = 1; k <= answers; ++k) {
        const std::string visit = NewVisitId();
        writer.BeginVisit(visit, "en");
        StepAnswer answer;
        answer.visit_id = visit;
        answer.step_id = "latency";
        answer.rows.push_back({"benefit" + std::to_string(k % 14), ""});
        const Ticket ticket = writer.SaveAnswer(std::move(answer));
        bool acked = false;
        while (!acked) {
            std::unique_lock lock(mutex);
            changed.wait_for(lock, std::chrono::milliseconds(50));
            for (const Ack& ack : writer.TakeAcks()) {
                if (!ack.committed) return 1;
                acked = acked || ack.ticket == ticket;
            }
        }
        char line[64];
        std::snprintf(line, sizeof line, "%ld %.4f\n", k, NowMs());
        Say(line);
        std::this_thread::sleep_for(std::chrono::microseconds(3000 + (k * 7919) % 9000));
    }
    Say("written " + std::to_string(answers) + "\n");
    int signal_number = 0;
    sigwait(&stop, &signal_number);
    return 0;
}

// The board's side of the latency figure, as bench_board_latency's: the
// hub's file read by a TallyReader, woken by a FileWatch (and the board's
// settle polls after each write). seen[k]: the first refresh showing k.
std::vector<double> WatchHubFile(const std::string& path, long answers, double give_up_ms) {
    std::mutex mutex;
    std::condition_variable woken;
    bool written = false;
    double last_write = 0, seen_write = 0;
    FileWatch watch(path, [&] {
        {
            std::lock_guard lock(mutex);
            written = true;
            last_write = NowMs();
        }
        woken.notify_all();
    });
    TallyReader board(path);
    Tallies tallies;
    std::vector<double> seen(static_cast<std::size_t>(answers) + 1, 0);
    long seen_count = 0;
    while (seen_count < answers && NowMs() < give_up_ms) {
        const double start = NowMs();
        double write_before = 0;
        {
            std::lock_guard lock(mutex);
            write_before = last_write;
        }
        if (board.Refresh(0, &tallies)) {
            seen_write = write_before;
            const StepTally* step = tallies.Step("latency");
            const long now_seen = std::min<long>(answers, step ? step->respondents : 0);
            for (long k = seen_count + 1; k <= now_seen; ++k)
                seen[static_cast<std::size_t>(k)] = start;
            seen_count = std::max(seen_count, now_seen);
        }
        std::unique_lock lock(mutex);
        const bool settling =
            last_write > seen_write && NowMs() - last_write < kSettleAfterWriteSeconds * 1000;
        const double longest_ms = settling ? kSettlePollSeconds * 1000 : 2000;
        woken.wait_for(lock, std::chrono::duration<double, std::milli>(longest_ms), [&] { return written; });
        written = false;
    }
    return seen;
}

bool MeasureLatency(FleetRig& rig, const std::string& self, const Settings& settings,
                    std::unique_ptr<bench::Child>* kiosk) {
    *kiosk = rig.StartKiosk(self, "kiosk-lat", settings.answers);
    if (!*kiosk) return false;
    const double give_up = NowMs() + settings.answers * 60.0 + 30000;
    const std::vector<double> seen = WatchHubFile(rig.HubFile().string(), settings.answers, give_up);
    const std::vector<double> committed = rig.CommitTimes("kiosk-lat", settings.answers);
    std::vector<double> latency;
    double lowest = 1e9;
    for (std::size_t k = 1; k < seen.size(); ++k) {
        if (seen[k] == 0 || committed[k] == 0) continue;
        latency.push_back(seen[k] - committed[k]);
        lowest = std::min(lowest, latency.back());
    }
    const bench::Figures figures = bench::Summarise(latency);
    std::printf("commit on a kiosk process -> the board's figures read from the hub's file in this process\n"
                "  (kiosk -> mosquitto over TLS on loopback -> `tapsheet hub` -> its file), %ld answers,\n"
                "  one per visit, %zu seen\n",
                settings.answers, latency.size());
    std::printf("  %-34s %9s %9s %9s   (ms)\n", "", "median", "p99", "max");
    std::printf("  %-34s %9.2f %9.2f %9.2f\n", "kiosk commit -> board figures", figures.median, figures.p99,
                figures.max);
    std::printf("  lowest latency %.2f ms\n", latency.empty() ? 0 : lowest);
    return static_cast<long>(latency.size()) == settings.answers;
}

bool MeasureBacklog(FleetRig& rig, const std::string& self, const Settings& settings,
                    std::unique_ptr<fleet_test::TcpProxy>* proxy, std::unique_ptr<bench::Child>* kiosk) {
    const std::string name = "kiosk-backlog";
    *proxy = std::make_unique<fleet_test::TcpProxy>(rig.BrokerPort());
    (*proxy)->Cut();
    const double cut_at = NowMs();
    *kiosk = rig.StartKiosk(self, name, 0, (*proxy)->Port());
    if (!*kiosk || !bench::Fill(rig.KioskFile(name).string(), static_cast<int>(settings.backlog), name))
        return false;
    const double wait_ms = cut_at + settings.partition_s * 1000 - NowMs();
    if (wait_ms > 0) std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(wait_ms));
    const double heal_at = NowMs();
    (*proxy)->Heal();
    double first_at = 0, all_at = 0;
    long first_count = 0; // what the first commit(s) seen brought: not in the rate
    const double give_up = heal_at + 120000;
    while (all_at == 0 && NowMs() < give_up) {
        const long count = bench::CountAnswers(rig.HubFile(), name);
        if (count > 0 && first_at == 0) {
            first_at = NowMs();
            first_count = count;
        }
        if (count >= settings.backlog) all_at = NowMs();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::printf("\na backlog of %ld answers written while the kiosk could not reach the broker (a cut\n"
                "  TCP proxy, %.0f s), then the proxy healed\n",
                settings.backlog, settings.partition_s);
    if (all_at == 0) {
        std::printf("  FAILED: the hub's file holds %ld of them after 120 s\n",
                    bench::CountAnswers(rig.HubFile(), name));
        return false;
    }
    std::printf("  %-44s %8.2f s\n", "healed -> all in the hub's file", (all_at - heal_at) / 1000);
    std::printf("  %-44s %8.2f s\n", "  of which: healed -> the first in it", (first_at - heal_at) / 1000);
    std::printf("  %-44s %8.0f answers/s (%ld answers in %.2f s)\n",
                "hub ingest, synchronous=FULL (first -> all)",
                (settings.backlog - first_count) / std::max(0.001, (all_at - first_at) / 1000),
                settings.backlog - first_count, (all_at - first_at) / 1000);
    return true;
}

bool MeasureResume(FleetRig& rig, const std::string& self, const Settings& settings,
                   std::unique_ptr<bench::Child>* kiosk) {
    const std::string name = "kiosk-resume";
    const long answers = 300;
    const double stopped_at = NowMs();
    if (!rig.Run().Hub().Terminate()) return false;
    *kiosk = rig.StartKiosk(self, name, answers);
    if (!*kiosk || !(*kiosk)->WaitFor("written", std::chrono::seconds(60))) return false;
    const double wait_ms = stopped_at + settings.hub_down_s * 1000 - NowMs();
    if (wait_ms > 0) std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(wait_ms));
    const double restart_at = NowMs();
    if (!rig.StartHub()) return false;
    double all_at = 0;
    while (all_at == 0 && NowMs() < restart_at + 120000) {
        if (bench::CountAnswers(rig.HubFile(), name) >= answers) all_at = NowMs();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::printf("\nthe hub stopped for %.0f s while a kiosk committed %ld answers, then started again\n",
                settings.hub_down_s, answers);
    if (all_at == 0) {
        std::printf("  FAILED: the hub's file holds %ld of them after 120 s\n",
                    bench::CountAnswers(rig.HubFile(), name));
        return false;
    }

    std::printf("  %-44s %8.2f s\n", "hub started -> all in its file", (all_at - restart_at) / 1000);
    return true;
}

using Processes = std::vector<std::pair<std::string, pid_t>>;

void MeasureIdle(const Settings& settings, const Processes& processes) {
    std::this_thread::sleep_for(std::chrono::seconds(2)); // the last statuses and acks settle
    std::vector<long> before;
    for (const auto& [name, pid] : processes)
        before.push_back(bench::CpuTicks(pid));
    std::this_thread::sleep_for(std::chrono::duration<double>(settings.idle_s));
    const double ticks_per_second = static_cast<double>(sysconf(_SC_CLK_TCK));
    std::printf(
        "\nidle CPU with the fleet on, nothing to send, over %.0f s (utime + stime, one tick is %.0f ms)\n",
        settings.idle_s, 1000 / ticks_per_second);
    for (std::size_t i = 0; i < processes.size(); ++i) {
        const long ticks = bench::CpuTicks(processes[i].second) - before[i];
        std::printf("  %-34s %6.2f %% of a core (%ld ticks)\n", processes[i].first.c_str(),
                    100.0 * ticks / ticks_per_second / settings.idle_s, ticks);
    }
}

} // namespace

int main(int argc, char** argv) {
    if (argc == 6 && !std::strcmp(argv[1], "--kiosk"))
        return RunKiosk(argv[2], argv[3], argv[4], std::atol(argv[5]));
    Settings settings;
    if (!ParseArgs(argc, argv, &settings)) {
        std::fprintf(stderr, "usage: bench_fleet [--answers N] [--backlog N] [--partition-s S] [--idle-s S] "
                             "[--hub-down-s S] [--only latency|backlog|idle|resume]\n");
        return 2;
    }
    const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
    FleetRig rig({"kiosk-lat", "kiosk-backlog", "kiosk-resume"});
    if (!rig.StartHub()) {
        std::fprintf(stderr, "the hub did not start:\n%s\n", rig.Run().Hub().Log().c_str());
        return 1;
    }
    bool ok = true;
    std::unique_ptr<bench::Child> latency_kiosk, backlog_kiosk, resume_kiosk;
    std::unique_ptr<fleet_test::TcpProxy> proxy;
    if (settings.only.empty() || settings.only == "latency" || settings.only == "idle")
        ok = MeasureLatency(rig, self, settings, &latency_kiosk) && ok;
    if (settings.only.empty() || settings.only == "backlog")
        ok = MeasureBacklog(rig, self, settings, &proxy, &backlog_kiosk) && ok;
    if (settings.only == "resume") ok = MeasureResume(rig, self, settings, &resume_kiosk) && ok;
    Processes processes;
    if (latency_kiosk) processes.push_back({"kiosk process (after its answers)", latency_kiosk->Pid()});
    if (backlog_kiosk) processes.push_back({"kiosk process (after its backlog)", backlog_kiosk->Pid()});
    processes.push_back({"tapsheet hub", rig.HubPid()});
    processes.push_back({"mosquitto", rig.BrokerPid()});
    if (settings.only.empty() || settings.only == "idle") MeasureIdle(settings, processes);
    for (bench::Child* kiosk : {latency_kiosk.get(), backlog_kiosk.get(), resume_kiosk.get()})
        if (kiosk) kiosk->Terminate();
    if (!ok)
        std::printf("  FAILED: see the logs in %s (kept with TAPSHEET_FLEET_KEEP=1)\n",
                    rig.Run().Dir().c_str());
    return ok ? 0 : 1;
}
