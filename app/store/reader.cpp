#include "app/store/reader.h"

#include "app/store/sqlite_util.h"

namespace tapsheet {
namespace {

constexpr int kBusyTimeoutMs = 2000;

StoredVisit VisitFromRow(const sql::Statement& row) {
    StoredVisit visit;
    visit.id = row.Text(0);
    visit.kiosk_id = row.Text(1);
    visit.pack_hash = row.Text(2);
    visit.lang = row.Text(3);
    visit.round = static_cast<int>(row.Int(4));
    visit.started_at = row.Text(5);
    visit.ended_at = row.Text(6);
    visit.status = row.Text(7);
    visit.filtered = row.Int(8) != 0;
    return visit;
}

} // namespace

StoreReader::StoreReader(const std::string& db_path) : path_(db_path) {
    // READONLY without CREATE: a reader must never leave an empty database
    // behind where the kiosk's file was expected.
    int rc = sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr);
    if (db_) {
        sqlite3_extended_result_codes(db_, 1);
        sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    }
    if (rc != SQLITE_OK) Fail(rc);
}

StoreReader::~StoreReader() {
    sqlite3_close_v2(db_);
}

void StoreReader::Fail(int rc) {
    error_ = std::string(db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc)) + ": " + path_;
}

std::int64_t StoreReader::QueryNumber(const char* text) {
    std::int64_t value = 0;
    int rc = sql::QueryInt(db_, text, &value);
    if (rc != SQLITE_OK) Fail(rc);
    return value;
}

int StoreReader::SchemaVersion() {
    return static_cast<int>(QueryNumber("PRAGMA user_version"));
}

int StoreReader::Round() {
    return static_cast<int>(QueryNumber("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'round'"));
}

int StoreReader::PackCount() {
    return static_cast<int>(QueryNumber("SELECT count(*) FROM packs"));
}

std::int64_t StoreReader::DataVersion() {
    return QueryNumber("PRAGMA data_version");
}

VisitCounts StoreReader::CountVisits(int round) {
    sql::Statement query(db_, "SELECT status, count(*), sum(filtered) FROM visits "
                              "WHERE ?1 = 0 OR round = ?1 GROUP BY status");
    query.Bind(1, std::int64_t{round});
    VisitCounts counts;
    int rc = query.Step();
    for (; rc == SQLITE_ROW; rc = query.Step()) {
        const std::string status = query.Text(0);
        const int count = static_cast<int>(query.Int(1));
        if (status == "open") counts.open = count;
        if (status == "complete") counts.complete = count;
        if (status == "abandoned") counts.abandoned = count;
        counts.filtered += static_cast<int>(query.Int(2));
    }
    if (rc != SQLITE_DONE) Fail(rc);
    return counts;
}

std::optional<StoredVisit> StoreReader::Visit(const std::string& visit_id) {
    sql::Statement query(db_, "SELECT id, kiosk_id, pack_hash, lang, round, started_at, ended_at, status, "
                              "filtered FROM visits WHERE id = ?1");
    int rc = query.Bind(1, visit_id).Step();
    if (rc == SQLITE_ROW) return VisitFromRow(query);
    if (rc != SQLITE_DONE) Fail(rc);
    return std::nullopt;
}

std::vector<StoredAnswer> StoreReader::Answers(const std::string& visit_id) {
    sql::Statement query(db_, "SELECT step_id, item_id, value, answered_at FROM answers "
                              "WHERE visit_id = ?1 ORDER BY step_id, rowid");
    std::vector<StoredAnswer> answers;
    int rc = query.Bind(1, visit_id).Step();
    for (; rc == SQLITE_ROW; rc = query.Step())
        answers.push_back({query.Text(0), query.Text(1), query.Text(2), query.Text(3)});
    if (rc != SQLITE_DONE) Fail(rc);
    return answers;
}

std::vector<std::string> StoreReader::SkippedSteps(const std::string& visit_id) {
    sql::Statement query(db_, "SELECT step_id FROM skips WHERE visit_id = ?1 ORDER BY step_id");
    std::vector<std::string> steps;
    int rc = query.Bind(1, visit_id).Step();
    for (; rc == SQLITE_ROW; rc = query.Step())
        steps.push_back(query.Text(0));
    if (rc != SQLITE_DONE) Fail(rc);
    return steps;
}

std::vector<ItemCount> StoreReader::CountItems(const std::string& step_id, int round) {
    sql::Statement query(db_,
                         "SELECT a.item_id, count(*) AS n FROM answers a JOIN visits v ON v.id = a.visit_id "
                         "WHERE a.step_id = ?1 AND v.filtered = 0 AND (?2 = 0 OR v.round = ?2) "
                         "GROUP BY a.item_id ORDER BY n DESC, a.item_id");
    std::vector<ItemCount> counts;
    int rc = query.Bind(1, step_id).Bind(2, std::int64_t{round}).Step();
    for (; rc == SQLITE_ROW; rc = query.Step())
        counts.push_back({query.Text(0), static_cast<int>(query.Int(1))});
    if (rc != SQLITE_DONE) Fail(rc);
    return counts;
}

std::string StoreReader::IntegrityCheck() {
    std::string findings;
    int rc = sql::CheckIntegrity(db_, false, &findings);
    if (rc != SQLITE_OK) {
        Fail(rc);
        return error_;
    }
    return findings;
}

} // namespace tapsheet
