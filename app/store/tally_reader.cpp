#include "app/store/tally_reader.h"

#include "app/store/sqlite_util.h"
#include "app/store/stamp.h"

#include <ctime>

namespace tapsheet {
namespace {

constexpr int kBusyTimeoutMs = 2000;
constexpr auto kRecentWindow = std::chrono::minutes(10);

// Every tally query takes ?1 = round (0: all) and joins answers to their
// visit so filtered visits drop out in SQL, not in C++.
constexpr const char* kVisitFilter = " WHERE v.filtered = 0 AND (?1 = 0 OR v.round = ?1)";

std::string FreeTextList() {
    std::string list;
    for (const char* item : kFreeTextItems) {
        if (!list.empty()) list += ", ";
        list += std::string("'") + item + "'"; // our own constants: no quotes inside
    }
    return list;
}

// Local midnight of `now`, as a stored stamp: "today" is the event's day at
// the kiosk's location, while the stamps themselves are UTC.
std::string LocalMidnightStamp(TallyReader::TimePoint now) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    std::tm local{};
    localtime_r(&seconds, &local);
    local.tm_hour = 0;
    local.tm_min = 0;
    local.tm_sec = 0;
    local.tm_isdst = -1; // let mktime decide, in case midnight and now differ in DST
    return UtcStamp(std::chrono::system_clock::from_time_t(std::mktime(&local)));
}

int Finish(sql::Statement& query, int rc) {
    query.Reset();
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

} // namespace

int StepTally::Count(const std::string& item_id, const std::string& value) const {
    for (const TallyCount& item : items)
        if (item.item_id == item_id && item.value == value) return item.count;
    return 0;
}

const StepTally* Tallies::Step(const std::string& step_id) const {
    for (const StepTally& step : steps)
        if (step.step_id == step_id) return &step;
    return nullptr;
}

struct TallyReader::Statements {
    sql::Statement data_version, begin, commit, rollback;
    sql::Statement totals, recent, steps, items;
};

TallyReader::TallyReader(const std::string& db_path) : statements_(new Statements), path_(db_path) {
    Connect();
}

bool TallyReader::Connect() {
    if (db_ && statements_->items.Ok()) return true;
    // READONLY without CREATE: the board must never leave an empty database
    // where the kiosk's file was expected (same rule as StoreReader). Until
    // the kiosk has created and migrated the file, this fails and is retried
    // on the next Refresh(), so the board may start first.
    if (!db_) {
        int rc = sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr);
        if (rc != SQLITE_OK) {
            Fail(rc);
            sqlite3_close_v2(db_);
            db_ = nullptr;
            return false;
        }
        sqlite3_extended_result_codes(db_, 1);
        sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    }
    return Prepare();
}

bool TallyReader::Prepare() {
    const std::string join = " FROM answers a JOIN visits v ON v.id = a.visit_id";
    const std::string steps_sql = "SELECT a.step_id, count(DISTINCT a.visit_id)" + join + kVisitFilter +
                                  " GROUP BY a.step_id ORDER BY a.step_id";
    const std::string items_sql = "SELECT a.step_id, a.item_id, a.value, count(DISTINCT a.visit_id)" + join +
                                  kVisitFilter + " AND a.item_id NOT IN (" + FreeTextList() +
                                  ") GROUP BY a.step_id, a.item_id, a.value ORDER BY 1, 2, 3";
    const std::string recent_sql = "SELECT count(*) FROM (SELECT DISTINCT a.visit_id, a.step_id" + join +
                                   kVisitFilter + " AND a.answered_at >= ?2)";
    Statements& s = *statements_;
    s.data_version = sql::Statement(db_, "PRAGMA data_version");
    s.begin = sql::Statement(db_, "BEGIN");
    s.commit = sql::Statement(db_, "COMMIT");
    s.rollback = sql::Statement(db_, "ROLLBACK");
    s.totals = sql::Statement(db_, "SELECT coalesce(sum(filtered = 0 AND started_at >= ?2), 0), "
                                   "coalesce(sum(filtered = 0 AND status = 'complete'), 0), "
                                   "coalesce(sum(filtered != 0), 0) FROM visits WHERE ?1 = 0 OR round = ?1");
    s.recent = sql::Statement(db_, recent_sql.c_str());
    s.steps = sql::Statement(db_, steps_sql.c_str());
    // Prepared last: Connect() takes a valid `items` to mean all are ready.
    s.items = sql::Statement(db_, items_sql.c_str());
    for (sql::Statement* each :
         {&s.data_version, &s.begin, &s.commit, &s.rollback, &s.totals, &s.recent, &s.steps, &s.items})
        if (!each->Ok()) {
            Fail(each->PrepareResult());
            s.items = sql::Statement(); // retried whole on the next Refresh()
            return false;
        }
    return true;
}

