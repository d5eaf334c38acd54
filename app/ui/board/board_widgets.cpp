#include "app/ui/board/board_widgets.h"

#include <algorithm>
#include <cmath>

namespace tapsheet {

namespace {

// Text scrolled out of a scrolling list is not on screen: it is reachable by
// scrolling, so it is left out (as TapTarget::visible does for targets).
void RecordText(UiFrame& ui, const std::string& text, ImVec2 min, ImVec2 max, float size) {
    if (!ui.texts || text.empty()) return;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    bool scrolls = window->ScrollMax.x > 0 || window->ScrollMax.y > 0;
    if (scrolls && !window->ClipRect.Contains(ImRect(min, max))) return;
    ui.texts->push_back({text, min, max, size});
}

std::string Key(const char* prefix, const std::string& step_id, const std::string& item_id,
                const std::string& value) {
    // Unit separators: ids never contain them, so keys cannot collide.
    return prefix + step_id + '\x1f' + item_id + '\x1f' + value;
}

} // namespace

std::string BarKey(const std::string& step_id, const std::string& item_id, const std::string& value) {
    return Key("", step_id, item_id, value);
}

std::string CrossBarKey(const std::string& step_id, const std::string& item_id, const std::string& value) {
    return Key("cross\x1f", step_id, item_id, value);
}

ImVec2 TextSize(ImFont* font, float size, const std::string& text, float wrap) {
    return font->CalcTextSizeA(size, FLT_MAX, wrap, text.c_str());
}

ImRect PutText(UiFrame& ui, ImFont* font, float size, ImU32 color, ImVec2 pos, const std::string& text,
               float wrap) {
    ImVec2 extent = TextSize(font, size, text, wrap);
    ImGui::GetWindowDrawList()->AddText(font, size, pos, color, text.c_str(), nullptr, wrap);
    ImVec2 max(pos.x + extent.x, pos.y + extent.y);
    RecordText(ui, text, pos, max, size);
    return ImRect(pos, max);
}

ImRect PutTextCentred(UiFrame& ui, ImFont* font, float size, ImU32 color, ImVec2 pos, float width,
                      const std::string& text) {
    const char* line = text.c_str();
    const char* end = line + text.size();
    float y = pos.y;
    float left = pos.x + width;
    float right = pos.x;
    float scale = size / font->FontSize;
    while (line < end) {
        const char* line_end = font->CalcWordWrapPositionA(scale, line, end, width);
        if (line_end == line) line_end = line + 1;
        float line_w = font->CalcTextSizeA(size, FLT_MAX, 0, line, line_end).x;
        float x = pos.x + (width - line_w) * 0.5f;
        ImGui::GetWindowDrawList()->AddText(font, size, ImVec2(x, y), color, line, line_end);
        left = std::min(left, x);
        right = std::max(right, x + line_w);
        y += size;
        line = line_end;
        while (line < end && (*line == ' ' || *line == '\n'))
            ++line;
    }
    RecordText(ui, text, ImVec2(left, pos.y), ImVec2(right, y), size);
    return ImRect(ImVec2(left, pos.y), ImVec2(right, y));
}

ImRect PutTextRight(UiFrame& ui, ImFont* font, float size, ImU32 color, ImVec2 right_top,
                    const std::string& text) {
    float w = TextSize(font, size, text).x;
    return PutText(ui, font, size, color, ImVec2(right_top.x - w, right_top.y), text);
}

ImVec2 TagSize(const BoardLook& look, const std::string& text) {
    ImVec2 extent = TextSize(look.theme.body_bold, look.Px(look.theme.body_bold), text);
    return ImVec2(extent.x + look.U(1.2f), extent.y + look.U(0.4f));
}

ImRect PutTag(UiFrame& ui, const BoardLook& look, ImVec2 pos, const std::string& text, ImU32 fill,
              ImU32 ink) {
    ImVec2 size = TagSize(look, text);
    ImRect bb(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(bb.Min, bb.Max, fill, look.U(0.3f));
    draw->AddRect(bb.Min, bb.Max, ink, look.U(0.3f), 0, look.U(0.08f));
    PutText(ui, look.theme.body_bold, look.Px(look.theme.body_bold), ink,
            ImVec2(pos.x + look.U(0.6f), pos.y + look.U(0.2f)), text);
    return bb;
}

float BoardButtonWidth(const UiFrame& ui, const std::string& label) {
    return TextSize(ui.theme.body_bold, ui.theme.unit, label).x + ui.theme.U(1.8f);
}

bool BoardButton(UiFrame& ui, const char* id, const std::string& label, const ImRect& bb, ButtonKind kind,
                 bool enabled) {
    ImGui::SetCursorScreenPos(bb.Min);
    bool pressed = TapButton(ui, id, label, bb.GetSize(), kind, enabled);
    // Where TapButton put the label (centred, wrapped inside its padding).
    float wrap = bb.GetWidth() - ui.theme.U(1.6f);
    ImVec2 extent = TextSize(ui.theme.body_bold, ui.theme.unit, label, wrap);
    ImVec2 min(bb.GetCenter().x - extent.x * 0.5f, bb.GetCenter().y - extent.y * 0.5f);
    RecordText(ui, label, min, ImVec2(min.x + extent.x, min.y + extent.y), ui.theme.unit);
    return pressed;
}

namespace {

// Room after a menu button's label for its caret: no-break spaces, so the
// button centres label and caret together and never wraps between them.
constexpr const char* kCaretRoom = "\xC2\xA0\xC2\xA0\xC2\xA0\xC2\xA0\xC2\xA0\xC2\xA0"; // about 1 unit

} // namespace

float BoardMenuButtonWidth(const UiFrame& ui, const std::string& label) {
    return BoardButtonWidth(ui, label + kCaretRoom);
}

bool BoardMenuButton(UiFrame& ui, const char* id, const std::string& label, const ImRect& bb, bool enabled) {
    const Theme& t = ui.theme;
    ImGui::SetCursorScreenPos(bb.Min);
    const std::string shown = label + kCaretRoom;
    bool pressed = TapButton(ui, id, shown, bb.GetSize(), ButtonKind::Secondary, enabled);
    // Where TapButton put the label: centred together with the caret's room.
    ImVec2 whole = TextSize(t.body_bold, t.unit, shown);
    ImVec2 text = TextSize(t.body_bold, t.unit, label);
    ImVec2 min(bb.GetCenter().x - whole.x * 0.5f, bb.GetCenter().y - whole.y * 0.5f);
    RecordText(ui, label, min, ImVec2(min.x + text.x, min.y + text.y), t.unit);
    // A caret pointing down says "opens a list"; an ellipsis there read as cut text.
    float room = whole.x - text.x;
    float half = std::min(t.U(0.25f), room * 0.25f);
    ImVec2 c(min.x + text.x + room * 0.6f, bb.GetCenter().y);
    ImU32 ink = enabled ? t.colors.text : t.colors.text_muted;
    ImGui::GetWindowDrawList()->AddTriangleFilled(ImVec2(c.x - half, c.y - half * 0.5f),
                                                  ImVec2(c.x + half, c.y - half * 0.5f),
                                                  ImVec2(c.x, c.y + half * 0.6f), ink);
    return pressed;
}

float ControlHeight(const Theme& theme) {
    return std::max(theme.target_min, theme.U(1.9f));
}

bool MenuButton(UiFrame& ui, const char* id, const std::string& label, float width, bool current) {
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float h = std::max(ControlHeight(ui.theme),
                       TextSize(ui.theme.body_bold, ui.theme.unit, label, width - ui.theme.U(1.6f)).y +
                           ui.theme.U(0.8f));
    ButtonKind kind = current ? ButtonKind::Primary : ButtonKind::Option;
    // The button's own item moves the cursor to the next line.
    return BoardButton(ui, id, label, ImRect(pos, ImVec2(pos.x + width, pos.y + h)), kind);
}

void MenuLabel(UiFrame& ui, const std::string& text, float width) {
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImRect r = PutText(ui, ui.theme.body, ui.theme.unit, ui.theme.colors.text_muted, pos, text, width);
    ImGui::Dummy(ImVec2(width, r.GetHeight()));
}

bool BeginMenu(const Theme& theme, const char* id, ImVec2 anchor_top, ImVec2 anchor_bottom) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    float below = viewport->Pos.y + viewport->Size.y - anchor_bottom.y;
    float above = anchor_top.y - viewport->Pos.y;
    bool down = below >= above;
    ImVec2 pos = down ? anchor_bottom : anchor_top;
    ImGui::SetNextWindowPos(pos, ImGuiCond_Appearing, ImVec2(0, down ? 0.0f : 1.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0),
                                        ImVec2(viewport->Size.x, std::max(below, above) - theme.U(0.2f)));
    // The style is the kiosk's light one; ImGui's popups default to dark.
    ImGui::PushStyleColor(ImGuiCol_PopupBg, ImGui::ColorConvertU32ToFloat4(theme.colors.surface));
    ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(theme.colors.border));
    bool open = ImGui::BeginPopup(id, ImGuiWindowFlags_NoSavedSettings | kTouchWindow);
    ImGui::PopStyleColor(2);
    return open;
}

