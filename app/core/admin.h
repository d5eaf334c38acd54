// The kiosk's staff side: the hidden gesture that opens the PIN pad, the
// PIN pad with its lock-out, and how long the panel stays open untouched.
// Plain state and clocks; the screens (app/ui/kiosk/kiosk_admin*.cpp) draw it and
// the app (app/session/admin_session.*) acts on what staff chose.
#pragma once

#include "app/core/admin_pin.h"

#include <string>

namespace tapsheet {

enum class AdminScreen { Closed, PinPad, Panel };

class AdminState {
  public:
    static constexpr double kHoldSeconds = 3;        // a press this long in the corner opens the PIN pad
    static constexpr double kPinPadIdleSeconds = 30; // untouched, the PIN pad closes
    static constexpr double kPanelIdleSeconds =
        120; // untouched, the panel closes: never left open for attendees
    static constexpr int kMaxDigits = 8;

    AdminScreen Screen() const { return screen_; }

    // Every frame on a screen where the gesture counts (the start screen and
    // the out-of-service notice): whether a finger is down in the corner.
    // True on the frame the hold completes (the PIN pad is then open).
    bool CornerHeld(bool held, double now);
    // When the hold in progress completes (for the loop's wake), or 0.
    double HoldDeadline() const { return hold_started_ > 0 ? hold_started_ + kHoldSeconds : 0; }

    // PIN pad.
    void Digit(char digit, double now);
    void Backspace(double now);
    // OK: when there is an entry and the pad is not locked, the try counts
    // as failed at once (the session keeps that on disk before the slow
    // check, so ending the process during the check gives no free try) and
    // the entry waits for CheckDone. False when there is nothing to check.
    bool Submit(double now);
    bool Checking() const { return checking_; }
    const std::string& Entry() const { return entry_; } // the digits to check
    // The check's outcome: a right PIN resets the lock-out and opens the
    // panel, if the PIN pad is still open. `pin_set` false: no PIN is set
    // (the message says how to set one). Returns whether the panel opened.
    bool CheckDone(bool right, bool pin_set, double now);
    int DigitsEntered() const { return static_cast<int>(entry_.size()); }
    bool Locked(double now) const { return lockout_.Locked(now); }
    double LockedFor(double now) const { return Locked(now) ? lockout_.LockedUntil() - now : 0; }
    const std::string& Message() const { return message_; } // the last try's outcome, for staff
    // The lock-out, for the session to keep on disk and restore at start.
    const PinLockout& Lockout() const { return lockout_; }
    void RestoreLockout(const PinLockout& lockout) { lockout_ = lockout; }

    // Any touch while open keeps it open.
    void Touched(double now) { last_touch_ = now; }
    // Closes an open PIN pad or panel that was left alone; true when it did.
    bool Tick(double now);
    double IdleDeadline() const; // when Tick would close it, or 0 when closed
    void Close();

  private:
    AdminScreen screen_ = AdminScreen::Closed;
    double hold_started_ = 0;
    double last_touch_ = 0;
    std::string entry_;
    std::string message_;
    bool checking_ = false;
    PinLockout lockout_;
};

} // namespace tapsheet
