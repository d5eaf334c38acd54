// One evidence card from the slides: its summary and its points, wrapped in
// a column short enough to read from the back of the room.
#include "app/ui/board/board_widgets.h"

#include <algorithm>

namespace tapsheet {

namespace {

float Layout(UiFrame& ui, const BoardLook& look, const EvidenceCard& card, ImVec2 pos, float width,
             bool draw) {
    const Theme& t = ui.theme;
    const Palette& p = t.colors;
    float y = pos.y;
    const std::string& summary = ui.T(card.summary);
    if (draw) PutText(ui, t.heading, look.Px(t.heading), p.text, ImVec2(pos.x, y), summary, width);
    y += TextSize(t.heading, look.Px(t.heading), summary, width).y + look.U(1.0f);
    float bullet_w = look.U(1.2f);
    for (const LocalText& point : card.points) {
        const std::string& text = ui.T(point);
        if (draw) {
            ImVec2 centre(pos.x + look.U(0.4f), y + look.Px(t.body) * 0.55f);
            ImGui::GetWindowDrawList()->AddCircleFilled(centre, look.U(0.18f), p.primary);
            PutText(ui, t.body, look.Px(t.body), p.text, ImVec2(pos.x + bullet_w, y), text, width - bullet_w);
        }
        y += TextSize(t.body, look.Px(t.body), text, width - bullet_w).y + look.U(0.7f);
    }
    return y - look.U(0.7f) - pos.y;
}

} // namespace

void DrawBoardEvidence(UiFrame& ui, const BoardView& view, const ImRect& area) {
    std::size_t index = view.state.page.index;
    if (index >= view.pack.evidence.size()) return;
    const EvidenceCard& card = view.pack.evidence[index];
    // About 70 characters a line: long lines are hard to follow standing up.
    // The card's padding stays inside the area.
    float width = std::min(area.GetWidth() - ui.theme.U(2.4f), ui.theme.U(40));
    float x = area.Min.x + (area.GetWidth() - width) * 0.5f;
    float scale = FitScale(area.GetHeight() - ui.theme.U(2.0f), [&](float s) {
        return Layout(ui, BoardLook{ui.theme, s}, card, ImVec2(x, area.Min.y), width, false);
    });
    BoardLook look{ui.theme, scale};
    float height = Layout(ui, look, card, ImVec2(x, area.Min.y), width, false);
    float top = area.Min.y + std::max(0.0f, (area.GetHeight() - height) * 0.5f);
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x - look.U(1.2f), top - look.U(1.0f)),
                                              ImVec2(x + width + look.U(1.2f), top + height + look.U(1.0f)),
                                              ui.theme.colors.card, look.U(0.6f));
    Layout(ui, look, card, ImVec2(x, top), width, true);
}

} // namespace tapsheet
