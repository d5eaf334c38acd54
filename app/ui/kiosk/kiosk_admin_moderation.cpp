#include "app/ui/kiosk/kiosk_admin.h"

#include <algorithm>

namespace tapsheet {

namespace {

const char* StatusName(Moderation status) {
    switch (status) {
    case Moderation::Pending:
        return "waiting";
    case Moderation::Approved:
        return "shown on the board";
    case Moderation::Rejected:
        return "hidden";
    }
    return "";
}

} // namespace

// What attendees typed (project names, own benefits), waiting ones first.
// Only approved texts ever reach the board; the same decision the board's
// moderation page makes, from the kiosk, for an organiser without a keyboard.
void DrawAdminModeration(UiFrame& ui, const AdminView& view, float width, AdminIntents& out) {
    const Palette& p = ui.theme.colors;
    if (view.tallies == nullptr || view.tallies->free_text.empty()) {
        TextBlock(ui.theme.body, p.text_muted, "Nobody has typed a text yet.", width);
        return;
    }
    const float gap = ui.theme.Gap();
    const float button_w = std::min(ui.theme.U(8), (width - gap) / 2);
    const std::vector<FreeText>& texts = view.tallies->free_text;
    for (std::size_t i = 0; i < texts.size(); i++) {
        const FreeText& text = texts[i];
        TextBlock(ui.theme.body_bold, p.text, text.text, width);
        const std::string detail =
            std::string(text.item_id == kProjectItem ? "Project name" : "Own benefit") + ", written by " +
            std::to_string(text.count) + " · " + StatusName(text.status);
        TextBlock(ui.theme.body, p.text_muted, detail, width);
        const float x = ImGui::GetCursorPosX();
        const float y = ImGui::GetCursorPosY();
        const std::string approve = "admin-approve-" + std::to_string(i);
        const std::string reject = "admin-reject-" + std::to_string(i);
        const ImVec2 size(button_w, ui.theme.TargetHeight());
        const bool approved = text.status == Moderation::Approved;
        const bool rejected = text.status == Moderation::Rejected;
        if (TapButton(ui, approve.c_str(), "Approve", size,
                      approved ? ButtonKind::Primary : ButtonKind::Secondary, !approved)) {
            AdminIntent intent = AdminIntent::At(AdminIntent::Kind::Moderate, i);
            intent.status = Moderation::Approved;
            out.push_back(intent);
        }
        ImGui::SetCursorPos(ImVec2(x + button_w + gap, y));
        if (TapButton(ui, reject.c_str(), "Hide", size, rejected ? ButtonKind::Danger : ButtonKind::Secondary,
                      !rejected)) {
            AdminIntent intent = AdminIntent::At(AdminIntent::Kind::Moderate, i);
            intent.status = Moderation::Rejected;
            out.push_back(intent);
        }
        ImGui::Dummy(ImVec2(1, gap));
    }
}

} // namespace tapsheet
