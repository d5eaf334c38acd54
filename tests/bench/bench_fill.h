// Filling a benchmark database: created and migrated by VisitWriter (the
// real schema), then filled through raw sqlite3 in ONE transaction, since
// 100,000 answers at one synchronous=FULL commit each would take minutes and
// measure the disk, not the board. Visits carry ~10 rows over five steps
// shaped like the seed pack, a tenth of them filtered.
#pragma once

#include "app/core/content.h"
#include "app/store/stamp.h"
#include "app/store/store.h"

#include <sqlite3.h>

#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

namespace tapsheet::bench {

// The pack the benchmarks' visits are recorded under.
inline tapsheet::Pack BenchPack() {
    tapsheet::Pack pack;
    pack.id = "bench";
    pack.source_text = "id = \"bench\"\n";
    pack.source_hash = "bench-hash";
    return pack;
}

// Lets VisitWriter create and migrate the file, then closes it again.
inline bool CreateSchema(const std::string& path) {
    const tapsheet::Pack pack = BenchPack();
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
inline std::vector<tapsheet::AnswerRow> StepRows(int step, int v) {
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
// `kiosk`: the visits' kiosk id (a fleet kiosk's backlog must carry its own).
inline bool Fill(const std::string& path, int answers, const std::string& kiosk = "bench") {
    sqlite3* db = nullptr;
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) return false;
    sqlite3_busy_timeout(db, 5000); // a running kiosk's outbox may be reading it
    sqlite3_stmt* visit = nullptr;
    sqlite3_stmt* answer = nullptr;
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_prepare_v2(
        db,
        "INSERT INTO visits (id, kiosk_id, pack_hash, lang, round, started_at, status, filtered) "
        "VALUES (?1, ?4, 'bench-hash', 'en', 1, ?2, 'complete', ?3)",
        -1, &visit, nullptr);
    sqlite3_prepare_v2(
        db,
        "INSERT INTO answers (visit_id, step_id, item_id, value, answered_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        -1, &answer, nullptr);
    const std::string stamp = tapsheet::UtcStampNow();
    const char* steps[] = {"level", "aim", "improve", "domains", "sheet"};
    int written = 0;
    for (int v = 0; written < answers; ++v) {
        const std::string id = (kiosk == "bench" ? "" : kiosk + "-") + "visit" + std::to_string(v);
        sqlite3_bind_text(visit, 1, id.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(visit, 2, stamp.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(visit, 3, v % 10 == 0);
        sqlite3_bind_text(visit, 4, kiosk.c_str(), -1, SQLITE_TRANSIENT);
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

} // namespace tapsheet::bench
