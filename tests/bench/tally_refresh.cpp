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

using tapsheet::bench::Figures;
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

double MsSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Lets VisitWriter create and migrate the file, then closes it again.
bool CreateSchema(const std::string& path) {
    tapsheet::Pack pack;
    pack.id = "bench";
    pack.source_text = "id = \"bench\"\n";
    pack.source_hash = "bench-hash";
    std::mutex mutex;
    std::condition_variable changed;
    tapsheet::WriterOptions options;
    options.db_path = path;
    options.wake = [&] {
        { std::lock_guard lock(mutex); }
        changed.notify_all();
    };
    tapsheet::VisitWriter writer(options, pack);
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return writer.Ready(); });
    return writer.Health().ok;
}

// The rows of visit `v`: about ten, cycling through the options.
std::vector<tapsheet::AnswerRow> StepRows(int step, int v) {
    switch (step) {
    case 0:
        return {{"level" + std::to_string(v % 3), ""}};
    case 1:
        return {{"aim" + std::to_string(v % 2), ""}};
    case 2:
        return {{"improve" + std::to_string(v % 4), ""}, {"improve" + std::to_string((v + 1) % 4), ""}};
    case 3:
        return {{"domain" + std::to_string(v % 6), "focus"},
                {"domain" + std::to_string((v + 2) % 6), "least"}};
    default:
        return {{"benefit" + std::to_string(v % 14), ""},
                {"benefit" + std::to_string((v + 5) % 14), ""},
                {v % 4 ? "own" : "project", "free text"}};
    }
}

// One transaction, prepared statements, no fsync per row (see the top).
bool Fill(const std::string& path, int answers) {
    sqlite3* db = nullptr;
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) return false;
    sqlite3_stmt* visit = nullptr;
    sqlite3_stmt* answer = nullptr;
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_prepare_v2(
        db,
        "INSERT INTO visits (id, kiosk_id, pack_hash, lang, round, started_at, status, filtered) "
        "VALUES (?1, 'bench', 'bench-hash', 'en', 1, ?2, 'complete', ?3)",
        -1, &visit, nullptr);
    sqlite3_prepare_v2(
        db,
        "INSERT INTO answers (visit_id, step_id, item_id, value, answered_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        -1, &answer, nullptr);
    const std::string stamp = tapsheet::UtcStampNow();
    const char* steps[] = {"level", "aim", "improve", "domains", "sheet"};
    int written = 0;
    for (int v = 0; written < answers; ++v) {
        const std::string id = "visit" + std::to_string(v);
        sqlite3_bind_text(visit, 1, id.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(visit, 2, stamp.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(visit, 3, v % 10 == 0);
        sqlite3_step(visit);
        sqlite3_reset(visit);
        for (int step = 0; step < 5 && written < answers; ++step)
            for (const tapsheet::AnswerRow& row : StepRows(step, v)) {
                if (written++ >= answers) break;
                sqlite3_bind_text(answer, 1, id.c_str(), -1, SQLITE_TRANSIENT);
                sqlite3_bind_text(answer, 2, steps[step], -1, SQLITE_STATIC);
                sqlite3_bind_text(answer, 3, row.item_id.c_str(), -1, SQLITE_TRANSIENT);
                sqlite3_bind_text(answer, 4, row.value.c_str(), -1, SQLITE_TRANSIENT);
                sqlite3_bind_text(answer, 5, stamp.c_str(), -1, SQLITE_TRANSIENT);
                sqlite3_step(answer);
                sqlite3_reset(answer);
            }
    }
    sqlite3_finalize(visit);
    sqlite3_finalize(answer);
    const bool ok = sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
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
