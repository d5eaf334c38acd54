#include "app/ui/kiosk/kiosk_admin.h"

#include <algorithm>

namespace tapsheet {

namespace {

using Kind = AdminIntent::Kind;

const ImGuiWindowFlags kRootFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse |
                                    kTouchWindow;

bool Armed(const AdminView& view, Kind kind, std::size_t index = 0) {
    return view.armed == kind && view.armed_index == index;
}

// A button for something that cannot be undone: the first tap arms it, the
// second (labelled so) does it.
bool ConfirmButton(UiFrame& ui, const AdminView& view, const char* id, const std::string& label, Kind kind,
                   std::size_t index, float width, AdminIntents& out) {
    const bool armed = Armed(view, kind, index);
    const std::string text = armed ? "Tap again to confirm" : label;
    const ImVec2 size(width, ui.theme.TargetHeight());
    if (!TapButton(ui, id, text, size, armed ? ButtonKind::Danger : ButtonKind::Secondary)) return false;
    out.push_back(AdminIntent::At(kind, index));
    return true;
}

void Heading(const UiFrame& ui, const std::string& text, float width) {
    TextBlock(ui.theme.body_bold, ui.theme.colors.text, text, width);
}

void Note(const UiFrame& ui, const std::string& text, float width) {
    TextBlock(ui.theme.body, ui.theme.colors.text_muted, text, width);
}

void Figure(const UiFrame& ui, const char* label, int value, float width) {
    const std::string number = std::to_string(value);
    const float number_w = ui.theme.U(5);
    ImGui::PushFont(ui.theme.body);
    ImGui::PushStyleColor(ImGuiCol_Text, ui.theme.colors.text);
    const float y = ImGui::GetCursorPosY();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - number_w);
    ImGui::TextUnformatted(label);
    ImGui::PopTextWrapPos();
    const float after = ImGui::GetCursorPosY();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SetCursorPosY(y);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + width - number_w);
    ImGui::PushFont(ui.theme.body_bold);
    ImGui::TextUnformatted(number.c_str());
    ImGui::PopFont();
    ImGui::SetCursorPosY(std::max(after, ImGui::GetCursorPosY()) + ui.theme.U(0.2f));
}

void DrawOverview(UiFrame& ui, const AdminView& view, float width, AdminIntents& out) {
    if (view.tallies == nullptr) {
        Heading(ui, "The figures cannot be read", width);
        Note(ui, view.problem, width);
        return;
    }
    const Tallies& t = *view.tallies;
    Figure(ui, "Visits today", t.visits_today, width);
    Figure(ui, "Completed visits (all days)", t.completed, width);
    Figure(ui, "Filtered as suspected ballot stuffing", t.filtered, width);
    Figure(ui, "Answers in the last 10 minutes", t.answers_last_10_min, width);
    Figure(ui, "Current round", t.current_round, width);
    // Only when it happens: visits an edited or damaged file holds, in no figure.
    if (t.left_out > 0) Note(ui, LeftOutNote(t.left_out), width);
    ImGui::Dummy(ImVec2(1, ui.theme.U(0.4f)));
    const std::string next = "Start round " + std::to_string(t.current_round + 1);
    ConfirmButton(ui, view, "admin-new-round", next, Kind::NewRound, 0, std::min(width, ui.theme.U(16)), out);
    Note(ui, "Earlier rounds are kept; the board then counts the new round.", width);
    ImGui::Dummy(ImVec2(1, ui.theme.U(0.4f)));
    Note(ui, "Kiosk " + view.kiosk_id + ", results in " + view.db_path, width);
}

void DrawExport(UiFrame& ui, const AdminView& view, float width, AdminIntents& out) {
    const float button_w = std::min(width, ui.theme.U(16));
    if (view.sticks.empty()) {
        Heading(ui, "No USB stick found", width);
        Note(ui,
             "Plug a stick in, wait a few seconds, then tap Look again. Sticks are looked for under " +
                 view.export_dir + ".",
             width);
    } else {
        Heading(ui, "Export the results (CSV, JSON and a report) to:", width);
    }
    for (std::size_t i = 0; i < view.sticks.size(); i++) {
        const std::string id = "admin-export-" + std::to_string(i);
        Note(ui, view.sticks[i].label, width);
        if (TapButton(ui, id.c_str(), "Export here", ImVec2(button_w, ui.theme.TargetHeight()),
                      ButtonKind::Primary))
            out.push_back(AdminIntent::At(Kind::Export, i));
        ImGui::Dummy(ImVec2(1, ui.theme.U(0.3f)));
    }
    if (TapButton(ui, "admin-look", "Look again", ImVec2(button_w, ui.theme.TargetHeight())))
        out.push_back(AdminIntent::Of(Kind::LookForSticks));
}

void DrawContent(UiFrame& ui, const AdminView& view, float width, AdminIntents& out) {
    Heading(ui, "Content pack", width);
    Note(ui, "Switching checks the pack, saves the choice and restarts the kiosk.", width);
    const float button_w = std::min(width, ui.theme.U(16));
    for (std::size_t i = 0; i < view.packs.size(); i++) {
        const AdminPlace& pack = view.packs[i];
        ImGui::Dummy(ImVec2(1, ui.theme.U(0.3f)));
        TextBlock(ui.theme.body, ui.theme.colors.text, pack.label, width);
        if (pack.current) {
            Note(ui, "In use", width);
            continue;
        }
        const std::string id = "admin-pack-" + std::to_string(i);
        ConfirmButton(ui, view, id.c_str(), "Use this pack", Kind::SwitchPack, i, button_w, out);
    }
}

