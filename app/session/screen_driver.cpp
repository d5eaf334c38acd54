#include "app/session/screen_driver.h"

namespace tapsheet {

namespace {

// Answers the current step the way a person in a hurry might: first option,
// first few chips, a mark on each domain set.
void AnswerStep(KioskSession& session, double& now) {
    Flow& flow = session.GetFlow();
    const Step& step = flow.CurrentStep();
    now += 1;
    if (step.kind == StepKind::Poll && !step.poll.multi) {
        flow.Choose(step.poll.options.front().id, now);
    } else {
        if (step.kind == StepKind::Poll) flow.Toggle(step.poll.options.front().id, now);
        if (step.kind == StepKind::Sheet)
            for (const SheetGroup& group : step.sheet.groups)
                flow.Toggle(group.items.front().id, now);
        if (step.kind == StepKind::Domains)
            for (const DomainSet& set : step.domains.sets)
                flow.Mark(set.domains.front().id, DomainMark::Focus, now);
        flow.Next(now);
    }
    session.Pump(now);
}

bool GoToStep(KioskSession& session, const std::string& step_id, double& now, std::string* error) {
    Flow& flow = session.GetFlow();
    while (flow.Screen() == FlowScreen::Step) {
        if (flow.CurrentStep().id == step_id) return true;
        AnswerStep(session, now);
    }
    if (error) *error = "no step with id '" + step_id + "' in the pack";
    return false;
}

const Step* FirstOfKind(const Pack& pack, StepKind kind) {
    for (const Step& step : pack.steps)
        if (step.kind == kind) return &step;
    return nullptr;
}

} // namespace

bool DriveToScreen(KioskSession& session, const std::string& screen, const std::string& lang, double& now,
                   std::string* error) {
    Flow& flow = session.GetFlow();
    if (screen == "attract") return true;
    if (screen == "out-of-service") {
        session.SetServiceProblem("The database file is read-only: /var/lib/tapsheet/tapsheet.db",
                                  "Check the disk or USB stick is writable and has space, then restart the "
                                  "kiosk. Every answer stored so far is kept.");
        return true;
    }
    now += 1;
    flow.Start(lang, "screenshot", now);
    session.Pump(now);
    if (screen == "still-there") {
        now += flow.GetPack().kiosk.idle_seconds + 1.0;
        flow.Tick(now);
        now += 3.2; // mid-countdown
        return true;
    }
    if (screen == "keyboard") {
        const Step* sheet = FirstOfKind(flow.GetPack(), StepKind::Sheet);
        if (!sheet) {
            if (error) *error = "the pack has no sheet step";
            return false;
        }
        if (!GoToStep(session, sheet->id, now, error)) return false;
        now += 1;
        flow.OpenText(TextField::Own, now);
        flow.TypeText("Fewer falls on the ward");
        return true;
    }
    if (screen == "thanks") {
        while (flow.Screen() == FlowScreen::Step)
            AnswerStep(session, now);
        now += 2;
        return flow.Screen() == FlowScreen::Thanks;
    }
    if (!GoToStep(session, screen, now, error)) return false;
    // Show a step mid-answer, so selected states are visible.
    const Step& step = flow.CurrentStep();
    now += 1;
    if (step.kind == StepKind::Sheet && step.sheet.groups.size() > 1) {
        flow.Toggle(step.sheet.groups[0].items.front().id, now);
        flow.Toggle(step.sheet.groups.back().items.back().id, now);
    }
    if (step.kind == StepKind::Domains && !step.domains.sets.empty()) {
        const auto& domains = step.domains.sets.front().domains;
        flow.Mark(domains.front().id, DomainMark::Focus, now);
        flow.Mark(domains.back().id, DomainMark::Least, now);
    }
    if (step.kind == StepKind::Poll && step.poll.multi) flow.Toggle(step.poll.options.front().id, now);
    now += 1;
    return true;
}

} // namespace tapsheet
