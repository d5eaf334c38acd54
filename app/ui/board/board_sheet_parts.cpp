#include "app/ui/board/board_sheet.h"

#include <algorithm>

namespace tapsheet {

namespace {

ImFont* LabelFont(const SheetContext& c, const SheetBenefit& benefit) {
    return benefit.top ? c.ui.theme.body_bold : c.ui.theme.body;
}

// The count column: as wide as the largest count can be (the respondents),
// so every bar on the sheet has the same scale.
float CountWidth(const SheetContext& c) {
    std::string widest = Thousands(std::max(99, RespondentsOf(c.source)));
    return TextSize(c.ui.theme.body_bold, c.look.Px(c.ui.theme.body_bold), widest).x;
}

float Pad(const SheetContext& c) {
    return c.Compact() ? c.Space(0.3f, 0.2f) : c.look.U(0.45f);
}

// The label's width: all of the chip's inside, or beside the count when compact.
float LabelWidth(const SheetContext& c, float width) {
    float inner = width - 2 * Pad(c);
    return c.Compact() ? inner - CountWidth(c) - c.Space(0.4f, 0.3f) : inner;
}

float BarHeight(const SheetContext& c) {
    return c.Compact() ? c.Space(0.45f, 0.3f) : c.look.U(0.55f);
}

// Between the label (and count) and the bar of a compact chip.
float BarGap(const SheetContext& c) {
    return c.Space(0.2f, 0.12f);
}

float ChipHeight(const SheetContext& c, const SheetBenefit& benefit, float width) {
    ImFont* font = LabelFont(c, benefit);
    float label_h = TextSize(font, c.look.Px(font), benefit.label, LabelWidth(c, width)).y;
    float count_h = c.look.Px(c.ui.theme.body_bold);
    if (c.Compact()) return 2 * Pad(c) + std::max(label_h, count_h) + BarGap(c) + BarHeight(c);
    return 2 * Pad(c) + label_h + c.look.U(0.25f) + count_h;
}

void DrawChip(SheetContext& c, const SheetBenefit& benefit, const ImRect& bb) {
    const Palette& p = c.ui.theme.colors;
    const BoardLook& look = c.look;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    float rounding = look.U(0.4f);
    draw->AddRectFilled(bb.Min, bb.Max, p.surface, rounding);
    // The most tapped: a thick accent border and a bold label, not colour alone.
    float border = benefit.top ? look.U(0.16f) : std::max(1.0f, look.U(0.05f));
    draw->AddRect(bb.Min, bb.Max, benefit.top ? p.primary : p.border, rounding, 0, border);
    float pad = Pad(c);
    ImFont* font = LabelFont(c, benefit);
    PutText(c.ui, font, look.Px(font), p.text, ImVec2(bb.Min.x + pad, bb.Min.y + pad), benefit.label,
            LabelWidth(c, bb.GetWidth()));
    float right = bb.Max.x - pad;
    float count_h = look.Px(c.ui.theme.body_bold);
    float bar_h = BarHeight(c);
    // Bars sit at the foot of each chip, so a row of chips lines its bars up;
    // compact chips put the count at the top right, beside the label.
    float count_y = c.Compact() ? bb.Min.y + pad : bb.Max.y - pad - count_h;
    PutTextRight(c.ui, c.ui.theme.body_bold, count_h, p.text, ImVec2(right, count_y),
                 Thousands(benefit.count));
    float bar_right = c.Compact() ? right : right - CountWidth(c) - look.U(0.4f);
    float bar_y = c.Compact() ? bb.Max.y - pad - bar_h : count_y + (count_h - bar_h) * 0.5f;
    ImRect bar(ImVec2(bb.Min.x + pad, bar_y), ImVec2(bar_right, bar_y + bar_h));
    DrawBar(draw, look, bar, benefit.fraction, p.primary);
}

int NamesThatFit(const SheetContext& c, const std::vector<const FreeText*>& names, float width, float room) {
    float line_gap = c.look.U(0.2f);
    int fitted = 0;
    for (const FreeText* name : names) {
        float h = TextSize(c.ui.theme.body, c.look.Px(c.ui.theme.body), name->text, width).y + line_gap;
        if (h > room + 0.5f) break; // the box was sized to these very lines: allow for rounding
        room -= h;
        ++fitted;
    }
    return fitted;
}

std::vector<const FreeText*> ProjectNames(const SheetContext& c) {
    std::vector<const FreeText*> names;
    if (c.source.cross) return names;
    names = PublicTexts(c.view.tallies.free_text, c.step.id, kProjectItem);
    // The most written first: they are what most of the room shares.
    std::stable_sort(names.begin(), names.end(),
                     [](const FreeText* a, const FreeText* b) { return a->count > b->count; });
    return names;
}

std::string NameLine(const FreeText& name) {
    return name.count > 1 ? name.text + " \xC3\x97" + Thousands(name.count) : name.text;
}

// The box's first line: the project prompt, or in a cross-tab whose figures these are.
std::string HeadLine(const SheetContext& c) {
    if (!c.source.note.empty()) return c.source.note;
    return c.ui.T(c.step.sheet.project_prompt);
}

// The prompt (or note) and the respondents line; a cross-tab's note already says how many.
float HeadHeight(const SheetContext& c, float inner_w) {
    const Theme& t = c.ui.theme;
    float h = 0;
    std::string head = HeadLine(c);
    if (!head.empty()) h += TextSize(t.body_bold, c.look.Px(t.body_bold), head, inner_w).y + c.look.U(0.3f);
    if (c.source.note.empty()) h += c.look.Px(t.body) + c.look.U(0.5f);
    return h;
}

} // namespace

float DrawSheetGroup(SheetContext& c, const std::string& title, const std::vector<SheetBenefit>& benefits,
                     ImVec2 pos, float width, int columns) {
    const BoardLook& look = c.look;
    ImFont* title_font = c.ui.theme.body_bold;
    float y = pos.y;
    if (c.draw) PutText(c.ui, title_font, look.Px(title_font), c.ui.theme.colors.primary, pos, title, width);
    y += TextSize(title_font, look.Px(title_font), title, width).y + c.Space(0.3f, 0.15f);
    float gap = c.Space(0.5f, 0.3f);
    std::size_t per_row = static_cast<std::size_t>(std::max(1, columns));
    float chip_w = (width - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
    for (std::size_t row = 0; row < benefits.size(); row += per_row) {
        std::size_t end = std::min(benefits.size(), row + per_row);
        float row_h = 0;
        for (std::size_t i = row; i < end; ++i)
            row_h = std::max(row_h, ChipHeight(c, benefits[i], chip_w));
        for (std::size_t i = row; c.draw && i < end; ++i) {
            float x = pos.x + static_cast<float>(i - row) * (chip_w + gap);
            DrawChip(c, benefits[i], ImRect(ImVec2(x, y), ImVec2(x + chip_w, y + row_h)));
        }
        y += row_h + gap;
    }
    return y - gap - pos.y;
}

float CentreBoxHeight(SheetContext& c, float width) {
    float pad = c.Space(0.8f, 0.5f);
    float inner_w = width - 2 * pad;
    std::vector<const FreeText*> names = ProjectNames(c);
    // Room for a few names; more share the space the groups beside it take.
    float names_h = 0;
    for (std::size_t i = 0; i < std::min<std::size_t>(3, names.size()); ++i)
        names_h += TextSize(c.ui.theme.body, c.look.Px(c.ui.theme.body), NameLine(*names[i]), inner_w).y +
                   c.look.U(0.2f);
    if (names.size() > 3) names_h += c.look.Px(c.ui.theme.body);
    return pad * 2 + HeadHeight(c, inner_w) + names_h;
}

void DrawCentreBox(SheetContext& c, const ImRect& box) {
    if (!c.draw) return;
    const Theme& t = c.ui.theme;
    const Palette& p = t.colors;
    const BoardLook& look = c.look;
    ImGui::GetWindowDrawList()->AddRectFilled(box.Min, box.Max, p.card, look.U(0.6f));
    float pad = c.Space(0.8f, 0.5f);
    float inner_w = box.GetWidth() - 2 * pad;
    std::vector<const FreeText*> names = ProjectNames(c);
    float room = box.GetHeight() - 2 * pad - HeadHeight(c, inner_w);
    int fitted = NamesThatFit(c, names, inner_w, room);
    // Keep a line for "+ n more" when not all fit.
    if (fitted < static_cast<int>(names.size()))
        fitted = NamesThatFit(c, names, inner_w, room - look.Px(t.body) - look.U(0.2f));
    int more = static_cast<int>(names.size()) - fitted;
    float used = HeadHeight(c, inner_w) + (more > 0 ? look.Px(t.body) : 0);
    for (int i = 0; i < fitted; ++i)
        used += TextSize(t.body, look.Px(t.body), NameLine(*names[static_cast<std::size_t>(i)]), inner_w).y +
                look.U(0.2f);
    // What there is sits in the middle of the box, as on the paper sheet.
    ImVec2 pos(box.Min.x + pad, box.Min.y + std::max(pad, (box.GetHeight() - used) * 0.5f));
    std::string head = HeadLine(c);
    if (!head.empty()) {
        ImU32 ink = c.source.note.empty() ? p.text : p.primary;
        ImRect prompt = PutText(c.ui, t.body_bold, look.Px(t.body_bold), ink, pos, head, inner_w);
        pos.y = prompt.Max.y + look.U(0.3f);
    }
    if (c.source.note.empty()) {
        PutText(c.ui, t.body, look.Px(t.body), p.text_muted, pos,
                AnsweredLine(c.ui, c.view, RespondentsOf(c.source)), inner_w);
        pos.y += look.Px(t.body) + look.U(0.5f);
    }
    for (int i = 0; i < fitted; ++i) {
        ImRect line = PutText(c.ui, t.body, look.Px(t.body), p.text, pos,
                              NameLine(*names[static_cast<std::size_t>(i)]), inner_w);
        pos.y = line.Max.y + look.U(0.2f);
    }
    if (more > 0)
        PutText(c.ui, t.body, look.Px(t.body), p.text_muted, pos,
                Format(c.ui.T(c.view.pack.board.more_projects), "n", Thousands(more)));
}

float DrawCentreBand(SheetContext& c, ImVec2 pos, float width, int columns) {
    const Theme& t = c.ui.theme;
    const Palette& p = t.colors;
    const BoardLook& look = c.look;
    float pad_x = c.Space(0.8f, 0.5f);
    float pad_y = c.Space(0.6f, 0.4f);
    float inner_w = width - 2 * pad_x;
    float head_px = look.Px(t.body_bold);
    float body_px = look.Px(t.body);
    // The prompt, with the respondents on the same line when both fit.
    std::string head = HeadLine(c);
    std::string answered = c.source.note.empty() ? AnsweredLine(c.ui, c.view, RespondentsOf(c.source)) : "";
    float answered_w = TextSize(t.body, body_px, answered).x;
    bool one_line = TextSize(t.body_bold, head_px, head).x + look.U(1.0f) + answered_w <= inner_w;
    float head_h = head.empty() ? 0 : TextSize(t.body_bold, head_px, head, inner_w).y;
    float lines_h = one_line ? std::max(head_h, answered.empty() ? 0 : body_px)
                             : head_h + (answered.empty() ? 0 : look.U(0.2f) + body_px);
    // Then the approved names side by side, the last cell saying how many more.
    std::vector<const FreeText*> names = ProjectNames(c);
    std::size_t cells = static_cast<std::size_t>(std::max(1, columns));
    std::size_t shown = names.size() <= cells ? names.size() : cells - 1;
    std::size_t more = names.size() - shown;
    float gap = look.U(0.6f);
    float cell_w = (inner_w - gap * static_cast<float>(cells - 1)) / static_cast<float>(cells);
    float names_h = 0;
    for (std::size_t i = 0; i < shown; ++i)
        names_h = std::max(names_h, TextSize(t.body, body_px, NameLine(*names[i]), cell_w).y);
    if (more > 0) names_h = std::max(names_h, body_px);
    float height = 2 * pad_y + lines_h + (names_h > 0 ? look.U(0.3f) + names_h : 0);
    if (!c.draw) return height;
    ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), p.card,
                                              look.U(0.6f));
    ImVec2 at(pos.x + pad_x, pos.y + pad_y);
    ImU32 ink = c.source.note.empty() ? p.text : p.primary;
    if (!head.empty()) PutText(c.ui, t.body_bold, head_px, ink, at, head, inner_w);
    if (!answered.empty()) {
        ImVec2 answered_at = one_line ? ImVec2(pos.x + width - pad_x - answered_w, at.y)
                                      : ImVec2(at.x, at.y + head_h + look.U(0.2f));
        PutText(c.ui, t.body, body_px, p.text_muted, answered_at, answered);
    }
    float names_y = at.y + lines_h + look.U(0.3f);
    for (std::size_t i = 0; i < shown; ++i)
        PutText(c.ui, t.body, body_px, p.text, ImVec2(at.x + static_cast<float>(i) * (cell_w + gap), names_y),
                NameLine(*names[i]), cell_w);
    if (more > 0)
        PutText(c.ui, t.body, body_px, p.text_muted,
                ImVec2(at.x + static_cast<float>(shown) * (cell_w + gap), names_y),
                Format(c.ui.T(c.view.pack.board.more_projects), "n", Thousands(static_cast<long long>(more))),
                cell_w);
    return height;
}

} // namespace tapsheet
