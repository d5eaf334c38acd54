// The facilitator's strip along the bottom of the board: page, hide, freeze,
// drop-in, timer, rounds and moderation, with the keys that do the same. It
// can be hidden (C, or its own button) so the projected image stays clean.
// Its labels and keys line are staff text, in English here rather than in
// the pack (see board_strip.cpp).
#include "app/ui/board/board_controls.h"

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
    return "Keys: Left/Right page \xC2\xB7 1\xE2\x80\x93"
           "9 choose \xC2\xB7 Space timer \xC2\xB7 "
           "F freeze \xC2\xB7 H hide \xC2\xB7 D drop-in \xC2\xB7 T timer \xC2\xB7 M moderation \xC2\xB7 C "
           "controls";
}

float ItemWidth(const UiFrame& ui, const StripItem& item) {
    return item.menu ? BoardMenuButtonWidth(ui, item.label) : BoardButtonWidth(ui, item.label);
}

struct StripLayout {
    std::vector<ImRect> boxes; // relative to the strip's top-left, below the fleet tag
    bool scrolls = false;      // one row that scrolls sideways (a small screen)
    float tag_h = 0;           // the fleet tag's row; none when the file is not a hub's
    float buttons_h = 0;
    float help_h = 0; // the keys line; none on a scrolling row
    float Height(const Theme& theme) const {
        return TagRow(theme) + buttons_h + (help_h > 0 ? theme.U(0.3f) + help_h : 0);
    }
    float TagRow(const Theme& theme) const { return tag_h > 0 ? tag_h + theme.U(0.3f) : 0; }
};

bool ShowsFleet(const BoardView& view) {
    return view.fleet != nullptr && view.fleet->hub_file;
}

// The fleet's state at a glance, for the facilitator: the strip's first row
// when the board shows a hub's file. Dark on light, dark on amber, light on
// dark red: each pair well past 4.5:1.
ImRect DrawFleetTag(UiFrame& ui, const FleetView& fleet, ImVec2 pos) {
    const Palette& p = ui.theme.colors;
    const FleetTag tag = FleetTagOf(fleet);
    ImU32 fill = p.surface, ink = p.text;
    if (tag.tone == FleetTone::Warning) fill = p.warning;
    if (tag.tone == FleetTone::Bad) fill = p.danger_bg, ink = p.danger_text;
    return PutTag(ui, BoardLook{ui.theme}, pos, "Fleet: " + tag.text, fill, ink);
}

// Rows of buttons, then the keys line. More than two rows would take the
// page's room: then one row scrolls sideways instead.
StripLayout LayoutStrip(const UiFrame& ui, const BoardView& view, const std::vector<StripItem>& items,
                        float width) {
    StripLayout layout;
    if (ShowsFleet(view)) layout.tag_h = TagSize(BoardLook{ui.theme}, "Fleet").y;
    Flow flow{0, 0, width, ControlHeight(ui.theme), ui.theme.U(0.4f)};
    for (const StripItem& item : items)
        layout.boxes.push_back(Place(flow, ItemWidth(ui, item)));
    layout.buttons_h = flow.y + flow.row_h;
    if (flow.y > flow.row_h * 1.5f) {
        layout.scrolls = true;
        Flow row{0, 0, FLT_MAX, flow.row_h, flow.gap};
        for (std::size_t i = 0; i < items.size(); ++i)
            layout.boxes[i] = Place(row, ItemWidth(ui, items[i]));
        layout.buttons_h = flow.row_h + ImGui::GetStyle().ScrollbarSize;
        return layout;
    }
    layout.help_h = TextSize(ui.theme.body, ui.theme.unit, Help(), width).y;
    return layout;
}

void Press(UiFrame& ui, const StripItem& item, const ImRect& bb, BoardIntents& out) {
    if (item.menu) {
        if (BoardMenuButton(ui, item.id.c_str(), item.label, bb, item.enabled)) ImGui::OpenPopup(item.menu);
        return;
    }
    if (!BoardButton(ui, item.id.c_str(), item.label, bb, item.kind, item.enabled)) return;
    for (const BoardIntent& intent : item.intents)
        out.push_back(intent);
}

// A finger or mouse dragging along the row scrolls it.
void DragSideways() {
    const ImGuiIO& io = ImGui::GetIO();
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left) || !window->InnerRect.Contains(io.MouseClickedPos[0]))
        return;
    if (!ImGui::IsMouseDragging(ImGuiMouseButton_Left, ImGui::GetFontSize() * 0.6f)) return;
    ImGui::SetScrollX(window, window->Scroll.x - io.MouseDelta.x);
}

// More buttons to the right: the row's end fades out instead of cutting one off.
void FadeRightEdge(const Theme& theme) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->Scroll.x >= window->ScrollMax.x - 1) return;
    ImRect r = window->InnerRect;
    ImU32 solid = theme.colors.card;
    ImU32 clear = solid & ~IM_COL32_A_MASK;
    window->DrawList->AddRectFilledMultiColor(ImVec2(r.Max.x - theme.U(2.0f), r.Min.y), r.Max, clear, solid,
                                              solid, clear);
}

void DrawButtons(UiFrame& ui, const BoardView& view, const std::vector<StripItem>& items,
                 const StripLayout& layout, ImVec2 origin, BoardIntents& out) {
    for (std::size_t i = 0; i < items.size(); ++i)
        Press(ui, items[i], Offset(layout.boxes[i], origin), out);
    // Menus open from inside the same window as their buttons (ImGui's ids).
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].menu) DrawStripMenu(ui, view, items[i].menu, Offset(layout.boxes[i], origin), out);
}

} // namespace

float BoardControlsHeight(const UiFrame& ui, const BoardView& view, float width) {
    float inner = width - 2 * ui.theme.Margin();
    return ui.theme.U(0.5f) + LayoutStrip(ui, view, StripItems(ui, view), inner).Height(ui.theme) +
           ui.theme.U(0.5f);
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
    std::vector<StripItem> items = StripItems(ui, view);
    ImVec2 origin(area.Min.x + ui.theme.Margin(), area.Min.y + ui.theme.U(0.5f));
    float width = area.GetWidth() - 2 * ui.theme.Margin();
    StripLayout layout = LayoutStrip(ui, view, items, width);
    if (ShowsFleet(view)) DrawFleetTag(ui, *view.fleet, origin);
    origin.y += layout.TagRow(ui.theme);
    if (!layout.scrolls) {
        DrawButtons(ui, view, items, layout, origin, out);
        PutText(ui, ui.theme.body, ui.theme.unit, p.text_muted,
                ImVec2(origin.x, origin.y + layout.buttons_h + ui.theme.U(0.3f)), Help(), width);
        return;
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::BeginChild("strip-row", ImVec2(width, layout.buttons_h), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_HorizontalScrollbar | kTouchWindow);
    DragSideways();
    DrawButtons(ui, view, items, layout, ImGui::GetCursorScreenPos(), out);
    FadeRightEdge(ui.theme);
    ImGui::EndChild();
}

} // namespace tapsheet
