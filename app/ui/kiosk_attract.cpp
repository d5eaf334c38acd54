#include "app/ui/kiosk_view.h"

#include "imgui_internal.h"

#include <algorithm>

namespace tapsheet {

namespace {

// The pack's texts in each of its languages, default first, leaving out a
// language that shows the same words (a text the pack did not translate).
std::vector<std::string> InEachLanguage(const Pack& pack, const LocalText& text) {
    std::vector<std::string> out;
    for (const Language& language : pack.languages) {
        const std::string& words = text.Get(language.code);
        if (std::find(out.begin(), out.end(), words) == out.end()) out.push_back(words);
    }
    return out;
}

// Where the start buttons of the other languages go: in one row under the
// default language's when their words fit, else one under the other.
struct LanguageRow {
    std::size_t count = 0;
    float button_w = 0, button_h = 0, row_w = 0;
    bool stacked = false;
    float Height(float gap) const {
        if (count == 0) return 0;
        return stacked ? static_cast<float>(count) * (button_h + gap) : button_h + gap;
    }
};

float LabelWidth(const UiFrame& ui, const std::string& text) {
    return ui.theme.body->CalcTextSizeA(ui.theme.unit, FLT_MAX, 0, text.c_str()).x;
}

LanguageRow PlanLanguages(const UiFrame& ui, const Pack& pack, float start_w, float width) {
    LanguageRow row;
    row.count = pack.languages.size() - 1;
    if (row.count == 0) return row;
    float gap = ui.theme.Gap();
    float pad = ui.theme.U(0.8f);
    float widest = 0;
    for (std::size_t i = 1; i < pack.languages.size(); ++i) {
        const Language& language = pack.languages[i];
        widest = std::max(widest, LabelWidth(ui, pack.attract_prompt.Get(language.code)));
        widest = std::max(widest, LabelWidth(ui, language.name));
    }
    float n = static_cast<float>(row.count);
    float needed = (widest + 2 * pad) * n + gap * (n - 1);
    row.row_w = std::min(width, std::max(start_w, needed));
    row.stacked = needed > row.row_w;
    row.button_w = row.stacked ? start_w : (row.row_w - gap * (n - 1)) / n;
    // The name, then the prompt (wrapped if it must), with padding.
    float wrap = row.button_w - 2 * pad;
    float lines_h = 0;
    for (std::size_t i = 1; i < pack.languages.size(); ++i) {
        const Language& language = pack.languages[i];
        lines_h =
            std::max(lines_h, TextHeight(ui.theme.body_bold, language.name, wrap) +
                                  TextHeight(ui.theme.body, pack.attract_prompt.Get(language.code), wrap));
    }
    row.button_h = std::max(ui.theme.TargetHeight(), lines_h + ui.theme.U(1.0f));
    return row;
}

// A language's start button: its name, and under it the pack's prompt in
// that language, so a Welsh speaker reads Welsh before choosing. Its label
// for tests and tapping stays the language's name.
bool LanguageButton(UiFrame& ui, const Language& language, const std::string& prompt, ImVec2 size,
                    bool enabled) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImVec2 pos = window->DC.CursorPos;
    ImRect bb(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    std::string id = "lang-" + language.code;
    bool held = false;
    bool pressed = TapBehavior(bb, ImGui::GetID(id.c_str()), enabled, &held);
    Record(ui, id.c_str(), language.name, bb, enabled);
    const Palette& p = ui.theme.colors;
    float rounding = ui.theme.U(0.45f);
    window->DrawList->AddRectFilled(bb.Min, bb.Max, held ? p.pressed_surface : p.surface, rounding);
    window->DrawList->AddRect(bb.Min, bb.Max, p.border, rounding, 0, ui.theme.U(0.1f));
    ImU32 ink = enabled ? p.text : p.text_muted;
    float wrap = size.x - ui.theme.U(1.6f);
    ImFont* bold = ui.theme.body_bold;
    ImFont* body = ui.theme.body;
    ImVec2 name_size = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, wrap, language.name.c_str());
    ImVec2 prompt_size = body->CalcTextSizeA(body->FontSize, FLT_MAX, wrap, prompt.c_str());
    bool same = prompt == language.name;
    float text_h = name_size.y + (same ? 0 : prompt_size.y);
    float y = bb.Min.y + (size.y - text_h) * 0.5f;
    window->DrawList->AddText(bold, bold->FontSize, ImVec2(bb.Min.x + (size.x - name_size.x) * 0.5f, y), ink,
                              language.name.c_str(), nullptr, wrap);
    if (same) return pressed;
    ImVec2 prompt_pos(bb.Min.x + (size.x - prompt_size.x) * 0.5f, y + name_size.y);
    window->DrawList->AddText(body, body->FontSize, prompt_pos, enabled ? p.text_muted : p.border,
                              prompt.c_str(), nullptr, wrap);
    RecordShownText(ui, prompt, prompt_pos,
                    ImVec2(prompt_pos.x + prompt_size.x, prompt_pos.y + prompt_size.y), body->FontSize);
    return pressed;
}

void DrawLanguages(UiFrame& ui, const Pack& pack, const LanguageRow& row, float x, float width, bool enabled,
                   Intents& out) {
    float gap = ui.theme.Gap();
    float row_x = x + (width - (row.stacked ? row.button_w : row.row_w)) * 0.5f;
    float y = ImGui::GetCursorPosY();
    for (std::size_t i = 1; i < pack.languages.size(); ++i) {
        const Language& language = pack.languages[i];
        float step = static_cast<float>(i - 1);
        ImVec2 at = row.stacked ? ImVec2(row_x, y + step * (row.button_h + gap))
                                : ImVec2(row_x + step * (row.button_w + gap), y);
        ImGui::SetCursorPos(at);
        if (LanguageButton(ui, language, pack.attract_prompt.Get(language.code),
                           ImVec2(row.button_w, row.button_h), enabled))
            out.push_back(Intent::Of(Intent::Kind::Start, language.code));
    }
}

} // namespace

