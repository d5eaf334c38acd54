// A person at a real `tapsheet kiosk` process: each action taps what the
// kiosk drew (found by id in its probe, scrolled into view with a finger
// when it is below the fold), waits for its effect on screen, and records
// the answer in the run's ground truth. Taps respect what a person cannot
// see either: the 0.35 s guard after a screen changes, the cooldown before
// the next Start, a save in progress.
#pragma once

#include "app/core/content.h"
#include "tests/e2e/truth.h"
#include "tests/e2e/window_driver.h"

#include <string>

namespace tapsheet::e2e {

class KioskDriver {
  public:
    // `idle` and `still_there`: the kiosk's timeouts in seconds (its config's).
    KioskDriver(WindowDriver& window, const Pack& pack, Truth& truth, double idle, double still_there);

    // Attract screen to the first step, in `lang` ("" = the pack's first).
    void Start(const std::string& lang = "");
    void Choose(const std::string& option);                        // single-choice poll: answers and moves on
    void Toggle(const std::string& item);                          // multi-choice option or sheet benefit
    void Mark(const std::string& domain, const std::string& mark); // "focus" or "least"
    void Next();
    void Skip();
    void Back();
    void TypeProject(const std::string& text); // on the on-screen keyboard
    void AddOwn(const std::string& text);
    void KeepGoingWhenAsked(); // waits for "Still there?", taps Continue
    void WalkAway();           // waits for "Still there?" and its countdown: back to the start
    void Done();               // thank-you screen to the start

    // Taps target `id` once it can be tapped (visible, enabled, past the guard).
    void Tap(const std::string& id, const TapTiming& timing = {});
    ProbeFrame ReadyFor(const std::string& id);
    std::string StepId(); // "" when not on a step
    WindowDriver& Window() { return window_; }

  private:
    TruthStep& Answer(const std::string& step);
    void ExpectLabel(const std::string& id);
    void ExpectWords(const ProbeFrame& frame, const ProbeTarget& target);
    void TypeText(const std::string& text);
    void TypeChar(const std::string& ch, const std::string& typed_so_far);
    void WaitForStep(const std::string& step, const std::string& what);
    void AfterStepLeft(const std::string& left);
    const Step& CurrentStep();

    WindowDriver& window_;
    const Pack& pack_;
    Truth& truth_;
    double idle_ = 0, still_there_ = 0;
};

} // namespace tapsheet::e2e
