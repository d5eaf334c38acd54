#include "app/store/export_reader.h"

#include "app/core/answer.h"
#include "app/store/failure.h"
#include "app/store/sqlite_util.h"
#include "app/store/visit_rules.h"

#include <algorithm>
#include <iterator>
#include <tuple>

namespace tapsheet {
namespace {

// Visits as a kiosk writes them (visit_rules.h); others are counted apart.
std::string RowsSql() {
    return "SELECT v.id, v.kiosk_id, v.pack_hash, v.lang, v.round, v.status, v.filtered, v.started_at, "
           "a.step_id, a.item_id, a.value, a.answered_at "
           "FROM answers a JOIN visits v ON v.id = a.visit_id WHERE (?1 = 0 OR v.round = ?1) AND " +
           WellFormedVisit() + " ORDER BY v.started_at, v.id, a.step_id, a.item_id, a.value";
}

// Steps a visit skipped, in the same order as the answers.
std::string SkipsSql() {
    return "SELECT v.id, v.kiosk_id, v.pack_hash, v.lang, v.round, v.status, v.filtered, v.started_at, "
           "s.step_id, s.skipped_at "
           "FROM skips s JOIN visits v ON v.id = s.visit_id WHERE (?1 = 0 OR v.round = ?1) AND " +
           WellFormedVisit() + " ORDER BY v.started_at, v.id, s.step_id";
}

// The columns both queries start with.
ExportRow VisitFrom(const sql::Statement& query) {
    ExportRow row;
    row.visit_id = query.Text(0);
    row.kiosk_id = query.Text(1);
    row.pack_hash = query.Text(2);
    row.lang = query.Text(3);
    row.round = static_cast<int>(query.Int(4));
    row.visit_status = query.Text(5);
    row.filtered = query.Int(6) != 0;
    row.visit_started_at = query.Text(7);
    return row;
}

ExportRow SkipFrom(const sql::Statement& query) {
    ExportRow row = VisitFrom(query);
    row.step_id = query.Text(8);
    row.answered_at = query.Text(9);
    row.skipped = true;
    return row;
}

// The answers' ORDER BY, so skips merge in where SQL would have put them
// (SQLite compares text byte by byte, as std::string does).
bool InExportOrder(const ExportRow& a, const ExportRow& b) {
    return std::tie(a.visit_started_at, a.visit_id, a.step_id, a.item_id, a.value) <
           std::tie(b.visit_started_at, b.visit_id, b.step_id, b.item_id, b.value);
}

int ReadSkips(sqlite3* db, int round, std::vector<ExportRow>* rows) {
    sql::Statement skips(db, SkipsSql().c_str());
    std::vector<ExportRow> skipped;
    int rc = skips.Bind(1, std::int64_t{round}).Step();
    for (; rc == SQLITE_ROW; rc = skips.Step())
        skipped.push_back(SkipFrom(skips));
    if (rc != SQLITE_DONE) return rc;
    std::vector<ExportRow> merged;
    merged.reserve(rows->size() + skipped.size());
    std::merge(std::make_move_iterator(rows->begin()), std::make_move_iterator(rows->end()),
               std::make_move_iterator(skipped.begin()), std::make_move_iterator(skipped.end()),
               std::back_inserter(merged), InExportOrder);
    *rows = std::move(merged);
    return SQLITE_OK;
}

ExportRow RowFrom(const sql::Statement& query) {
    ExportRow row = VisitFrom(query);
    row.step_id = query.Text(8);
    row.item_id = query.Text(9);
    row.value = std::string(CountedValue(row.item_id, query.Text(10))); // "1" of 0.1 files reads as chosen
    row.answered_at = query.Text(11);
    return row;
}

int ReadAll(sqlite3* db, int round, ExportData* out) {
    sql::Statement rows(db, RowsSql().c_str());
    int rc = rows.Bind(1, std::int64_t{round}).Step();
    for (; rc == SQLITE_ROW; rc = rows.Step())
        out->rows.push_back(RowFrom(rows));
    if (rc != SQLITE_DONE) return rc;
    rc = ReadSkips(db, round, &out->rows);
    if (rc == SQLITE_OK) rc = CountLeftOut(db, &out->left_out);
    if (rc != SQLITE_OK) return rc;
    sql::Statement packs(db, "SELECT hash, source_text FROM packs ORDER BY first_used_at, hash");
    rc = packs.Step();
    for (; rc == SQLITE_ROW; rc = packs.Step())
        out->packs.emplace_back(packs.Text(0), packs.Text(1));
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

} // namespace

std::size_t ExportData::Skips() const {
    return static_cast<std::size_t>(
        std::count_if(rows.begin(), rows.end(), [](const ExportRow& row) { return row.skipped; }));
}

bool ReadExport(const std::string& db_path, int round, ExportData* out, std::string* error) {
    *out = ExportData();
    sqlite3* db = nullptr;
    // READONLY without CREATE: a mistyped path must not leave an empty database.
    int rc = sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    std::string why;
    if (rc == SQLITE_OK) {
        sqlite3_extended_result_codes(db, 1);
        sqlite3_busy_timeout(db, 2000);
        // One read transaction: rows and packs from the same moment.
        rc = sql::Exec(db, "BEGIN");
        if (rc == SQLITE_OK) rc = CheckResultsFile(db, "main", &why);
        if (rc == SQLITE_OK) rc = ReadAll(db, round, out);
    }
    if (rc != SQLITE_OK)
        *error = why.empty() ? ExplainFailure(CaptureFailure(db, rc), db_path) : ExplainRefusal(db_path, why);
    sql::Exec(db, "COMMIT");
    sqlite3_close_v2(db);
    return rc == SQLITE_OK;
}

} // namespace tapsheet