// The screen nobody is using: the event's title in each of the pack's
// languages, one big "Tap to start", and a start button for each other
// language, with its prompt in that language.
void DrawAttract(UiFrame& ui, const KioskView& view, Intents& out) {
    const Pack& pack = view.flow.GetPack();
    const std::string& lang = pack.languages.empty() ? ui.lang : pack.languages.front().code;
    UiFrame local{ui.theme, lang, ui.now, ui.targets, ui.texts};
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float width = ColumnWidth(ui, avail.x);
    // Screen care: the whole block drifts a little from hour to hour.
    float x = ImGui::GetCursorPosX() + (avail.x - width) * 0.5f + ui.theme.U(view.drift_x);
    std::vector<std::string> titles = InEachLanguage(pack, pack.title);
    float titles_h = TextHeight(ui.theme.title, titles.front(), width);
    for (std::size_t i = 1; i < titles.size(); ++i)
        titles_h += TextHeight(ui.theme.heading, titles[i], width);
    float sub_h = pack.subtitle.Empty() ? 0 : TextHeight(ui.theme.heading, local.T(pack.subtitle), width);
    float start_w = std::min(width, ui.theme.U(18));
    LanguageRow languages = PlanLanguages(ui, pack, start_w, width);
    float start_h = ui.theme.TargetHeight() * 1.4f;
    float block_h = titles_h + sub_h + ui.theme.U(1.6f) + start_h + languages.Height(ui.theme.Gap());
    float top = std::max(ImGui::GetCursorPosY(), (ImGui::GetWindowHeight() - block_h) * 0.45f) +
                ui.theme.U(view.drift_y);
    ImGui::SetCursorPos(ImVec2(x, top));
    TextCentered(local, ui.theme.title, ui.theme.colors.text, titles.front(), width);
    if (!pack.subtitle.Empty()) {
        ImGui::SetCursorPosX(x);
        TextCentered(local, ui.theme.heading, ui.theme.colors.text_muted, local.T(pack.subtitle), width);
    }
    // The title again in each other language, quieter: one event, several tongues.
    if (titles.size() > 1) ImGui::Dummy(ImVec2(1, ui.theme.U(0.2f)));
    for (std::size_t i = 1; i < titles.size(); ++i) {
        ImGui::SetCursorPosX(x);
        TextCentered(local, ui.theme.heading, ui.theme.colors.primary, titles[i], width);
    }
    ImGui::Dummy(ImVec2(1, ui.theme.U(1.0f)));
    ImGui::SetCursorPosX(x + (width - start_w) * 0.5f);
    const bool can_start = !view.flow.Busy() && !view.flow.CoolingDown(ui.now);
    if (TapButton(local, "start", local.T(pack.attract_prompt), ImVec2(start_w, start_h), ButtonKind::Primary,
                  can_start))
        out.push_back(Intent::Of(Intent::Kind::Start, lang));
    if (languages.count == 0) return;
    ImGui::Dummy(ImVec2(1, ui.theme.U(0.1f)));
    DrawLanguages(ui, pack, languages, x, width, can_start, out);
}

} // namespace tapsheet
