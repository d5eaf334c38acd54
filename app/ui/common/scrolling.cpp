// Scrolling lists of the kiosk: by finger, by the mouse wheel (ImGui's own),
// by the "more below" marker, and each new screen from its top.
#include "app/ui/common/widgets.h"

#include "imgui_internal.h"

namespace tapsheet {

// The drag belongs to this window if the finger went down inside it; hover
// is not asked, since the finger may leave the window while dragging. The
// frame the finger lifts scrolls too: a slow frame takes the last of the
// slide and the lift together (seen under software rendering in a QEMU
// guest, where a whole flick came in one frame and scrolled nothing).
void DragToScroll() {
    const ImGuiIO& io = ImGui::GetIO();
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const bool touching =
        ImGui::IsMouseDown(ImGuiMouseButton_Left) || ImGui::IsMouseReleased(ImGuiMouseButton_Left);
    if (!touching || !window->InnerRect.Contains(io.MouseClickedPos[0])) return;
    if (!SlidPast(ImGui::GetFontSize() * 0.6f)) return;
    ImGui::SetScrollY(window, window->Scroll.y - io.MouseDelta.y);
}

namespace {

// Where the "more below" marker of a scrolling window goes: a round marker
// at the bottom of the gutter, reaching into the page margin so it covers
// little text. Not shown when the window has nothing more below.
struct MoreBelowMark {
    bool shown = false;
    ImVec2 centre;
    float radius = 0;
};

MoreBelowMark MoreBelowAt(const Theme& theme, const ImGuiWindow* window) {
    MoreBelowMark mark;
    mark.shown = window->ScrollMax.y > 0 && window->Scroll.y < window->ScrollMax.y - 1;
    mark.radius = theme.U(0.75f);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    float x = window->Rect().Max.x - theme.U(0.1f);
    float right = viewport->Pos.x + viewport->Size.x - theme.U(0.5f) - mark.radius; // clear of the bezel
    mark.centre = ImVec2(std::min(x, right), window->InnerRect.Max.y - mark.radius - theme.U(0.15f));
    return mark;
}

ImRect ViewportRect() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    return ImRect(viewport->Pos,
                  ImVec2(viewport->Pos.x + viewport->Size.x, viewport->Pos.y + viewport->Size.y));
}

} // namespace

// A person who sees a round button taps it; a finger needs 15 mm, so the
// target is that tall and a little wider than the marker, and lies over
// the corner of the list (which this window's content loses there).
void MoreBelowButton(UiFrame& ui) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    MoreBelowMark mark = MoreBelowAt(ui.theme, window);
    if (!mark.shown) return;
    float half = std::max(ui.theme.target_min, ui.theme.U(1.8f)) * 0.5f;
    ImRect bb(ImVec2(mark.centre.x - half, window->InnerRect.Max.y - 2 * half),
              ImVec2(mark.centre.x + half, window->InnerRect.Max.y));
    bb.ClipWith(ViewportRect());
    // The marker reaches past this window's right edge into the page
    // margin, where the finger is over the parent window: it counts here.
    ImGuiContext& g = *GImGui;
    ImGuiWindow* hovered = g.HoveredWindow;
    if (hovered == window->ParentWindow && bb.Contains(g.IO.MousePos)) g.HoveredWindow = window;
    ImGui::PushClipRect(bb.Min, bb.Max, false);
    ImGuiID id = window->GetID("more-below");
    bool pressed = TapOver(bb, id, nullptr);
    Record(ui, "more-below", "", bb, true, false);
    ImGui::PopClipRect();
    g.HoveredWindow = hovered;
    // Most of a page, so the last line seen stays in view for context.
    float page =
        std::max(window->InnerRect.GetHeight() - ui.theme.U(3.0f), window->InnerRect.GetHeight() * 0.5f);
    if (pressed) ImGui::SetScrollY(window, std::min(window->ScrollMax.y, window->Scroll.y + page));
}

void StartAtTopWhenNew(const char* id, std::uint64_t serial) {
    // ImGui's per-window storage keeps the serial the window was last drawn
    // for: the screens stay free of state of their own.
    ImGuiStorage* storage = ImGui::GetStateStorage();
    ImGuiID key = ImGui::GetID(id);
    int seen = storage->GetInt(key, -1);
    int now = static_cast<int>(serial & 0x7FFFFFFF);
    if (seen == now) return;
    ImGui::SetNextWindowScroll(ImVec2(0, 0));
    storage->SetInt(key, now);
}

// Fades the clipped edge of a scrolling window, so a cut-off line reads as
// "more this way" rather than as a rendering fault.
void ScrollFade(const Theme& theme, ImU32 background) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImDrawList* draw = window->DrawList;
    ImRect r = window->InnerRect;
    float height = theme.U(1.0f);
    ImU32 clear = background & ~IM_COL32_A_MASK;
    MoreBelowMark mark = MoreBelowAt(theme, window);
    bool more_below = mark.shown;
    draw->PushClipRect(r.Min, r.Max);
    if (more_below)
        draw->AddRectFilledMultiColor(ImVec2(r.Min.x, r.Max.y - height), r.Max, clear, clear, background,
                                      background);
    if (window->Scroll.y > 1)
        draw->AddRectFilledMultiColor(r.Min, ImVec2(r.Max.x, r.Min.y + height), background, background, clear,
                                      clear);
    draw->PopClipRect();
    if (window->ScrollMax.y <= 0) return;
    // Where we are in the list: a thin bar in the gutter beside it.
    ImRect outer = window->Rect();
    float track = r.GetHeight();
    float bar = std::max(theme.U(1.0f), track * track / (track + window->ScrollMax.y));
    float y = r.Min.y + (track - bar) * (window->Scroll.y / window->ScrollMax.y);
    float x = outer.Max.x - theme.U(0.1f);
    draw->PushClipRect(outer.Min, outer.Max);
    draw->AddLine(ImVec2(x, y), ImVec2(x, y + bar), theme.colors.border, theme.U(0.15f));
    draw->PopClipRect();
    if (!more_below) return;
    // "More below": a round marker with a chevron (MoreBelowButton makes it
    // a button), darker while a finger holds it.
    ImRect screen = ViewportRect();
    draw->PushClipRect(screen.Min, screen.Max);
    float radius = mark.radius;
    ImVec2 centre = mark.centre;
    bool held = ImGui::GetActiveID() == window->GetID("more-below");
    // A ring of page colour keeps it distinct even over a selected (blue) card.
    draw->AddCircleFilled(centre, radius + theme.U(0.15f), background);
    draw->AddCircleFilled(centre, radius, held ? theme.colors.primary_pressed : theme.colors.primary);
    float c = radius * 0.45f;
    ImVec2 chevron[3] = {{centre.x - c, centre.y - c * 0.4f},
                         {centre.x, centre.y + c * 0.6f},
                         {centre.x + c, centre.y - c * 0.4f}};
    draw->AddPolyline(chevron, 3, theme.colors.on_primary, ImDrawFlags_None, theme.U(0.15f));
    draw->PopClipRect();
}

} // namespace tapsheet
