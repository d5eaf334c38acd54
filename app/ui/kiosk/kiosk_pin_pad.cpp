#include "app/ui/kiosk/kiosk_admin.h"

#include <algorithm>
#include <cmath>

namespace tapsheet {

namespace {

using Kind = AdminIntent::Kind;

// One dot per digit entered, hollow rings for the rest of a 4-digit PIN, so
// staff see their taps land without the PIN being shown.
void DrawDots(const UiFrame& ui, int entered, float width) {
    const int slots = std::max(4, entered);
    const float radius = ui.theme.U(0.4f);
    const float step = ui.theme.U(1.4f);
    const float row_w = step * static_cast<float>(slots - 1);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    origin.x += (width - row_w) * 0.5f;
    origin.y += ui.theme.U(0.8f);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (int i = 0; i < slots; i++) {
        const ImVec2 centre(origin.x + step * static_cast<float>(i), origin.y);
        if (i < entered)
            draw->AddCircleFilled(centre, radius, ui.theme.colors.text);
        else
            draw->AddCircle(centre, radius, ui.theme.colors.border, 0, ui.theme.U(0.08f));
    }
    ImGui::Dummy(ImVec2(width, ui.theme.U(1.6f)));
}

void DrawKeys(UiFrame& ui, const AdminView& view, float x, float width, AdminIntents& out) {
    const bool open = !view.state.Checking() && !view.state.Locked(ui.now);
    const float gap = ui.theme.Gap();
    const float key_w = (width - 2 * gap) / 3;
    const float key_h = ui.theme.TargetHeight();
    const char* labels[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "Delete", "0", "OK"};
    const float top = ImGui::GetCursorPosY();
    for (int i = 0; i < 12; i++) {
        const float col = static_cast<float>(i % 3), row = static_cast<float>(i / 3);
        ImGui::SetCursorPos(ImVec2(x + col * (key_w + gap), top + row * (key_h + gap)));
        const std::string id = std::string("pin-") + labels[i];
        const bool ok_key = i == 11;
        const bool enabled = open && (i != 9 || view.state.DigitsEntered() > 0) &&
                             (!ok_key || view.state.DigitsEntered() >= 4);
        const ButtonKind kind =
            ok_key ? ButtonKind::Primary : (i == 9 ? ButtonKind::Secondary : ButtonKind::Key);
        if (!TapButton(ui, id.c_str(), labels[i], ImVec2(key_w, key_h), kind, enabled)) continue;
        if (i == 9)
            out.push_back(AdminIntent::Of(Kind::Backspace));
        else if (ok_key)
            out.push_back(AdminIntent::Of(Kind::Submit));
        else {
            AdminIntent digit = AdminIntent::Of(Kind::Digit);
            digit.digit = labels[i][0];
            out.push_back(digit);
        }
    }
}

std::string LockText(const AdminView& view, double now) {
    if (view.state.Checking()) return "Checking the PIN...";
    if (!view.state.Locked(now)) return view.state.Message();
    const int seconds = static_cast<int>(std::ceil(view.state.LockedFor(now)));
    return "Too many wrong PINs. Try again in " + std::to_string(seconds) + " s.";
}

} // namespace

// A plain number pad: staff type a 4 to 8 digit PIN; wrong tries lock it.
void DrawPinPad(UiFrame& ui, const AdminView& view, AdminIntents& out) {
    const Palette& p = ui.theme.colors;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float width = std::min(avail.x, ui.theme.U(22));
    const float x = ImGui::GetCursorPosX() + (avail.x - width) * 0.5f;
    StaffHeader(ui, "Staff PIN", "pin-cancel", "Cancel", ButtonKind::Secondary, x, width, out);
    ImGui::SetCursorPosX(x);
    DrawDots(ui, view.state.DigitsEntered(), width);
    const std::string message = LockText(view, ui.now);
    ImGui::SetCursorPosX(x);
    const bool warn = view.state.Locked(ui.now) && !view.state.Checking();
    TextCentered(ui.theme.body, warn ? p.least : p.text_muted,
                 message.empty() ? std::string("Enter the admin PIN") : message, width);
    ImGui::Dummy(ImVec2(1, ui.theme.U(0.3f)));
    DrawKeys(ui, view, x, width, out);
}

void StaffHeader(UiFrame& ui, const char* title, const char* button_id, const char* button_label,
                 ButtonKind button_kind, float x, float width, AdminIntents& out) {
    const float button_w = ui.theme.U(7);
    const float header_h = ui.theme.TargetHeight();
    const float top = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(x, top + (header_h - ui.theme.heading->FontSize) * 0.5f));
    ImGui::PushFont(ui.theme.heading);
    ImGui::PushStyleColor(ImGuiCol_Text, ui.theme.colors.text);
    ImGui::TextUnformatted(title);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SetCursorPos(ImVec2(x + width - button_w, top));
    if (TapButton(ui, button_id, button_label, ImVec2(button_w, header_h), button_kind))
        out.push_back(AdminIntent::Of(AdminIntent::Kind::Close));
    ImGui::SetCursorPos(ImVec2(x, top + header_h + ui.theme.Gap()));
}

void DrawSleepCover(bool blank) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImVec2 max(viewport->Pos.x + viewport->Size.x, viewport->Pos.y + viewport->Size.y);
    // The foreground list: over every window, so nothing bright shows through.
    ImGui::GetForegroundDrawList()->AddRectFilled(viewport->Pos, max,
                                                  blank ? IM_COL32(0, 0, 0, 255) : IM_COL32(0, 0, 0, 215));
}

ImRect AdminCorner(const Theme& theme) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    return ImRect(viewport->Pos, ImVec2(viewport->Pos.x + theme.U(3), viewport->Pos.y + theme.U(3)));
}

} // namespace tapsheet
