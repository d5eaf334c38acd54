#include "app/ui/kiosk/kiosk_view.h"

#include <cmath>

namespace tapsheet {

void DrawThanksQuestions(UiFrame& ui, const Pack& pack, float width); // kiosk_reflection.cpp

namespace {

// What a person would type: no scheme, no "www.", no trailing slash.
std::string ShortUrl(std::string url) {
    for (const char* prefix : {"https://", "http://", "www."})
        if (url.rfind(prefix, 0) == 0) url.erase(0, std::string(prefix).size());
    if (!url.empty() && url.back() == '/') url.pop_back();
    return url;
}

void DrawQrPanel(UiFrame& ui, const Pack& pack, float width) {
    if (pack.resources_url.empty()) return;
    float qr = std::min(width, ui.theme.U(9));
    TextBlock(ui, ui.theme.body_bold, ui.theme.colors.text, ui.T(pack.ui.resources_label), width);
    QrCode(pack.resources_url, qr, ui.theme.colors.text, ui.theme.colors.surface);
}

// The address in words, for those without a phone to hand. It goes where a
// line has room, since an address broken mid-word is hard to type.
void DrawUrl(UiFrame& ui, const Pack& pack, float width) {
    if (pack.resources_url.empty()) return;
    TextBlock(ui.theme.body, ui.theme.colors.text_muted, ShortUrl(pack.resources_url), width);
}

} // namespace

// Thank-you: what to take away (the reflection questions), where to find
// more (QR code), and a Done that also happens on its own.
void DrawThanks(UiFrame& ui, const KioskView& view, Intents& out) {
    const Pack& pack = view.flow.GetPack();
    const UiStrings& s = pack.ui;
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float width = ColumnWidth(ui, avail.x); // the same column as the steps
    float x = ImGui::GetCursorPosX() + (avail.x - width) * 0.5f;
    // Title on the left, Done (with its countdown) on the right of the same row.
    float done_w = std::min(width * 0.4f, ui.theme.U(11));
    float row_y = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(x + width - done_w, row_y));
    int left = static_cast<int>(std::ceil(view.flow.ThanksLeft(ui.now)));
    std::string label = ui.T(s.done) + " (" + std::to_string(left) + ")";
    if (TapButton(ui, "done", label, ImVec2(done_w, ui.theme.TargetHeight()), ButtonKind::Primary))
        out.push_back(Intent::Of(Intent::Kind::Done));
    // The title sits on the button's centre line.
    float title_h = TextHeight(ui.theme.title, ui.T(s.thanks_title), width - done_w - ui.theme.Gap());
    ImGui::SetCursorPos(ImVec2(x, row_y + std::max(0.0f, (ui.theme.TargetHeight() - title_h) * 0.5f)));
    ImGui::BeginGroup();
    TextBlock(ui, ui.theme.title, ui.theme.colors.text, ui.T(s.thanks_title),
              width - done_w - ui.theme.Gap());
    ImGui::EndGroup();
    ImGui::SetCursorPos(
        ImVec2(x, std::max(ImGui::GetCursorPosY(), row_y + ui.theme.TargetHeight() + ui.theme.Gap())));
    TextBlock(ui, ui.theme.body, ui.theme.colors.text_muted, ui.T(s.thanks_body), width);
    float body_h = ImGui::GetContentRegionAvail().y;
    ImGui::SetCursorPosX(x);
    // Every visit's thanks opens at its top, not where the last person left it.
    StartAtTopWhenNew("thanks-serial", view.flow.ScreenSerial());
    ImGui::BeginChild("thanks-body", ImVec2(width, body_h), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NoBackground | kTouchWindow);
    DragToScroll();
    MoreBelowButton(ui);
    // Questions beside the QR code when wide; QR below them when narrow.
    float inner = ImGui::GetContentRegionAvail().x; // less the scrollbar, when there is one
    bool wide = inner > ui.theme.U(28);
    float qr_w = wide ? ui.theme.U(9) : inner;
    float questions_w = wide ? inner - qr_w - ui.theme.U(1.5f) : inner;
    ImGui::BeginGroup();
    DrawThanksQuestions(ui, pack, questions_w);
    if (wide) DrawUrl(ui, pack, questions_w);
    ImGui::EndGroup();
    if (wide) ImGui::SameLine(0, ui.theme.U(1.5f));
    ImGui::BeginGroup();
    DrawQrPanel(ui, pack, qr_w);
    if (!wide) DrawUrl(ui, pack, qr_w);
    ImGui::EndGroup();
    ScrollFade(ui.theme, ui.theme.colors.background);
    ImGui::EndChild();
}

} // namespace tapsheet
