// The sheet or the domains of only those visits that gave one poll answer
// ("only those working at system level"), chosen by the facilitator.
#include "app/ui/board/board_widgets.h"

#include <algorithm>

namespace tapsheet {

namespace {

bool Comparable(const Step& step) {
    return step.kind == StepKind::Sheet || step.kind == StepKind::Domains;
}

// The page's sheet or domains step; the pack's first one when the page names none.
const Step* Target(const BoardView& view) {
    const Step* step = view.pack.FindStep(view.state.page.step_id);
    if (step && Comparable(*step)) return step;
    for (const Step& candidate : view.pack.steps)
        if (Comparable(candidate)) return &candidate;
    return nullptr;
}

const Option* ChosenAnswer(const BoardView& view) {
    const Step* poll = view.pack.FindStep(view.state.cross.poll_step_id);
    if (!poll || poll->kind != StepKind::Poll) return nullptr;
    for (const Option& option : poll->poll.options)
        if (option.id == view.state.cross.item_id) return &option;
    return nullptr;
}

BoardIntent CrossBy(const CrossFilter& cross, const std::string& target) {
    BoardIntent intent = BoardIntent::Of(BoardIntent::Kind::CrossBy);
    intent.cross = cross;
    intent.page.kind = BoardPageKind::CrossTab;
    intent.page.step_id = target;
    return intent;
}

void AnswerMenu(UiFrame& ui, const BoardView& view, const Step& target, BoardIntents& out) {
    float width = ui.theme.U(22);
    for (const Step& step : view.pack.steps) {
        if (step.kind != StepKind::Poll) continue;
        ImGui::PushID(step.id.c_str());
        MenuLabel(ui, ui.T(step.prompt.Empty() ? step.title : step.prompt), width);
        for (const Option& option : step.poll.options) {
            CrossFilter cross{step.id, option.id};
            if (MenuButton(ui, option.id.c_str(), ui.T(option.label), width, cross == view.state.cross)) {
                out.push_back(CrossBy(cross, target.id));
                ImGui::CloseCurrentPopup();
            }
        }
        ImGui::PopID();
    }
}

void TargetMenu(UiFrame& ui, const BoardView& view, const Step& target, BoardIntents& out) {
    float width = ui.theme.U(18);
    for (const Step& step : view.pack.steps) {
        if (!Comparable(step)) continue;
        if (MenuButton(ui, step.id.c_str(), ui.T(step.title), width, step.id == target.id)) {
            out.push_back(CrossBy(view.state.cross, step.id));
            ImGui::CloseCurrentPopup();
        }
    }
}

// The facilitator's choice, on the page while the controls show; returns its height.
float Choosers(UiFrame& ui, const BoardView& view, const Step& target, const ImRect& area,
               BoardIntents& out) {
    const Option* answer = ChosenAnswer(view);
    std::string answer_label = "Answer: " + (answer ? ui.T(answer->label) : std::string("choose…"));
    std::string target_label = "Show: " + ui.T(target.title);
    float h = ControlHeight(ui.theme);
    float gap = ui.theme.Gap();
    float answer_w = std::min(area.GetWidth(), BoardButtonWidth(ui, answer_label));
    float target_w = std::min(area.GetWidth(), BoardButtonWidth(ui, target_label));
    bool one_row = answer_w + gap + target_w <= area.GetWidth();
    ImRect a(area.Min, ImVec2(area.Min.x + answer_w, area.Min.y + h));
    ImVec2 b_min = one_row ? ImVec2(a.Max.x + gap, area.Min.y) : ImVec2(area.Min.x, a.Max.y + gap);
    ImRect b(b_min, ImVec2(b_min.x + target_w, b_min.y + h));
    if (BoardButton(ui, "cross-answer", answer_label, a)) ImGui::OpenPopup("cross-answer-menu");
    if (BoardButton(ui, "cross-target", target_label, b)) ImGui::OpenPopup("cross-target-menu");
    if (BeginMenu(ui.theme, "cross-answer-menu", a.Min, ImVec2(a.Min.x, a.Max.y))) {
        AnswerMenu(ui, view, target, out);
        ImGui::EndPopup();
    }
    if (BeginMenu(ui.theme, "cross-target-menu", b.Min, ImVec2(b.Min.x, b.Max.y))) {
        TargetMenu(ui, view, target, out);
        ImGui::EndPopup();
    }
    return b.Max.y - area.Min.y + ui.theme.U(0.6f);
}

void Centred(UiFrame& ui, const ImRect& area, const std::string& text) {
    float h = TextSize(ui.theme.heading, ui.theme.heading->FontSize, text, area.GetWidth()).y;
    PutTextCentred(ui, ui.theme.heading, ui.theme.heading->FontSize, ui.theme.colors.text_muted,
                   ImVec2(area.Min.x, area.Min.y + (area.GetHeight() - h) * 0.5f), area.GetWidth(), text);
}

std::string Header(const UiFrame& ui, const BoardView& view, const Option& answer) {
    // The poll's own figure stays hidden while the poll is.
    bool poll_hidden = IsHidden(view, view.state.cross.poll_step_id);
    const BoardStrings& words = view.pack.board;
    std::string header = Format(ui.T(poll_hidden ? words.cross_header_hidden : words.cross_header), "answer",
                                ui.T(answer.label));
    return Format(header, "n", Thousands(view.tallies.cross.visits));
}

void DrawFigures(UiFrame& ui, const BoardView& view, const Step& target, const Option& answer,
                 const ImRect& area) {
    TallySource source{view.tallies.cross.Step(target.id), true, Header(ui, view, answer)};
    // The sheet says whose figures these are in its centre box; the domains above them.
    if (target.kind == StepKind::Sheet) {
        DrawSheetFigures(ui, view, target, source, area);
        return;
    }
    ImRect line = PutTextCentred(ui, ui.theme.body_bold, ui.theme.unit, ui.theme.colors.primary, area.Min,
                                 area.GetWidth(), source.note);
    DrawDomainsFigures(ui, view, target, source,
                       ImRect(ImVec2(area.Min.x, line.Max.y + ui.theme.U(0.8f)), area.Max));
}

} // namespace

void DrawBoardCrossTab(UiFrame& ui, const BoardView& view, const ImRect& area, BoardIntents& out) {
    const Step* target = Target(view);
    if (!target) return;
    ImRect rest = area;
    if (view.state.controls) rest.Min.y += Choosers(ui, view, *target, area, out);
    const Option* answer = ChosenAnswer(view);
    const CrossTally& cross = view.tallies.cross;
    if (!view.state.cross.Active() || !answer) {
        Centred(ui, rest, ui.T(view.pack.board.cross_none));
        return;
    }
    if (IsHidden(view, target->id)) {
        const StepTally* tally = cross.Step(target->id);
        DrawHiddenNotice(ui, view, rest, tally ? tally->respondents : 0);
        return;
    }
    // The figures the app has may still be those of the last filter.
    if (cross.step_id != view.state.cross.poll_step_id || cross.item_id != view.state.cross.item_id) {
        Centred(ui, rest, ui.T(view.pack.board.cross_wait));
        return;
    }
    DrawFigures(ui, view, *target, *answer, rest);
}

} // namespace tapsheet
