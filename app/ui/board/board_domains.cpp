// The domains: for each domain, how many focus on it against how many say it
// gets least attention, side by side. Focus is blue, plain and always on the
// left; least is orange, striped and always on the right, under labelled
// column heads: colour is never the only cue.
#include "app/ui/board/board_widgets.h"

#include <algorithm>

namespace tapsheet {

namespace {

struct DomainsContext {
    UiFrame& ui;
    const BoardView& view;
    const Step& step;
    const TallySource& source;
    BoardLook look;
    bool draw = false;
    bool wide = true;  // name | focus | least in one row; otherwise the name above its two bars
    float name_w = 0;  // wide: the name column
    float col_w = 0;   // each bar column (bar and count)
    float count_w = 0; // the count right of each bar
    float row_gap = 0; // between domains: grows where the page has room to spare
};

DomainsContext MakeContext(UiFrame& ui, const BoardView& view, const Step& step, const TallySource& source,
                           float width, float scale) {
    DomainsContext c{ui, view, step, source, BoardLook{ui.theme, scale}};
    c.wide = width >= c.look.U(36);
    float gap = c.look.U(1.0f);
    c.name_w = c.wide ? width * 0.34f : width;
    c.col_w = c.wide ? (width - c.name_w - 2 * gap) * 0.5f : (width - gap) * 0.5f;
    std::string widest = Thousands(std::max(99, RespondentsOf(source)));
    c.count_w = TextSize(ui.theme.body_bold, c.look.Px(ui.theme.body_bold), widest).x;
    return c;
}

float ColumnX(const DomainsContext& c, float x, int column) {
    float gap = c.look.U(1.0f);
    float first = c.wide ? x + c.name_w + gap : x;
    return first + static_cast<float>(column) * (c.col_w + gap);
}

// A column head: a swatch like its bars, and the pack's label.
float Head(DomainsContext& c, ImVec2 pos, const std::string& label, ImU32 color, bool hatched) {
    float swatch = c.look.U(1.0f);
    float text_x = pos.x + swatch + c.look.U(0.4f);
    float text_w = c.col_w - (text_x - pos.x);
    ImFont* font = c.ui.theme.body_bold;
    float h = std::max(swatch, TextSize(font, c.look.Px(font), label, text_w).y);
    if (!c.draw) return h;
    ImRect box(ImVec2(pos.x, pos.y + c.look.U(0.1f)),
               ImVec2(pos.x + swatch, pos.y + c.look.U(0.1f) + swatch));
    DrawBar(ImGui::GetWindowDrawList(), c.look, box, 1.0, color, hatched);
    PutText(c.ui, font, c.look.Px(font), c.ui.theme.colors.text, ImVec2(text_x, pos.y), label, text_w);
    return h;
}

float Heads(DomainsContext& c, ImVec2 pos) {
    const Palette& p = c.ui.theme.colors;
    float h = 0;
    std::string answered = AnsweredLine(c.ui, c.view, RespondentsOf(c.source));
    if (c.wide && c.draw)
        PutText(c.ui, c.ui.theme.body, c.look.Px(c.ui.theme.body), p.text_muted, pos, answered, c.name_w);
    if (c.wide) h = TextSize(c.ui.theme.body, c.look.Px(c.ui.theme.body), answered, c.name_w).y;
    float y = pos.y;
    if (!c.wide) {
        if (c.draw) PutText(c.ui, c.ui.theme.body, c.look.Px(c.ui.theme.body), p.text_muted, pos, answered);
        y += c.look.Px(c.ui.theme.body) + c.look.U(0.4f);
    }
    float focus =
        Head(c, ImVec2(ColumnX(c, pos.x, 0), y), c.ui.T(c.step.domains.focus_label), p.primary, false);
    float least = Head(c, ImVec2(ColumnX(c, pos.x, 1), y), c.ui.T(c.step.domains.least_label), p.least, true);
    return std::max(h, y - pos.y + std::max(focus, least));
}

void Figure(DomainsContext& c, const std::string& domain_id, std::string_view value, ImVec2 pos, float row_h,
            int column) {
    const Palette& p = c.ui.theme.colors;
    bool least = column == 1;
    float bar_h = c.look.U(1.0f);
    float x = ColumnX(c, pos.x, column);
    float count_x = x + c.col_w;
    float bar_right = count_x - c.count_w - c.look.U(0.4f);
    float bar_y = pos.y + (row_h - bar_h) * 0.5f;
    double fraction = BarFraction(c.ui, c.view, c.source, c.step.id, domain_id, std::string(value));
    DrawBar(ImGui::GetWindowDrawList(), c.look, ImRect(ImVec2(x, bar_y), ImVec2(bar_right, bar_y + bar_h)),
            fraction, least ? p.least : p.primary, least);
    float text_h = c.look.Px(c.ui.theme.body_bold);
    PutTextRight(c.ui, c.ui.theme.body_bold, text_h, p.text, ImVec2(count_x, pos.y + (row_h - text_h) * 0.5f),
                 Thousands(CountOf(c.source, domain_id, value)));
}

float Row(DomainsContext& c, const Domain& domain, ImVec2 pos) {
    ImFont* font = c.ui.theme.body;
    const std::string& name = c.ui.T(domain.name);
    float name_h = TextSize(font, c.look.Px(font), name, c.name_w).y;
    float bars_h = std::max(c.look.U(1.0f), c.look.Px(c.ui.theme.body_bold));
    float row_h = c.wide ? std::max(name_h, bars_h) : name_h + c.look.U(0.2f) + bars_h;
    if (!c.draw) return row_h;
    float name_y = c.wide ? pos.y + (row_h - name_h) * 0.5f : pos.y;
    PutText(c.ui, font, c.look.Px(font), c.ui.theme.colors.text, ImVec2(pos.x, name_y), name, c.name_w);
    ImVec2 bars(pos.x, c.wide ? pos.y : pos.y + name_h + c.look.U(0.2f));
    float bars_row = c.wide ? row_h : bars_h;
    Figure(c, domain.id, kFocusValue, bars, bars_row, 0);
    Figure(c, domain.id, kLeastValue, bars, bars_row, 1);
    return row_h;
}

float Layout(DomainsContext& c, ImVec2 pos, float width) {
    float y = pos.y + Heads(c, pos) + c.look.U(0.8f);
    ImFont* title = c.ui.theme.body_bold;
    for (const DomainSet& set : c.step.domains.sets) {
        if (c.draw)
            PutText(c.ui, title, c.look.Px(title), c.ui.theme.colors.primary, ImVec2(pos.x, y),
                    c.ui.T(set.title), width);
        y += TextSize(title, c.look.Px(title), c.ui.T(set.title), width).y + c.look.U(0.4f);
        for (const Domain& domain : set.domains)
            y += Row(c, domain, ImVec2(pos.x, y)) + c.look.U(0.6f) + c.row_gap;
        y += c.look.U(0.4f);
    }
    return y - c.look.U(1.0f) - pos.y;
}

} // namespace

void DrawDomainsFigures(UiFrame& ui, const BoardView& view, const Step& step, const TallySource& source,
                        const ImRect& area) {
    float width = std::min(area.GetWidth(), ui.theme.U(52));
    float x = area.Min.x + (area.GetWidth() - width) * 0.5f;
    float scale = FitScale(area.GetHeight(), [&](float s) {
        DomainsContext measure = MakeContext(ui, view, step, source, width, s);
        return Layout(measure, ImVec2(x, area.Min.y), width);
    });
    DomainsContext c = MakeContext(ui, view, step, source, width, scale);
    float height = Layout(c, ImVec2(x, area.Min.y), width);
    // A short list spreads out a little rather than huddle in the middle.
    std::size_t rows = 0;
    for (const DomainSet& set : step.domains.sets)
        rows += set.domains.size();
    if (rows > 0)
        c.row_gap =
            std::clamp((area.GetHeight() - height) * 0.5f / static_cast<float>(rows), 0.0f, c.look.U(0.8f));
    height = Layout(c, ImVec2(x, area.Min.y), width);
    c.draw = true;
    Layout(c, ImVec2(x, area.Min.y + std::max(0.0f, (area.GetHeight() - height) * 0.5f)), width);
}

void DrawBoardDomains(UiFrame& ui, const BoardView& view, const Step& step, const ImRect& area) {
    TallySource source{view.tallies.Step(step.id)};
    if (IsHidden(view, step.id)) {
        DrawHiddenNotice(ui, view, area, RespondentsOf(source));
        return;
    }
    DrawDomainsFigures(ui, view, step, source, area);
}

} // namespace tapsheet
