#include "app/core/flow.h"

#include <algorithm>

namespace tapsheet {

Flow::Flow(const Pack& pack, FlowTiming timing) : pack_(pack), timing_(timing) {
    drafts_.resize(pack_.steps.size());
}

bool Flow::Accepts(double now) const {
    return now >= guard_until_ && awaiting_seq_ == 0 && editing_ == TextField::None;
}

void Flow::ChangeScreen(FlowScreen screen, double now) {
    screen_ = screen;
    ++screen_serial_;
    // A shaky double tap must not answer the next question too.
    guard_until_ = now + timing_.tap_guard;
    still_there_since_ = -1;
    last_touch_ = now;
}

std::uint64_t Flow::Emit(StoreCommand command) {
    command.seq = next_seq_++;
    outbox_.push_back(std::move(command));
    return outbox_.back().seq;
}

bool Flow::Start(const std::string& lang, const std::string& visit_id, double now) {
    if (screen_ != FlowScreen::Attract || !Accepts(now) || CoolingDown(now) || pack_.steps.empty())
        return false;
    lang_ = lang;
    visit_id_ = visit_id;
    failed_ = false;
    drafts_.assign(pack_.steps.size(), StepDraft{});
    StoreCommand begin;
    begin.kind = StoreCommand::Kind::BeginVisit;
    begin.visit_id = visit_id_;
    begin.lang = lang_;
    begin_seq_ = Emit(std::move(begin));
    EnterStep(0, now);
    return true;
}

void Flow::EnterStep(std::size_t index, double now) {
    step_index_ = index;
    ChangeScreen(FlowScreen::Step, now);
}

bool Flow::Choose(const std::string& option_id, double now) {
    if (screen_ != FlowScreen::Step || !Accepts(now)) return false;
    const Step& step = CurrentStep();
    if (step.kind != StepKind::Poll || step.poll.multi) return false;
    drafts_[step_index_].selected = {option_id};
    SaveCurrent(false, now);
    return true;
}

bool Flow::Toggle(const std::string& item_id, double now) {
    if (screen_ != FlowScreen::Step || !Accepts(now)) return false;
    const Step& step = CurrentStep();
    bool multi_poll = step.kind == StepKind::Poll && step.poll.multi;
    if (!multi_poll && step.kind != StepKind::Sheet) return false;
    std::vector<std::string>& selected = drafts_[step_index_].selected;
    auto it = std::find(selected.begin(), selected.end(), item_id);
    if (it == selected.end())
        selected.push_back(item_id);
    else
        selected.erase(it);
    SaveDraft();
    return true;
}

// Chips and marks are committed as they are tapped, so an attendee who walks
// away mid-sheet still counts for what they marked. These saves are not
// awaited: the step is accepted (and the flow moves on) only on Next.
void Flow::SaveDraft() {
    StoreCommand save;
    save.kind = StoreCommand::Kind::SaveAnswer;
    save.visit_id = visit_id_;
    save.answer = BuildAnswer(false);
    Emit(std::move(save));
}

bool Flow::Mark(const std::string& domain_id, DomainMark mark, double now) {
    if (screen_ != FlowScreen::Step || !Accepts(now) || CurrentStep().kind != StepKind::Domains) return false;
    auto& marks = drafts_[step_index_].marks;
    auto it = std::find_if(marks.begin(), marks.end(), [&](const auto& m) { return m.first == domain_id; });
    // Tapping the mark a domain already has clears it.
    if (it != marks.end() && it->second == mark)
        marks.erase(it);
    else if (it != marks.end())
        it->second = mark;
    else
        marks.emplace_back(domain_id, mark);
    SaveDraft();
    return true;
}

DomainMark Flow::MarkOf(const std::string& domain_id) const {
    for (const auto& [id, mark] : Draft().marks)
        if (id == domain_id) return mark;
    return DomainMark::None;
}

bool Flow::IsSelected(const std::string& item_id) const {
    const auto& selected = Draft().selected;
    return std::find(selected.begin(), selected.end(), item_id) != selected.end();
}

bool Flow::CanProceed() const {
    if (screen_ != FlowScreen::Step) return false;
    const StepDraft& draft = Draft();
    switch (CurrentStep().kind) {
    case StepKind::Poll:
        return !draft.selected.empty();
    case StepKind::Sheet:
        return !draft.selected.empty() || !draft.own.empty() || !draft.project.empty();
    case StepKind::Domains:
        return !draft.marks.empty();
    case StepKind::Reflection:
    case StepKind::Info:
        return true;
    }
    return false;
}

Forward Flow::ForwardAction() const {
    if (CanProceed()) return Forward::Next;
    return CurrentStep().skippable ? Forward::Skip : Forward::NeedsAnswer;
}

// Next with nothing chosen is a skip, never a dead button: a person in a
// hurry must always have a way on. Only a step the organiser marked
// required waits for an answer (the screen says so).
bool Flow::Next(double now) {
    if (screen_ != FlowScreen::Step || !Accepts(now)) return false;
    Forward forward = ForwardAction();
    if (forward == Forward::NeedsAnswer) return false;
    SaveCurrent(forward == Forward::Skip, now);
    return true;
}

bool Flow::Skip(double now) {
    if (screen_ != FlowScreen::Step || !Accepts(now) || !CurrentStep().skippable) return false;
    SaveCurrent(true, now);
    return true;
}

bool Flow::Back(double now) {
    if (!CanGoBack() || !Accepts(now)) return false;
    EnterStep(step_index_ - 1, now);
    return true;
}

StepAnswer Flow::BuildAnswer(bool skipped) const {
    StepAnswer answer;
    answer.visit_id = visit_id_;
    answer.step_id = CurrentStep().id;
    answer.skipped = skipped;
    if (skipped) return answer;
    const StepDraft& draft = Draft();
    // Rows only as app/core/answer.h defines them: every reader counts by it.
    for (const std::string& id : draft.selected)
        answer.rows.push_back(ChosenRow(id));
    if (!draft.project.empty()) answer.rows.push_back(ProjectRow(draft.project));
    for (const std::string& text : draft.own)
        answer.rows.push_back(OwnRow(text));
    for (const auto& [id, mark] : draft.marks)
        answer.rows.push_back(MarkRow(id, mark));
    return answer;
}

// Reflection and info steps hold no answer: their save carries no rows and
// the store records nothing for it, but the flow still waits for the ack, so
// the order of steps and commits is the same for every kind.
void Flow::SaveCurrent(bool skipped, double now) {
    StoreCommand save;
    save.kind = StoreCommand::Kind::SaveAnswer;
    save.visit_id = visit_id_;
    save.answer = BuildAnswer(skipped);
    awaiting_seq_ = Emit(std::move(save));
    awaiting_since_ = now;
    if (skipped) drafts_[step_index_] = StepDraft{};
    drafts_[step_index_].skipped = skipped;
}

void Flow::Acked(std::uint64_t seq, bool committed, double now) {
    bool ours = seq == awaiting_seq_ || seq == begin_seq_;
    if (!committed && !ours) return; // an old visit's end, or an autosave: the next save will tell
    if (!committed) {
        // The visit cannot go on: back to the start, recording it as
        // abandoned if the store still can. If the store as a whole is
        // failing the app shows staff the out-of-service notice instead.
        // Nothing unacknowledged was ever shown as accepted.
        if (screen_ == FlowScreen::Step) EndVisit(VisitEnd::Abandoned, now);
        failed_ = true;
        ForgetVisit(now);
        return;
    }
    if (seq != awaiting_seq_) return;
    awaiting_seq_ = 0;
    drafts_[step_index_].answered = true;
    if (IsLastStep()) {
        EndVisit(VisitEnd::Complete, now);
        thanks_since_ = now;
        ChangeScreen(FlowScreen::Thanks, now);
        return;
    }
    EnterStep(step_index_ + 1, now);
}

void Flow::EndVisit(VisitEnd end, double now) {
    StoreCommand command;
    command.kind = StoreCommand::Kind::EndVisit;
    command.visit_id = visit_id_;
    command.end = end;
    Emit(std::move(command));
    (void)now;
}

bool Flow::Done(double now) {
    if (screen_ != FlowScreen::Thanks || now < guard_until_) return false;
    ForgetVisit(now);
    return true;
}

// Back to the attract screen; the next person sees nothing of this visit.
void Flow::ForgetVisit(double now) {
    awaiting_seq_ = 0;
    editing_ = TextField::None;
    edit_buffer_.clear();
    ChangeScreen(FlowScreen::Attract, now);
    drafts_.assign(pack_.steps.size(), StepDraft{});
    visit_id_.clear();
    cooldown_until_ = now + pack_.kiosk.cooldown_seconds;
}

bool Flow::OpenText(TextField field, double now) {
    if (screen_ != FlowScreen::Step || !Accepts(now) || CurrentStep().kind != StepKind::Sheet) return false;
    if (field == TextField::Own && Draft().own.size() >= timing_.max_own) return false;
    editing_ = field;
    edit_buffer_ = field == TextField::Project ? Draft().project : std::string();
    ++keyboard_serial_;
    return true;
}

static std::size_t CodePoints(const std::string& utf8) {
    std::size_t count = 0;
    for (unsigned char c : utf8)
        count += (c & 0xC0) != 0x80;
    return count;
}

void Flow::TypeText(const std::string& utf8) {
    // The limit counts letters, so Welsh (ŵ is two bytes) gets as many as English.
    if (editing_ == TextField::None || CodePoints(edit_buffer_) + CodePoints(utf8) > timing_.max_text) return;
    edit_buffer_ += utf8;
}

void Flow::Backspace() {
    // Remove one whole UTF-8 character, not a byte.
    while (!edit_buffer_.empty()) {
        unsigned char last = static_cast<unsigned char>(edit_buffer_.back());
        edit_buffer_.pop_back();
        if ((last & 0xC0) != 0x80) break;
    }
}

static std::string Trimmed(const std::string& text) {
    std::size_t first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    std::size_t last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

bool Flow::CloseText(bool keep, double now) {
    if (editing_ == TextField::None) return false;
    std::string text = Trimmed(edit_buffer_);
    StepDraft& draft = drafts_[step_index_];
    bool changed = keep && (editing_ == TextField::Project ? draft.project != text : !text.empty());
    if (keep && editing_ == TextField::Project) draft.project = text;
    if (keep && editing_ == TextField::Own && !text.empty()) draft.own.push_back(text);
    editing_ = TextField::None;
    edit_buffer_.clear();
    if (changed) SaveDraft();
    guard_until_ = now + timing_.tap_guard;
    return true;
}

bool Flow::RemoveOwn(std::size_t index, double now) {
    if (screen_ != FlowScreen::Step || !Accepts(now)) return false;
    auto& own = drafts_[step_index_].own;
    if (index >= own.size()) return false;
    own.erase(own.begin() + static_cast<std::ptrdiff_t>(index));
    SaveDraft();
    return true;
}

void Flow::Touch(double now) {
    last_touch_ = now;
}

bool Flow::StillHere(double now) {
    if (!StillThereShown()) return false;
    still_there_since_ = -1;
    last_touch_ = now;
    guard_until_ = now + timing_.tap_guard;
    return true;
}

bool Flow::StartOver(double now) {
    if (screen_ != FlowScreen::Step) return false;
    EndVisit(VisitEnd::Abandoned, now);
    ForgetVisit(now);
    return true;
}

double Flow::StillThereLeft(double now) const {
    if (!StillThereShown()) return 0;
    return std::max(0.0, still_there_since_ + pack_.kiosk.still_there_seconds - now);
}

double Flow::ThanksLeft(double now) const {
    if (screen_ != FlowScreen::Thanks) return 0;
    return std::max(0.0, thanks_since_ + pack_.kiosk.thanks_seconds - now);
}

void Flow::Tick(double now) {
    if (screen_ == FlowScreen::Thanks && ThanksLeft(now) <= 0) {
        Done(now);
        return;
    }
    if (screen_ != FlowScreen::Step) return;
    if (StillThereShown()) {
        if (StillThereLeft(now) <= 0) StartOver(now);
        return;
    }
    // A save in flight is not idleness: wait for the store.
    if (awaiting_seq_ == 0 && now - last_touch_ >= pack_.kiosk.idle_seconds) still_there_since_ = now;
}

double Flow::NextDeadline(double now) const {
    if (screen_ == FlowScreen::Thanks) return thanks_since_ + pack_.kiosk.thanks_seconds;
    if (screen_ == FlowScreen::Attract) return CoolingDown(now) ? cooldown_until_ : 0; // Start comes back
    if (screen_ != FlowScreen::Step) return 0;
    if (StillThereShown()) return still_there_since_ + pack_.kiosk.still_there_seconds;
    return std::max(now, last_touch_ + pack_.kiosk.idle_seconds);
}

std::vector<StoreCommand> Flow::TakeCommands() {
    std::vector<StoreCommand> out;
    out.swap(outbox_);
    return out;
}

} // namespace tapsheet
