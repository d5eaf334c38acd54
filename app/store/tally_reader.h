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
// It fills the one model of the figures (app/core/figures.h) by the rules
// written there, and:
// - a visit counts at most once per (step, item, value): the writer replaces
//   a step's rows when it is re-saved, and a skipped step has no rows;
// - a chosen option or benefit counts under kChosen whatever value an
//   earlier version stored ("1");
// - round 0 means every round; otherwise only visits begun in that round;
// - free text is listed for the moderation list whatever its status; only
//   public text (IsPublic) is ever shown.
#pragma once

#include "app/core/figures.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace tapsheet {

class TallyModel;

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

    // true: *out was recomputed. false: nothing the figures come from
    // changed since the last successful refresh of the same round (a
    // commit of other tables counts as nothing), or the read failed (see
    // Ok()); *out is left as it was. `now` sets the windows of visits_today and
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
    // The file's commit (PRAGMA data_version) the last successful Refresh
    // read, whether or not its figures changed.
    std::int64_t Version() const { return last_version_; }

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
    int last_round_ = 0;                                        // meta as the last figures had it
    std::vector<std::string> last_hidden_;                      //
    std::vector<std::pair<std::string, Moderation>> decisions_; // scratch: "step\x1fitem\x1ftext", sorted
};

} // namespace tapsheet
