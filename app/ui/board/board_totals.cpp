// The room in four numbers: visits today, completed visits, answers in the
// last ten minutes, and visits filtered out as suspected repeats.
#include "app/ui/board/board_widgets.h"

#include <algorithm>
#include <array>

namespace tapsheet {

namespace {

struct Total {
    long long value;
    std::string label;
};

float CellHeight(const UiFrame& ui, const BoardLook& look, const Total& total, float width) {
    float label_h = TextSize(ui.theme.body, look.Px(ui.theme.body), total.label, width).y;
    return look.Px(ui.theme.figures) + look.U(0.2f) + label_h;
}

void DrawCell(UiFrame& ui, const BoardLook& look, const Total& total, ImVec2 pos, float width) {
    const Palette& p = ui.theme.colors;
    float figure_h = look.Px(ui.theme.figures);
    PutTextCentred(ui, ui.theme.figures, figure_h, p.primary, pos, width, Thousands(total.value));
    PutTextCentred(ui, ui.theme.body, look.Px(ui.theme.body), p.text,
                   ImVec2(pos.x, pos.y + figure_h + look.U(0.2f)), width, total.label);
}

// Rows of `columns` cells; returns the height.
float Grid(UiFrame& ui, const BoardLook& look, const std::array<Total, 4>& totals, ImVec2 pos, float width,
           int columns, bool draw) {
    float gap = look.U(1.5f);
    float cell_w = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    float y = pos.y;
    for (std::size_t row = 0; row < totals.size(); row += static_cast<std::size_t>(columns)) {
        float row_h = 0;
        std::size_t end = std::min(totals.size(), row + static_cast<std::size_t>(columns));
        for (std::size_t i = row; i < end; ++i)
            row_h = std::max(row_h, CellHeight(ui, look, totals[i], cell_w));
        for (std::size_t i = row; draw && i < end; ++i)
            DrawCell(ui, look, totals[i], ImVec2(pos.x + static_cast<float>(i - row) * (cell_w + gap), y),
                     cell_w);
        y += row_h + gap;
    }
    return y - gap - pos.y;
}

float Layout(UiFrame& ui, const BoardLook& look, const BoardView& view, const std::array<Total, 4>& totals,
             ImVec2 pos, float width, bool draw) {
    // Four across on a wide screen, two by two otherwise.
    int columns = width >= look.U(56) ? 4 : (width >= look.U(20) ? 2 : 1);
    float round_h = look.Px(ui.theme.heading);
    if (draw)
        PutTextCentred(ui, ui.theme.heading, round_h, ui.theme.colors.text_muted, pos, width,
                       RoundLabel(ui, view));
    float y = pos.y + round_h + look.U(1.5f);
    return y - pos.y + Grid(ui, look, totals, ImVec2(pos.x, y), width, columns, draw);
}

} // namespace

void DrawBoardTotals(UiFrame& ui, const BoardView& view, const ImRect& area) {
    const Tallies& t = view.tallies;
    const BoardStrings& words = view.pack.board;
    std::array<Total, 4> totals = {{
        {t.visits_today, ui.T(words.visits_today)},
        {t.completed, ui.T(words.completed)},
        {t.answers_last_10_min, ui.T(words.answers_last_10_min)},
        {t.filtered, ui.T(words.filtered)},
    }};
    float width = std::min(area.GetWidth(), ui.theme.U(60));
    float x = area.Min.x + (area.GetWidth() - width) * 0.5f;
    float scale = FitScale(area.GetHeight(), [&](float s) {
        return Layout(ui, BoardLook{ui.theme, s}, view, totals, ImVec2(x, area.Min.y), width, false);
    });
    BoardLook look{ui.theme, scale};
    float height = Layout(ui, look, view, totals, ImVec2(x, area.Min.y), width, false);
    float top = area.Min.y + std::max(0.0f, (area.GetHeight() - height) * 0.5f);
    Layout(ui, look, view, totals, ImVec2(x, top), width, true);
}

} // namespace tapsheet
