#include "app/ui/kiosk_view.h"

namespace tapsheet {

// The screen nobody is using: the event, one big "Tap to start", and the
// languages when the pack has more than one.
void DrawAttract(UiFrame& ui, const KioskView& view, Intents& out) {
    const Pack& pack = view.flow.GetPack();
    const std::string& lang = pack.languages.empty() ? ui.lang : pack.languages.front().code;
    UiFrame local{ui.theme, lang, ui.now, ui.targets};
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float width = ColumnWidth(ui, avail.x);
    // Screen care: the whole block drifts a little from hour to hour.
    float x = ImGui::GetCursorPosX() + (avail.x - width) * 0.5f + ui.theme.U(view.drift_x);
    bool languages = pack.languages.size() > 1;
    float title_h = TextHeight(ui.theme.title, local.T(pack.title), width);
    float sub_h = pack.subtitle.Empty() ? 0 : TextHeight(ui.theme.heading, local.T(pack.subtitle), width);
    float block_h = title_h + sub_h + ui.theme.U(2) + ui.theme.TargetHeight() * (languages ? 2.2f : 1.4f);
    float top = std::max(ImGui::GetCursorPosY(), (ImGui::GetWindowHeight() - block_h) * 0.45f) +
                ui.theme.U(view.drift_y);
    ImGui::SetCursorPos(ImVec2(x, top));
    TextCentered(ui.theme.title, ui.theme.colors.text, local.T(pack.title), width);
    ImGui::SetCursorPosX(x);
    if (!pack.subtitle.Empty())
        TextCentered(ui.theme.heading, ui.theme.colors.text_muted, local.T(pack.subtitle), width);
    ImGui::Dummy(ImVec2(1, ui.theme.U(1.2f)));
    float start_w = std::min(width, ui.theme.U(18));
    ImGui::SetCursorPosX(x + (width - start_w) * 0.5f);
    ImVec2 start_size(start_w, ui.theme.TargetHeight() * 1.4f);
    const bool can_start = !view.flow.Busy() && !view.flow.CoolingDown(ui.now);
    if (TapButton(local, "start", local.T(pack.attract_prompt), start_size, ButtonKind::Primary, can_start))
        out.push_back(Intent::Of(Intent::Kind::Start, lang));
    if (!languages) return;
    // Each language button is labelled in its own language.
    ImGui::Dummy(ImVec2(1, ui.theme.U(0.4f)));
    std::size_t count = pack.languages.size() - 1;
    float gap = ui.theme.Gap();
    // The language row is exactly as wide as the start button above it.
    float lang_w = (start_w - gap * static_cast<float>(count - 1)) / static_cast<float>(count);
    float row_w = lang_w * static_cast<float>(count) + gap * static_cast<float>(count - 1);
    float row_x = x + (width - row_w) * 0.5f;
    float row_y = ImGui::GetCursorPosY();
    for (std::size_t i = 1; i < pack.languages.size(); ++i) {
        const Language& language = pack.languages[i];
        ImGui::SetCursorPos(ImVec2(row_x + static_cast<float>(i - 1) * (lang_w + gap), row_y));
        std::string id = "lang-" + language.code;
        if (TapButton(ui, id.c_str(), language.name, ImVec2(lang_w, ui.theme.TargetHeight()),
                      ButtonKind::Secondary, can_start))
            out.push_back(Intent::Of(Intent::Kind::Start, language.code));
    }
}

} // namespace tapsheet
