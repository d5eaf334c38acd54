// What the flow asks the store to record. Plain data, shared by app/core (which
// produces it) and app/store (which commits it); neither SQL nor UI here.
#pragma once

#include <string>
#include <vector>

namespace tapsheet {

// One row of a step's answer. Poll: item = option id. Sheet: item = benefit
// id, or "project" / "own" with the free text in value. Domains: item =
// domain id, value = "focus" or "least".
struct AnswerRow {
    std::string item_id;
    std::string value;
};

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
