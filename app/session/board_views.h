// Brings a board session to a named view by the same intents the
// facilitator would use (for screenshots and tests).
#pragma once

#include "app/session/board_session.h"

#include <string>

namespace tapsheet {

// view: poll (the first poll) or poll:STEP, sheet[:STEP], domains[:STEP],
// crosstab (the first sheet by the first poll's most given answer), totals,
// timer (the first timer, part-way through), evidence[:N], moderation,
// controls (the first poll with the facilitator's strip) or controls:VIEW
// (any of these with the strip). The strip is hidden otherwise, except on
// the moderation list. `now` is when the
// picture is taken; the page appeared earlier, so no transition shows.
bool ShowBoardView(BoardSession& session, const std::string& view, double now, std::string* error);

// Every view name ShowBoardView takes without a suffix.
inline constexpr const char* kBoardViews[] = {"poll",  "sheet",    "domains",    "crosstab", "totals",
                                              "timer", "evidence", "moderation", "controls"};

} // namespace tapsheet
