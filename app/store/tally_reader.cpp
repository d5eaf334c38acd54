#include "app/store/tally_reader.h"

#include "app/store/sqlite_util.h"
#include "app/store/stamp.h"
#include "app/store/tally_model.h"
#include "app/store/visit_rules.h"

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <string_view>
#include <tuple>

namespace tapsheet {
namespace {

// Short: Refresh runs on the board's UI thread. A WAL reader is rarely
// busy (only while a crashed kiosk's WAL is recovered); it then fails, the
// board says its figures are not updating, and the next poll tries again.
constexpr int kBusyTimeoutMs = 100;
constexpr auto kRecentWindow = std::chrono::minutes(10);

std::string_view ColumnText(sqlite3_stmt* query, int column) {
    const unsigned char* text = sqlite3_column_text(query, column);
    if (!text) return {};
    return {reinterpret_cast<const char*>(text),
            static_cast<std::size_t>(sqlite3_column_bytes(query, column))};
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

struct StatementDeleter {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};

// A visit's own columns: id, round, filtered, status, started_at.
VisitFacts FactsOfVisit(const sql::Statement& visits) {
    VisitFacts facts;
    facts.round = static_cast<int>(visits.Int(1));
    facts.filtered = visits.Int(2) != 0;
    facts.complete = visits.Text(3) == "complete";
    facts.started_at = visits.Text(4);
    facts.left_out = visits.Int(5) == 0;
    return facts;
}

Moderation ModerationOf(std::string_view status) {
    if (status == "approved") return Moderation::Approved;
    return status == "rejected" ? Moderation::Rejected : Moderation::Pending;
}

std::string DecisionKey(std::string_view step, std::string_view item, std::string_view text) {
    return std::string(step).append(1, '\x1f').append(item).append(1, '\x1f').append(text);
}

std::vector<std::string> SplitIds(const std::string& joined) {
    std::vector<std::string> ids;
    std::size_t from = 0;
    while (from < joined.size()) {
        std::size_t comma = joined.find(',', from);
        if (comma == std::string::npos) comma = joined.size();
        if (comma > from) ids.push_back(joined.substr(from, comma - from));
        from = comma + 1;
    }
    return ids;
}

} // namespace

struct TallyReader::Statements {
    sql::Statement data_version, begin, commit, rollback, meta, max_seq, all_visits, changed_visits,
        visit_answers, moderation;
    // Raw, not sql::Statement: the first full scan reads each row's text in
    // place, without a std::string per column.
    std::unique_ptr<sqlite3_stmt, StatementDeleter> all_answers;
};

TallyReader::TallyReader(const std::string& db_path)
    : statements_(new Statements), path_(db_path), model_(new TallyModel) {
    Connect();
}

bool TallyReader::Connect() {
    if (db_ && statements_->all_answers) return true;
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
    Statements& s = *statements_;
    s.data_version = sql::Statement(db_, "PRAGMA data_version");
    s.begin = sql::Statement(db_, "BEGIN");
    s.commit = sql::Statement(db_, "COMMIT");
    s.rollback = sql::Statement(db_, "ROLLBACK");
    s.meta = sql::Statement(db_, "SELECT key, value FROM meta WHERE key IN ('round', 'board_hidden')");
    s.max_seq = sql::Statement(db_, "SELECT coalesce(max(seq), 0) FROM visits");
    // The last column: whether the visit is as a kiosk writes it (visit_rules.h).
    const std::string visits =
        "SELECT id, round, filtered, status, started_at, " + WellFormedVisit() + " FROM visits";
    s.all_visits = sql::Statement(db_, visits.c_str());
    s.changed_visits = sql::Statement(db_, (visits + " WHERE seq > ?1 AND seq <= ?2").c_str());
    s.visit_answers =
        sql::Statement(db_, "SELECT step_id, item_id, value, answered_at FROM answers WHERE visit_id = ?1");
    s.moderation = sql::Statement(db_, "SELECT step_id, item_id, text, status FROM moderation");
    for (sql::Statement* each : {&s.data_version, &s.begin, &s.commit, &s.rollback, &s.meta, &s.max_seq,
                                 &s.all_visits, &s.changed_visits, &s.visit_answers, &s.moderation})
        if (!each->Ok()) return Fail(each->PrepareResult()); // e.g. no v2 tables yet: retried
    // Storage order, no join, no ORDER BY: one sequential pass.
    sqlite3_stmt* answers = nullptr;
    int rc = sqlite3_prepare_v2(db_, "SELECT visit_id, step_id, item_id, value, answered_at FROM answers", -1,
                                &answers, nullptr);
    if (rc != SQLITE_OK) return Fail(rc);
    s.all_answers.reset(answers); // last: Connect() takes it to mean all are ready
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

// Meta and moderation: small tables, read whole on every catch-up.
int TallyReader::ReadSnapshot(Tallies* fresh) {
    Statements& s = *statements_;
    int rc = s.meta.Step();
    for (; rc == SQLITE_ROW; rc = s.meta.Step()) {
        if (s.meta.Text(0) == "round") fresh->current_round = static_cast<int>(s.meta.Int(1));
        if (s.meta.Text(0) == "board_hidden") fresh->hidden_steps = SplitIds(s.meta.Text(1));
    }
    s.meta.Reset();
    if (rc != SQLITE_DONE) return rc;
    decisions_.clear();
    rc = s.moderation.Step();
    for (; rc == SQLITE_ROW; rc = s.moderation.Step())
        decisions_.emplace_back(DecisionKey(s.moderation.Text(0), s.moderation.Text(1), s.moderation.Text(2)),
                                ModerationOf(s.moderation.Text(3)));
    s.moderation.Reset();
    std::sort(decisions_.begin(), decisions_.end());
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int TallyReader::CatchUp() {
    Statements& s = *statements_;
    int rc = s.max_seq.Step();
    const std::int64_t max_seq = rc == SQLITE_ROW ? s.max_seq.Int(0) : 0;
    s.max_seq.Reset();
    if (rc != SQLITE_ROW) return rc;
    // Sequences only grow; a lower maximum means the file's content was
    // replaced under this connection (e.g. a backup restored over it with
    // sqlite3's .restore): start over. (A file deleted and created again is
    // not seen: this connection keeps the old one open.)
    if (max_seq < last_seq_) {
        model_->Clear();
        last_seq_ = 0;
    }
    if (max_seq == last_seq_) return SQLITE_OK;
    rc = last_seq_ == 0 ? LoadEverything(max_seq) : LoadChanged(max_seq);
    if (rc == SQLITE_OK) last_seq_ = max_seq;
    return rc;
}

int TallyReader::LoadEverything(std::int64_t) {
    Statements& s = *statements_;
    TextMap<VisitFacts> visits;
    int rc = s.all_visits.Step();
    for (; rc == SQLITE_ROW; rc = s.all_visits.Step())
        visits.emplace(s.all_visits.Text(0), FactsOfVisit(s.all_visits));
    s.all_visits.Reset();
    if (rc != SQLITE_DONE) return rc;
    sqlite3_stmt* answers = s.all_answers.get();
    rc = sqlite3_step(answers);
    for (; rc == SQLITE_ROW; rc = sqlite3_step(answers)) {
        auto visit = visits.find(ColumnText(answers, 0));
        if (visit == visits.end()) continue; // cannot happen with foreign keys on
        model_->AddRow(&visit->second, ColumnText(answers, 1), ColumnText(answers, 2), ColumnText(answers, 3),
                       ColumnText(answers, 4));
    }
    sqlite3_reset(answers);
    if (rc != SQLITE_DONE) return rc;
    model_->Clear();
    for (auto& [id, facts] : visits) {
        TallyModel::FinishFacts(&facts);
        model_->Put(id, std::move(facts));
    }
    return SQLITE_OK;
}

int TallyReader::LoadChanged(std::int64_t up_to) {
    Statements& s = *statements_;
    int rc = s.changed_visits.Bind(1, last_seq_).Bind(2, up_to).Step();
    for (; rc == SQLITE_ROW; rc = s.changed_visits.Step()) {
        VisitFacts facts = FactsOfVisit(s.changed_visits);
        const std::string id = s.changed_visits.Text(0);
        sql::Statement& answers = s.visit_answers;
        int answer_rc = answers.Bind(1, id).Step();
        for (; answer_rc == SQLITE_ROW; answer_rc = answers.Step())
            model_->AddRow(&facts, answers.Text(0), answers.Text(1), answers.Text(2), answers.Text(3));
        answers.Reset();
        if (answer_rc != SQLITE_DONE) {
            rc = answer_rc;
            break;
        }
        TallyModel::FinishFacts(&facts);
        model_->Put(id, std::move(facts));
    }
    s.changed_visits.Reset();
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

// Figures from the model, then what only SQL knew: moderation and order.
void TallyReader::Finish(const TallyQuery& query, TimePoint now, Tallies* fresh) {
    const bool cross = !query.cross_step.empty() && !query.cross_item.empty();
    const int round = query.round == kCurrentRound ? fresh->current_round : query.round;
    model_->SetQuery(round, cross ? model_->SlotIndex(query.cross_step, query.cross_item, kChosen) : -1);
    model_->Emit(LocalMidnightStamp(now), UtcStamp(now - kRecentWindow), fresh);
    if (cross) {
        fresh->cross.step_id = query.cross_step;
        fresh->cross.item_id = query.cross_item;
    }
    for (FreeText& text : fresh->free_text) {
        const std::string key = DecisionKey(text.step_id, text.item_id, text.text);
        auto found =
            std::lower_bound(decisions_.begin(), decisions_.end(), std::make_pair(key, Moderation::Pending));
        if (found != decisions_.end() && found->first == key) text.status = found->second;
    }
    // Pending first (the facilitator's queue), then oldest first.
    std::stable_sort(fresh->free_text.begin(), fresh->free_text.end(),
                     [](const FreeText& a, const FreeText& b) {
                         const bool a_pending = a.status == Moderation::Pending,
                                    b_pending = b.status == Moderation::Pending;
                         if (a_pending != b_pending) return a_pending;
                         return a.first_at < b.first_at;
                     });
}

bool TallyReader::Refresh(const TallyQuery& query, Tallies* out, TimePoint now) {
    if (!Connect()) return false;
    Statements& s = *statements_;
    int rc = s.data_version.Step();
    const std::int64_t version = rc == SQLITE_ROW ? s.data_version.Int(0) : 0;
    s.data_version.Reset();
    if (rc != SQLITE_ROW) return Fail(rc);
    if (have_version_ && version == last_version_ && query == last_query_) return false;

    // The version was read before BEGIN, so the snapshot is at least that
    // new: a commit in between costs one extra refresh, never a missed one.
    rc = s.begin.Run();
    if (rc != SQLITE_OK) return Fail(rc);
    Tallies fresh;
    fresh.data_version = version;
    const std::int64_t seq_before = last_seq_;
    const auto decisions_before = decisions_;
    rc = ReadSnapshot(&fresh);
    if (rc == SQLITE_OK) rc = CatchUp();
    if (rc == SQLITE_OK) rc = s.commit.Run();
    if (rc != SQLITE_OK) {
        Fail(rc);
        s.rollback.Run();
        return false;
    }
    // A commit of nothing the figures come from (the hub's heartbeat, the
    // outbox's acknowledged point): the same figures, so no redraw.
    const bool same = have_version_ && query == last_query_ && last_seq_ == seq_before &&
                      decisions_ == decisions_before && fresh.current_round == last_round_ &&
                      fresh.hidden_steps == last_hidden_;
    last_version_ = version;
    error_.clear();
    if (same) return false;
    last_round_ = fresh.current_round;
    last_hidden_ = fresh.hidden_steps;
    Finish(query, now, &fresh);
    *out = std::move(fresh);
    have_version_ = true;
    last_query_ = query;
    return true;
}

} // namespace tapsheet
