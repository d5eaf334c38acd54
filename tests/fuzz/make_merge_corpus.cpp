// Makes the merge fuzz target's seeds (tests/fuzz/corpus/merge) from files
// the real VisitWriter writes, and checks a folder of them:
//   fuzz_make_merge_corpus OUT_DIR       writes the seeds (random ids, today's times)
//   fuzz_make_merge_corpus --check DIR   kiosk-* and edited-* merge, hostile-* are refused
// (found-* files in the corpus are inputs a fuzzer found, kept as they were.)
// kiosk-*: a kiosk's own file (kiosk-as-written.db byte for byte; the others
// compacted by VACUUM into 512-byte pages, so a fuzzer's edits land on rows,
// not on empty space). edited-*: a kiosk's file edited into another valid
// one. hostile-*: edited as an attacker would (merge_hostile_test.cpp).
#include "app/core/loader.h"
#include "app/store/merge.h"
#include "tests/fuzz/kiosk_file.h"

#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using tapsheet::fuzz::WriteKioskDay;

bool Exec(const fs::path& path, const std::string& sql) {
    sqlite3* db = nullptr;
    int rc = sqlite3_open(path.c_str(), &db);
    char* message = nullptr;
    if (rc == SQLITE_OK) rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK)
        std::fprintf(stderr, "%s: %s\n", path.c_str(), message ? message : sqlite3_errstr(rc));
    sqlite3_free(message);
    sqlite3_close(db);
    return rc == SQLITE_OK;
}

// Rewritten in 512-byte pages, a single file (no -wal beside it) left in WAL mode.
bool Compact(const fs::path& path) {
    return Exec(path,
                "PRAGMA journal_mode = DELETE; PRAGMA page_size = 512; VACUUM; PRAGMA journal_mode = WAL;");
}

