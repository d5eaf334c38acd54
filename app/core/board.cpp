#include "app/core/board.h"

#include <algorithm>

namespace tapsheet {

namespace {

bool IsResultsStep(const Step& step) {
    return step.kind == StepKind::Poll || step.kind == StepKind::Sheet || step.kind == StepKind::Domains;
}

BoardPageKind PageKindOf(StepKind kind) {
    if (kind == StepKind::Poll) return BoardPageKind::Poll;
    if (kind == StepKind::Sheet) return BoardPageKind::Sheet;
    return BoardPageKind::Domains;
}

BoardPage Page(BoardPageKind kind, std::string step_id = {}, std::size_t index = 0) {
    return BoardPage::Of(kind, std::move(step_id), index);
}

// The pages the room reads results from, in content order.
std::vector<BoardPage> StepPages(const Pack& pack) {
    std::vector<BoardPage> pages;
    for (const Step& step : pack.steps)
        if (IsResultsStep(step)) pages.push_back(Page(PageKindOf(step.kind), step.id));
    return pages;
}

// The first sheet or domains step: what a cross-tab shows until the
// facilitator picks another.
const Step* CrossTarget(const Pack& pack) {
    for (const Step& step : pack.steps)
        if (step.kind == StepKind::Sheet || step.kind == StepKind::Domains) return &step;
    return nullptr;
}

bool HasPoll(const Pack& pack) {
    return std::any_of(pack.steps.begin(), pack.steps.end(),
                       [](const Step& step) { return step.kind == StepKind::Poll; });
}

bool IsCrossTarget(const Pack& pack, const std::string& step_id) {
    const Step* step = pack.FindStep(step_id);
    return step && (step->kind == StepKind::Sheet || step->kind == StepKind::Domains);
}

// A page is shown only if the pack has what it needs, so screens never
// meet a step id or card index that is not there.
bool PageFits(const Pack& pack, const BoardPage& page) {
    switch (page.kind) {
    case BoardPageKind::Poll:
    case BoardPageKind::Sheet:
    case BoardPageKind::Domains: {
        const Step* step = pack.FindStep(page.step_id);
        return step && IsResultsStep(*step) && PageKindOf(step->kind) == page.kind;
    }
    case BoardPageKind::CrossTab:
        return HasPoll(pack) && IsCrossTarget(pack, page.step_id);
    case BoardPageKind::Timer:
        return !pack.timers.empty();
    case BoardPageKind::Evidence:
        return page.index < pack.evidence.size();
    case BoardPageKind::Totals:
    case BoardPageKind::Moderation:
        return true;
    }
    return false;
}

void SetPage(BoardState& state, const BoardPage& page, double now) {
    state.previous = state.page;
    state.page = page;
    state.page_since = now;
    auto it = std::find(state.rotation.begin(), state.rotation.end(), page);
    if (it != state.rotation.end()) state.rotation_index = std::size_t(it - state.rotation.begin());
}

// Where `shown` sits in the page list; a cross-tab matches whatever its target.
std::size_t IndexOf(const BoardState& state, const BoardPage& shown) {
    for (std::size_t i = 0; i < state.pages.size(); i++) {
        const BoardPage& page = state.pages[i];
        if (page == shown) return i;
        if (page.kind == BoardPageKind::CrossTab && shown.kind == BoardPageKind::CrossTab) return i;
    }
    return state.pages.size();
}

// The moderation list stands in for the page it was opened from.
std::size_t PageIndex(const BoardState& state) {
    const bool moderation = state.page.kind == BoardPageKind::Moderation;
    return IndexOf(state, moderation ? state.previous : state.page);
}

bool HiddenResults(const BoardState& state, const BoardPage& page) {
    return page.kind != BoardPageKind::CrossTab && !page.step_id.empty() &&
           state.hidden.count(page.step_id) > 0;
}

bool ShowPage(BoardState& state, const Pack& pack, const BoardPage& page, double now) {
    if (page == state.page || !PageFits(pack, page)) return false;
    SetPage(state, page, now);
    return true;
}

bool StepPageBy(BoardState& state, const Pack& pack, bool forward, double now) {
    const std::size_t count = state.pages.size();
    if (count == 0) return false;
    std::size_t index = PageIndex(state);
    if (index == count)
        index = 0; // neither the page nor the one moderation was opened from is in the list: start over
    else
        index = forward ? (index + 1) % count : (index + count - 1) % count;
    return ShowPage(state, pack, state.pages[index], now);
}

bool ToggleDropIn(BoardState& state, double now) {
    state.drop_in = !state.drop_in;
    // The rotation counts from now, not from when the page first appeared;
    // a transition still under way is left to finish.
    if (state.drop_in && now - state.page_since >= kBoardTransitionSeconds) {
        state.previous = state.page;
        state.page_since = now;
    }
    return true;
}

bool HideStep(BoardState& state, const Pack& pack, const std::string& step_id) {
    const Step* step = pack.FindStep(step_id);
    if (!step || !IsResultsStep(*step)) return false;
    return state.hidden.insert(step_id).second;
}

bool TimerChoose(BoardState& state, const Pack& pack, std::size_t index) {
    if (index >= pack.timers.size()) return false;
    state.timer = TimerRun{};
    state.timer.timer = int(index);
    return true;
}

bool TimerStart(TimerRun& run, double now) {
    if (run.timer < 0 || run.running) return false;
    run.running = true;
    run.started_at = now;
    return true;
}

bool TimerPause(TimerRun& run, double now) {
    if (!run.running) return false;
    run.elapsed_before += now - run.started_at;
    run.running = false;
    return true;
}

bool TimerReset(TimerRun& run) {
    const bool changed = run.running || run.elapsed_before != 0;
    run.running = false;
    run.elapsed_before = 0;
    run.started_at = 0;
    return changed;
}

bool ShowRound(BoardState& state, int round) {
    if (round < kAllRounds || state.round_shown == round) return false;
    state.round_shown = round;
    return true;
}

bool CrossFilterFits(const Pack& pack, const CrossFilter& cross) {
    if (cross.poll_step_id.empty() && cross.item_id.empty()) return true; // no filter
    const Step* poll = pack.FindStep(cross.poll_step_id);
    if (!poll || poll->kind != StepKind::Poll) return false;
    return std::any_of(poll->poll.options.begin(), poll->poll.options.end(),
                       [&](const Option& option) { return option.id == cross.item_id; });
}

bool CrossBy(BoardState& state, const Pack& pack, const BoardIntent& intent, double now) {
    if (!CrossFilterFits(pack, intent.cross)) return false;
    bool changed = state.cross != intent.cross;
    state.cross = intent.cross;
    if (IsCrossTarget(pack, intent.page.step_id))
        changed |= ShowPage(state, pack, Page(BoardPageKind::CrossTab, intent.page.step_id), now);
    return changed;
}

bool Flip(bool& flag) {
    flag = !flag;
    return true;
}

// The next rotation page to show: after the current one when it is in the
// rotation, else the one where the rotation left off. Hidden results, and
// a second evidence card in a row, are passed over.
std::size_t NextRotationIndex(const BoardState& state) {
    const std::size_t count = state.rotation.size();
    std::size_t index = state.rotation_index % count;
    if (state.rotation[index] == state.page) index = (index + 1) % count;
    const bool after_card = state.page.kind == BoardPageKind::Evidence;
    for (std::size_t tries = 0; tries < count; tries++, index = (index + 1) % count) {
        const BoardPage& page = state.rotation[index];
        if (HiddenResults(state, page)) continue;
        if (after_card && page.kind == BoardPageKind::Evidence) continue;
        return index;
    }
    return state.rotation_index % count;
}

} // namespace

std::vector<BoardPage> BoardPages(const Pack& pack) {
    std::vector<BoardPage> pages = StepPages(pack);
    const Step* target = CrossTarget(pack);
    if (target && HasPoll(pack)) pages.push_back(Page(BoardPageKind::CrossTab, target->id));
    pages.push_back(Page(BoardPageKind::Totals));
    if (!pack.timers.empty()) pages.push_back(Page(BoardPageKind::Timer));
    for (std::size_t i = 0; i < pack.evidence.size(); i++)
        pages.push_back(Page(BoardPageKind::Evidence, {}, i));
    return pages;
}

std::vector<BoardPage> RotationPages(const Pack& pack) {
    std::vector<BoardPage> results = StepPages(pack);
    results.push_back(Page(BoardPageKind::Totals));
    std::vector<BoardPage> pages;
    std::size_t card = 0;
    for (const BoardPage& page : results) {
        pages.push_back(page);
        if (pack.evidence.empty()) continue;
        pages.push_back(Page(BoardPageKind::Evidence, {}, card));
        card = (card + 1) % pack.evidence.size();
    }
    return pages;
}

double TimerRun::Elapsed(double now) const {
    return elapsed_before + (running ? std::max(0.0, now - started_at) : 0.0);
}

TimerReading ReadTimer(const ActivityTimer& timer, const TimerRun& run, double now) {
    TimerReading reading;
    const double elapsed = run.Elapsed(now);
    const double total = timer.TotalMinutes() * 60.0;
    double phase_end = 0;
    for (std::size_t i = 0; i < timer.phases.size(); i++) {
        phase_end += timer.phases[i].minutes * 60.0;
        reading.phase = int(i);
        if (elapsed < phase_end) {
            reading.phase_left = phase_end - elapsed;
            reading.total_left = total - elapsed;
            return reading;
        }
    }
    reading.over = true; // the last phase stays named, at zero
    return reading;
}

BoardState NewBoardState(const Pack& pack, double now) {
    BoardState state;
    state.pages = BoardPages(pack);
    state.rotation = RotationPages(pack);
    state.page = state.pages.front();
    state.previous = state.page;
    state.page_since = now;
    if (!pack.timers.empty()) state.timer.timer = 0;
    return state;
}

bool ApplyBoardIntent(BoardState& state, const Pack& pack, const BoardIntent& intent, double now) {
    using Kind = BoardIntent::Kind;
    switch (intent.kind) {
    case Kind::ShowPage:
        return ShowPage(state, pack, intent.page, now);
    case Kind::NextPage:
        return StepPageBy(state, pack, true, now);
    case Kind::PreviousPage:
        return StepPageBy(state, pack, false, now);
    case Kind::ToggleDropIn:
        return ToggleDropIn(state, now);
    case Kind::Hide:
        return HideStep(state, pack, intent.id);
    case Kind::Reveal:
        return state.hidden.erase(intent.id) > 0;
    case Kind::ToggleFreeze:
        return Flip(state.frozen);
    case Kind::ToggleControls:
        return Flip(state.controls);
    case Kind::TimerChoose:
        return TimerChoose(state, pack, intent.index);
    case Kind::TimerStart:
        return TimerStart(state.timer, now);
    case Kind::TimerPause:
        return TimerPause(state.timer, now);
    case Kind::TimerReset:
        return TimerReset(state.timer);
    case Kind::NewRound:
        return ShowRound(state, 0);
    case Kind::ShowRound:
        return ShowRound(state, int(intent.index));
    case Kind::ShowAllRounds:
        return ShowRound(state, kAllRounds);
    case Kind::CrossBy:
        return CrossBy(state, pack, intent, now);
    case Kind::Approve:
    case Kind::Reject:
        return false; // the store's to keep
    }
    return false;
}

bool TickBoard(BoardState& state, double now) {
    if (!state.drop_in || state.rotation.empty() || now < NextRotation(state)) return false;
    const std::size_t index = NextRotationIndex(state);
    if (state.rotation[index] == state.page) {
        // Nothing else to show: wait another interval without a transition.
        state.previous = state.page;
        state.page_since = now;
        return false;
    }
    SetPage(state, state.rotation[index], now);
    state.rotation_index = index;
    return true;
}

double NextRotation(const BoardState& state) {
    if (!state.drop_in || state.rotation.empty()) return 0;
    return state.page_since + state.rotate_seconds;
}

std::size_t PageNumber(const BoardState& state) {
    const std::size_t index = PageIndex(state);
    return index < state.pages.size() ? index + 1 : 1;
}

double TransitionProgress(const BoardState& state, double now) {
    // Compared with the end time, so the app's "still in transition" test
    // and this agree exactly (no 0.9999 from rounding).
    if (state.previous == state.page || now >= state.page_since + kBoardTransitionSeconds) return 1;
    return std::clamp((now - state.page_since) / kBoardTransitionSeconds, 0.0, 1.0);
}

} // namespace tapsheet
