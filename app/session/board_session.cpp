#include "app/session/board_session.h"
#include "app/core/clock.h"
#include "app/core/moderation_order.h"
#include "app/session/fleet_read.h"

#include <cmath>
#include <vector>

namespace tapsheet {

namespace {

// Every figure a page can show, from the pack (so a bar whose count went
// back to zero, in a new round, glides down instead of vanishing).
template <typename Key>
void RetargetStep(const Step& step, const StepTally* tally, Key key, AnimatedValues& anim, double now) {
    auto count = [&](const std::string& item, std::string_view value) {
        return tally ? tally->Count(item, value) : 0;
    };
    if (step.kind == StepKind::Poll)
        for (const Option& option : step.poll.options)
            anim.Retarget(key(step.id, option.id, ""), count(option.id, kChosen), now);
    if (step.kind == StepKind::Sheet)
        for (const SheetGroup& group : step.sheet.groups)
            for (const Option& item : group.items)
                anim.Retarget(key(step.id, item.id, ""), count(item.id, kChosen), now);
    if (step.kind == StepKind::Domains)
        for (const DomainSet& set : step.domains.sets)
            for (const Domain& domain : set.domains)
                for (std::string_view value : {kFocusValue, kLeastValue})
                    anim.Retarget(key(step.id, domain.id, std::string(value)), count(domain.id, value), now);
}

// Freezing holds the figures, never a decision: text the facilitator
// rejected after freezing leaves the frozen picture at once.
void WithdrawRevoked(const Tallies& live, Tallies* frozen) {
    auto public_now = [&](const FreeText& text) {
        for (const FreeText& each : live.free_text)
            if (each.step_id == text.step_id && each.item_id == text.item_id && each.text == text.text)
                return IsPublic(each);
        return false;
    };
    std::erase_if(frozen->free_text,
                  [&](const FreeText& text) { return IsPublic(text) && !public_now(text); });
}

bool SameTag(const FleetView& a, const FleetView& b) {
    if (a.hub_file != b.hub_file) return false;
    const FleetTag one = FleetTagOf(a), two = FleetTagOf(b);
    return one.text == two.text && one.tone == two.tone;
}

} // namespace

BoardSession::BoardSession(const Pack& pack, BoardSessionOptions options, double now)
    : pack_(pack), options_(std::move(options)), state_(NewBoardState(pack, now)), reader_(options_.db_path),
      next_age_(now + kAgeSeconds) {
    Watch(now);
}

// (Re)starts the file watch; retried now and then, since the database's
// folder may only appear once the kiosk has started.
void BoardSession::Watch(double now) {
    if (!options_.wake || Watching() || now < next_watch_try_) return;
    next_watch_try_ = now + 1;
    watch_ = std::make_unique<FileWatch>(options_.db_path, [this] {
        last_write_ = LoopSeconds();
        options_.wake();
    });
}

BoardSession::~BoardSession() = default; // the own writer drains its queue first

TallyQuery BoardSession::Query() const {
    TallyQuery query;
    query.round = state_.round_shown; // a given round
    if (state_.round_shown == 0) query.round = kCurrentRound;
    if (state_.round_shown == kAllRounds) query.round = 0; // TallyQuery's "every round"
    if (state_.cross.Active()) {
        query.cross_step = state_.cross.poll_step_id;
        query.cross_item = state_.cross.item_id;
    }
    return query;
}

// The strip only: its tag redraws when its words change, not with each read.
bool BoardSession::RefreshFleet(double now, TallyReader::TimePoint wall) {
    if (!state_.controls || now < next_fleet_) return false;
    next_fleet_ = now + kFleetSeconds;
    FleetView fresh = ReadFleetView(options_.db_path, wall, options_.fleet_kiosks);
    // A file that cannot be read says so in the figures already.
    if (!fresh.problem.empty() && !fleet_.hub_file) return false;
    const bool changed = !SameTag(fresh, fleet_);
    fleet_ = std::move(fresh);
    return changed;
}

bool BoardSession::Refresh(double now, TallyReader::TimePoint wall) {
    TakeAcks();
    Watch(now);
    const bool fleet = RefreshFleet(now, wall);
    const double write = last_write_;
    // While the moderation list is open its rows stay where they are: an
    // approved text does not move from under the facilitator's finger.
    const bool listing = state_.page.kind == BoardPageKind::Moderation;
    std::vector<FreeText> listed;
    if (listing) listed = tallies_.free_text;
    if (!reader_.Refresh(Query(), &tallies_, wall)) {
        // A commit of nothing the board shows (the hub's heartbeat): read,
        // so no need to look again soon either, and no frame.
        if (reader_.Ok() && reader_.Version() != seen_version_) seen_write_ = write;
        seen_version_ = reader_.Version();
        return fleet;
    }
    seen_version_ = reader_.Version();
    if (listing) KeepListedOrder(listed, &tallies_.free_text);
    seen_write_ = write; // the commit behind that write is read: no need to look again soon
    have_data_ = true;
    if (state_.frozen) WithdrawRevoked(tallies_, &frozen_);
    if (!hidden_loaded_) {
        // A restarted board keeps what the facilitator hid before.
        state_.hidden = {tallies_.hidden_steps.begin(), tallies_.hidden_steps.end()};
        hidden_loaded_ = true;
    }
    Retarget(now);
    return true;
}

void BoardSession::Retarget(double now) {
    const Tallies& shown = Shown();
    for (const Step& step : pack_.steps) {
        RetargetStep(step, shown.Step(step.id), BarKey, anim_, now);
        if (!shown.cross.step_id.empty())
            RetargetStep(step, shown.cross.Step(step.id), CrossBarKey, anim_, now);
    }
}

const Tallies& BoardSession::Shown() const {
    return state_.frozen ? frozen_ : tallies_;
}

bool BoardSession::Apply(const BoardIntents& intents, double now) {
    bool changed = false;
    for (const BoardIntent& intent : intents)
        changed |= ApplyOne(intent, now);
    return changed;
}

bool BoardSession::ApplyOne(const BoardIntent& intent, double now) {
    using Kind = BoardIntent::Kind;
    const TallyQuery before = Query();
    const bool was_frozen = state_.frozen;
    const bool was_listing = state_.page.kind == BoardPageKind::Moderation;
    if (intent.kind == Kind::NewRound && Writer()) Writer()->NextRound();
    if ((intent.kind == Kind::Approve || intent.kind == Kind::Reject) && Writer())
        Writer()->Moderate(intent.id, intent.item, intent.text, intent.kind == Kind::Approve);
    bool changed = ApplyBoardIntent(state_, pack_, intent, now);
    if (changed && (intent.kind == Kind::Hide || intent.kind == Kind::Reveal)) SaveHidden();
    // Other figures altogether: bars start from them, not glide from these.
    if (!(Query() == before)) anim_.Clear();
    if (state_.frozen && !was_frozen) frozen_ = tallies_;
    if (!state_.frozen && was_frozen) Retarget(now);
    // The list opens (and the pages go back to) the store's order: waiting first.
    if ((state_.page.kind == BoardPageKind::Moderation) != was_listing)
        SortForModeration(&tallies_.free_text);
    // A new round or a decision changes nothing here until the store has
    // it; Refresh() then brings it in.
    return changed || intent.kind == Kind::NewRound;
}

VisitWriter* BoardSession::Writer() {
    if (options_.shared_writer) return options_.shared_writer;
    if (!own_writer_) {
        WriterOptions writer_options;
        writer_options.db_path = options_.db_path;
        writer_options.kiosk_id = "board";
        writer_options.wake = options_.wake;
        own_writer_ = std::make_unique<VisitWriter>(writer_options, pack_);
    }
    return own_writer_.get();
}

void BoardSession::SaveHidden() {
    if (Writer()) Writer()->SetHiddenSteps({state_.hidden.begin(), state_.hidden.end()});
}

// The board's own writer: a refused change is said on the board (for staff).
void BoardSession::TakeAcks() {
    if (!own_writer_) return;
    for (const Ack& ack : own_writer_->TakeAcks()) {
        if (ack.committed) continue;
        const StoreHealth health = own_writer_->Health();
        write_problem_ = health.ok ? "a facilitator change was not saved" : health.problem;
    }
}

bool BoardSession::Tick(double now) {
    if (now >= next_age_) {
        reader_.Invalidate();
        next_age_ = now + kAgeSeconds;
    }
    return TickBoard(state_, now);
}

bool BoardSession::Animating(double now) const {
    return !anim_.Settled(now) || TransitionProgress(state_, now) < 1;
}

double BoardSession::NextClockTick(double now) const {
    const int timer = state_.timer.timer;
    if (!state_.timer.running || timer < 0 || timer >= int(pack_.timers.size())) return 0;
    const TimerReading reading = ReadTimer(pack_.timers[std::size_t(timer)], state_.timer, now);
    if (reading.over) return 0; // "time is up" stays as it is
    // Just past the next whole second, so the digits shown are never stale.
    return now + (reading.total_left - std::floor(reading.total_left)) + 0.002;
}

double BoardSession::NextWake(double now) const {
    double wake = std::min(now + (Watching() ? kWatchedPollSeconds : kPollSeconds), next_age_);
    // After a write, until its commit has been read (or for a few seconds:
    // a checkpoint's writes bring no commit), look again soon.
    const double write = last_write_;
    const double since_write = now - write;
    if (write > seen_write_ && since_write >= 0 && since_write < kSettleAfterWriteSeconds)
        wake = std::min(wake, now + kSettlePollSeconds);
    const double rotation = NextRotation(state_);
    if (rotation > 0) wake = std::min(wake, rotation);
    const double tick = NextClockTick(now);
    if (tick > 0) wake = std::min(wake, tick);
    // The strip's fleet tag, on a hub's file only; another file is looked
    // at again whenever the board wakes anyway.
    if (state_.controls && fleet_.hub_file) wake = std::min(wake, std::max(next_fleet_, now));
    return wake;
}

BoardView BoardSession::View() const {
    // The moderation list is the facilitator's: always live, even frozen.
    const bool live = state_.page.kind == BoardPageKind::Moderation;
    BoardView view{pack_, state_, live ? tallies_ : Shown(), anim_, have_data_, {}, &fleet_};
    if (have_data_ && !reader_.Ok()) view.store_problem = reader_.Error();
    if (view.store_problem.empty()) view.store_problem = write_problem_;
    return view;
}

} // namespace tapsheet
