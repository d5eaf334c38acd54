// The room's figures: one model, filled by the store (app/store/tally_reader.h)
// and read by the board, the staff panel, the report and the export. The rules
// that must never differ between what the room sees and what the organiser
// takes home are written here once: which free text is public, and which
// answers stand out.
//
// What the counts mean (the store applies these rules when it fills them):
// - Filtered visits (anti-stuffing) are left out of every figure except
//   `Tallies::filtered`.
// - A visit counts at most once per (step, item, value).
// - Rows mean what app/core/answer.h says: options and benefits count under
//   kChosen; domains under kFocusValue or kLeastValue.
// - Free text is never tallied: it counts towards a step's respondents and is
//   listed, with the facilitator's decision, as FreeText.
#pragma once

#include "app/core/answer.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tapsheet {

// Distinct visits that gave one (item, value) in one step. Keeping the value
// as its own field lets the store stay ignorant of step kinds: readers pick
// the rows they need by the pack's step kind.
struct TallyCount {
    std::string item_id;
    std::string value;
    int count = 0;
};

struct StepTally {
    std::string step_id;
    int respondents = 0;           // distinct visits with any row for the step
    std::vector<TallyCount> items; // by item_id, then value; content order is the reader's job
    int Count(std::string_view item_id, std::string_view value = kChosen) const; // 0 when absent
};

// The facilitator's decision on a free text. Only Approved text is public.
enum class Moderation { Pending, Approved, Rejected };

// A distinct free text (project name, own benefit) of counted visits.
struct FreeText {
    std::string step_id;
    std::string item_id; // kProjectItem or kOwnItem
    std::string text;
    int count = 0;        // distinct counted visits that wrote exactly this text
    std::string first_at; // when it was first saved (stamp)
    Moderation status = Moderation::Pending;
};

// The figures of only those visits that gave `item_id` in poll `step_id`.
struct CrossTally {
    std::string step_id, item_id;                          // empty: no cross-tab asked for
    int visits = 0;                                        // counted visits that gave that answer
    std::vector<StepTally> steps;                          // as Tallies::steps, over those visits only
    const StepTally* Step(std::string_view step_id) const; // null when absent
};

struct Tallies {
    std::int64_t data_version = 0; // PRAGMA data_version these figures were computed at
    int round = 0;                 // round these figures are for; 0: every round
    int current_round = 1;         // meta "round": visits begun now get it
    std::vector<int> rounds;       // rounds with at least one visit, ascending
    int visits_today = 0;          // begun since local midnight
    int completed = 0;             // status "complete", any day
    int filtered = 0;              // flagged visits, any status and day
    int left_out = 0;              // visits of the file not as a kiosk writes them: in no figure
    int answers_last_10_min = 0;   // (visit, step) answers saved in the last 10 minutes
    std::vector<StepTally> steps;  // by step_id; steps nobody answered are absent
    std::vector<FreeText>
        free_text; // every distinct text of counted visits; pending first, then oldest first
    std::vector<std::string> hidden_steps; // meta "board_hidden": results the facilitator hid
    CrossTally cross;
    const StepTally* Step(std::string_view step_id) const; // null when absent
};

// What a report is made of (app/report/report.h): the visits one by one, and
// the figures of counted visits by the same rules as the board's.
struct ReportVisit {
    std::string started_at; // stored stamp, ISO-8601 UTC
    std::string kiosk_id;
    std::string status; // open, complete or abandoned
    bool filtered = false;
    int steps_answered = 0;
};

struct ReportFacts {
    int round = 0;                   // 0: every round
    std::vector<ReportVisit> visits; // every visit of the round(s), filtered too, by start time
    std::vector<StepTally> steps;    // counted visits only
    std::vector<CrossTally> crosses; // one for each poll answer asked for
    std::vector<FreeText> texts;     // every status: the report shows only public ones
    int packs_used = 1;              // distinct content packs the visits were given
    int utc_offset_minutes = 0;      // local time of the event, for times shown
    const StepTally* Step(std::string_view step_id) const;
    const CrossTally* Cross(std::string_view poll_step_id, std::string_view item_id) const;
};

// Only text a facilitator approved is ever shown to the room or written in a
// report; pending and rejected text is counted, never shown.
bool IsPublic(const FreeText& text);

// The public texts of one step and item (kProjectItem or kOwnItem), in the
// order of `texts`.
std::vector<const FreeText*> PublicTexts(const std::vector<FreeText>& texts, std::string_view step_id,
                                         std::string_view item_id);

// The most tapped stand out, ties included: the count an answer needs to be
// among the kStandOutCount most tapped of `counts`; 0 when nothing was tapped.
inline constexpr int kStandOutCount = 3;
int StandOutThreshold(std::vector<int> counts);
inline bool StandsOut(int count, int threshold) {
    return threshold > 0 && count >= threshold;
}

// Staff's words for Tallies::left_out (the CLI, the staff panel, the
// board's strip): "" when there are none.
std::string LeftOutNote(int left_out);

} // namespace tapsheet
