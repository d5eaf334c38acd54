// The facilitator's strip along the bottom of the board: page, hide, freeze,
// drop-in, timer, rounds and moderation, with the keys that do the same. It
// can be hidden (C, or its own button) so the projected image stays clean.
#include "app/ui/board_controls.h"

#include <algorithm>

namespace tapsheet {

namespace {

struct Flow {
    float x, y, right;
    float row_h, gap;
};

ImRect Place(Flow& flow, float width) {
    if (flow.x + width > flow.right && flow.x > 0) {
        flow.x = 0;
        flow.y += flow.row_h + flow.gap;
    }
    width = std::min(width, flow.right);
    ImRect bb(ImVec2(flow.x, flow.y), ImVec2(flow.x + width, flow.y + flow.row_h));
    flow.x += width + flow.gap;
    return bb;
}

ImRect Offset(const ImRect& bb, ImVec2 by) {
    return ImRect(ImVec2(bb.Min.x + by.x, bb.Min.y + by.y), ImVec2(bb.Max.x + by.x, bb.Max.y + by.y));
}

std::string Help() {
    return "Keys: \xE2\x86\x90 \xE2\x86\x92 page \xC2\xB7 1\xE2\x80\x93"
           "9 choose \xC2\xB7 Space timer \xC2\xB7 "
           "F freeze \xC2\xB7 H hide \xC2\xB7 D drop-in \xC2\xB7 T timer \xC2\xB7 M moderation \xC2\xB7 C "
           "controls";
}

// Lays the strip's buttons out in rows from the top-left of a strip
// `width` wide; returns the height (buttons and the keys line).
float LayoutStrip(const UiFrame& ui, const std::vector<StripItem>& items, float width,
                  std::vector<ImRect>* boxes) {
    Flow flow{0, 0, width, ControlHeight(ui.theme), ui.theme.U(0.4f)};
    for (const StripItem& item : items) {
        ImRect bb = Place(flow, BoardButtonWidth(ui, item.label));
        if (boxes) boxes->push_back(bb);
    }
    float buttons_h = flow.y + flow.row_h;
    float help_h = TextSize(ui.theme.body, ui.theme.unit, Help(), width).y;
    return buttons_h + ui.theme.U(0.3f) + help_h;
}

void Press(UiFrame& ui, const StripItem& item, const ImRect& bb, BoardIntents& out) {
    if (!BoardButton(ui, item.id.c_str(), item.label, bb, item.kind, item.enabled)) return;
    if (item.menu) {
        ImGui::OpenPopup(item.menu);
        return;
    }
    for (const BoardIntent& intent : item.intents)
        out.push_back(intent);
}

} // namespace

float BoardControlsHeight(const UiFrame& ui, const BoardView& view, float width) {
    return ui.theme.U(0.5f) + LayoutStrip(ui, StripItems(view), width, nullptr) + ui.theme.U(0.5f);
}

float BoardControlsHeight(const UiFrame& ui) {
    // Without the view: two rows of buttons and the keys line.
    float width = ImGui::GetMainViewport()->Size.x - 2 * ui.theme.Margin();
    float help_h = TextSize(ui.theme.body, ui.theme.unit, Help(), width).y;
    return ui.theme.U(1.0f) + 2 * ControlHeight(ui.theme) + ui.theme.U(0.7f) + help_h;
}

void DrawBoardControls(UiFrame& ui, const BoardView& view, const ImRect& area, BoardIntents& out) {
    const Palette& p = ui.theme.colors;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // A rule and a tint set the strip apart from what the room reads.
    draw->AddRectFilled(area.Min, area.Max, p.card);
    draw->AddLine(area.Min, ImVec2(area.Max.x, area.Min.y), p.border, std::max(1.0f, ui.theme.U(0.05f)));
    std::vector<StripItem> items = StripItems(view);
    std::vector<ImRect> boxes;
    ImVec2 origin(area.Min.x + ui.theme.Margin(), area.Min.y + ui.theme.U(0.5f));
    float width = area.GetWidth() - 2 * ui.theme.Margin();
    float height = LayoutStrip(ui, items, width, &boxes);
    for (std::size_t i = 0; i < items.size(); ++i)
        Press(ui, items[i], Offset(boxes[i], origin), out);
    float help_h = TextSize(ui.theme.body, ui.theme.unit, Help(), width).y;
    PutText(ui, ui.theme.body, ui.theme.unit, p.text_muted, ImVec2(origin.x, origin.y + height - help_h),
            Help(), width);
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].menu) DrawStripMenu(ui, view, items[i].menu, Offset(boxes[i], origin), out);
}

} // namespace tapsheet
