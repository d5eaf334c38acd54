// The whole board for one frame: the page the room sees under its title,
// a gentle transition between pages, the facilitator's strip (or the small
// corner button that brings it back), and the keys.
#include "app/ui/board/board_controls.h"

#include <algorithm>

namespace tapsheet {

namespace {

const ImGuiWindowFlags kRootFlags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
    ImGuiWindowFlags_NoScrollbar | kTouchWindow;

void BeginRoot(ImU32 background) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, background);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##board", nullptr, kRootFlags);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

// Status the facilitator (and the room) should not miss, top right; drawn
// outside the page transition so it never fades.
std::vector<std::pair<std::string, ImU32>> Tags(const UiFrame& ui, const BoardView& view) {
    const Palette& p = ui.theme.colors;
    std::vector<std::pair<std::string, ImU32>> tags;
    const BoardPage& page = view.state.page;
    bool results = page.kind == BoardPageKind::Poll || page.kind == BoardPageKind::Sheet ||
                   page.kind == BoardPageKind::Domains || page.kind == BoardPageKind::CrossTab ||
                   page.kind == BoardPageKind::Totals;
    const Tallies& t = view.tallies;
    bool rounds = t.current_round > 1 || t.round != t.current_round || view.state.round_shown != 0;
    if (results && rounds && view.have_data && page.kind != BoardPageKind::Totals)
        tags.push_back({RoundLabel(ui, view), p.card});
    if (view.state.controls && !HideableStep(view).empty() && IsHidden(view, HideableStep(view)))
        tags.push_back({ui.T(view.pack.board.hidden_tag), p.card});
    if (view.state.frozen) tags.push_back({ui.T(view.pack.board.frozen), p.warning});
    return tags;
}

float TagsWidth(const BoardLook& look, const std::vector<std::pair<std::string, ImU32>>& tags) {
    float w = 0;
    for (const auto& tag : tags)
        w += TagSize(look, tag.first).x + look.U(0.4f);
    return w;
}

void DrawTags(UiFrame& ui, const std::vector<std::pair<std::string, ImU32>>& tags, ImVec2 right_top) {
    BoardLook look{ui.theme};
    float x = right_top.x - TagsWidth(look, tags) + look.U(0.4f);
    for (const auto& tag : tags) {
        PutTag(ui, look, ImVec2(x, right_top.y), tag.first, tag.second, ui.theme.colors.text);
        x += TagSize(look, tag.first).x + look.U(0.4f);
    }
}

// What the title leaves on its right (tags, the corner button), and its least height.
struct TitleRoom {
    float right = 0;
    float min_h = 0;
};

float TitleHeight(const UiFrame& ui, const std::string& title, float width) {
    return TextSize(ui.theme.heading, ui.theme.heading->FontSize, title, width).y;
}

void DrawPageBody(UiFrame& ui, const BoardView& view, const BoardPage& page, const ImRect& area,
                  BoardIntents& out) {
    const Step* step = view.pack.FindStep(page.step_id);
    switch (page.kind) {
    case BoardPageKind::Poll:
        if (step) DrawBoardPoll(ui, view, *step, area);
        break;
    case BoardPageKind::Sheet:
        if (step) DrawBoardSheet(ui, view, *step, area);
        break;
    case BoardPageKind::Domains:
        if (step) DrawBoardDomains(ui, view, *step, area);
        break;
    case BoardPageKind::CrossTab:
        DrawBoardCrossTab(ui, view, area, out);
        break;
    case BoardPageKind::Totals:
        DrawBoardTotals(ui, view, area);
        break;
    case BoardPageKind::Timer:
        DrawBoardTimer(ui, view, area);
        break;
    case BoardPageKind::Evidence:
        DrawBoardEvidence(ui, view, area);
        break;
    case BoardPageKind::Moderation:
        DrawBoardModeration(ui, view, area, out);
        break;
    }
}

// Title and body of one page inside `area`; the title leaves room for the tags.
void DrawPage(UiFrame& ui, const BoardView& view, const BoardPage& page, const ImRect& area,
              const TitleRoom& room, BoardIntents& out) {
    std::string title = PageTitle(ui, view, page);
    float title_w = area.GetWidth() - room.right;
    float title_h =
        std::max({TitleHeight(ui, title, title_w), TagSize(BoardLook{ui.theme}, "Ag").y, room.min_h});
    PutText(ui, ui.theme.heading, ui.theme.heading->FontSize, ui.theme.colors.text, area.Min, title, title_w);
    float rule_y = area.Min.y + title_h + ui.theme.U(0.4f);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(area.Min.x, rule_y), ImVec2(area.Max.x, rule_y),
                                        ui.theme.colors.track, std::max(1.0f, ui.theme.U(0.05f)));
    ImRect body(ImVec2(area.Min.x, rule_y + ui.theme.U(0.8f)), area.Max);
    DrawPageBody(ui, view, page, body, out);
}

