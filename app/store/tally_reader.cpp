#include "app/store/tally_reader.h"

#include "app/store/sqlite_util.h"
#include "app/store/stamp.h"

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <functional>
#include <map>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace tapsheet {
namespace {

constexpr int kBusyTimeoutMs = 2000;
constexpr auto kRecentWindow = std::chrono::minutes(10);

bool IsFreeText(std::string_view item) {
    for (const char* free_text : kFreeTextItems)
        if (item == free_text) return true;
    return false;
}

std::string_view ColumnText(sqlite3_stmt* query, int column) {
    const unsigned char* text = sqlite3_column_text(query, column);
    if (!text) return {};
    return {reinterpret_cast<const char*>(text),
            static_cast<std::size_t>(sqlite3_column_bytes(query, column))};
}

// Lets unordered_map<std::string, ...> be searched by string_view without
// building a std::string for every row scanned.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
template <class Value> using TextMap = std::unordered_map<std::string, Value, TextHash, std::equal_to<>>;

// One (step, item, value) seen in the scan.
struct Slot {
    std::string step_id, item_id, value;
    int step = 0; // index into Aggregate::steps_
    bool free_text = false;
};

// Tallies from one pass over the answers in storage order. The rules of
// tally_reader.h live here: per counted visit, the distinct slots it gave
// (a visit counts once per slot and once per step, however its rows repeat).
class Aggregate {
  public:
    void AddVisit(std::string_view id) { visits_.emplace(std::string(id), static_cast<int>(visits_.size())); }

    void AddRow(std::string_view visit, std::string_view step, std::string_view item, std::string_view value,
                bool recent) {
        const auto counted = visits_.find(visit);
        if (counted == visits_.end()) return; // filtered, or another round
        // Free text only matters for respondents: one slot per item, not one
        // per attendee's sentence (which also keeps their text out of keys).
        if (IsFreeText(item)) value = {};
        key_.assign(step).append(1, '\x1f').append(item).append(1, '\x1f').append(
            value); // ids never hold \x1f
        auto slot = slot_index_.find(std::string_view(key_));
        if (slot == slot_index_.end()) slot = slot_index_.emplace(key_, NewSlot(step, item, value)).first;
        if (rows_.size() < visits_.size()) rows_.resize(visits_.size());
        // Low bit: saved within the recent window (all rows of a save share one stamp).
        rows_[counted->second].push_back(static_cast<std::uint32_t>(slot->second) << 1 | (recent ? 1 : 0));
    }

    void Finish(Tallies* out) {
        std::vector<int> slot_counts(slots_.size(), 0);
        std::vector<int> respondents(steps_.size(), 0);
        std::vector<std::uint32_t> visit_steps; // step << 1 | recent, reused for every visit
        for (std::vector<std::uint32_t>& rows : rows_) {
            std::sort(rows.begin(), rows.end());
            visit_steps.clear();
            for (std::size_t i = 0; i < rows.size(); ++i) {
                const Slot& slot = slots_[rows[i] >> 1];
                visit_steps.push_back(static_cast<std::uint32_t>(slot.step) << 1 | (rows[i] & 1));
                const bool repeat = i > 0 && rows[i] >> 1 == rows[i - 1] >> 1;
                if (!repeat && !slot.free_text) ++slot_counts[rows[i] >> 1];
            }
            std::sort(visit_steps.begin(), visit_steps.end());
            for (std::size_t i = 0; i < visit_steps.size(); ++i) {
                const bool last_of_step =
                    i + 1 == visit_steps.size() || visit_steps[i + 1] >> 1 != visit_steps[i] >> 1;
                if (!last_of_step) continue;
                ++respondents[visit_steps[i] >> 1];
                out->answers_last_10_min += visit_steps[i] & 1; // sorted last: recent if any row is
            }
        }
        Emit(slot_counts, respondents, out);
    }

  private:
    int NewSlot(std::string_view step, std::string_view item, std::string_view value) {
        auto found = step_index_.find(step);
        if (found == step_index_.end()) {
            found = step_index_.emplace(std::string(step), static_cast<int>(steps_.size())).first;
            steps_.emplace_back(step);
        }
        slots_.push_back(
            {std::string(step), std::string(item), std::string(value), found->second, IsFreeText(item)});
        return static_cast<int>(slots_.size()) - 1;
    }

