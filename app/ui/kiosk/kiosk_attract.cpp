#include "app/ui/kiosk/kiosk_view.h"

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
    float Block(float gap) const {
        if (count == 0) return 0;
        return stacked ? static_cast<float>(count) * (button_h + gap) - gap : button_h;
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
    window->DrawList->AddText(body, body->FontSize, prompt_pos, p.text_muted, prompt.c_str(), nullptr, wrap);
    RecordShownText(ui, prompt, prompt_pos,
                    ImVec2(prompt_pos.x + prompt_size.x, prompt_pos.y + prompt_size.y), body->FontSize);
    return pressed;
}

void DrawLanguages(UiFrame& ui, const Pack& pack, const LanguageRow& row, float x, float y, float width,
                   bool enabled, Intents& out) {
    float gap = ui.theme.Gap();
    float row_x = x + (width - (row.stacked ? row.button_w : row.row_w)) * 0.5f;
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

// The attract screen's block, measured before it is drawn so it can sit in
// the middle of the screen, and made more compact where the screen is short.
struct AttractLayout {
    std::vector<std::string> titles; // the default language's first
    std::string subtitle;            // empty: none, or left out to fit
    LanguageRow languages;
    float start_w = 0, start_h = 0;
    float title_gap = 0, start_gap = 0;

    float Height(const UiFrame& ui, float width) const {
        float h = TextHeight(ui.theme.title, titles.front(), width);
        if (!subtitle.empty()) h += ui.theme.U(0.2f) + TextHeight(ui.theme.heading, subtitle, width);
        if (titles.size() > 1) h += title_gap;
        for (std::size_t i = 1; i < titles.size(); ++i)
            h += TextHeight(ui.theme.heading, titles[i], width);
        h += start_gap + start_h;
        if (languages.count > 0) h += ui.theme.Gap() + languages.Block(ui.theme.Gap());
        return h;
    }
};

AttractLayout PlanAttract(const UiFrame& local, const Pack& pack, float width, float room) {
    const Theme& theme = local.theme;
    AttractLayout layout;
    layout.titles = InEachLanguage(pack, pack.title);
    if (!pack.subtitle.Empty()) layout.subtitle = local.T(pack.subtitle);
    layout.start_w = std::min(width, theme.U(18));
    layout.languages = PlanLanguages(local, pack, layout.start_w, width);
    // The start button as wide as the row of languages under it.
    if (layout.languages.count > 0 && !layout.languages.stacked)
        layout.start_w = std::max(layout.start_w, layout.languages.row_w);
    layout.start_h = theme.TargetHeight() * 1.4f;
    layout.title_gap = theme.U(0.6f);
    layout.start_gap = theme.U(1.4f);
    if (layout.Height(local, width) <= room) return layout;
    // A short screen: a plainer start button and closer spacing, then no subtitle.
    layout.start_h = theme.TargetHeight();
    layout.title_gap = theme.U(0.3f);
    layout.start_gap = theme.U(0.8f);
    if (layout.Height(local, width) > room) layout.subtitle.clear();
    return layout;
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
    const Theme& theme = ui.theme;
    AttractLayout layout = PlanAttract(local, pack, width, avail.y);
    // Screen care: the whole block drifts a little from hour to hour.
    float x = ImGui::GetCursorPosX() + (avail.x - width) * 0.5f + theme.U(view.drift_x);
    float block_h = layout.Height(local, width);
    float y = std::max(ImGui::GetCursorPosY(), ImGui::GetCursorPosY() + (avail.y - block_h) * 0.45f) +
              theme.U(view.drift_y);
    auto line = [&](ImFont* font, ImU32 color, const std::string& text) {
        ImGui::SetCursorPos(ImVec2(x, y));
        TextCentered(local, font, color, text, width);
        y += TextHeight(font, text, width);
    };
    line(theme.title, theme.colors.text, layout.titles.front());
    if (!layout.subtitle.empty()) {
        y += theme.U(0.2f);
        line(theme.heading, theme.colors.text_muted, layout.subtitle);
    }
    // The title again in each other language, quieter: one event, several tongues.
    if (layout.titles.size() > 1) y += layout.title_gap;
    for (std::size_t i = 1; i < layout.titles.size(); ++i)
        line(theme.heading, theme.colors.primary, layout.titles[i]);
    y += layout.start_gap;
    ImGui::SetCursorPos(ImVec2(x + (width - layout.start_w) * 0.5f, y));
    const bool can_start = !view.flow.Busy() && !view.flow.CoolingDown(ui.now);
    if (TapButton(local, "start", local.T(pack.attract_prompt), ImVec2(layout.start_w, layout.start_h),
                  ButtonKind::Primary, can_start))
        out.push_back(Intent::Of(Intent::Kind::Start, lang));
    if (layout.languages.count == 0) return;
    y += layout.start_h + theme.Gap();
    DrawLanguages(ui, pack, layout.languages, x, y, width, can_start, out);
}

} // namespace tapsheet
