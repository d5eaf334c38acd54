// The sheet page's parts (board_sheet_parts.cpp), shared by its layout
// (board_sheet.cpp). Each part measures itself and draws only when
// SheetContext::draw is set, so one layout code both fits and draws.
#pragma once

#include "app/ui/board/board_widgets.h"

#include <string>
#include <vector>

namespace tapsheet {

// How a benefit's chip is drawn, from the roomiest to the tightest.
enum class ChipStyle {
    Normal,  // the label, then the count beside its bar
    Compact, // the count beside the label, a thin bar under both
    Dense,   // as compact, with less padding and thinner bars: a big sheet at full-size type
};

struct SheetContext {
    UiFrame& ui;
    const BoardView& view;
    const Step& step;
    const TallySource& source;
    BoardLook look;
    bool draw = false;
    ChipStyle style = ChipStyle::Normal;
    bool flow = false;     // every group across the width under the centre box, not round it
    int columns = 0;       // chips in a row of a group across the width; 0: from the width
    int top_threshold = 0; // StandOutThreshold of the pack's benefits
    bool Compact() const { return style != ChipStyle::Normal; }
    float Space(float normal, float dense) const {
        return look.U(style == ChipStyle::Dense ? dense : normal);
    }
};

struct SheetBenefit {
    std::string id;
    std::string label;
    int count = 0;
    double fraction = 0; // animated count / respondents
    bool top = false;    // among the most tapped: bold, with an accent border
};

// A group's title over its benefits in `columns`; returns its height.
float DrawSheetGroup(SheetContext& c, const std::string& title, const std::vector<SheetBenefit>& benefits,
                     ImVec2 pos, float width, int columns);
// The centre box: the project prompt, the respondents, approved project names.
float CentreBoxHeight(SheetContext& c, float width);
void DrawCentreBox(SheetContext& c, const ImRect& box);
// The centre box across the whole width, no groups beside it: the prompt and
// the respondents on one line, approved names in `columns` side by side.
// Returns its height; draws when c.draw.
float DrawCentreBand(SheetContext& c, ImVec2 pos, float width, int columns);

} // namespace tapsheet
