// The shared reflection sheet, laid out like the paper one: the project box
// in the centre, each group above, beside or below it as its `place` says.
// Each benefit shows how many tapped it, as a bar and a number; the most
// tapped stand out. Only approved free text appears.
//
// The room's type stays full size (1/30 of the screen height) as long as
// some layout fits: the paper one with roomy chips, then compact ones, then
// dense ones, then every group across the width with more chips to a row.
// Only a sheet bigger than that (`tapsheet validate` warns of one) shrinks.
#include "app/ui/board/board_sheet.h"

#include <algorithm>

namespace tapsheet {

namespace {

// Below kMinScale, still better than rows the room cannot see at all.
constexpr float kLeastScale = 0.35f;

std::vector<SheetBenefit> GroupBenefits(const SheetContext& c, const SheetGroup& group) {
    std::vector<SheetBenefit> out;
    for (const Option& item : group.items) {
        int count = CountOf(c.source, item.id);
        double fraction = BarFraction(c.ui, c.view, c.source, c.step.id, item.id);
        out.push_back({item.id, c.ui.T(item.label), count, fraction, false});
    }
    return out;
}

// Own benefits the facilitator approved, the most written first; never in a
// cross-tab, whose visits their counts do not describe, nor where the pack
// no longer allows them. Ranked apart from the pack's benefits.
std::vector<SheetBenefit> OwnBenefits(const SheetContext& c) {
    std::vector<SheetBenefit> out;
    if (c.source.cross || !c.step.sheet.allow_own) return out;
    int respondents = RespondentsOf(c.source);
    for (const FreeText* text : PublicTexts(c.view.tallies.free_text, c.step.id, kOwnItem)) {
        double value =
            c.view.anim.Value(BarKey(c.step.id, std::string(kOwnItem), text->text), c.ui.now, text->count);
        double fraction = respondents > 0 ? value / respondents : 0;
        out.push_back({"own:" + text->text, text->text, text->count, fraction, false});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const SheetBenefit& a, const SheetBenefit& b) { return a.count > b.count; });
    return out;
}

// The count a benefit of the pack needs to stand out (StandOutThreshold).
int TopThreshold(const std::vector<std::vector<SheetBenefit>>& groups) {
    std::vector<int> counts;
    for (const auto& group : groups)
        for (const SheetBenefit& benefit : group)
            counts.push_back(benefit.count);
    return StandOutThreshold(std::move(counts));
}

struct SheetParts {
    std::vector<const SheetGroup*> groups;
    std::vector<std::vector<SheetBenefit>> benefits;
    std::vector<std::size_t> top, left, right, bottom; // by place, in the pack's order
    std::vector<std::size_t> others;                   // all but the top ones, in the pack's order
    std::vector<SheetBenefit> own;
};

SheetParts Collect(SheetContext& c) {
    SheetParts parts;
    for (const SheetGroup& group : c.step.sheet.groups) {
        std::size_t i = parts.groups.size();
        parts.groups.push_back(&group);
        parts.benefits.push_back(GroupBenefits(c, group));
        if (group.place == "top")
            parts.top.push_back(i);
        else if (group.place == "left")
            parts.left.push_back(i);
        else if (group.place == "right")
            parts.right.push_back(i);
        else
            parts.bottom.push_back(i);
        if (group.place != "top") parts.others.push_back(i);
    }
    c.top_threshold = TopThreshold(parts.benefits);
    for (auto& group : parts.benefits)
        for (SheetBenefit& benefit : group)
            benefit.top = StandsOut(benefit.count, c.top_threshold);
    parts.own = OwnBenefits(c);
    return parts;
}

// Between the sheet's parts, and between the groups of one stack.
float PartGap(const SheetContext& c) {
    return c.Space(1.0f, 0.6f);
}

float GroupGap(const SheetContext& c) {
    return c.Space(0.8f, 0.5f);
}

// Groups `which` one under the other; returns their height (0 for none).
float Stack(SheetContext& c, const SheetParts& parts, const std::vector<std::size_t>& which, ImVec2 pos,
            float width, int columns) {
    float y = pos.y;
    for (std::size_t i : which) {
        y += DrawSheetGroup(c, c.ui.T(parts.groups[i]->title), parts.benefits[i], ImVec2(pos.x, y), width,
                            columns);
        y += GroupGap(c);
    }
    return which.empty() ? 0 : y - pos.y - GroupGap(c);
}

int ColumnsAcross(const SheetContext& c, float width, int most) {
    if (c.columns > 0) return c.columns;
    int columns = std::clamp(static_cast<int>(width / c.look.U(11)), 1, most);
    // Compact chips in one column keep each label on one line on a narrow screen.
    if (c.Compact() && width < c.look.U(40)) columns = 1;
    return columns;
}

// The room's own benefits: the most written, as many as one row holds (two
// in a single column); the title says how many more were approved.
float Own(SheetContext& c, const SheetParts& parts, ImVec2 pos, float width, int columns) {
    if (parts.own.empty()) return 0;
    std::size_t room = static_cast<std::size_t>(std::max(columns, 2));
    std::vector<SheetBenefit> shown(parts.own.begin(), parts.own.begin() + std::min(room, parts.own.size()));
    std::string title = c.ui.T(c.view.pack.board.added_by_room);
    std::size_t more = parts.own.size() - shown.size();
    if (more > 0)
        title += " \xC2\xB7 " + Format(c.ui.T(c.view.pack.board.more_projects), "n",
                                       Thousands(static_cast<long long>(more)));
    return DrawSheetGroup(c, title, shown, pos, width, columns);
}

// Adds a part's height and the gap after it, if there is a part.
void Advance(const SheetContext& c, float part_h, float* y) {
    if (part_h > 0) *y += part_h + PartGap(c);
}

// Landscape, as on paper: the "top" groups across the width, then [left |
// centre box | right], then the "bottom" groups, then the room's own.
float Paper(SheetContext& c, const SheetParts& parts, const ImRect& area) {
    float width = area.GetWidth();
    float gap = PartGap(c);
    int columns = ColumnsAcross(c, width, 4);
    float x = area.Min.x;
    float y = area.Min.y;
    Advance(c, Stack(c, parts, parts.top, ImVec2(x, y), width, columns), &y);
    bool has_left = !parts.left.empty();
    bool has_right = !parts.right.empty();
    int sides = (has_left ? 1 : 0) + (has_right ? 1 : 0);
    float centre_w = sides == 2 ? width * 0.28f : (sides == 1 ? width * 0.4f : width);
    float side_w =
        sides > 0 ? (width - centre_w - gap * static_cast<float>(sides)) / static_cast<float>(sides) : 0;
    float centre_x = has_left ? x + side_w + gap : x;
    float right_x = centre_x + centre_w + gap;
    if (sides == 0) {
        Advance(c, DrawCentreBand(c, ImVec2(x, y), width, columns), &y);
    } else {
        float left_h = Stack(c, parts, parts.left, ImVec2(x, y), side_w, 1);
        float right_h = Stack(c, parts, parts.right, ImVec2(right_x, y), side_w, 1);
        float middle_h = std::max({left_h, right_h, CentreBoxHeight(c, centre_w)});
        DrawCentreBox(c, ImRect(ImVec2(centre_x, y), ImVec2(centre_x + centre_w, y + middle_h)));
        Advance(c, middle_h, &y);
    }
    Advance(c, Stack(c, parts, parts.bottom, ImVec2(x, y), width, columns), &y);
    Advance(c, Own(c, parts, ImVec2(x, y), width, columns), &y);
    return y - gap - area.Min.y;
}

// The "top" groups, the centre box across the width, then every other group
// across the width in the pack's order: a portrait screen, or a sheet too
// big for the paper layout.
float Across(SheetContext& c, const SheetParts& parts, const ImRect& area) {
    float width = area.GetWidth();
    int columns = ColumnsAcross(c, width, 5);
    float x = area.Min.x;
    float y = area.Min.y;
    Advance(c, Stack(c, parts, parts.top, ImVec2(x, y), width, columns), &y);
    Advance(c, DrawCentreBand(c, ImVec2(x, y), width, columns), &y);
    Advance(c, Stack(c, parts, parts.others, ImVec2(x, y), width, columns), &y);
    Advance(c, Own(c, parts, ImVec2(x, y), width, columns), &y);
    return y - PartGap(c) - area.Min.y;
}

float Layout(SheetContext& c, const ImRect& area) {
    SheetParts parts = Collect(c);
    return c.flow ? Across(c, parts, area) : Paper(c, parts, area);
}

struct SheetShape {
    ChipStyle style;
    bool flow;
    int columns; // 0: from the width
};

// The layouts to try, roomiest first.
std::vector<SheetShape> Shapes(const SheetContext& c, const ImRect& area) {
    float width = area.GetWidth();
    bool landscape = width >= c.look.U(40) && width > area.GetHeight();
    if (!landscape)
        return {{ChipStyle::Normal, true, 0}, {ChipStyle::Compact, true, 0}, {ChipStyle::Dense, true, 0}};
    std::vector<SheetShape> shapes = {{ChipStyle::Normal, false, 0}, {ChipStyle::Compact, false, 0}};
    // Dense chips, first as on paper, then every group across the width;
    // fewer, wider chips to a row keep long labels on one line, more of them
    // take fewer rows of short ones. A chip keeps room for its label.
    for (bool flow : {false, true})
        for (int columns : {4, 3, 5, 2})
            if (width / static_cast<float>(columns) >= c.look.U(9.5f))
                shapes.push_back({ChipStyle::Dense, flow, columns});
    return shapes;
}

SheetContext ContextFor(const SheetContext& base, const SheetShape& shape, float scale) {
    SheetContext c{base.ui, base.view, base.step, base.source, BoardLook{base.ui.theme, scale}};
    c.style = shape.style;
    c.flow = shape.flow;
    c.columns = shape.columns;
    return c;
}

// The roomiest layout that fits at full size; else the one that keeps the
// largest type, shrunk to fit.
SheetContext Choose(const SheetContext& base, const ImRect& area) {
    std::vector<SheetShape> shapes = Shapes(base, area);
    for (const SheetShape& shape : shapes) {
        SheetContext c = ContextFor(base, shape, 1.0f);
        if (Layout(c, area) <= area.GetHeight()) return c;
    }
    SheetShape best = shapes.front();
    float best_scale = 0;
    for (const SheetShape& shape : shapes) {
        if (shape.style != ChipStyle::Dense) continue; // the tightest of each layout
        float scale = FitScale(
            area.GetHeight(),
            [&](float s) {
                SheetContext measure = ContextFor(base, shape, s);
                return Layout(measure, area);
            },
            kLeastScale);
        if (scale > best_scale + 0.001f) {
            best = shape;
            best_scale = scale;
        }
    }
    return ContextFor(base, best, best_scale);
}

} // namespace

void DrawSheetFigures(UiFrame& ui, const BoardView& view, const Step& step, const TallySource& source,
                      const ImRect& area) {
    SheetContext base{ui, view, step, source, BoardLook{ui.theme}};
    SheetContext c = Choose(base, area);
    float height = Layout(c, area);
    // Centred vertically when there is room to spare.
    float top = area.Min.y + std::max(0.0f, (area.GetHeight() - height) * 0.5f);
    c.draw = true;
    Layout(c, ImRect(ImVec2(area.Min.x, top), ImVec2(area.Max.x, top + height)));
}

void DrawBoardSheet(UiFrame& ui, const BoardView& view, const Step& step, const ImRect& area) {
    TallySource source{view.tallies.Step(step.id)};
    if (IsHidden(view, step.id)) {
        DrawHiddenNotice(ui, view, area, RespondentsOf(source));
        return;
    }
    DrawSheetFigures(ui, view, step, source, area);
}

} // namespace tapsheet
