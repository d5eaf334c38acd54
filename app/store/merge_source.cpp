#include "app/store/merge_source.h"

#include "app/store/failure.h"
#include "app/store/sqlite_util.h"
#include "app/store/visit_rules.h"

#include <cctype>
#include <cstdio>
#include <iterator>
#include <vector>

namespace tapsheet {
namespace {

// The tables a results file has, as a merge reads them. moderation is
// optional (schema 1 files have none).
constexpr const char* kLoadSql = R"sql(
CREATE TEMP TABLE in_packs AS SELECT hash, pack_id, source_text, first_used_at FROM src.packs;
CREATE TEMP TABLE in_visits AS
    SELECT id, kiosk_id, pack_hash, lang, round, started_at, ended_at, status, filtered FROM src.visits;
CREATE TEMP TABLE in_answers AS SELECT visit_id, step_id, item_id, value, answered_at FROM src.answers;
CREATE TEMP TABLE in_skips AS SELECT visit_id, step_id, skipped_at FROM src.skips;
CREATE TEMP TABLE in_meta AS SELECT key, value FROM src.meta WHERE key = 'round';
)sql";
constexpr const char* kLoadModerationSql = "CREATE TEMP TABLE in_moderation AS SELECT step_id, item_id, "
                                           "text, status, decided_at FROM src.moderation";
constexpr const char* kNoModerationSql =
    "CREATE TEMP TABLE in_moderation (step_id, item_id, text, status, decided_at)";

// A row rule: the rows of `table` for which `bad` holds are refused, and the
// first is named by `shown` with `what` is wrong with it.
struct RowRule {
    const char* table;
    const char* shown;
    std::string bad;
    const char* what;
};

#define TAPSHEET_TIME TAPSHEET_SQL_TIME
#define TAPSHEET_ID TAPSHEET_SQL_ID

constexpr const char* kVisit = "'visit ' || substr(quote(id), 1, 40)";
constexpr const char* kRowOf = "'a row of visit ' || substr(quote(visit_id), 1, 40)";

// Whatever a kiosk writes passes; what it never writes is refused by name.
// The visits' rules are the readers' (visit_rules.h).
std::vector<RowRule> Rules() {
    std::vector<RowRule> rules;
    for (const VisitRule& rule : kVisitRules)
        rules.push_back({"in_visits", kVisit, std::string("NOT ") + rule.good, rule.what});
    const RowRule more[] = {
        {"in_visits", kVisit, "id IN (SELECT id FROM in_visits GROUP BY id HAVING count(*) > 1)",
         "it is there twice"},
        {"in_visits", kVisit,
         "NOT (pack_hash IN (SELECT hash FROM in_packs) OR pack_hash IN (SELECT hash FROM main.packs))",
         "its content pack is not stored in the file"},
        {"in_answers", kRowOf, "NOT (typeof(visit_id) = 'text' AND visit_id IN (SELECT id FROM in_visits))",
         "an answer of a visit the file does not hold"},
        {"in_answers", kRowOf, "NOT (" TAPSHEET_ID("step_id") " AND " TAPSHEET_ID("item_id") ")",
         "an answer whose step or item id is not text of 1 to 64 characters"},
        {"in_answers", kRowOf,
         "item_id NOT IN ('project', 'own') AND (visit_id, step_id, item_id) IN "
         "(SELECT visit_id, step_id, item_id FROM in_answers GROUP BY 1, 2, 3 HAVING count(*) > 1)",
         "an option counted twice in one visit"},
        {"in_answers", kRowOf, "NOT (typeof(value) = 'text' AND length(value) <= 80)",
         "an answer that is not text of at most 80 characters (the kiosk's limit)"},
        {"in_answers", kRowOf, "NOT " TAPSHEET_TIME("answered_at"), "an answer whose time is not a time"},
        {"in_skips", kRowOf, "NOT (typeof(visit_id) = 'text' AND visit_id IN (SELECT id FROM in_visits))",
         "a skip of a visit the file does not hold"},
        {"in_skips", kRowOf, "NOT (" TAPSHEET_ID("step_id") " AND " TAPSHEET_TIME("skipped_at") ")",
         "a skip whose step id or time is not one"},
        {"in_packs", "'stored pack ' || substr(quote(hash), 1, 40)",
         "NOT (typeof(hash) = 'text' AND length(hash) BETWEEN 1 AND 128 AND typeof(pack_id) = 'text' AND "
         "length(pack_id) <= 128 AND " TAPSHEET_TIME(
             "first_used_at") " AND typeof(source_text) = 'text' AND "
                              "length(CAST(source_text AS BLOB)) <= 1048576)",
         "it is not a content pack's hash, id, time and text of at most 1 MB"},
        {"in_moderation", "'a moderation decision on ' || substr(quote(text), 1, 40)",
         "NOT (" TAPSHEET_ID("step_id") " AND " TAPSHEET_ID(
             "item_id") " AND typeof(text) = 'text' AND "
                        "length(text) <= 80 AND typeof(status) = 'text' AND status IN ('approved', "
                        "'rejected') AND "
                        "" TAPSHEET_TIME("decided_at") ")",
         "it is not a step, an item, a text of at most 80 characters, approved or rejected, and a time"},
        {"in_meta", "'the current round ' || substr(quote(value), 1, 40)",
         "NOT (typeof(value) = 'text' AND length(value) BETWEEN 1 AND 6 AND value NOT GLOB '*[^0-9]*' AND "
         "CAST(value AS INTEGER) BETWEEN 1 AND 100000)",
         "it is not a whole number from 1 to 100000"},
    };
    rules.insert(rules.end(), std::begin(more), std::end(more));
    return rules;
}

#undef TAPSHEET_TIME
#undef TAPSHEET_ID

// Each table the merge reads must be a plain table: not a view (which runs
// a query of the file's choosing), not a virtual table.
int CheckObjects(sqlite3* db, bool* has_moderation, std::string* why) {
    sql::Statement find(db, "SELECT type, sql FROM src.sqlite_schema WHERE name = ?1");
    // A computed (generated) column runs its expression on every read: 100 MB
    // a row from a file of a few KB.
    sql::Statement computed(db, "SELECT count(*) FROM pragma_table_xinfo(?1, 'src') WHERE hidden <> 0");
    for (const char* name : {"packs", "visits", "answers", "skips", "meta", "moderation"}) {
        int rc = find.Bind(1, name).Step();
        const bool found = rc == SQLITE_ROW;
        bool plain = found && find.Text(0) == "table" && find.Text(1).rfind("CREATE VIRTUAL", 0) != 0;
        find.Reset();
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) return rc;
        if (plain) {
            rc = computed.Bind(1, name).Step();
            const bool computes = rc == SQLITE_ROW && computed.Int(0) > 0;
            computed.Reset();
            if (rc != SQLITE_ROW) return rc;
            if (computes) {
                *why = std::string("its '") + name +
                       "' has a computed column, unlike a tapsheet results file's. Merge a kiosk's own copy";
                return SQLITE_ERROR;
            }
        }
        if (std::string_view(name) == "moderation") {
            *has_moderation = found;
            if (!found) break;
        }
        if (!plain) {
            *why = std::string("its '") + name + "' is " + (found ? "not a plain table" : "missing") +
                   ", unlike a tapsheet results file's. Merge a kiosk's own copy";
            return SQLITE_ERROR;
        }
    }
    return SQLITE_OK;
}

} // namespace