void DrawBar(ImDrawList* draw, const BoardLook& look, const ImRect& bb, double fraction, ImU32 fill,
             bool hatched) {
    const Palette& p = look.theme.colors;
    float rounding = std::min(look.U(0.25f), bb.GetHeight() * 0.5f);
    draw->AddRectFilled(bb.Min, bb.Max, p.surface, rounding);
    draw->AddRect(bb.Min, bb.Max, p.track, rounding, 0, std::max(1.0f, look.U(0.05f)));
    float w = bb.GetWidth() * static_cast<float>(std::clamp(fraction, 0.0, 1.0));
    if (w < 0.5f) return;
    ImVec2 end(bb.Min.x + w, bb.Max.y);
    draw->AddRectFilled(bb.Min, end, fill, rounding);
    if (!hatched) return;
    // Light diagonal stripes, clipped to the filled part.
    draw->PushClipRect(bb.Min, end, true);
    float step = look.U(0.6f);
    float h = bb.GetHeight();
    for (float x = bb.Min.x - h; x < end.x; x += step)
        draw->AddLine(ImVec2(x, bb.Max.y), ImVec2(x + h, bb.Min.y), IM_COL32(255, 255, 255, 110),
                      std::max(1.0f, look.U(0.12f)));
    draw->PopClipRect();
}

