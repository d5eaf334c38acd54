#include "app/store/merge.h"

#include "app/core/answer.h"
#include "app/store/failure.h"
#include "app/store/merge_source.h"
#include "app/store/schema.h"
#include "app/store/sqlite_util.h"

#include <chrono>

namespace tapsheet {
namespace {

// How long one source may take, reading and writing; a week's results file
// merges in seconds. A safety net: LoadSource refuses views, the usual way
// a file makes a query run forever.
constexpr auto kDeadline = std::chrono::seconds(120);

// The latest moment anything happened to visit `v` of `visits`, with the
// answers and skips tables beside it.
std::string LastActivity(const char* answers, const char* skips, const char* v) {
    const std::string id(v);
    return "max(" + id + ".started_at, coalesce(" + id +
           ".ended_at, ''), coalesce((SELECT max(answered_at) FROM " + answers + " WHERE visit_id = " + id +
           ".id), ''), coalesce((SELECT max(skipped_at) FROM " + skips + " WHERE visit_id = " + id +
           ".id), ''))";
}

std::string PlanSql(const char* also_newer) {
    std::string plan = "CREATE TEMP TABLE merge_plan AS SELECT s.id AS id, t.id IS NULL AS is_new "
                       "FROM in_visits s LEFT JOIN main.visits t ON t.id = s.id WHERE t.id IS NULL OR " +
                       LastActivity("in_answers", "in_skips", "s") + " > " +
                       LastActivity("main.answers", "main.skips", "t");
    if (also_newer != nullptr) plan += std::string(" OR (") + also_newer + ")";
    return plan;
}

constexpr const char* kCopySql = R"sql(
INSERT OR IGNORE INTO main.packs (hash, pack_id, source_text, first_used_at)
    SELECT hash, pack_id, source_text, first_used_at FROM in_packs;
DELETE FROM main.answers WHERE visit_id IN (SELECT id FROM merge_plan);
DELETE FROM main.skips WHERE visit_id IN (SELECT id FROM merge_plan);
INSERT INTO main.visits (id, kiosk_id, pack_hash, lang, round, started_at, ended_at, status, filtered)
    SELECT id, kiosk_id, pack_hash, lang, round, started_at, ended_at, status, filtered FROM in_visits
    WHERE id IN (SELECT id FROM merge_plan) AND true
    ON CONFLICT (id) DO UPDATE SET kiosk_id = excluded.kiosk_id, pack_hash = excluded.pack_hash,
        lang = excluded.lang, round = excluded.round, started_at = excluded.started_at,
        ended_at = excluded.ended_at, status = excluded.status, filtered = excluded.filtered;
INSERT INTO main.answers (visit_id, step_id, item_id, value, answered_at)
    SELECT visit_id, step_id, item_id, counted_value(item_id, value), answered_at FROM in_answers
    WHERE visit_id IN (SELECT id FROM merge_plan);
INSERT OR IGNORE INTO main.skips (visit_id, step_id, skipped_at)
    SELECT visit_id, step_id, skipped_at FROM in_skips WHERE visit_id IN (SELECT id FROM merge_plan);
UPDATE main.meta SET value = CAST(max(CAST(value AS INTEGER),
    coalesce((SELECT CAST(value AS INTEGER) FROM in_meta), 1)) AS TEXT) WHERE key = 'round';
INSERT INTO main.moderation (step_id, item_id, text, status, decided_at)
    SELECT step_id, item_id, text, status, decided_at FROM in_moderation WHERE true
    ON CONFLICT (step_id, item_id, text) DO UPDATE SET status = excluded.status,
        decided_at = excluded.decided_at WHERE excluded.decided_at > moderation.decided_at;
)sql";

// counted_value(item, value): app/core/answer.h's CountedValue, so a merged
// file holds rows as today's kiosk writes them, whatever version wrote the source.
void CountedValueSql(sqlite3_context* context, int, sqlite3_value** args) {
    auto text = [](sqlite3_value* arg) {
        const unsigned char* at = sqlite3_value_text(arg);
        return at ? std::string_view(reinterpret_cast<const char*>(at), sqlite3_value_bytes(arg))
                  : std::string_view();
    };
    const std::string_view item = text(args[0]);
    const std::string_view value = CountedValue(item, text(args[1]));
    sqlite3_result_text(context, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
}

} // namespace

int OpenMergeTarget(const std::string& path, sqlite3** db) {
    int rc = sqlite3_open_v2(path.c_str(), db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI,
                             nullptr);
    if (rc != SQLITE_OK) return rc;
    sqlite3_extended_result_codes(*db, 1);
    sqlite3_busy_timeout(*db, 5000);
    rc = sqlite3_create_function(*db, "counted_value", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                 CountedValueSql, nullptr, nullptr);
    if (rc != SQLITE_OK) return rc;
    std::string mode;
    rc = sql::QueryText(*db, "PRAGMA journal_mode = WAL", &mode);
    if (rc == SQLITE_OK) rc = sql::Exec(*db, "PRAGMA synchronous = FULL");
    int found = 0;
    if (rc == SQLITE_OK) rc = sql::Migrate(*db, &found);
    return rc;
}

namespace {

// Stops any statement once the deadline has passed (sqlite3_progress_handler).
int PastDeadline(void* end) {
    return std::chrono::steady_clock::now() > *static_cast<std::chrono::steady_clock::time_point*>(end);
}

int CountPlan(sqlite3* db, MergeCounts* counts) {
    std::int64_t added = 0, updated = 0, source_visits = 0, answers = 0;
    int rc = sql::QueryInt(db, "SELECT count(*) FROM merge_plan WHERE is_new", &added);
    if (rc == SQLITE_OK) rc = sql::QueryInt(db, "SELECT count(*) FROM merge_plan WHERE NOT is_new", &updated);
    if (rc == SQLITE_OK) rc = sql::QueryInt(db, "SELECT count(*) FROM in_visits", &source_visits);
    if (rc == SQLITE_OK)
        rc = sql::QueryInt(
            db, "SELECT count(*) FROM in_answers WHERE visit_id IN (SELECT id FROM merge_plan)", &answers);
    counts->visits_added += static_cast<int>(added);
    counts->visits_updated += static_cast<int>(updated);
    counts->visits_kept += static_cast<int>(source_visits - added - updated);
    counts->answers_copied += static_cast<int>(answers);
    return rc;
}

// The target is locked only here, for rows already read and checked.
int Merge(sqlite3* db, MergeCounts* counts) {
    int rc = sql::Exec(db, "BEGIN IMMEDIATE");
    if (rc == SQLITE_OK) rc = MergeLoaded(db, counts);
    if (rc == SQLITE_OK) rc = sql::Exec(db, "COMMIT");
    return rc;
}

} // namespace

int MergeLoaded(sqlite3* db, MergeCounts* counts, const char* also_newer) {
    int rc = sql::Exec(db, PlanSql(also_newer).c_str());
    if (rc == SQLITE_OK) rc = CountPlan(db, counts);
    if (rc == SQLITE_OK) rc = sql::Exec(db, kCopySql);
    const int dropped = sql::Exec(db, "DROP TABLE IF EXISTS merge_plan");
    return rc != SQLITE_OK ? rc : dropped;
}

namespace {

std::string Refused(const std::string& source, const std::string& why) {
    return ExplainRefusal(source, why) + " Nothing was merged from it.";
}

} // namespace

bool MergeInto(const std::string& target, const std::string& source, MergeCounts* counts,
               std::string* error) {
    sqlite3* db = nullptr;
    int rc = OpenMergeTarget(target, &db);
    if (rc != SQLITE_OK) {
        *error = ExplainFailure(CaptureFailure(db, rc), target);
        sqlite3_close_v2(db);
        return false;
    }
    auto deadline = std::chrono::steady_clock::now() + kDeadline;
    sqlite3_progress_handler(db, 1000, PastDeadline, &deadline);
    std::string why;
    SqliteFailure failure;
    rc = LoadSource(db, source, &why, &failure);
    MergeCounts merged;
    if (rc == SQLITE_OK) {
        rc = Merge(db, &merged);
        failure = CaptureFailure(db, rc);
        if (rc != SQLITE_OK && !sqlite3_get_autocommit(db)) sql::Exec(db, "ROLLBACK");
    }
    if (rc == SQLITE_OK) {
        counts->visits_added += merged.visits_added;
        counts->visits_updated += merged.visits_updated;
        counts->visits_kept += merged.visits_kept;
        counts->answers_copied += merged.answers_copied;
    } else if (!why.empty()) {
        *error = Refused(source, why);
    } else if (sql::BaseCode(failure.rc) == SQLITE_INTERRUPT) {
        *error = Refused(source, "merging it took longer than " + std::to_string(kDeadline.count()) +
                                     " s, which no results file needs");
    } else {
        // A missing or unreadable source, or a target that cannot be written.
        const bool reading =
            sql::BaseCode(failure.rc) == SQLITE_CANTOPEN || sql::BaseCode(failure.rc) == SQLITE_NOTADB;
        *error = ExplainFailure(failure, reading ? source : target);
    }
    DropSource(db);
    sqlite3_close_v2(db);
    return rc == SQLITE_OK;
}

} // namespace tapsheet
