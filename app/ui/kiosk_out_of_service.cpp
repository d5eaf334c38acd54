#include "app/ui/kiosk_view.h"

namespace tapsheet {

// For staff, not attendees: what is wrong and what to do. No buttons: the
// kiosk takes no answers until someone fixes it and restarts it.
void DrawOutOfService(UiFrame& ui, const KioskView& view) {
    const Palette& p = ui.theme.colors;
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float width = std::min(avail.x, ui.theme.U(44));
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + (avail.x - width) * 0.5f, avail.y * 0.15f));
    ImGui::BeginGroup();
    TextBlock(ui.theme.title, p.warning, "Out of service", width);
    TextBlock(ui.theme.body, p.danger_text, "Sorry, this kiosk is not taking answers right now.", width);
    ImGui::Dummy(ImVec2(1, ui.theme.U(0.6f)));
    TextBlock(ui.theme.body_bold, p.danger_text, "For staff:", width);
    TextBlock(ui.theme.body, p.danger_text, view.service_problem, width);
    TextBlock(ui.theme.body, p.danger_text, view.service_advice, width);
    ImGui::EndGroup();
}

} // namespace tapsheet
