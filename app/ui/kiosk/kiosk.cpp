#include "app/ui/kiosk/kiosk_view.h"

#include "imgui_internal.h"

namespace tapsheet {

namespace {

const ImGuiWindowFlags kRootFlags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse | kTouchWindow;

void BeginRoot(const char* name, ImU32 background) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, background);
    ImGui::Begin(name, nullptr, kRootFlags);
    ImGui::PopStyleColor();
}

void DrawStepBody(UiFrame& ui, const KioskView& view, float width, Intents& out) {
    switch (view.flow.CurrentStep().kind) {
    case StepKind::Poll:
        DrawPoll(ui, view, width, out);
        break;
    case StepKind::Sheet:
        DrawSheet(ui, view, width, out);
        break;
    case StepKind::Domains:
        DrawDomains(ui, view, width, out);
        break;
    case StepKind::Reflection:
        DrawReflection(ui, view, width, out);
        break;
    case StepKind::Info:
        DrawInfo(ui, view, width, out);
        break;
    }
}

void DrawStep(UiFrame& ui, const KioskView& view, Intents& out) {
    float avail = ImGui::GetContentRegionAvail().x;
    float column = ColumnWidth(ui, avail);
    float indent = (avail - column) * 0.5f;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
    ImGui::BeginGroup();
    DrawStepHeader(ui, view, column);
    ImGui::EndGroup();
    // The body scrolls (by finger, wheel or the "more below" marker) between
    // a fixed header and footer; a footer with nothing in it takes no room.
    float footer_h = StepFooterHeight(ui, view);
    float body_h = ImGui::GetContentRegionAvail().y - (footer_h > 0 ? footer_h + ui.theme.Gap() : 0);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
    // The scrollbar lives in the right margin, always, so the body's content
    // lines up with header and footer whether or not it scrolls.
    float gutter = ImGui::GetStyle().ScrollbarSize;
    // Each step opens at its top, whatever the one before was scrolled to.
    StartAtTopWhenNew("body-serial", view.flow.ScreenSerial());
    ImGui::BeginChild("body", ImVec2(column + gutter, body_h), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_AlwaysVerticalScrollbar |
                          kTouchWindow);
    DragToScroll();
    MoreBelowButton(ui);
    float body_w = ImGui::GetContentRegionAvail().x;
    DrawStepPrompt(ui, view, body_w);
    DrawStepBody(ui, view, body_w, out);
    ImGui::Dummy(ImVec2(1, ui.theme.Gap()));
    ScrollFade(ui.theme, ui.theme.colors.background);
    ImGui::EndChild();
    if (footer_h <= 0) return;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
    ImGui::BeginGroup();
    DrawStepFooter(ui, view, column, out);
    ImGui::EndGroup();
}

} // namespace

float ColumnWidth(const UiFrame& ui, float avail) {
    // Long lines are hard to read standing up: cap the column at ~40 units.
    return std::min(avail, ui.theme.U(40));
}

Intents DrawKiosk(UiFrame& ui, const KioskView& view) {
    Intents out;
    const Palette& p = ui.theme.colors;
    if (view.out_of_service) {
        BeginRoot("##kiosk", p.danger_bg);
        DrawOutOfService(ui, view);
        ImGui::End();
        return out;
    }
    BeginRoot("##kiosk", p.background);
    switch (view.flow.Screen()) {
    case FlowScreen::Attract:
        DrawAttract(ui, view, out);
        break;
    case FlowScreen::Step:
        DrawStep(ui, view, out);
        break;
    case FlowScreen::Thanks:
        DrawThanks(ui, view, out);
        break;
    }
    ImGui::End();
    if (view.flow.EditingField() != TextField::None) DrawKeyboard(ui, view, out);
    if (view.flow.StillThereShown()) DrawStillThere(ui, view, out);
    return out;
}

} // namespace tapsheet