std::string ReadText(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

bool Kiosk(const fs::path& path, const tapsheet::Pack& pack, int visits, bool compact) {
    std::string error;
    if (!WriteKioskDay(path.string(), path.stem().string(), pack, visits, &error))
        return std::fprintf(stderr, "%s\n", error.c_str()), false;
    return !compact || Compact(path);
}

// A copy of `base` with `sql` run on it past its CHECK constraints, compacted.
bool Edited(const fs::path& base, const fs::path& path, const std::string& sql) {
    fs::copy_file(base, path, fs::copy_options::overwrite_existing);
    return Exec(path, "PRAGMA ignore_check_constraints = ON; " + sql) && Compact(path);
}

struct Edit {
    const char* name;
    std::string sql;
};

std::vector<Edit> Edits() {
    const std::string first = "(SELECT min(rowid) FROM visits)";
    const std::string first_answer = "(SELECT min(rowid) FROM answers)";
    return {
        {"edited-later-times.db", // the shared visits newer here: a merge replaces them
         "UPDATE visits SET started_at = '2999' || substr(started_at, 5), ended_at = '2999' || "
         "substr(ended_at, 5) WHERE id LIKE 'shared-%'"},
        {"hostile-view-visits.db",
         "DROP TRIGGER visits_seq_on_insert; DROP TRIGGER visits_seq_on_update; "
         "ALTER TABLE visits RENAME TO kept_visits; "
         "CREATE VIEW visits AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
         "SELECT 'v' || i AS id, 'k' AS kiosk_id, '' AS pack_hash, 'en' AS lang, 1 AS round, "
         "'' AS started_at, NULL AS ended_at, 'open' AS status, 0 AS filtered FROM n;"},
        {"hostile-computed-column.db",
         "DROP TRIGGER answers_seq_on_insert; DROP TRIGGER answers_seq_on_delete; "
         "DROP TRIGGER answers_seq_on_update; ALTER TABLE answers RENAME TO kept_answers; "
         "CREATE TABLE answers (visit_id, step_id, item_id, answered_at, "
         "value AS (printf('%.*c', 100000000, 'x'))); "
         "INSERT INTO answers SELECT visit_id, step_id, item_id, answered_at FROM kept_answers; "
         "DROP TABLE kept_answers;"},
        {"hostile-blob-id.db", "UPDATE visits SET id = X'00FF' WHERE rowid = " + first},
        {"hostile-round-abc.db", "UPDATE visits SET round = 'abc' WHERE rowid = " + first},
        {"hostile-round-huge.db", "UPDATE visits SET round = 9223372036854775807 WHERE rowid = " + first},
        {"hostile-filtered-yes.db", "UPDATE visits SET filtered = 'yes' WHERE rowid = " + first},
        {"hostile-no-pack.db", "UPDATE visits SET pack_hash = 'no-such-pack' WHERE rowid = " + first},
        {"hostile-status.db", "UPDATE visits SET status = 'haunted' WHERE rowid = " + first},
        {"hostile-ghost-answer.db", "INSERT INTO answers (visit_id, step_id, item_id, value, answered_at) "
                                    "VALUES ('ghost', 'level', 'system', '', '2026-12-05T10:00:00.000Z')"},
        {"hostile-answer-twice.db",
         "INSERT INTO answers SELECT visit_id, step_id, item_id, value, answered_at "
         "FROM answers WHERE rowid = " +
             first_answer},
        {"hostile-long-text.db",
         "UPDATE answers SET item_id = 'own', value = printf('%.81c', 'x') WHERE rowid = " + first_answer},
        {"hostile-moderation.db",
         "INSERT INTO moderation VALUES ('benefits', 'own', 'x', 'published', '2026-12-05T10:00:00.000Z')"},
        {"hostile-meta-round.db", "UPDATE meta SET value = '-3' WHERE key = 'round'"},
        {"hostile-newer-schema.db", "PRAGMA user_version = 99"},
        {"hostile-not-tapsheet.db", "DROP TABLE answers; DROP TABLE skips; PRAGMA user_version = 0"},
    };
}

int Make(const fs::path& out) {
    fs::create_directories(out);
    const tapsheet::LoadResult pack =
        tapsheet::LoadPackFile(TAPSHEET_SOURCE_DIR "/assets/content/default.toml");
    if (!pack.pack) return std::fprintf(stderr, "cannot load the default pack\n"), 1;
    const fs::path day = out / "kiosk-day.db";
    bool ok = Kiosk(out / "kiosk-as-written.db", tapsheet::fuzz::TinyPack(), 1, false);
    ok = ok && Kiosk(day, tapsheet::fuzz::TinyPack(), 2, true);
    ok = ok && Kiosk(out / "kiosk-default-pack.db", *pack.pack, 2, true);
    // tapsheet 0.1's kiosk file (schema 1, chosen rows valued "1"), restored from its dump.
    const fs::path legacy = out / "kiosk-0.1.db";
    fs::remove(legacy);
    ok = ok && Exec(legacy, ReadText(TAPSHEET_SOURCE_DIR "/tests/store/data/kiosk-0.1.sql")) &&
         Compact(legacy);
    for (const Edit& edit : Edits())
        ok = ok && Edited(day, out / edit.name, edit.sql);
    for (const auto& entry : fs::directory_iterator(out))
        if (entry.path().string().ends_with("-wal") || entry.path().string().ends_with("-shm"))
            fs::remove(entry.path());
    return ok ? 0 : 1;
}

// Each seed still means what its name says, merged into a kiosk's target.
int Check(const fs::path& dir) {
    const fs::path scratch =
        fs::temp_directory_path() / ("tapsheet-merge-corpus-" + std::to_string(getpid()));
    fs::create_directories(scratch);
    int failures = 0, seeds = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        const bool kiosk = name.starts_with("kiosk-") || name.starts_with("edited-");
        if (!kiosk && !name.starts_with("hostile-")) continue; // found-*: inputs a fuzzer found
        if (!name.ends_with(".db")) continue;
        ++seeds;
        const fs::path target = scratch / (name + "-target.db"), source = scratch / name;
        std::string error;
        fs::copy_file(entry.path(), source, fs::copy_options::overwrite_existing);
        if (!WriteKioskDay(target.string(), "kiosk-target", tapsheet::fuzz::TinyPack(), 1, &error))
            return std::fprintf(stderr, "%s\n", error.c_str()), 1;
        tapsheet::MergeCounts counts;
        const bool merged = tapsheet::MergeInto(target.string(), source.string(), &counts, &error);
        if (merged != kiosk) {
            ++failures;
            std::fprintf(stderr, "%s: %s\n", name.c_str(),
                         merged ? "merged, but should be refused" : error.c_str());
        }
    }
    fs::remove_all(scratch);
    std::printf("%d merge seeds, %d not as their names say\n", seeds, failures);
    return failures == 0 && seeds > 0 ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    if (argc == 3 && std::string(argv[1]) == "--check") return Check(argv[2]);
    if (argc == 2 && argv[1][0] != '-') return Make(argv[1]);
    std::fprintf(stderr, "usage: fuzz_make_merge_corpus OUT_DIR | --check DIR\n");
    return 2;
}
