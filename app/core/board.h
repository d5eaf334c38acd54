// The board's state: which page the room sees, what the facilitator hid,
// froze or started, and the activity timer. Plain data and pure functions,
// no ImGui and no SQL: board screens read a BoardState, return BoardIntents,
// and the app applies those with ApplyBoardIntent (and forwards the ones the
// store must keep, such as a new round or a moderation decision).
#pragma once

#include "app/core/content.h"

#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace tapsheet {

enum class BoardPageKind {
    Poll,       // one poll's bars (step_id)
    Sheet,      // the shared reflection sheet (step_id)
    Domains,    // focus on / least attention per domain (step_id)
    CrossTab,   // the sheet or domains of visits that gave one poll answer
    Totals,     // visits today, completed, last 10 minutes, filtered
    Timer,      // the running activity timer, large
    Evidence,   // one evidence card from the pack (index)
    Moderation, // the facilitator's list of free text; never in drop-in rotation
};

struct BoardPage {
    BoardPageKind kind = BoardPageKind::Totals;
    std::string step_id;   // Poll, Sheet, Domains, and CrossTab's target (sheet or domains step)
    std::size_t index = 0; // Evidence: index into Pack::evidence
    bool operator==(const BoardPage&) const = default;

    static BoardPage Of(BoardPageKind kind, std::string step_id = {}, std::size_t index = 0) {
        BoardPage page;
        page.kind = kind;
        page.step_id = std::move(step_id);
        page.index = index;
        return page;
    }
};

// Pages the pack offers, in content order: each poll, sheet and domains
// step, a cross-tab when there is a poll and a sheet or domains step, the
// totals, the timer when the pack has timers and each evidence card. Not
// the moderation list: paging (Next wraps round) must never put pending
// free text on the projector; it opens only on purpose (M, its button).
std::vector<BoardPage> BoardPages(const Pack& pack);

// The drop-in rotation: results pages with evidence cards between them
// (every other page once the cards run out, they start over). No timer,
// no moderation, no cross-tab.
std::vector<BoardPage> RotationPages(const Pack& pack);

// A countdown from the pack's [[timers]], kept as plain numbers of seconds
// on the app's clock (steady, seconds).
struct TimerRun {
    int timer = -1; // index into Pack::timers; -1 none chosen
    bool running = false;
    double started_at = 0;     // clock when it last started running
    double elapsed_before = 0; // seconds run before the last pause

    double Elapsed(double now) const; // seconds run in total
};

// What the timer shows at `now`.
struct TimerReading {
    int phase = 0;         // index into ActivityTimer::phases (last one once over)
    double phase_left = 0; // seconds left in that phase
    double total_left = 0; // seconds left overall, 0 once over
    bool over = false;
};
TimerReading ReadTimer(const ActivityTimer& timer, const TimerRun& run, double now);

// The facilitator's cross-tab: only visits that chose `item_id` in poll
// `poll_step_id`; empty ids: no filter chosen yet.
struct CrossFilter {
    std::string poll_step_id;
    std::string item_id;
    bool Active() const { return !poll_step_id.empty() && !item_id.empty(); }
    bool operator==(const CrossFilter&) const = default;
};

inline constexpr int kAllRounds = -1; // BoardState::round_shown: every round together

struct BoardState {
    std::vector<BoardPage> pages;    // BoardPages(pack)
    std::vector<BoardPage> rotation; // RotationPages(pack)
    BoardPage page;                  // on screen now
    BoardPage previous;              // for the transition
    double page_since = 0;           // clock when `page` appeared
    bool drop_in = false;            // rotate on its own
    double rotate_seconds = 20;
    std::size_t rotation_index = 0;
    std::set<std::string> hidden; // poll/sheet/domains step ids whose results wait for a reveal
    bool frozen = false;          // the app keeps showing the tallies it had when frozen
    bool controls = true;         // the on-screen control strip is shown
    int round_shown = 0;          // 0: the current round; kAllRounds: every round; else that round
    CrossFilter cross;
    TimerRun timer;
};

BoardState NewBoardState(const Pack& pack, double now);

struct BoardIntent {
    enum class Kind {
        ShowPage, // page
        NextPage, // the next page of BoardPages (wraps)
        PreviousPage,
        ToggleDropIn,
        Hide,   // id: step id
        Reveal, // id: step id
        ToggleFreeze,
        ToggleControls,
        TimerChoose, // index: timer (resets it)
        TimerStart,
        TimerPause,
        TimerReset,
        NewRound,      // store: the next round begins; the board shows it
        ShowRound,     // index: round (0 = current)
        ShowAllRounds, // every round together
        CrossBy,       // cross: poll step and option; page.step_id: sheet or domains step
        Approve,       // store: id step, item item, text
        Reject,        // store: same fields
    };
    Kind kind = Kind::NextPage;
    std::string id;
    std::string item;
    std::string text;
    std::size_t index = 0;
    BoardPage page;
    CrossFilter cross;

    static BoardIntent Of(Kind kind) {
        BoardIntent intent;
        intent.kind = kind;
        return intent;
    }
};
using BoardIntents = std::vector<BoardIntent>;

// Applies what the board itself owns. Returns true when something changed.
// NewRound, Approve and Reject change nothing here: the app sends them to
// the store (and NewRound also sets round_shown back to 0).
bool ApplyBoardIntent(BoardState& state, const Pack& pack, const BoardIntent& intent, double now);

// Drop-in mode: moves to the next rotation page once rotate_seconds passed.
// Returns true when the page changed. NextRotation says when to call again.
bool TickBoard(BoardState& state, double now);
double NextRotation(const BoardState& state); // 0 when not rotating

// The place (1-based) in BoardState::pages of the page on screen, for "Page
// 4 of 12". A cross-tab on any target is the cross-tab page; the moderation
// list, not a page of the list, counts as the page it was opened from (Next
// and Previous go on from there).
std::size_t PageNumber(const BoardState& state);

// How far the page transition has got, 0..1 (1: settled).
inline constexpr double kBoardTransitionSeconds = 0.6;
double TransitionProgress(const BoardState& state, double now);

} // namespace tapsheet