void DrawPower(UiFrame& ui, const AdminView& view, float width, AdminIntents& out) {
    const float button_w = std::min(width, ui.theme.U(16));
    if (TapButton(ui, "admin-sleep", "Sleep now", ImVec2(button_w, ui.theme.TargetHeight())))
        out.push_back(AdminIntent::Of(Kind::SleepNow));
    Note(ui, "The screen goes dark until someone touches it.", width);
    ImGui::Dummy(ImVec2(1, ui.theme.U(0.4f)));
    ConfirmButton(ui, view, "admin-restart", "Restart the kiosk", Kind::Restart, 0, button_w, out);
    Note(ui, "Every saved answer stays.", width);
    ImGui::Dummy(ImVec2(1, ui.theme.U(0.4f)));
    ConfirmButton(ui, view, "admin-quit", "Quit the kiosk", Kind::Quit, 0, button_w, out);
    Note(ui, "It stays stopped until a reboot, or until someone runs: sudo systemctl start tapsheet-kiosk",
         width);
}

int PendingCount(const AdminView& view) {
    if (view.tallies == nullptr) return 0;
    return static_cast<int>(std::count_if(view.tallies->free_text.begin(), view.tallies->free_text.end(),
                                          [](const FreeText& t) { return t.status == Moderation::Pending; }));
}

float LabelWidth(const ImFont* font, const std::string& label) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str()).x;
}

// One row of six tabs; two rows of three where a label would not fit.
void DrawTabs(UiFrame& ui, const AdminView& view, float width, AdminIntents& out) {
    const int pending = PendingCount(view);
    const std::string labels[kAdminTabs] = {
        "Figures", pending > 0 ? "Texts (" + std::to_string(pending) + ")" : "Texts",
        "Export",  "Content",
        "Power",   "Fleet"};
    const float gap = ui.theme.U(0.3f);
    float widest = 0;
    for (const std::string& label : labels)
        widest =
            std::max(widest, LabelWidth(ui.theme.body_bold, label) + ui.theme.U(1.8f)); // TapButton's pads
    const bool one_row = (width - (kAdminTabs - 1) * gap) / kAdminTabs >= widest;
    const int columns = one_row ? kAdminTabs : kAdminTabs / 2;
    const float tab_w = (width - static_cast<float>(columns - 1) * gap) / static_cast<float>(columns);
    const float x = ImGui::GetCursorPosX();
    const float y = ImGui::GetCursorPosY();
    const float row_h = ui.theme.TargetHeight() + gap;
    for (int i = 0; i < kAdminTabs; i++) {
        const float column = static_cast<float>(i % columns), row = static_cast<float>(i / columns);
        ImGui::SetCursorPos(ImVec2(x + column * (tab_w + gap), y + row * row_h));
        const AdminTab tab = static_cast<AdminTab>(i);
        const std::string id = "admin-tab-" + std::to_string(i);
        const ButtonKind kind = view.tab == tab ? ButtonKind::Primary : ButtonKind::Secondary;
        if (!TapButton(ui, id.c_str(), labels[i], ImVec2(tab_w, ui.theme.TargetHeight()), kind)) continue;
        AdminIntent intent = AdminIntent::Of(Kind::Tab);
        intent.tab = tab;
        out.push_back(intent);
    }
}

void DrawBody(UiFrame& ui, const AdminView& view, float width, AdminIntents& out) {
    switch (view.tab) {
    case AdminTab::Overview:
        return DrawOverview(ui, view, width, out);
    case AdminTab::Moderation:
        return DrawAdminModeration(ui, view, width, out);
    case AdminTab::Export:
        return DrawExport(ui, view, width, out);
    case AdminTab::Content:
        return DrawContent(ui, view, width, out);
    case AdminTab::Power:
        return DrawPower(ui, view, width, out);
    case AdminTab::Fleet:
        return DrawAdminFleet(ui, view, width);
    }
}

} // namespace

void DrawAdminPanel(UiFrame& ui, const AdminView& view, AdminIntents& out) {
    const Palette& p = ui.theme.colors;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float width = std::min(avail.x, ui.theme.U(40));
    const float x = ImGui::GetCursorPosX() + (avail.x - width) * 0.5f;
    StaffHeader(ui, "Staff panel", "admin-close", "Close", ButtonKind::Primary, x, width, out);
    DrawTabs(ui, view, width, out);
    ImGui::SetCursorPos(ImVec2(x, ImGui::GetCursorPosY() + ui.theme.Gap()));
    const float status_h =
        view.status.empty() ? 0 : TextHeight(ui.theme.body, view.status, width) + ui.theme.Gap();
    const float body_h = ImGui::GetContentRegionAvail().y - status_h;
    const float gutter = ImGui::GetStyle().ScrollbarSize;
    // Each tab opens at its top; staff with a mouse may use its wheel.
    StartAtTopWhenNew("admin-tab", static_cast<std::uint64_t>(view.tab));
    ImGui::BeginChild("admin-body", ImVec2(width + gutter, body_h), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NoBackground | kTouchWindow);
    DragToScroll();
    DrawBody(ui, view, width, out);
    ImGui::EndChild();
    if (view.status.empty()) return;
    ImGui::SetCursorPosX(x);
    TextBlock(ui.theme.body_bold, view.status_is_error ? p.least : p.primary, view.status, width);
}

AdminIntents DrawAdmin(UiFrame& ui, const AdminView& view) {
    AdminIntents out;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ui.theme.colors.background);
    ImGui::Begin("##admin", nullptr, kRootFlags);
    ImGui::PopStyleColor();
    if (view.state.Screen() == AdminScreen::PinPad)
        DrawPinPad(ui, view, out);
    else
        DrawAdminPanel(ui, view, out);
    ImGui::End();
    return out;
}

} // namespace tapsheet
