// Bars that glide to their new figure with an ease-out, then settle so the
// board stops drawing.
#include "app/core/animated.h"

#include <gtest/gtest.h>

namespace tapsheet {
namespace {

TEST(AnimatedValues, FirstTargetJumpsWithoutAnimation) {
    AnimatedValues anim(1.0);
    anim.Retarget("a", 42, 10);
    EXPECT_DOUBLE_EQ(anim.Value("a", 10), 42);
    EXPECT_TRUE(anim.Settled(10));
}

TEST(AnimatedValues, UnknownKeysReadTheFallback) {
    AnimatedValues anim;
    EXPECT_DOUBLE_EQ(anim.Value("x", 0), 0);
    EXPECT_DOUBLE_EQ(anim.Value("x", 0, 7), 7);
    EXPECT_TRUE(anim.Settled(0)) << "nothing to animate";
}

TEST(AnimatedValues, GlidesWithAnEaseOutAndSettles) {
    AnimatedValues anim(1.0);
    anim.Retarget("a", 0, 0);
    anim.Retarget("a", 100, 10);
    EXPECT_DOUBLE_EQ(anim.Value("a", 10), 0);
    EXPECT_FALSE(anim.Settled(10));
    const double half = anim.Value("a", 10.5);
    EXPECT_DOUBLE_EQ(half, 87.5) << "ease-out cubic: 1 - 0.5^3";
    EXPECT_GT(half, 50) << "quick at first";
    double last = 0;
    for (double t = 10; t <= 11; t += 0.05) {
        const double value = anim.Value("a", t);
        EXPECT_GE(value, last) << "never goes back";
        EXPECT_LE(value, 100) << "never overshoots";
        last = value;
    }
    EXPECT_FALSE(anim.Settled(10.99));
    EXPECT_TRUE(anim.Settled(11));
    EXPECT_DOUBLE_EQ(anim.Value("a", 11), 100);
    EXPECT_DOUBLE_EQ(anim.Value("a", 500), 100);
}

TEST(AnimatedValues, RetargetMidGlideStartsFromWhereItIs) {
    AnimatedValues anim(1.0);
    anim.Retarget("a", 0, 0);
    anim.Retarget("a", 100, 0);
    const double at_half = anim.Value("a", 0.5);
    anim.Retarget("a", 50, 0.5);
    EXPECT_DOUBLE_EQ(anim.Value("a", 0.5), at_half) << "no jump";
    EXPECT_DOUBLE_EQ(anim.Value("a", 1.5), 50);
    EXPECT_FALSE(anim.Settled(1.4));
    EXPECT_TRUE(anim.Settled(1.5));
}

TEST(AnimatedValues, SameTargetDoesNotRestart) {
    AnimatedValues anim(1.0);
    anim.Retarget("a", 0, 0);
    anim.Retarget("a", 10, 0);
    anim.Retarget("a", 10, 0.9); // a refresh that changed nothing for this bar
    EXPECT_TRUE(anim.Settled(1.0));
}

TEST(AnimatedValues, SettledOnlyWhenEveryKeyIs) {
    AnimatedValues anim(1.0);
    anim.Retarget("a", 0, 0);
    anim.Retarget("b", 0, 0);
    anim.Retarget("a", 5, 0);
    anim.Retarget("b", 5, 0.5);
    EXPECT_FALSE(anim.Settled(1.2));
    EXPECT_TRUE(anim.Settled(1.5));
}

TEST(AnimatedValues, ClearForgetsSoTheNextTargetJumps) {
    AnimatedValues anim(1.0);
    anim.Retarget("a", 0, 0);
    anim.Retarget("a", 10, 0);
    anim.Clear();
    EXPECT_TRUE(anim.Settled(0));
    anim.Retarget("a", 3, 0.1);
    EXPECT_DOUBLE_EQ(anim.Value("a", 0.1), 3);
}

TEST(AnimatedValues, ZeroDurationJumps) {
    AnimatedValues anim(0);
    anim.Retarget("a", 0, 0);
    anim.Retarget("a", 9, 1);
    EXPECT_DOUBLE_EQ(anim.Value("a", 1), 9);
    EXPECT_TRUE(anim.Settled(1));
}

} // namespace
} // namespace tapsheet
