// What an answer row means: the one definition of the rows a visit leaves in
// the store, for every step kind. The flow builds rows only with the
// functions below; the writer stores them as built; the board's tallies, the
// staff panel's figures, the report, the export and `merge` read them only
// through CountedValue() and IsFreeTextItem(). Plain data: no SQL, no UI.
//
//   step kind  item_id                      value
//   poll       option id                    ""   (kChosen)
//   sheet      benefit id                   ""   (kChosen)
//   sheet      "project" (kProjectItem)     the project name as typed
//   sheet      "own" (kOwnItem)             one own benefit as typed
//   domains    domain id                    "focus" or "least"
//   skipped    no rows (the store records the skip itself)
//
// Files written by tapsheet 0.1's kiosk hold "1" for chosen options and
// benefits; CountedValue() reads any value of a choice row as kChosen, so
// those files count exactly as new ones.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tapsheet {

struct AnswerRow {
    std::string item_id;
    std::string value;
};

inline constexpr std::string_view kChosen = "";
inline constexpr std::string_view kProjectItem = "project";
inline constexpr std::string_view kOwnItem = "own";
inline constexpr std::string_view kFocusValue = "focus";
inline constexpr std::string_view kLeastValue = "least";

enum class DomainMark { None, Focus, Least };

// Rows as the flow records them.
AnswerRow ChosenRow(std::string_view option_id);
AnswerRow ProjectRow(std::string_view name);
AnswerRow OwnRow(std::string_view benefit);
AnswerRow MarkRow(std::string_view domain_id, DomainMark mark); // mark != None

// "project" and "own" hold an attendee's text: never tallied, public only
// once a facilitator approves it.
bool IsFreeTextItem(std::string_view item_id);
// The value a stored row counts under: kChosen for an option or benefit
// (whatever an earlier version wrote), the mark for a domain, the text itself
// for free text.
std::string_view CountedValue(std::string_view item_id, std::string_view value);
std::string_view MarkValue(DomainMark mark); // "focus", "least"; "" for None

// A step's whole answer. Saving it replaces any earlier answer of the same
// visit to the same step (the attendee went back and changed it).
struct StepAnswer {
    std::string visit_id;
    std::string step_id;
    bool skipped = false;
    std::vector<AnswerRow> rows;
};

enum class VisitEnd { Complete, Abandoned };

} // namespace tapsheet
