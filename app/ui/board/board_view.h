// The board's screens: the room's live results on a TV or projector, and the
// facilitator's controls. Like the kiosk's screens, each takes a read-only
// view and returns intents; the app applies them (app/core/board.h) and
// sends the ones the store keeps (new round, moderation) to the store.
#pragma once

#include "app/core/animated.h"
#include "app/core/board.h"
#include "app/core/figures.h"
#include "app/core/fleet_view.h"
#include "app/ui/common/widgets.h"

#include <string>

namespace tapsheet {

struct BoardView {
    const Pack& pack;
    const BoardState& state;
    const Tallies& tallies;           // what to show: the frozen copy while frozen
    const AnimatedValues& anim;       // bar values, keyed by BarKey()
    bool have_data = true;            // false: the database is not there (yet): say we wait for the kiosk
    std::string store_problem;        // non-empty: why the figures cannot be read (for staff)
    const FleetView* fleet = nullptr; // the strip's fleet tag, when the file is a hub's
};

// The key of one figure in BoardView::anim: step, item and value as in Tallies.
std::string BarKey(const std::string& step_id, const std::string& item_id, const std::string& value = "");
// The same for the cross-tab's figures.
std::string CrossBarKey(const std::string& step_id, const std::string& item_id,
                        const std::string& value = "");

// The whole board for one frame, full-window, with keyboard shortcuts.
// Call between NewFrame and Render.
BoardIntents DrawBoard(UiFrame& ui, const BoardView& view);

// One file per page. `area` is the part of the window the page may use.
void DrawBoardPoll(UiFrame& ui, const BoardView& view, const Step& step, const ImRect& area);
void DrawBoardSheet(UiFrame& ui, const BoardView& view, const Step& step, const ImRect& area);
void DrawBoardDomains(UiFrame& ui, const BoardView& view, const Step& step, const ImRect& area);
void DrawBoardCrossTab(UiFrame& ui, const BoardView& view, const ImRect& area, BoardIntents& out);
void DrawBoardTotals(UiFrame& ui, const BoardView& view, const ImRect& area);
void DrawBoardTimer(UiFrame& ui, const BoardView& view, const ImRect& area);
void DrawBoardEvidence(UiFrame& ui, const BoardView& view, const ImRect& area);
void DrawBoardModeration(UiFrame& ui, const BoardView& view, const ImRect& area, BoardIntents& out);
// The facilitator's strip along the bottom (when state.controls).
void DrawBoardControls(UiFrame& ui, const BoardView& view, const ImRect& area, BoardIntents& out);
float BoardControlsHeight(const UiFrame& ui);
// The strip's exact height for this view at `width` (its rows depend on its labels).
float BoardControlsHeight(const UiFrame& ui, const BoardView& view, float width);

} // namespace tapsheet