// Multiplies the alpha of, and shifts, what was drawn since vertex `from`.
void Fade(ImDrawList* draw, int from, float alpha, float dx) {
    for (int i = from; i < draw->VtxBuffer.Size; ++i) {
        ImDrawVert& v = draw->VtxBuffer[i];
        v.pos.x += dx;
        ImU32 a = (v.col >> IM_COL32_A_SHIFT) & 0xFF;
        a = static_cast<ImU32>(static_cast<float>(a) * alpha + 0.5f);
        v.col = (v.col & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
    }
}

// The old page fades out, then the new one fades in while sliding a little
// into place. The moderation list scrolls in its own window, which a fade
// cannot reach: it appears at once.
void DrawPages(UiFrame& ui, const BoardView& view, const ImRect& area, const TitleRoom& room,
               BoardIntents& out) {
    const BoardState& state = view.state;
    double progress = TransitionProgress(state, ui.now);
    bool moderation =
        state.page.kind == BoardPageKind::Moderation || state.previous.kind == BoardPageKind::Moderation;
    if (progress >= 1.0 || moderation) {
        DrawPage(ui, view, state.page, area, room, out);
        return;
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(area.Min, area.Max, true);
    int from = draw->VtxBuffer.Size;
    bool leaving = progress < 0.5;
    BoardIntents ignored; // nothing on a page in transition takes input
    ImGui::PushID(leaving ? "leaving" : "arriving");
    DrawPage(ui, view, leaving ? state.previous : state.page, area, room, ignored);
    ImGui::PopID();
    float t = static_cast<float>(leaving ? 1.0 - progress * 2 : progress * 2 - 1);
    float eased = t * t * (3 - 2 * t);
    Fade(draw, from, eased, leaving ? 0.0f : (1 - eased) * ui.theme.U(2.0f));
    draw->PopClipRect();
}

void DrawWaiting(UiFrame& ui, const BoardView& view, const ImRect& area) {
    const Theme& t = ui.theme;
    const std::string& title_text = ui.T(view.pack.board.waiting_db);
    const std::string& body_text = ui.T(view.pack.board.waiting_db_body);
    float width = std::min(area.GetWidth(), t.U(36));
    float x = area.Min.x + (area.GetWidth() - width) * 0.5f;
    float h = TextSize(t.title, t.title->FontSize, title_text, width).y + t.U(1.0f) +
              TextSize(t.body, t.unit, body_text, width).y;
    ImVec2 pos(x, area.Min.y + std::max(0.0f, (area.GetHeight() - h) * 0.5f));
    ImRect title = PutTextCentred(ui, t.title, t.title->FontSize, t.colors.text, pos, width, title_text);
    ImRect body = PutTextCentred(ui, t.body, t.unit, t.colors.text_muted, ImVec2(x, title.Max.y + t.U(1.0f)),
                                 width, body_text);
    if (!view.store_problem.empty())
        PutTextCentred(ui, t.body, t.unit, t.colors.text_muted, ImVec2(x, body.Max.y + t.U(1.0f)), width,
                       view.store_problem);
}

// The figures are the last good ones: say so, for staff, along the bottom.
float DrawProblem(UiFrame& ui, const BoardView& view, const ImRect& area) {
    const Theme& t = ui.theme;
    std::string text = Format(ui.T(view.pack.board.not_updating), "problem", view.store_problem);
    float pad = t.U(0.4f);
    float h = TextSize(t.body, t.unit, text, area.GetWidth() - 2 * pad).y + 2 * pad;
    ImVec2 min(area.Min.x, area.Max.y - h);
    ImGui::GetWindowDrawList()->AddRectFilled(min, area.Max, t.colors.danger_bg, t.U(0.3f));
    PutText(ui, t.body, t.unit, t.colors.danger_text, ImVec2(min.x + pad, min.y + pad), text,
            area.GetWidth() - 2 * pad);
    return h + t.U(0.5f);
}

// Drop-in: a thin line across the top fills until the next page.
void DrawRotation(const UiFrame& ui, const BoardView& view, const ImRect& screen) {
    const BoardState& state = view.state;
    if (!state.drop_in || state.rotate_seconds <= 0) return;
    double progress = std::clamp((ui.now - state.page_since) / state.rotate_seconds, 0.0, 1.0);
    float h = ui.theme.U(0.15f);
    float w = screen.GetWidth() * static_cast<float>(progress);
    ImGui::GetWindowDrawList()->AddRectFilled(screen.Min, ImVec2(screen.Min.x + w, screen.Min.y + h),
                                              ui.theme.colors.track);
}

float CornerButtonSize(const Theme& theme) {
    return std::max(theme.target_min, theme.U(1.6f));
}

// With the strip hidden: a small, quiet button in the top right corner
// brings it back; the title bar leaves it room.
void DrawCornerButton(UiFrame& ui, const ImRect& screen, BoardIntents& out) {
    float size = CornerButtonSize(ui.theme);
    ImRect bb(ImVec2(screen.Max.x - size, screen.Min.y), ImVec2(screen.Max.x, screen.Min.y + size));
    ImGui::SetCursorScreenPos(bb.Min);
    bool held = false;
    if (TapBehavior(bb, ImGui::GetID("show-controls"), true, &held))
        out.push_back(BoardIntent::Of(BoardIntent::Kind::ToggleControls));
    Record(ui, "show-controls", "Show controls", bb, true, false);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 c = bb.GetCenter();
    float half = size * 0.22f;
    for (int i = -1; i <= 1; ++i) {
        float y = c.y + static_cast<float>(i) * half * 0.7f;
        draw->AddLine(ImVec2(c.x - half, y), ImVec2(c.x + half, y), ui.theme.colors.track,
                      std::max(1.0f, ui.theme.U(0.08f)));
    }
}

} // namespace

BoardIntents DrawBoard(UiFrame& ui, const BoardView& view) {
    BoardIntents out;
    const Theme& t = ui.theme;
    BeginRoot(t.colors.background);
    BoardKeys(view, out);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImRect screen(viewport->Pos,
                  ImVec2(viewport->Pos.x + viewport->Size.x, viewport->Pos.y + viewport->Size.y));
    float margin = t.Margin();
    float strip_h = view.state.controls ? BoardControlsHeight(ui, view, screen.GetWidth()) : 0;
    ImRect strip(ImVec2(screen.Min.x, screen.Max.y - strip_h), screen.Max);
    ImRect page(ImVec2(screen.Min.x + margin, screen.Min.y + t.U(0.6f)),
                ImVec2(screen.Max.x - margin, strip.Min.y - (strip_h > 0 ? t.U(0.6f) : margin)));
    DrawRotation(ui, view, screen);
    std::vector<std::pair<std::string, ImU32>> tags = Tags(ui, view);
    // Without the strip, the corner button takes the title bar's right end.
    float corner = view.state.controls ? 0 : CornerButtonSize(t) - margin + t.U(0.4f);
    DrawTags(ui, tags, ImVec2(page.Max.x - corner, page.Min.y));
    TitleRoom room{TagsWidth(BoardLook{t}, tags) + corner, 0};
    if (corner > 0) room.min_h = CornerButtonSize(t) - page.Min.y - t.U(1.1f);
    if (!view.have_data) {
        DrawWaiting(ui, view, page);
    } else {
        if (!view.store_problem.empty()) page.Max.y -= DrawProblem(ui, view, page);
        DrawPages(ui, view, page, room, out);
    }
    if (view.state.controls)
        DrawBoardControls(ui, view, strip, out);
    else
        DrawCornerButton(ui, screen, out);
    ImGui::End();
    return out;
}

} // namespace tapsheet