    void Emit(const std::vector<int>& slot_counts, const std::vector<int>& respondents, Tallies* out) const {
        std::map<std::string, StepTally> by_step; // sorted by step_id, as documented
        for (std::size_t step = 0; step < steps_.size(); ++step)
            if (respondents[step] > 0) by_step[steps_[step]] = {steps_[step], respondents[step], {}};
        for (std::size_t i = 0; i < slots_.size(); ++i)
            if (slot_counts[i] > 0)
                by_step[slots_[i].step_id].items.push_back(
                    {slots_[i].item_id, slots_[i].value, slot_counts[i]});
        for (auto& [step_id, step] : by_step) {
            std::sort(step.items.begin(), step.items.end(), [](const TallyCount& a, const TallyCount& b) {
                return std::tie(a.item_id, a.value) < std::tie(b.item_id, b.value);
            });
            out->steps.push_back(std::move(step));
        }
    }

    TextMap<int> visits_;     // counted visits -> index into rows_
    TextMap<int> slot_index_; // "step\x1fitem\x1fvalue" -> index into slots_
    TextMap<int> step_index_;
    std::vector<Slot> slots_;
    std::vector<std::string> steps_;
    std::vector<std::vector<std::uint32_t>> rows_; // per counted visit: slot << 1 | recent
    std::string key_;                              // reused, so lookups do not allocate
};

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

// SQLITE_DONE when the whole table was read.
int ReadVisits(sql::Statement& visits, int round, TallyReader::TimePoint now, Aggregate* aggregate,
               Tallies* out) {
    const std::string midnight = LocalMidnightStamp(now);
    int rc = visits.Bind(1, std::int64_t{round}).Step();
    for (; rc == SQLITE_ROW; rc = visits.Step()) {
        if (visits.Int(1) != 0) {
            ++out->filtered;
            continue;
        }
        aggregate->AddVisit(visits.Text(0));
        out->completed += visits.Text(2) == "complete" ? 1 : 0;
        out->visits_today += visits.Text(3) >= midnight ? 1 : 0; // stamps sort as text
    }
    visits.Reset();
    return rc;
}

int ReadAnswers(sqlite3_stmt* answers, TallyReader::TimePoint now, Aggregate* aggregate) {
    const std::string recent = UtcStamp(now - kRecentWindow);
    int rc = sqlite3_step(answers);
    for (; rc == SQLITE_ROW; rc = sqlite3_step(answers))
        aggregate->AddRow(ColumnText(answers, 0), ColumnText(answers, 1), ColumnText(answers, 2),
                          ColumnText(answers, 3), ColumnText(answers, 4) >= recent);
    sqlite3_reset(answers);
    return rc;
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
    sql::Statement data_version, begin, commit, rollback, visits;
    // Raw, not sql::Statement: the scan reads each row's text in place,
    // without a std::string per column, which is most of a refresh's cost.
    std::unique_ptr<sqlite3_stmt, StatementDeleter> answers;
};

TallyReader::TallyReader(const std::string& db_path) : statements_(new Statements), path_(db_path) {
    Connect();
}

bool TallyReader::Connect() {
    if (db_ && statements_->answers) return true;
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
    s.visits =
        sql::Statement(db_, "SELECT id, filtered, status, started_at FROM visits WHERE ?1 = 0 OR round = ?1");
    for (sql::Statement* each : {&s.data_version, &s.begin, &s.commit, &s.rollback, &s.visits})
        if (!each->Ok()) return Fail(each->PrepareResult());
    // Storage order, no join, no ORDER BY: one sequential pass is several
    // times faster than GROUP BY queries, which sort and look up each visit.
    sqlite3_stmt* answers = nullptr;
    int rc = sqlite3_prepare_v2(db_, "SELECT visit_id, step_id, item_id, value, answered_at FROM answers", -1,
                                &answers, nullptr);
    if (rc != SQLITE_OK) return Fail(rc); // e.g. the kiosk has not created the tables yet: retried
    s.answers.reset(answers);             // last: Connect() takes it to mean all are ready
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
    const std::int64_t version = rc == SQLITE_ROW ? s.data_version.Int(0) : 0;
    s.data_version.Reset();
    if (rc != SQLITE_ROW) return Fail(rc);
    if (have_version_ && version == last_version_ && round == last_round_) return false;

    // The version was read before BEGIN, so the snapshot is at least that
    // new: a commit in between costs one extra refresh, never a missed one.
    rc = s.begin.Run();
    if (rc != SQLITE_OK) return Fail(rc);
    Tallies fresh;
    fresh.data_version = version;
    Aggregate aggregate;
    rc = ReadVisits(s.visits, round, now, &aggregate, &fresh);
    if (rc == SQLITE_DONE) rc = ReadAnswers(s.answers.get(), now, &aggregate);
    if (rc == SQLITE_DONE) rc = s.commit.Run();
    const bool read = rc == SQLITE_OK || Fail(rc);
    if (!read) {
        s.rollback.Run();
        return false;
    }
    aggregate.Finish(&fresh);
    error_.clear();
    *out = std::move(fresh);
    have_version_ = true;
    last_version_ = version;
    last_round_ = round;
    return true;
}

} // namespace tapsheet
