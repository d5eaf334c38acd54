#include "app/core/admin.h"

#include <cmath>

namespace tapsheet {

bool AdminState::CornerHeld(bool held, double now) {
    if (!held || screen_ != AdminScreen::Closed) {
        hold_started_ = 0;
        return false;
    }
    if (hold_started_ == 0) hold_started_ = now;
    if (now - hold_started_ < kHoldSeconds) return false;
    hold_started_ = 0;
    screen_ = AdminScreen::PinPad;
    entry_.clear();
    message_.clear();
    last_touch_ = now;
    return true;
}

void AdminState::Digit(char digit, double now) {
    last_touch_ = now;
    if (screen_ != AdminScreen::PinPad || checking_ || Locked(now)) return;
    if (digit < '0' || digit > '9' || entry_.size() >= static_cast<std::size_t>(kMaxDigits)) return;
    entry_ += digit;
}

void AdminState::Backspace(double now) {
    last_touch_ = now;
    if (!checking_ && !entry_.empty()) entry_.pop_back();
}

bool AdminState::Submit(double now) {
    last_touch_ = now;
    if (screen_ != AdminScreen::PinPad || checking_ || Locked(now) || entry_.empty()) return false;
    lockout_.Failed(now);
    checking_ = true;
    message_.clear();
    return true;
}

bool AdminState::CheckDone(bool right, bool pin_set, double now) {
    if (!checking_) return false;
    checking_ = false;
    entry_.clear();
    if (right) {
        lockout_.Succeeded();
        message_.clear();
        if (screen_ != AdminScreen::PinPad) return false;
        screen_ = AdminScreen::Panel;
        last_touch_ = now;
        return true;
    }
    if (!pin_set)
        message_ = "No admin PIN is set. Set one with: sudo tapsheet set-pin";
    else if (Locked(now))
        message_ =
            "Wrong PIN. Locked for " + std::to_string(static_cast<int>(std::ceil(LockedFor(now)))) + " s.";
    else
        message_ = "Wrong PIN.";
    return false;
}

bool AdminState::Tick(double now) {
    const double deadline = IdleDeadline();
    if (deadline == 0 || now < deadline) return false;
    Close();
    return true;
}

double AdminState::IdleDeadline() const {
    switch (screen_) {
    case AdminScreen::Closed:
        return 0;
    case AdminScreen::PinPad:
        return last_touch_ + kPinPadIdleSeconds;
    case AdminScreen::Panel:
        return last_touch_ + kPanelIdleSeconds;
    }
    return 0;
}

void AdminState::Close() {
    screen_ = AdminScreen::Closed;
    entry_.clear();
    message_.clear(); // the lock-out itself stays: closing is not a way round it
}

} // namespace tapsheet