int CheckSourceRows(sqlite3* db, std::string* why) {
    for (const RowRule& rule : Rules()) {
        const std::string text =
            std::string("SELECT ") + rule.shown + " FROM " + rule.table + " WHERE " + rule.bad + " LIMIT 1";
        sql::Statement statement(db, text.c_str());
        int rc = statement.Step();
        if (rc == SQLITE_ROW) {
            *why = statement.Text(0) + ": " + rule.what;
            return SQLITE_CONSTRAINT;
        }
        if (rc != SQLITE_DONE) return rc;
    }
    return SQLITE_OK;
}

namespace {

// Why the source could not be read, in words naming it as the culprit
// (SQLite's words alone would be taken for the target's: a damaged target's
// advice is to set the kiosk's file aside). "" where MergeInto says it: a
// missing file, not a database, the deadline.
std::string Unreadable(const SqliteFailure& failure) {
    switch (sql::BaseCode(failure.rc)) {
    case SQLITE_CANTOPEN:
    case SQLITE_NOTADB:
    case SQLITE_INTERRUPT:
        return "";
    case SQLITE_CORRUPT:
        return "it is damaged (SQLite: " + failure.detail +
               "), perhaps cut short while it was copied. Copy the kiosk's file again and merge that copy";
    case SQLITE_ERROR: // a table without the columns a results file has, say
        return "it cannot be read as a tapsheet results file (SQLite: " + failure.detail +
               "). Merge a kiosk's own copy";
    default:
        return "it could not be read (SQLite: " + failure.detail +
               "). Check the disk or stick it is on, then run the command again";
    }
}

} // namespace

std::string FileUri(const std::string& path) {
    std::string uri = "file:";
    for (unsigned char c : path) {
        const bool plain = std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~';
        if (plain) {
            uri += static_cast<char>(c);
            continue;
        }
        char escaped[4];
        std::snprintf(escaped, sizeof escaped, "%%%02X", c);
        uri += escaped;
    }
    return uri;
}

int LoadSource(sqlite3* db, const std::string& path, std::string* why, SqliteFailure* failure) {
    DropSource(db);
    sql::Statement attach(db, "ATTACH DATABASE ?1 AS src");
    int rc = attach.Bind(1, FileUri(path) + "?mode=ro").Run();
    bool has_moderation = false;
    if (rc == SQLITE_OK) rc = CheckResultsFile(db, "src", why);
    if (rc == SQLITE_OK) rc = CheckObjects(db, &has_moderation, why);
    if (rc == SQLITE_OK) rc = sql::Exec(db, kLoadSql);
    if (rc == SQLITE_OK) rc = sql::Exec(db, has_moderation ? kLoadModerationSql : kNoModerationSql);
    *failure = CaptureFailure(db, rc);
    sql::Exec(db, "DETACH DATABASE src"); // released before the target is locked
    if (rc != SQLITE_OK && why->empty()) *why = Unreadable(*failure);
    if (rc != SQLITE_OK) return rc;
    rc = CheckSourceRows(db, why);
    if (rc != SQLITE_OK && !why->empty())
        *why += ". A kiosk never writes that: the file was edited or damaged; merge a kiosk's own copy";
    if (rc != SQLITE_OK && why->empty()) *failure = CaptureFailure(db, rc);
    return rc;
}

void DropSource(sqlite3* db) {
    for (const char* table : kSourceTables) {
        const std::string drop = std::string("DROP TABLE IF EXISTS temp.") + table;
        sql::Exec(db, drop.c_str());
    }
}

} // namespace tapsheet
