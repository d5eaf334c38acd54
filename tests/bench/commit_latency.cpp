// How long an attendee's answer waits for its ack: SaveAnswer() to Ack, one
// answer at a time as at the kiosk, through VisitWriter with
// synchronous=FULL on a real file. Prints median, p99 and max next to the
// 16.7 ms frame budget. No pass/fail: timings depend on the disk.
//
// Usage: bench_commit_latency [--count N] [--db PATH] [--keep]
// The default file is in the current directory, because /tmp is often in
// RAM, where fsync costs nothing and the figures would flatter the kiosk.
#include "app/core/content.h"
#include "app/store/store.h"
#include "bench_fill.h"
#include "bench_util.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

namespace {

using tapsheet::bench::Figures;
using tapsheet::bench::RemoveDatabase;
using tapsheet::bench::Summarise;

using Clock = std::chrono::steady_clock;
constexpr double kFrameMs = 1000.0 / 60.0;

struct Settings {
    int count = 2000;
    std::string db_path = "bench_commit_latency.db";
    bool keep = false;
};

struct Signal {
    std::mutex mutex;
    std::condition_variable changed;
};

bool ParseArgs(int argc, char** argv, Settings* settings) {
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--count") && i + 1 < argc)
            settings->count = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--db") && i + 1 < argc)
            settings->db_path = argv[++i];
        else if (!std::strcmp(argv[i], "--keep"))
            settings->keep = true;
        else
            return false;
    }
    return true;
}

tapsheet::Ack WaitForAck(tapsheet::VisitWriter& writer, Signal& signal) {
    std::vector<tapsheet::Ack> acks;
    std::unique_lock lock(signal.mutex);
    signal.changed.wait(lock, [&] {
        acks = writer.TakeAcks();
        return !acks.empty();
    });
    return acks.back();
}

// A sheet answer of one to three chips, every tenth step saved again (the
// attendee went back), as the kiosk would send them.
tapsheet::StepAnswer MakeAnswer(const std::string& visit, int i) {
    tapsheet::StepAnswer answer;
    answer.visit_id = visit;
    answer.step_id = "step" + std::to_string(i % 50);
    for (int row = 0; row <= i % 3; ++row)
        answer.rows.push_back({"benefit" + std::to_string((i + row) % 14), ""});
    return answer;
}

void PrintRow(const char* name, const Figures& figures) {
    std::printf("  %-24s %8.3f %8.3f %8.3f\n", name, figures.median, figures.p99, figures.max);
}

void PrintBudget(const Figures& ack, const std::vector<double>& ack_ms) {
    const auto over = std::count_if(ack_ms.begin(), ack_ms.end(), [](double ms) { return ms > kFrameMs; });
    std::printf("\nframe budget %.1f ms (60 Hz):\n", kFrameMs);
    std::printf("  median ack = %.1f%% of a frame, p99 = %.1f%%, max = %.1f%%\n", 100 * ack.median / kFrameMs,
                100 * ack.p99 / kFrameMs, 100 * ack.max / kFrameMs);
    std::printf("  %ld of %zu acks (%.2f%%) took longer than one frame\n", static_cast<long>(over),
                ack_ms.size(), 100.0 * static_cast<double>(over) / static_cast<double>(ack_ms.size()));
    std::printf("  (frames never wait for an ack: the writer has its own thread; a slow ack\n"
                "   shows as a brief \"saving\" state on the answer, not as a frozen screen)\n");
}

} // namespace

int main(int argc, char** argv) {
    Settings settings;
    if (!ParseArgs(argc, argv, &settings)) {
        std::fprintf(stderr, "usage: bench_commit_latency [--count N] [--db PATH] [--keep]\n");
        return 1;
    }
    RemoveDatabase(settings.db_path);
    const tapsheet::Pack pack = tapsheet::bench::BenchPack();
    Signal signal;
    tapsheet::WriterOptions options;
    options.db_path = settings.db_path;
    options.wake = [&signal] {
        { std::lock_guard lock(signal.mutex); }
        signal.changed.notify_all();
    };
    std::vector<double> ack_ms, commit_ms;
    {
        tapsheet::VisitWriter writer(options, pack);
        const std::string visit = tapsheet::NewVisitId();
        writer.BeginVisit(visit, "en");
        if (!WaitForAck(writer, signal).committed) {
            std::fprintf(stderr, "cannot write: %s\n%s\n", writer.Health().problem.c_str(),
                         writer.Health().advice.c_str());
            return 1;
        }
        for (int i = 0; i < settings.count; ++i) {
            const Clock::time_point start = Clock::now();
            writer.SaveAnswer(MakeAnswer(visit, i));
            const tapsheet::Ack ack = WaitForAck(writer, signal);
            ack_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
            commit_ms.push_back(ack.transaction_ms);
            if (!ack.committed) {
                std::fprintf(stderr, "write failed: %s\n", writer.Health().problem.c_str());
                return 1;
            }
        }
    }
    const std::string where = std::filesystem::absolute(settings.db_path).string();
    if (!settings.keep) RemoveDatabase(settings.db_path);
    std::printf("commit latency: %d answers, one at a time, WAL + synchronous=FULL\n  file: %s\n\n",
                settings.count, where.c_str());
    std::printf("  %-24s %8s %8s %8s   (ms)\n", "", "median", "p99", "max");
    const Figures ack = Summarise(ack_ms);
    PrintRow("SaveAnswer -> Ack", ack);
    PrintRow("BEGIN..COMMIT (raw)", Summarise(commit_ms));
    PrintBudget(ack, ack_ms);
    return 0;
}
