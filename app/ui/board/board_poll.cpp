// One poll: a horizontal bar per answer, in the pack's order, with its count
// and its share of the people who answered.
#include "app/ui/board/board_widgets.h"

#include <algorithm>

namespace tapsheet {

namespace {

struct PollLayout {
    BoardLook look;
    bool wide = true;   // label beside its bar; otherwise above it
    float label_w = 0;  // wide: the label column
    float number_w = 0; // the count column right of each bar
    float bar_h = 0;
    std::string answered = {}; // "12 people answered"
    std::string note = {};     // multi-choice: percentages add up to more than 100%
};

std::string Figure(int count, int respondents) {
    return Thousands(count) + " (" + PercentOf(count, respondents) + ")";
}

PollLayout MakeLayout(const UiFrame& ui, const BoardView& view, const Step& step, const TallySource& source,
                      float width, float scale) {
    PollLayout layout{BoardLook{ui.theme, scale}};
    layout.answered = AnsweredLine(ui, view, RespondentsOf(source));
    if (step.poll.multi) layout.note = ui.T(view.pack.board.multi_note);
    const BoardLook& look = layout.look;
    ImFont* bold = ui.theme.body_bold;
    // Room for the widest figure there is, and never less than "0,000 (100%)".
    float number_w = TextSize(bold, look.Px(bold), "0,000 (100%)").x;
    for (const Option& option : step.poll.options)
        number_w = std::max(
            number_w,
            TextSize(bold, look.Px(bold), Figure(CountOf(source, option.id), RespondentsOf(source))).x);
    layout.number_w = number_w;
    layout.wide = width >= look.U(30);
    // The label column as wide as the longest label, up to a third of the row.
    float longest = 0;
    for (const Option& option : step.poll.options)
        longest = std::max(longest, TextSize(ui.theme.body, look.Px(ui.theme.body), ui.T(option.label)).x);
    layout.label_w = layout.wide ? std::min(width * 0.36f, longest + look.U(0.2f)) : width;
    layout.bar_h = look.U(1.5f);
    return layout;
}

float LabelHeight(const UiFrame& ui, const PollLayout& layout, const std::string& label) {
    return TextSize(ui.theme.body, layout.look.Px(ui.theme.body), label, layout.label_w).y;
}

float RowHeight(const UiFrame& ui, const PollLayout& layout, const std::string& label) {
    float label_h = LabelHeight(ui, layout, label);
    if (layout.wide) return std::max(label_h, layout.bar_h);
    return label_h + layout.look.U(0.2f) + layout.bar_h;
}

float HeaderHeight(const UiFrame& ui, const PollLayout& layout, float width) {
    const BoardLook& look = layout.look;
    float h = look.Px(ui.theme.body);
    if (!layout.note.empty())
        h += look.U(0.2f) + TextSize(ui.theme.body, look.Px(ui.theme.body), layout.note, width).y;
    return h;
}

float ContentHeight(const UiFrame& ui, const PollLayout& layout, const Step& step, float width,
                    float row_gap) {
    float h = HeaderHeight(ui, layout, width) + layout.look.U(1.0f);
    for (const Option& option : step.poll.options)
        h += RowHeight(ui, layout, ui.T(option.label)) + row_gap;
    return h - row_gap;
}

void DrawHeader(UiFrame& ui, const PollLayout& layout, ImVec2 pos, float width) {
    const BoardLook& look = layout.look;
    const Palette& p = ui.theme.colors;
    PutText(ui, ui.theme.body_bold, look.Px(ui.theme.body_bold), p.text, pos, layout.answered);
    if (layout.note.empty()) return;
    ImVec2 note(pos.x, pos.y + look.Px(ui.theme.body) + look.U(0.2f));
    PutText(ui, ui.theme.body, look.Px(ui.theme.body), p.text_muted, note, layout.note, width);
}

void DrawRow(UiFrame& ui, const BoardView& view, const PollLayout& layout, const TallySource& source,
             const Step& step, const Option& option, ImVec2 pos, float width) {
    const BoardLook& look = layout.look;
    const Palette& p = ui.theme.colors;
    const std::string& label = ui.T(option.label);
    float row_h = RowHeight(ui, layout, label);
    float label_h = LabelHeight(ui, layout, label);
    float label_y = layout.wide ? pos.y + (row_h - label_h) * 0.5f : pos.y;
    PutText(ui, ui.theme.body, look.Px(ui.theme.body), p.text, ImVec2(pos.x, label_y), label, layout.label_w);
    float gap = look.U(0.6f);
    float bar_x = layout.wide ? pos.x + layout.label_w + gap : pos.x;
    float bar_y = layout.wide ? pos.y + (row_h - layout.bar_h) * 0.5f : pos.y + label_h + look.U(0.2f);
    float bar_w = pos.x + width - layout.number_w - gap - bar_x;
    ImRect bar(ImVec2(bar_x, bar_y), ImVec2(bar_x + bar_w, bar_y + layout.bar_h));
    double fraction = BarFraction(ui, view, source, step.id, option.id);
    DrawBar(ImGui::GetWindowDrawList(), look, bar, fraction, p.primary);
    int count = CountOf(source, option.id);
    float text_y = bar_y + (layout.bar_h - look.Px(ui.theme.body_bold)) * 0.5f;
    PutTextRight(ui, ui.theme.body_bold, look.Px(ui.theme.body_bold), p.text, ImVec2(pos.x + width, text_y),
                 Figure(count, RespondentsOf(source)));
}

} // namespace

void DrawBoardPoll(UiFrame& ui, const BoardView& view, const Step& step, const ImRect& area) {
    TallySource source{view.tallies.Step(step.id)};
    if (IsHidden(view, step.id)) {
        DrawHiddenNotice(ui, view, area, RespondentsOf(source));
        return;
    }
    // A readable line length on a wide screen: bars need not cross the room.
    float width = std::min(area.GetWidth(), ui.theme.U(48));
    float x = area.Min.x + (area.GetWidth() - width) * 0.5f;
    float scale = FitScale(area.GetHeight(), [&](float s) {
        PollLayout layout = MakeLayout(ui, view, step, source, width, s);
        return ContentHeight(ui, layout, step, width, layout.look.U(0.6f));
    });
    PollLayout layout = MakeLayout(ui, view, step, source, width, scale);
    const BoardLook& look = layout.look;
    // Rows spread over the room there is, up to a generous gap.
    float tight = ContentHeight(ui, layout, step, width, 0);
    float gaps = static_cast<float>(std::max<std::size_t>(1, step.poll.options.size() - 1));
    float row_gap = std::clamp((area.GetHeight() - tight) / (gaps + 2), look.U(0.6f), look.U(2.0f));
    float total = ContentHeight(ui, layout, step, width, row_gap);
    ImVec2 pos(x, area.Min.y + std::max(0.0f, (area.GetHeight() - total) * 0.5f));
    DrawHeader(ui, layout, pos, width);
    pos.y += HeaderHeight(ui, layout, width) + look.U(1.0f);
    for (const Option& option : step.poll.options) {
        DrawRow(ui, view, layout, source, step, option, pos, width);
        pos.y += RowHeight(ui, layout, ui.T(option.label)) + row_gap;
    }
}

} // namespace tapsheet
