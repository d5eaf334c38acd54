// The control strip's buttons (board_strip.cpp) and its layout and drawing
// (board_controls.cpp).
#pragma once

#include "app/ui/board/board_widgets.h"

#include <string>
#include <vector>

namespace tapsheet {

struct StripItem {
    std::string id;
    std::string label;
    ButtonKind kind = ButtonKind::Secondary;
    bool enabled = true;
    const char* menu = nullptr; // opens this menu instead of sending intents
    BoardIntents intents;       // sent when pressed
};

// What the strip offers for this state, in order.
std::vector<StripItem> StripItems(const UiFrame& ui, const BoardView& view);
// The menu a strip button opened: pages, timers, rounds, new round.
void DrawStripMenu(UiFrame& ui, const BoardView& view, const char* menu, const ImRect& anchor,
                   BoardIntents& out);

// The facilitator's keys (board_keys.cpp): the same intents as the strip.
void BoardKeys(const BoardView& view, BoardIntents& out);

// The page whose results H hides or reveals: its step id, or empty.
std::string HideableStep(const BoardView& view);
// The moderation page, and the number of texts waiting for a decision.
BoardPage ModerationPage(const BoardView& view);
int PendingTexts(const Tallies& tallies);

} // namespace tapsheet
