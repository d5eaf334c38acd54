// The attendee flow as a state machine: attract -> each step of the pack ->
// thank-you -> attract, with idle "Still there?" and walk-away. It knows
// nothing of ImGui or SQL: screens turn touches into calls here, and the app
// carries the store commands it emits to the writer and the acks back.
#pragma once

#include "app/core/answer.h"
#include "app/core/content.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tapsheet {

enum class FlowScreen { Attract, Step, Thanks };

// The attendee's choices on one step, kept while the visit lasts so Back
// shows them again.
struct StepDraft {
    std::vector<std::string> selected; // option or benefit ids, in tap order
    std::string project;               // sheet centre box
    std::vector<std::string> own;      // "add your own benefit" texts
    std::vector<std::pair<std::string, DomainMark>> marks;
    bool answered = false; // committed at least once
    bool skipped = false;
};

// On-screen keyboard entry in progress (the kiosk has no keyboard).
enum class TextField { None, Project, Own };

struct StoreCommand {
    enum class Kind { BeginVisit, SaveAnswer, EndVisit };
    std::uint64_t seq = 0; // flow's own number; the app maps it to the writer's ticket
    Kind kind = Kind::SaveAnswer;
    std::string visit_id;
    std::string lang;
    StepAnswer answer;
    VisitEnd end = VisitEnd::Complete;
};

// What a step's forward button does now, so the flow and the screens agree.
enum class Forward {
    Next,        // save the answer and go on (Finish on the last step)
    Skip,        // nothing chosen on a skippable step: record it as skipped and go on
    NeedsAnswer, // a required step (skippable = false) with nothing chosen yet
};

struct FlowTiming {
    double tap_guard = 0.35; // seconds after a screen change in which taps are ignored
    std::size_t max_text = 80;
    std::size_t max_own = 5;
};

class Flow {
  public:
    explicit Flow(const Pack& pack, FlowTiming timing = {});

    // Intents. Each returns false when ignored (guard time, pending save, wrong screen).
    bool Start(const std::string& lang, const std::string& visit_id, double now);
    bool Choose(const std::string& option_id, double now); // single-choice poll: select and save
    bool Toggle(const std::string& item_id, double now);   // multi-choice poll or sheet chip
    bool Mark(const std::string& domain_id, DomainMark mark, double now);
    // Save this step's answer; advances when acked. With nothing chosen it
    // skips a skippable step, and is refused on a required one.
    bool Next(double now);
    bool Skip(double now); // record the step as skipped (a skippable step only)
    bool Back(double now);
    bool RemoveOwn(std::size_t index, double now);
    bool Done(double now); // leave the thank-you screen

    bool OpenText(TextField field, double now);
    void TypeText(const std::string& utf8);
    void Backspace();
    bool CloseText(bool keep, double now);

    // Time and input: any touch resets the idle clock; Tick runs timeouts.
    void Touch(double now);
    void Tick(double now);
    bool StillHere(double now); // dismiss "Still there?"
    bool StartOver(double now); // abandon from "Still there?"

    // Store round trip.
    std::vector<StoreCommand> TakeCommands();
    void Acked(std::uint64_t seq, bool committed, double now);

    // Read-only view for screens.
    const Pack& GetPack() const { return pack_; }
    FlowScreen Screen() const { return screen_; }
    std::size_t StepIndex() const { return step_index_; }
    const Step& CurrentStep() const { return pack_.steps[step_index_]; }
    const StepDraft& Draft() const { return drafts_[step_index_]; }
    const std::string& Lang() const { return lang_; }
    const std::string& VisitId() const { return visit_id_; }
    bool Saving() const { return awaiting_seq_ != 0; }
    double SavingSince() const { return awaiting_since_; }
    bool Failed() const { return failed_; } // the last visit ended on a failed save
    bool StillThereShown() const { return still_there_since_ >= 0; }
    double StillThereLeft(double now) const;
    double ThanksLeft(double now) const;
    double NextDeadline(double now) const; // when Tick next has work; 0: none
    bool Accepts(double now) const;
    double GuardUntil() const { return guard_until_; } // taps before this are ignored
    // Just after a visit ended: Start is refused (and drawn disabled) for
    // the pack's cooldown_seconds, so one person cannot vote again and again.
    bool CoolingDown(double now) const { return now < cooldown_until_; }
    // Saving or typing: screens draw their buttons disabled. (The short tap
    // guard after a screen change is not shown: it would flash every button.)
    bool Busy() const { return awaiting_seq_ != 0 || editing_ != TextField::None; }
    bool CanAddOwn() const { return Draft().own.size() < timing_.max_own; }
    TextField EditingField() const { return editing_; }
    const std::string& EditBuffer() const { return edit_buffer_; }
    bool CanGoBack() const { return screen_ == FlowScreen::Step && step_index_ > 0; }
    bool IsLastStep() const { return step_index_ + 1 == pack_.steps.size(); }
    DomainMark MarkOf(const std::string& domain_id) const;
    bool IsSelected(const std::string& item_id) const;
    bool CanProceed() const; // the draft has something to save
    Forward ForwardAction() const;
    // Counted up each time a screen is entered (a step, even one gone back
    // to, thanks, attract) and each time the keyboard opens: a screen new to
    // the person starts at its top, never where the last one was scrolled to.
    std::uint64_t ScreenSerial() const { return screen_serial_; }
    std::uint64_t KeyboardSerial() const { return keyboard_serial_; }

  private:
    std::uint64_t Emit(StoreCommand command);
    void SaveCurrent(bool skipped, double now);
    void SaveDraft();
    StepAnswer BuildAnswer(bool skipped) const;
    void EnterStep(std::size_t index, double now);
    void EndVisit(VisitEnd end, double now);
    void ForgetVisit(double now);
    void ChangeScreen(FlowScreen screen, double now);

    const Pack& pack_;
    FlowTiming timing_;
    FlowScreen screen_ = FlowScreen::Attract;
    std::size_t step_index_ = 0;
    std::vector<StepDraft> drafts_;
    std::string lang_;
    std::string visit_id_;
    std::vector<StoreCommand> outbox_;
    std::uint64_t next_seq_ = 1;
    std::uint64_t awaiting_seq_ = 0;
    std::uint64_t begin_seq_ = 0; // the current visit's BeginVisit
    double awaiting_since_ = 0;
    bool failed_ = false;
    double guard_until_ = 0;
    double last_touch_ = 0;
    double still_there_since_ = -1;
    double thanks_since_ = 0;
    double cooldown_until_ = 0;
    TextField editing_ = TextField::None;
    std::string edit_buffer_;
    std::uint64_t screen_serial_ = 0;
    std::uint64_t keyboard_serial_ = 0;
};

} // namespace tapsheet
