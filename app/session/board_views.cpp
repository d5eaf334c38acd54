#include "app/session/board_views.h"

#include <cstdlib>

namespace tapsheet {

namespace {

const Step* FirstOfKind(const Pack& pack, StepKind kind) {
    for (const Step& step : pack.steps)
        if (step.kind == kind) return &step;
    return nullptr;
}

bool Say(std::string* error, std::string message) {
    if (error) *error = std::move(message);
    return false;
}

BoardIntent ShowIntent(BoardPageKind kind, std::string step_id = {}, std::size_t index = 0) {
    BoardIntent intent = BoardIntent::Of(BoardIntent::Kind::ShowPage);
    intent.page.kind = kind;
    intent.page.step_id = std::move(step_id);
    intent.page.index = index;
    return intent;
}

// poll, sheet, domains: the first step of that kind, or the one named.
bool StepIntent(const Pack& pack, StepKind kind, BoardPageKind page, const std::string& id, BoardIntent* out,
                std::string* error) {
    const Step* step = id.empty() ? FirstOfKind(pack, kind) : pack.FindStep(id);
    if (!step || step->kind != kind) return Say(error, "no such step in the pack: '" + id + "'");
    *out = ShowIntent(page, step->id);
    return true;
}

// The first poll's most given answer, so the cross-tab has figures to show.
std::string BusiestOption(const Step& poll, const Tallies& tallies) {
    const StepTally* tally = tallies.Step(poll.id);
    std::string best = poll.poll.options.front().id;
    for (const Option& option : poll.poll.options)
        if (tally && tally->Count(option.id) > tally->Count(best)) best = option.id;
    return best;
}

bool CrossIntent(const Pack& pack, const Tallies& tallies, BoardIntent* out, std::string* error) {
    const Step* poll = FirstOfKind(pack, StepKind::Poll);
    const Step* target = FirstOfKind(pack, StepKind::Sheet);
    if (!target) target = FirstOfKind(pack, StepKind::Domains);
    if (!poll || poll->poll.options.empty() || !target)
        return Say(error, "the pack has no poll and sheet or domains to cross");
    *out = BoardIntent::Of(BoardIntent::Kind::CrossBy);
    out->cross = {poll->id, BusiestOption(*poll, tallies)};
    out->page.kind = BoardPageKind::CrossTab;
    out->page.step_id = target->id;
    return true;
}

bool EvidenceIntent(const Pack& pack, const std::string& arg, BoardIntent* out, std::string* error) {
    const std::size_t index = arg.empty() ? 0 : std::strtoul(arg.c_str(), nullptr, 10);
    if (index >= pack.evidence.size())
        return Say(error, "the pack has " + std::to_string(pack.evidence.size()) + " evidence cards");
    *out = ShowIntent(BoardPageKind::Evidence, {}, index);
    return true;
}

bool ViewIntent(const Pack& pack, const Tallies& tallies, const std::string& name, const std::string& arg,
                BoardIntent* out, std::string* error) {
    if (name == "poll" || name == "controls")
        return StepIntent(pack, StepKind::Poll, BoardPageKind::Poll, arg, out, error);
    if (name == "sheet") return StepIntent(pack, StepKind::Sheet, BoardPageKind::Sheet, arg, out, error);
    if (name == "domains")
        return StepIntent(pack, StepKind::Domains, BoardPageKind::Domains, arg, out, error);
    if (name == "crosstab") return CrossIntent(pack, tallies, out, error);
    if (name == "evidence") return EvidenceIntent(pack, arg, out, error);
    if (name == "totals") return *out = ShowIntent(BoardPageKind::Totals), true;
    if (name == "moderation") return *out = ShowIntent(BoardPageKind::Moderation), true;
    if (name == "timer") {
        if (pack.timers.empty()) return Say(error, "the pack has no timers");
        return *out = ShowIntent(BoardPageKind::Timer), true;
    }
    return Say(error,
               "unknown board view '" + name +
                   "' (poll[:STEP], sheet, domains, crosstab, totals, timer, evidence[:N], moderation, "
                   "controls[:VIEW])");
}

} // namespace

bool ShowBoardView(BoardSession& session, const std::string& view, double now, std::string* error) {
    // controls:VIEW is VIEW with the facilitator's strip along the bottom.
    const bool controls = view == "controls" || view.starts_with("controls:");
    const std::string shown = view.starts_with("controls:") ? view.substr(9) : view;
    const std::size_t colon = shown.find(':');
    const std::string name = shown.substr(0, colon);
    const std::string arg = colon == std::string::npos ? "" : shown.substr(colon + 1);
    BoardIntent intent;
    if (!ViewIntent(session.GetPack(), session.Live(), name, arg, &intent, error)) return false;
    const double before = now - 30; // long enough ago for any transition to end
    BoardIntents intents = {intent};
    if (name == "timer") {
        // A few minutes in: the 13-minute timer is then in its first phase.
        intents.push_back(BoardIntent::Of(BoardIntent::Kind::TimerStart));
    }
    const bool strip = name == "moderation" || controls;
    if (session.State().controls != strip)
        intents.push_back(BoardIntent::Of(BoardIntent::Kind::ToggleControls));
    session.Apply(intents, name == "timer" ? now - 150 : before);
    return true;
}

} // namespace tapsheet