TallyReader::~TallyReader() {
    statements_.reset(); // statements before the connection they belong to
    sqlite3_close_v2(db_);
}

bool TallyReader::Fail(int rc) {
    error_ = std::string(db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc)) + ": " + path_;
    return false;
}

bool TallyReader::Refresh(int round, Tallies* out, TimePoint now) {
    if (!Connect()) return false;
    Statements& s = *statements_;
    int rc = s.data_version.Step();
    if (rc != SQLITE_ROW) return Fail(Finish(s.data_version, rc));
    const std::int64_t version = s.data_version.Int(0);
    s.data_version.Reset();
    if (have_version_ && version == last_version_ && round == last_round_) return false;

    // The version was read before BEGIN, so the snapshot is at least that
    // new: a commit in between costs one extra refresh, never a missed one.
    rc = s.begin.Run();
    if (rc != SQLITE_OK) return Fail(rc);
    Tallies fresh;
    fresh.data_version = version;
    bool read = ReadTotals(round, now, &fresh) && ReadSteps(round, &fresh) && ReadItems(round, &fresh);
    if (read) {
        rc = s.commit.Run();
        read = rc == SQLITE_OK || Fail(rc);
    }
    if (!read) {
        s.rollback.Run();
        return false;
    }
    error_.clear();
    *out = std::move(fresh);
    have_version_ = true;
    last_version_ = version;
    last_round_ = round;
    return true;
}

bool TallyReader::ReadTotals(int round, TimePoint now, Tallies* out) {
    sql::Statement& totals = statements_->totals;
    int rc = totals.Bind(1, std::int64_t{round}).Bind(2, LocalMidnightStamp(now)).Step();
    if (rc == SQLITE_ROW) {
        out->visits_today = static_cast<int>(totals.Int(0));
        out->completed = static_cast<int>(totals.Int(1));
        out->filtered = static_cast<int>(totals.Int(2));
        rc = SQLITE_DONE;
    }
    rc = Finish(totals, rc);
    if (rc != SQLITE_OK) return Fail(rc);

    sql::Statement& recent = statements_->recent;
    rc = recent.Bind(1, std::int64_t{round}).Bind(2, UtcStamp(now - kRecentWindow)).Step();
    if (rc == SQLITE_ROW) {
        out->answers_last_10_min = static_cast<int>(recent.Int(0));
        rc = SQLITE_DONE;
    }
    rc = Finish(recent, rc);
    return rc == SQLITE_OK || Fail(rc);
}

bool TallyReader::ReadSteps(int round, Tallies* out) {
    sql::Statement& steps = statements_->steps;
    int rc = steps.Bind(1, std::int64_t{round}).Step();
    for (; rc == SQLITE_ROW; rc = steps.Step())
        out->steps.push_back({steps.Text(0), static_cast<int>(steps.Int(1)), {}});
    rc = Finish(steps, rc);
    return rc == SQLITE_OK || Fail(rc);
}

bool TallyReader::ReadItems(int round, Tallies* out) {
    // Both queries are ordered by step_id, so one forward walk pairs them.
    sql::Statement& items = statements_->items;
    auto step = out->steps.begin();
    int rc = items.Bind(1, std::int64_t{round}).Step();
    for (; rc == SQLITE_ROW; rc = items.Step()) {
        const std::string step_id = items.Text(0);
        while (step != out->steps.end() && step->step_id != step_id)
            ++step;
        if (step == out->steps.end()) break; // cannot happen within one snapshot
        step->items.push_back({items.Text(1), items.Text(2), static_cast<int>(items.Int(3))});
    }
    rc = Finish(items, rc == SQLITE_ROW ? SQLITE_CORRUPT : rc);
    return rc == SQLITE_OK || Fail(rc);
}

} // namespace tapsheet
