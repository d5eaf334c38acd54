// The board's live tallies: what the room has answered, recomputed from the
// store only when another connection committed something.
//
// A TallyReader owns one read-only connection with its statements prepared
// once. Refresh() first asks `PRAGMA data_version` (one cheap statement, no
// table read); while it is unchanged, and the query is the same, it returns
// false and queries nothing else, so a static board costs nothing.
// Otherwise it catches up inside one read transaction, so the totals and
// the per-step counts describe the same snapshot.
//
// Catching up is O(change): schema v2 gives each visit a change sequence
// (visits.seq, moved by triggers whenever the visit or its answers change),
// so only visits with a seq above the last one seen are read again, and the
// in-memory TallyModel swaps their old contribution for the new one. The
// first refresh reads everything once (one sequential pass over answers).
// Changing the round or the cross-tab recounts from memory, not from disk.
//
// What counts (the rules the board shows and the tests check):
// - Filtered visits (anti-stuffing) are left out of every figure except
//   `filtered`.
// - A visit counts at most once per (step, item, value): the writer replaces
//   a step's rows when it is re-saved, and a skipped step has no rows.
// - Rows mean what app/core/answer.h says: a chosen option or benefit
//   counts under kChosen whatever value an earlier version stored ("1").
// - Free text is never tallied: rows with item "project" or "own"
//   (IsFreeTextItem) count towards the step's respondents but have no
//   TallyCount of their own.
// - round 0 means every round; otherwise only visits begun in that round.
// - Free text (FreeText) is listed for the moderation list whatever its
//   status; showing only Approved text to the room is the board's rule.
#pragma once

#include "app/core/answer.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace tapsheet {

class TallyModel;

// Distinct visits that gave one (item, value) in one step. Options and
// benefits count under kChosen (one count each); domains under "focus" or
// "least", so each domain has up to two counts (app/core/answer.h). Keeping the value as its own
// field lets the store stay ignorant of step kinds: the board picks the rows
// it needs by the pack's step kind.
struct TallyCount {
    std::string item_id;
    std::string value;
    int count = 0;
};

struct StepTally {
    std::string step_id;
    int respondents = 0;           // distinct visits with any row for the step
    std::vector<TallyCount> items; // by item_id, then value; content order is the board's job
    int Count(std::string_view item_id, std::string_view value = kChosen) const; // 0 when absent
};

// Free text (project names, own benefits) and the facilitator's decision on
// it. The board shows only Approved text; the moderation list shows all.
enum class Moderation { Pending, Approved, Rejected };

struct FreeText {
    std::string step_id;
    std::string item_id; // "project" or "own"
    std::string text;
    int count = 0;        // distinct counted visits that wrote exactly this text
    std::string first_at; // when it was first saved (stamp)
    Moderation status = Moderation::Pending;
};

// The figures of only those visits that gave `item_id` in poll `step_id`.
struct CrossTally {
    std::string step_id, item_id; // empty: no cross-tab asked for
    int visits = 0;               // counted visits that gave that answer
    std::vector<StepTally> steps; // as Tallies::steps, over those visits only
    const StepTally* Step(const std::string& step_id) const;
};

struct Tallies {
    std::int64_t data_version = 0; // PRAGMA data_version these figures were computed at
    int round = 0;                 // round these figures are for; 0: every round
    int current_round = 1;         // meta "round": visits begun now get it
    std::vector<int> rounds;       // rounds with at least one visit, ascending
    int visits_today = 0;          // begun since local midnight
    int completed = 0;             // status "complete", any day
    int filtered = 0;              // flagged visits, any status and day
    int answers_last_10_min = 0;   // (visit, step) answers saved in the last 10 minutes
    std::vector<StepTally> steps;  // by step_id; steps nobody answered are absent
    std::vector<FreeText>
        free_text; // every distinct text of counted visits; pending first, then oldest first
    std::vector<std::string> hidden_steps; // meta "board_hidden": results the facilitator hid
    CrossTally cross;
    const StepTally* Step(const std::string& step_id) const; // null when absent
};

// What to count. kCurrentRound follows meta "round" as it changes.
inline constexpr int kCurrentRound = -1;
struct TallyQuery {
    int round = kCurrentRound;          // 0: every round
    std::string cross_step, cross_item; // CrossTally filter; empty: none
    bool operator==(const TallyQuery&) const = default;
};

class TallyReader {
  public:
    using TimePoint = std::chrono::system_clock::time_point;

    explicit TallyReader(const std::string& db_path);
    ~TallyReader();
    TallyReader(const TallyReader&) = delete;
    TallyReader& operator=(const TallyReader&) = delete;

    bool Ok() const { return error_.empty(); }
    const std::string& Error() const { return error_; } // last failure, naming the file

    // true: *out was recomputed. false: nothing changed since the last
    // successful refresh of the same round (or the read failed: see Ok()),
    // and *out is left as it was. `now` sets the windows of visits_today and
    // answers_last_10_min; tests pass a fixed one.
    bool Refresh(const TallyQuery& query, Tallies* out, TimePoint now = std::chrono::system_clock::now());
    bool Refresh(int round, Tallies* out, TimePoint now = std::chrono::system_clock::now()) {
        TallyQuery query;
        query.round = round;
        return Refresh(query, out, now);
    }

    // The time windows age without any commit: a board calls this now and
    // then (say once a minute) so the next Refresh() recomputes anyway.
    void Invalidate() { have_version_ = false; }

  private:
    struct Statements;

    bool Connect();
    bool Prepare();
    bool Fail(int rc); // records the error; always false
    int ReadSnapshot(Tallies* fresh);
    int CatchUp();
    int LoadEverything(std::int64_t up_to);
    int LoadChanged(std::int64_t up_to);
    void Finish(const TallyQuery& query, TimePoint now, Tallies* fresh);

    sqlite3* db_ = nullptr;
    std::unique_ptr<Statements> statements_; // defined in the .cpp, so this header needs no sqlite3.h
    std::string path_;
    std::string error_;
    std::unique_ptr<TallyModel> model_; // every visit's facts and the running counts
    std::int64_t last_seq_ = 0;         // highest visits.seq already in model_
    bool have_version_ = false;
    std::int64_t last_version_ = 0;
    TallyQuery last_query_;
    std::vector<std::pair<std::string, Moderation>> decisions_; // scratch: "step\x1fitem\x1ftext", sorted
};

} // namespace tapsheet
