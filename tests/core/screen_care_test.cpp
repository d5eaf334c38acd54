#include "app/core/screen_care.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

namespace tapsheet {
namespace {

TEST(AttractDrift, StaysSmallMovesEveryStepAndVisitsManyPlaces) {
    std::set<std::pair<int, int>> places;
    Drift last = AttractDrift(0);
    for (int step = 0; step < 24 * 60; step++) {
        const double t = step * kDriftStepSeconds;
        const Drift here = AttractDrift(t + 1);
        EXPECT_LE(std::fabs(here.x), kDriftUnits);
        EXPECT_LE(std::fabs(here.y), kDriftUnits);
        const Drift same = AttractDrift(t + kDriftStepSeconds - 1);
        EXPECT_EQ(here.x, same.x) << "still within one step";
        EXPECT_EQ(here.y, same.y);
        // Each step moves a little: never a jump across the whole range.
        EXPECT_LT(std::hypot(here.x - last.x, here.y - last.y), kDriftUnits) << step;
        last = here;
        places.insert({int(std::lround(here.x * 100)), int(std::lround(here.y * 100))});
    }
    EXPECT_GE(places.size(), 100u) << "a day spreads the wear over many places";
}

TEST(ScreenSleep, SleepsOnlyInItsHoursWhenIdle) {
    const SleepHours night{19 * 60, 7 * 60, false};
    ScreenSleep sleep;
    EXPECT_TRUE(sleep.Asleep(night, 22 * 60, 1000, true));
    EXPECT_FALSE(sleep.Asleep(night, 12 * 60, 1000, true));
    EXPECT_FALSE(sleep.Asleep(night, 22 * 60, 1000, false)) << "never under someone's finger";
    EXPECT_FALSE(sleep.Asleep(SleepHours{}, 22 * 60, 1000, true)) << "no hours: never";
}

TEST(ScreenSleep, ATouchWakesItForAMinute) {
    const SleepHours night{19 * 60, 7 * 60, true};
    ScreenSleep sleep;
    sleep.Touched(1000);
    EXPECT_FALSE(sleep.Asleep(night, 22 * 60, 1000 + ScreenSleep::kWakeSeconds - 1, true));
    EXPECT_TRUE(sleep.Asleep(night, 22 * 60, 1000 + ScreenSleep::kWakeSeconds, true));
}

TEST(ScreenSleep, SleepNowLastsUntilATouch) {
    ScreenSleep sleep;
    sleep.SleepNow();
    EXPECT_TRUE(sleep.Asleep(SleepHours{}, 12 * 60, 5, true));
    EXPECT_TRUE(sleep.Asleep(SleepHours{}, 12 * 60, 50000, true));
    sleep.Touched(50000);
    EXPECT_FALSE(sleep.Forced());
    EXPECT_FALSE(sleep.Asleep(SleepHours{}, 12 * 60, 50000 + 2 * ScreenSleep::kWakeSeconds, true));
}

} // namespace
} // namespace tapsheet
