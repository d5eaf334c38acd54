// What each board page is called: in its title bar (for the room) and in
// the facilitator's page list. The moderation page and the list's own
// prefixes stay in English here: staff text, like the control strip.
#include "app/ui/board/board_widgets.h"

namespace tapsheet {

namespace {

// A poll's question says what its bars are; a sheet or domains step's
// short title does.
std::string StepTitle(const UiFrame& ui, const Step& step) {
    if (step.kind == StepKind::Poll && !step.prompt.Empty()) return ui.T(step.prompt);
    if (!step.title.Empty()) return ui.T(step.title);
    return ui.T(step.prompt);
}

std::string TimerTitle(const UiFrame& ui, const BoardView& view) {
    int index = view.state.timer.timer;
    if (index < 0 || index >= static_cast<int>(view.pack.timers.size()))
        return ui.T(view.pack.board.timer_title);
    return ui.T(view.pack.timers[static_cast<std::size_t>(index)].title);
}

std::string EvidenceTitle(const UiFrame& ui, const BoardView& view, std::size_t index) {
    if (index >= view.pack.evidence.size()) return {};
    return ui.T(view.pack.evidence[index].title);
}

} // namespace

std::string PageTitle(const UiFrame& ui, const BoardView& view, const BoardPage& page) {
    const Step* step = view.pack.FindStep(page.step_id);
    switch (page.kind) {
    case BoardPageKind::Poll:
    case BoardPageKind::Sheet:
    case BoardPageKind::Domains:
        return step ? StepTitle(ui, *step) : std::string();
    case BoardPageKind::CrossTab:
        return Format(ui.T(view.pack.board.cross_title), "step", step ? StepTitle(ui, *step) : std::string());
    case BoardPageKind::Totals:
        return ui.T(view.pack.board.totals_title);
    case BoardPageKind::Timer:
        return TimerTitle(ui, view);
    case BoardPageKind::Evidence:
        return EvidenceTitle(ui, view, page.index);
    case BoardPageKind::Moderation:
        return "Free text to approve";
    }
    return {};
}

std::string PageName(const UiFrame& ui, const BoardView& view, const BoardPage& page) {
    switch (page.kind) {
    case BoardPageKind::Timer:
        return ui.T(view.pack.board.timer_title);
    case BoardPageKind::Evidence:
        return "Evidence: " + EvidenceTitle(ui, view, page.index);
    case BoardPageKind::Moderation:
        return "Moderation";
    default:
        return PageTitle(ui, view, page);
    }
}

} // namespace tapsheet
