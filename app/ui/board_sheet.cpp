// The shared reflection sheet, laid out like the paper one: the project box
// in the centre, patients and staff beside it, organisation and system
// below. Each benefit shows how many tapped it, as a bar and a number; the
// most tapped stand out. Only approved free text appears.
#include "app/ui/board_sheet.h"

#include <algorithm>

namespace tapsheet {

namespace {

bool Approved(const FreeText& text, const Step& step, std::string_view item) {
    return text.step_id == step.id && text.item_id == item && text.status == Moderation::Approved;
}

std::vector<SheetBenefit> GroupBenefits(const SheetContext& c, const SheetGroup& group) {
    std::vector<SheetBenefit> out;
    for (const Option& item : group.items) {
        int count = CountOf(c.source, item.id);
        double fraction = BarFraction(c.ui, c.view, c.source, c.step.id, item.id);
        out.push_back({item.id, c.ui.T(item.label), count, fraction, false});
    }
    return out;
}

// Own benefits the facilitator approved; never in a cross-tab, whose visits
// their counts do not describe, nor where the pack no longer allows them.
std::vector<SheetBenefit> OwnBenefits(const SheetContext& c) {
    std::vector<SheetBenefit> out;
    if (c.source.cross || !c.step.sheet.allow_own) return out;
    int respondents = RespondentsOf(c.source);
    for (const FreeText& text : c.view.tallies.free_text) {
        if (!Approved(text, c.step, kOwnItem)) continue;
        double value =
            c.view.anim.Value(BarKey(c.step.id, std::string(kOwnItem), text.text), c.ui.now, text.count);
        double fraction = respondents > 0 ? value / respondents : 0;
        out.push_back({"own:" + text.text, text.text, text.count, fraction, false});
    }
    return out;
}

// The count a benefit needs to be among the three most tapped (ties count).
int TopThreshold(const std::vector<std::vector<SheetBenefit>>& groups) {
    std::vector<int> counts;
    for (const auto& group : groups)
        for (const SheetBenefit& benefit : group)
            if (benefit.count > 0) counts.push_back(benefit.count);
    if (counts.empty()) return 1;
    std::sort(counts.begin(), counts.end(), std::greater<int>());
    return counts[std::min<std::size_t>(2, counts.size() - 1)];
}

float Stack(SheetContext& c, const std::vector<const SheetGroup*>& groups,
            const std::vector<std::vector<SheetBenefit>>& benefits, const std::vector<std::size_t>& which,
            ImVec2 pos, float width, int columns) {
    float y = pos.y;
    for (std::size_t i : which) {
        y += DrawSheetGroup(c, c.ui.T(groups[i]->title), benefits[i], ImVec2(pos.x, y), width, columns);
        y += c.look.U(0.8f);
    }
    return which.empty() ? 0 : y - pos.y - c.look.U(0.8f);
}

struct SheetParts {
    std::vector<const SheetGroup*> groups; // the step's groups, then "added by the room"
    std::vector<std::vector<SheetBenefit>> benefits;
    std::vector<std::size_t> left, right, bottom;
    std::string own_title;
};

SheetParts Collect(SheetContext& c) {
    SheetParts parts;
    for (const SheetGroup& group : c.step.sheet.groups) {
        std::size_t i = parts.groups.size();
        parts.groups.push_back(&group);
        parts.benefits.push_back(GroupBenefits(c, group));
        if (group.place == "left")
            parts.left.push_back(i);
        else if (group.place == "right")
            parts.right.push_back(i);
        else
            parts.bottom.push_back(i);
    }
    c.top_threshold = TopThreshold(parts.benefits);
    for (auto& group : parts.benefits)
        for (SheetBenefit& benefit : group)
            benefit.top = benefit.count >= c.top_threshold && benefit.count > 0;
    return parts;
}

// Landscape: [left | centre | right] over the bottom groups, then the room's own.
float Landscape(SheetContext& c, const SheetParts& parts, const std::vector<SheetBenefit>& own,
                const ImRect& area) {
    float width = area.GetWidth();
    float gap = c.look.U(1.0f);
    bool has_left = !parts.left.empty();
    bool has_right = !parts.right.empty();
    int sides = (has_left ? 1 : 0) + (has_right ? 1 : 0);
    float centre_w = sides == 2 ? width * 0.28f : (sides == 1 ? width * 0.4f : width);
    float side_w =
        sides > 0 ? (width - centre_w - gap * static_cast<float>(sides)) / static_cast<float>(sides) : 0;
    float x = area.Min.x;
    float y = area.Min.y;
    float left_x = x;
    float centre_x = has_left ? x + side_w + gap : x;
    float right_x = centre_x + centre_w + gap;
    float left_h = Stack(c, parts.groups, parts.benefits, parts.left, ImVec2(left_x, y), side_w, 1);
    float right_h = Stack(c, parts.groups, parts.benefits, parts.right, ImVec2(right_x, y), side_w, 1);
    float top_h = std::max({left_h, right_h, CentreBoxHeight(c, centre_w)});
    DrawCentreBox(c, ImRect(ImVec2(centre_x, y), ImVec2(centre_x + centre_w, y + top_h)));
    y += top_h + gap;
    int columns = std::clamp(static_cast<int>(width / c.look.U(11)), 1, 4);
    float bottom_h = Stack(c, parts.groups, parts.benefits, parts.bottom, ImVec2(x, y), width, columns);
    if (bottom_h > 0) y += bottom_h + gap;
    if (!own.empty())
        y += DrawSheetGroup(c, c.ui.T(c.view.pack.board.added_by_room), own, ImVec2(x, y), width, columns) +
             gap;
    return y - gap - area.Min.y;
}

// Portrait or narrow: the centre box, then every group in the pack's order.
float Portrait(SheetContext& c, const SheetParts& parts, const std::vector<SheetBenefit>& own,
               const ImRect& area) {
    float width = area.GetWidth();
    float gap = c.look.U(0.8f);
    float y = area.Min.y;
    float box_h = CentreBoxHeight(c, width);
    DrawCentreBox(c, ImRect(ImVec2(area.Min.x, y), ImVec2(area.Max.x, y + box_h)));
    y += box_h + gap;
    // Compact chips in one column keep each label on one line.
    int columns = std::clamp(static_cast<int>(width / c.look.U(11)), 1, 2);
    if (c.compact && width < c.look.U(40)) columns = 1;
    std::vector<std::size_t> all(parts.groups.size());
    for (std::size_t i = 0; i < all.size(); ++i)
        all[i] = i;
    y += Stack(c, parts.groups, parts.benefits, all, ImVec2(area.Min.x, y), width, columns) + gap;
    if (!own.empty())
        y += DrawSheetGroup(c, c.ui.T(c.view.pack.board.added_by_room), own, ImVec2(area.Min.x, y), width,
                            columns) +
             gap;
    return y - gap - area.Min.y;
}

float Layout(SheetContext& c, const ImRect& area) {
    SheetParts parts = Collect(c);
    std::vector<SheetBenefit> own = OwnBenefits(c);
    for (SheetBenefit& benefit : own)
        benefit.top = false; // ranked among the pack's benefits only
    bool landscape = area.GetWidth() >= c.look.U(40) && area.GetWidth() > area.GetHeight();
    return landscape ? Landscape(c, parts, own, area) : Portrait(c, parts, own, area);
}

} // namespace

void DrawSheetFigures(UiFrame& ui, const BoardView& view, const Step& step, const TallySource& source,
                      const ImRect& area) {
    // Full size first; then compact chips; only then smaller type.
    SheetContext c{ui, view, step, source, BoardLook{ui.theme}};
    float height = Layout(c, area);
    if (height > area.GetHeight()) {
        c.compact = true;
        c.look.scale = FitScale(area.GetHeight(), [&](float s) {
            SheetContext measure{ui, view, step, source, BoardLook{ui.theme, s}};
            measure.compact = true;
            return Layout(measure, area);
        });
        height = Layout(c, area);
    }
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
