#include "app/store/report_reader.h"

#include "app/store/failure.h"
#include "app/store/sqlite_util.h"
#include "app/store/tally_reader.h"
#include "app/store/visit_rules.h"

#include <algorithm>

namespace tapsheet {

namespace {

// A visit's steps answered: the (visit, step) pairs the board counts as
// answers. Visits as a kiosk writes them (visit_rules.h); others are counted apart.
std::string VisitsSql() {
    return "SELECT v.id, v.kiosk_id, v.started_at, v.status, v.filtered, v.pack_hash, "
           "(SELECT count(DISTINCT a.step_id) FROM answers a WHERE a.visit_id = v.id) "
           "FROM visits v WHERE (?1 = 0 OR v.round = ?1) AND " +
           WellFormedVisit() + " ORDER BY v.started_at, v.id";
}

ReportVisit VisitFrom(const sql::Statement& row) {
    ReportVisit visit;
    visit.kiosk_id = row.Text(1);
    visit.started_at = row.Text(2);
    visit.status = row.Text(3);
    visit.filtered = row.Int(4) != 0;
    visit.steps_answered = static_cast<int>(row.Int(6));
    return visit;
}

int ReadVisits(sqlite3* db, int round, ReportVisits* out) {
    sql::Statement rows(db, VisitsSql().c_str());
    std::vector<std::string> hashes;
    int rc = rows.Bind(1, std::int64_t{round}).Step();
    for (; rc == SQLITE_ROW; rc = rows.Step()) {
        out->visits.push_back(VisitFrom(rows));
        hashes.push_back(rows.Text(5));
        out->kiosks.push_back(rows.Text(1));
    }
    if (rc != SQLITE_DONE) return rc;
    if (!hashes.empty()) out->pack_hash = hashes.back(); // the latest visit's
    std::sort(hashes.begin(), hashes.end());
    out->packs_used = static_cast<int>(std::unique(hashes.begin(), hashes.end()) - hashes.begin());
    std::sort(out->kiosks.begin(), out->kiosks.end());
    out->kiosks.erase(std::unique(out->kiosks.begin(), out->kiosks.end()), out->kiosks.end());
    return SQLITE_OK;
}

int ReadPack(sqlite3* db, ReportVisits* out) {
    // The latest visit's pack, or with no visits the pack stored last.
    sql::Statement pack(db, "SELECT hash, source_text FROM packs WHERE ?1 = '' OR hash = ?1 "
                            "ORDER BY first_used_at DESC, hash DESC LIMIT 1");
    int rc = pack.Bind(1, out->pack_hash).Step();
    if (rc == SQLITE_ROW) {
        out->pack_hash = pack.Text(0);
        out->pack_text = pack.Text(1);
        return SQLITE_OK;
    }
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

// Any fixed time: the report uses no figure of "today" or "the last 10 minutes".
TallyReader::TimePoint Unused() {
    return TallyReader::TimePoint();
}

} // namespace

bool ReadReportVisits(const std::string& db_path, int round, ReportVisits* out, std::string* error) {
    *out = ReportVisits();
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    std::string why;
    if (rc == SQLITE_OK) {
        sqlite3_extended_result_codes(db, 1);
        sqlite3_busy_timeout(db, 2000);
        rc = sql::Exec(db, "BEGIN"); // visits and pack from one moment
        if (rc == SQLITE_OK) rc = CheckResultsFile(db, "main", &why);
        if (rc == SQLITE_OK) rc = ReadVisits(db, round, out);
        if (rc == SQLITE_OK) rc = ReadPack(db, out);
        if (rc == SQLITE_OK) rc = CountLeftOut(db, &out->left_out);
    }
    if (rc != SQLITE_OK)
        *error = why.empty() ? ExplainFailure(CaptureFailure(db, rc), db_path) : ExplainRefusal(db_path, why);
    sql::Exec(db, "COMMIT");
    sqlite3_close_v2(db);
    return rc == SQLITE_OK;
}

bool ReadReportCounts(const std::string& db_path, int round,
                      const std::vector<std::pair<std::string, std::string>>& cross_by, ReportFacts* facts,
                      std::string* error) {
    TallyReader reader(db_path);
    TallyQuery query;
    query.round = round;
    Tallies tallies;
    reader.Refresh(query, &tallies, Unused());
    if (!reader.Ok()) return *error = reader.Error(), false;
    facts->steps = std::move(tallies.steps);
    facts->texts = std::move(tallies.free_text);
    facts->crosses.clear();
    for (const auto& [step_id, item_id] : cross_by) {
        query.cross_step = step_id;
        query.cross_item = item_id;
        reader.Refresh(query, &tallies, Unused());
        if (!reader.Ok()) return *error = reader.Error(), false;
        facts->crosses.push_back(tallies.cross); // a copy: the same pair twice refreshes nothing
    }
    return true;
}

} // namespace tapsheet
