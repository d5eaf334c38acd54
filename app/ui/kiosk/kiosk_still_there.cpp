#include "app/ui/kiosk/kiosk_view.h"

#include "imgui_internal.h"

#include <cmath>

namespace tapsheet {

// Over whatever was on screen: a dimmed layer with a card in the middle. A
// countdown, then back to the start with nothing of this visit left visible;
// a tap on the card's button, or anywhere on the dimmed layer, carries on.
// One full-screen window, so the dimmed layer is always right under the card.
void DrawStillThere(UiFrame& ui, const KioskView& view, Intents& out) {
    const UiStrings& s = view.flow.GetPack().ui;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ui.theme.colors.scrim);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0)); // the edges count too
    ImGui::Begin("##still-there", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoScrollWithMouse | kTouchWindow);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    // The dimmed layer is one big target that the card's buttons overlap.
    ImRect everywhere(viewport->Pos,
                      ImVec2(viewport->Pos.x + viewport->Size.x, viewport->Pos.y + viewport->Size.y));
    ImGui::SetCursorScreenPos(viewport->Pos);
    ImGui::SetNextItemAllowOverlap();
    Record(ui, "still-there-scrim", "", everywhere, true, false);
    if (TapBehavior(everywhere, ImGui::GetID("still-there-scrim"), true, nullptr))
        out.push_back(Intent::Of(Intent::Kind::StillHere));

    float pad = ui.theme.U(1.2f);
    float width = std::min(viewport->Size.x - 2 * ui.theme.Margin(), ui.theme.U(26));
    float inner = width - 2 * pad;
    float h = ui.theme.TargetHeight();
    const std::string& body = ui.T(s.still_there_body);
    float gap = ui.theme.Gap();
    float content_h = TextHeight(ui.theme.title, ui.T(s.still_there), inner) + ui.theme.title->FontSize +
                      TextHeight(ui.theme.body, body, inner) + ui.theme.U(0.4f) + 2 * h + 5 * gap;
    ImVec2 card_min(viewport->Pos.x + (viewport->Size.x - width) * 0.5f,
                    viewport->Pos.y + (viewport->Size.y - content_h - 2 * pad) * 0.5f);
    ImVec2 card_max(card_min.x + width, card_min.y + content_h + 2 * pad);
    ImGui::GetWindowDrawList()->AddRectFilled(card_min, card_max, ui.theme.colors.surface, ui.theme.U(0.6f));

    ImGui::SetCursorScreenPos(ImVec2(card_min.x + pad, card_min.y + pad));
    ImGui::BeginGroup();
    TextCentered(ui, ui.theme.title, ui.theme.colors.text, ui.T(s.still_there), inner);
    int left = static_cast<int>(std::ceil(view.flow.StillThereLeft(ui.now)));
    TextCentered(ui.theme.title, ui.theme.colors.primary, std::to_string(left), inner);
    TextCentered(ui, ui.theme.body, ui.theme.colors.text_muted, body, inner);
    ImGui::Dummy(ImVec2(1, ui.theme.U(0.4f)));
    if (TapButton(ui, "still-here", ui.T(s.continue_label), ImVec2(inner, h), ButtonKind::Primary))
        out.push_back(Intent::Of(Intent::Kind::StillHere));
    if (TapButton(ui, "start-over", ui.T(s.start_over), ImVec2(inner, h), ButtonKind::Secondary))
        out.push_back(Intent::Of(Intent::Kind::StartOver));
    ImGui::EndGroup();
    ImGui::End();
}

} // namespace tapsheet
