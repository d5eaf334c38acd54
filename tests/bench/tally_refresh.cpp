// What the board pays to keep its tallies live with 100,000 stored answers:
// the first Refresh() (reads everything once), Refresh() right after one new
// answer was committed by another connection (catches up through the change
// sequence), Refresh() while nothing changed (the data_version fast path a
// static board runs every frame), and switching the cross-tab (recounted in
// memory). Prints median, p99 and max. No pass/fail: timings depend on the
// machine.
//
// Usage: bench_tally_refresh [--answers N] [--iterations N] [--db PATH] [--keep]
//
// The file is created and migrated by VisitWriter (the real schema), then
// filled through raw sqlite3 in ONE transaction: 100,000 answers one
// synchronous=FULL commit each would take minutes and measure the disk, not
// the board. Visits carry ~10 rows over five steps shaped like the seed pack
// (three polls, a domains grid, a sheet with free text), a tenth filtered.
// The "one new answer" is also written through raw sqlite3 on a second
// connection: for the board that is indistinguishable from the kiosk's.
#include "app/core/content.h"
#include "app/store/stamp.h"
#include "app/store/store.h"
#include "app/store/tally_reader.h"
#include "bench_fill.h"
#include "bench_util.h"

#include <sqlite3.h>

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

using tapsheet::bench::CreateSchema;
using tapsheet::bench::Figures;
using tapsheet::bench::Fill;
using tapsheet::bench::MsSince;
using tapsheet::bench::RemoveDatabase;
using tapsheet::bench::Summarise;

using Clock = std::chrono::steady_clock;

struct Settings {
    int answers = 100000;
    int iterations = 200;
    std::string db_path = "bench_tally_refresh.db";
    bool keep = false;
};

bool ParseArgs(int argc, char** argv, Settings* settings) {
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--answers") && i + 1 < argc)
            settings->answers = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--iterations") && i + 1 < argc)
            settings->iterations = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--db") && i + 1 < argc)
            settings->db_path = argv[++i];
        else if (!std::strcmp(argv[i], "--keep"))
            settings->keep = true;
        else
            return false;
    }
    return true;
}

void PrintRow(const char* name, const Figures& figures) {
    std::printf("  %-34s %9.3f %9.3f %9.3f\n", name, figures.median, figures.p99, figures.max);
}

} // namespace

int main(int argc, char** argv) {
    Settings settings;
    if (!ParseArgs(argc, argv, &settings)) {
        std::fprintf(stderr,
                     "usage: bench_tally_refresh [--answers N] [--iterations N] [--db PATH] [--keep]\n");
        return 1;
    }
    RemoveDatabase(settings.db_path);
    const Clock::time_point fill_start = Clock::now();
    if (!CreateSchema(settings.db_path) || !Fill(settings.db_path, settings.answers)) {
        std::fprintf(stderr, "cannot create %s\n", settings.db_path.c_str());
        return 1;
    }
    const double fill_ms = MsSince(fill_start);

    tapsheet::TallyReader reader(settings.db_path);
    tapsheet::Tallies tallies;
    const Clock::time_point first_start = Clock::now();
    if (!reader.Refresh(1, &tallies)) {
        std::fprintf(stderr, "cannot read: %s\n", reader.Error().c_str());
        return 1;
    }
    const double first_ms = MsSince(first_start);
    sqlite3* kiosk = nullptr; // the other connection, standing in for the kiosk
    sqlite3_open(settings.db_path.c_str(), &kiosk);
    std::vector<double> changed_ms, unchanged_ms;
    int missed = 0;
    for (int i = 0; i < settings.iterations; ++i) {
        const std::string insert = "INSERT INTO answers VALUES ('visit1', 'sheet', 'benefit" +
                                   std::to_string(i % 14) + "', '', '" + tapsheet::UtcStampNow() + "')";
        sqlite3_exec(kiosk, insert.c_str(), nullptr, nullptr, nullptr);
        Clock::time_point start = Clock::now();
        missed += reader.Refresh(1, &tallies) ? 0 : 1;
        changed_ms.push_back(MsSince(start));
        start = Clock::now();
        missed += reader.Refresh(1, &tallies) ? 1 : 0;
        unchanged_ms.push_back(MsSince(start));
    }
    sqlite3_close(kiosk);
    std::vector<double> cross_ms;
    for (int i = 0; i < 20; ++i) {
        tapsheet::TallyQuery query;
        query.round = 1;
        query.cross_step = "level";
        query.cross_item = "level" + std::to_string(i % 3);
        const Clock::time_point start = Clock::now();
        missed += reader.Refresh(query, &tallies) ? 0 : 1;
        cross_ms.push_back(MsSince(start));
    }
    const std::string where = std::filesystem::absolute(settings.db_path).string();
    if (!settings.keep) RemoveDatabase(settings.db_path);

    std::printf("tally refresh: %d answers stored (filled in %.0f ms), %d iterations\n  file: %s\n\n",
                settings.answers, fill_ms, settings.iterations, where.c_str());
    std::printf("  %-34s %9s %9s %9s   (ms)\n", "", "median", "p99", "max");
    PrintRow("First refresh (reads everything)", Summarise({first_ms}));
    PrintRow("Refresh after one new answer", Summarise(changed_ms));
    PrintRow("Refresh, data_version unchanged", Summarise(unchanged_ms));
    PrintRow("Another cross-tab (in memory)", Summarise(cross_ms));
    std::printf("\n  %d of %d refreshes returned the wrong answer (0 expected)\n", missed,
                2 * settings.iterations + 20);
    std::printf("  counted: %d respondents to \"sheet\", %d filtered visits, %d answers in 10 min\n",
                tallies.Step("sheet") ? tallies.Step("sheet")->respondents : 0, tallies.filtered,
                tallies.answers_last_10_min);
    return missed == 0 ? 0 : 1;
}
