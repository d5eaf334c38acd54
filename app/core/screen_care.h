// Screen care for a kiosk left on all day: it sleeps (dims or blanks)
// outside the configured hours and when staff say so, and the start
// screen's text drifts a little so no pixel shows the same thing for hours
// (burn-in on OLED and plasma panels, image retention on some LCDs).
#pragma once

#include "app/core/config.h"

namespace tapsheet {

// How far the start screen sits from its place, in font units: at most
// kDriftUnits either way, a new place every kDriftStepSeconds, moving along a
// slow loop so consecutive places are near each other.
inline constexpr float kDriftUnits = 0.6f;
inline constexpr double kDriftStepSeconds = 60;
struct Drift {
    float x = 0, y = 0;
};
Drift AttractDrift(double wall_seconds);

class ScreenSleep {
  public:
    static constexpr double kWakeSeconds = 60; // a touch while asleep wakes it this long

    void SleepNow() { forced_ = true; }
    void Touched(double now);
    // `idle`: nobody is mid-visit and no staff screen is open (a visit or
    // the admin panel never goes dark under someone's finger).
    bool Asleep(const SleepHours& hours, int minute_of_day, double now, bool idle) const;
    bool Forced() const { return forced_; }
    double AwakeUntil() const { return awake_until_; }

  private:
    bool forced_ = false;
    double awake_until_ = 0;
};

} // namespace tapsheet