std::string Thousands(long long n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

std::string PercentOf(int count, int total) {
    if (total <= 0) return "0%";
    long percent = std::lround(100.0 * count / total);
    return std::to_string(percent) + "%";
}

std::string AnsweredLine(const UiFrame& ui, const BoardView& view, int respondents) {
    const BoardStrings& words = view.pack.board;
    if (respondents <= 0) return ui.T(words.nobody_yet);
    if (respondents == 1) return ui.T(words.answered_one);
    return Format(ui.T(words.answered), "n", Thousands(respondents));
}

int CountOf(const TallySource& source, std::string_view item_id, std::string_view value) {
    return source.tally ? source.tally->Count(item_id, value) : 0;
}

int RespondentsOf(const TallySource& source) {
    return source.tally ? source.tally->respondents : 0;
}

double BarFraction(const UiFrame& ui, const BoardView& view, const TallySource& source,
                   const std::string& step_id, const std::string& item_id, const std::string& value) {
    int respondents = RespondentsOf(source);
    if (respondents <= 0) return 0;
    int count = CountOf(source, item_id, value);
    std::string key = source.cross ? CrossBarKey(step_id, item_id, value) : BarKey(step_id, item_id, value);
    return view.anim.Value(key, ui.now, count) / respondents;
}

void DrawHiddenNotice(UiFrame& ui, const BoardView& view, const ImRect& area, int respondents) {
    BoardLook look{ui.theme};
    const Palette& p = ui.theme.colors;
    float width = std::min(area.GetWidth(), ui.theme.U(30));
    float x = area.Min.x + (area.GetWidth() - width) * 0.5f;
    std::string count = Format(ui.T(view.pack.board.hidden_count), "n", Thousands(respondents));
    float pad = look.U(1.2f);
    float text_w = width - 2 * pad;
    float h1 =
        TextSize(ui.theme.heading, look.Px(ui.theme.heading), ui.T(view.pack.board.hidden_notice), text_w).y;
    float h2 = TextSize(ui.theme.body, look.Px(ui.theme.body), count, text_w).y;
    float box_h = pad * 2 + h1 + look.U(0.8f) + h2;
    float y = area.Min.y + std::max(0.0f, (area.GetHeight() - box_h) * 0.5f);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(x, y), ImVec2(x + width, y + box_h), p.card, look.U(0.6f));
    PutTextCentred(ui, ui.theme.heading, look.Px(ui.theme.heading), p.text, ImVec2(x + pad, y + pad), text_w,
                   ui.T(view.pack.board.hidden_notice));
    PutTextCentred(ui, ui.theme.body, look.Px(ui.theme.body), p.text_muted,
                   ImVec2(x + pad, y + pad + h1 + look.U(0.8f)), text_w, count);
}

bool IsHidden(const BoardView& view, const std::string& step_id) {
    return view.state.hidden.count(step_id) > 0;
}

std::string RoundLabel(const UiFrame& ui, const BoardView& view) {
    const Tallies& tallies = view.tallies;
    const BoardStrings& words = view.pack.board;
    if (tallies.round == 0) return ui.T(words.all_rounds);
    const LocalText& pattern = tallies.round == tallies.current_round ? words.round : words.round_earlier;
    return Format(ui.T(pattern), "n", std::to_string(tallies.round));
}

} // namespace tapsheet
