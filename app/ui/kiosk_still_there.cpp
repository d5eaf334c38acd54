#include "app/ui/kiosk_view.h"

#include <cmath>

namespace tapsheet {

// Modal over whatever was on screen: a countdown, then back to the start
// with nothing of this visit left visible.
void DrawStillThere(UiFrame& ui, const KioskView& view, Intents& out) {
    const UiStrings& s = view.flow.GetPack().ui;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::GetForegroundDrawList()->AddRectFilled(viewport->Pos,
                                                  ImVec2(viewport->Pos.x + viewport->Size.x,
                                                         viewport->Pos.y + viewport->Size.y),
                                                  ui.theme.colors.scrim);
    float width = std::min(viewport->Size.x - 2 * ui.theme.Margin(), ui.theme.U(26));
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x * 0.5f, viewport->Pos.y + viewport->Size.y * 0.5f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ui.theme.colors.surface);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, ui.theme.U(0.6f));
    ImGui::Begin("##still-there", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::SetWindowFocus();
    float inner = ImGui::GetContentRegionAvail().x;
    TextCentered(ui.theme.title, ui.theme.colors.text, ui.T(s.still_there), inner);
    int left = static_cast<int>(std::ceil(view.flow.StillThereLeft(ui.now)));
    TextCentered(ui.theme.title, ui.theme.colors.primary, std::to_string(left), inner);
    TextCentered(ui.theme.body, ui.theme.colors.text_muted, ui.T(s.still_there_body), inner);
    ImGui::Dummy(ImVec2(1, ui.theme.U(0.4f)));
    float h = ui.theme.TargetHeight();
    if (TapButton(ui, "still-here", ui.T(s.continue_label), ImVec2(inner, h), ButtonKind::Primary))
        out.push_back(Intent::Of(Intent::Kind::StillHere));
    if (TapButton(ui, "start-over", ui.T(s.start_over), ImVec2(inner, h), ButtonKind::Secondary))
        out.push_back(Intent::Of(Intent::Kind::StartOver));
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

} // namespace tapsheet
