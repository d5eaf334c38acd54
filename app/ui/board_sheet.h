// The sheet page's parts (board_sheet_parts.cpp), shared by its layout
// (board_sheet.cpp). Each part measures itself and draws only when
// SheetContext::draw is set, so one layout code both fits and draws.
#pragma once

#include "app/ui/board_widgets.h"

#include <string>
#include <vector>

namespace tapsheet {

struct SheetContext {
    UiFrame& ui;
    const BoardView& view;
    const Step& step;
    const TallySource& source;
    BoardLook look;
    bool draw = false;
    bool compact = false;  // a short screen: each count beside its label, a thin bar under both
    int top_threshold = 1; // a count this high is among the three most tapped
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

} // namespace tapsheet
