#include "app/core/screen_care.h"

#include <cmath>

namespace tapsheet {

Drift AttractDrift(double wall_seconds) {
    // Steps along a Lissajous loop (periods of 13 and 17 steps), so the text
    // visits many places before repeating, each one close to the last.
    const double step = std::floor(wall_seconds / kDriftStepSeconds);
    const double two_pi = 6.283185307179586;
    Drift drift;
    drift.x = kDriftUnits * static_cast<float>(std::sin(two_pi * step / 13.0));
    drift.y = kDriftUnits * static_cast<float>(std::sin(two_pi * step / 17.0 + 1.0));
    return drift;
}

void ScreenSleep::Touched(double now) {
    forced_ = false;
    awake_until_ = now + kWakeSeconds;
}

bool ScreenSleep::Asleep(const SleepHours& hours, int minute_of_day, double now, bool idle) const {
    if (!idle || now < awake_until_) return false;
    return forced_ || hours.Asleep(minute_of_day);
}

} // namespace tapsheet
