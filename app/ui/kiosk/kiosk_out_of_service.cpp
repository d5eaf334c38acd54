#include "app/ui/kiosk/kiosk_view.h"

namespace tapsheet {

// Two audiences: passers-by get one large, calm sentence; staff get what is
// wrong and what to do, smaller, below a rule. No buttons: the kiosk takes no
// answers until someone fixes it and restarts it.
void DrawOutOfService(UiFrame& ui, const KioskView& view) {
    const Palette& p = ui.theme.colors;
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float width = std::min(avail.x, ui.theme.U(40));
    float x = ImGui::GetCursorPosX() + (avail.x - width) * 0.5f;
    // The pack's words when it loaded; the loader's English ones otherwise.
    const UiStrings& s = view.flow.GetPack().ui;
    std::string headline = s.out_of_service.Empty() ? "Out of service" : ui.T(s.out_of_service);
    std::string sorry = s.out_of_service_body.Empty() ? "Sorry, this kiosk is not taking answers right now."
                                                      : ui.T(s.out_of_service_body);
    std::string for_staff = s.for_staff.Empty() ? "For staff" : ui.T(s.for_staff);
    float staff_h = TextHeight(ui.theme.body, view.service_problem, width) +
                    TextHeight(ui.theme.body, view.service_advice, width) + ui.theme.U(3);
    float public_h = TextHeight(ui.theme.title, headline, width) + TextHeight(ui.theme.heading, sorry, width);
    float top = std::max(ImGui::GetCursorPosY(), (ImGui::GetWindowHeight() - public_h - staff_h) * 0.4f);
    ImGui::SetCursorPos(ImVec2(x, top));
    TextCentered(ui.theme.title, p.warning, headline, width);
    ImGui::SetCursorPosX(x);
    TextCentered(ui.theme.heading, p.danger_text, sorry, width);
    ImGui::Dummy(ImVec2(1, ui.theme.U(1.2f)));
    ImVec2 rule = ImGui::GetCursorScreenPos();
    rule.x = ImGui::GetWindowPos().x + x;
    ImGui::GetWindowDrawList()->AddLine(rule, ImVec2(rule.x + width, rule.y), p.danger_text,
                                        ui.theme.U(0.05f));
    ImGui::Dummy(ImVec2(1, ui.theme.U(0.6f)));
    ImGui::SetCursorPosX(x);
    ImGui::BeginGroup();
    TextBlock(ui.theme.body_bold, p.danger_text, for_staff, width);
    TextBlock(ui.theme.body, p.danger_text, view.service_problem, width);
    TextBlock(ui.theme.body, p.danger_text, view.service_advice, width);
    ImGui::EndGroup();
}

} // namespace tapsheet
