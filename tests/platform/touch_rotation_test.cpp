#include "app/platform/touch_input.h"

#include <gtest/gtest.h>

namespace tapsheet::platform {
namespace {

struct Point {
    float x, y;
};

Point Turned(Point p, int degrees) {
    RotateTouch(p.x, p.y, degrees);
    return p;
}

TEST(RotateTouch, TurnsCornersClockwise) {
    // The panel's top-left corner lands where the picture's turned one is.
    EXPECT_FLOAT_EQ(Turned({0, 0}, 90).x, 1);
    EXPECT_FLOAT_EQ(Turned({0, 0}, 90).y, 0);
    EXPECT_FLOAT_EQ(Turned({1, 0}, 90).x, 1);
    EXPECT_FLOAT_EQ(Turned({1, 0}, 90).y, 1);
    EXPECT_FLOAT_EQ(Turned({0, 0}, 180).x, 1);
    EXPECT_FLOAT_EQ(Turned({0, 0}, 180).y, 1);
    EXPECT_FLOAT_EQ(Turned({0, 0}, 270).x, 0);
    EXPECT_FLOAT_EQ(Turned({0, 0}, 270).y, 1);
    EXPECT_FLOAT_EQ(Turned({0.25f, 0.75f}, 0).x, 0.25f);
    EXPECT_FLOAT_EQ(Turned({0.25f, 0.75f}, 0).y, 0.75f);
}

TEST(RotateTouch, QuarterTurnsCompose) {
    const Point p{0.2f, 0.7f};
    Point q = p;
    for (int i = 0; i < 4; i++)
        q = Turned(q, 90);
    EXPECT_NEAR(q.x, p.x, 1e-6);
    EXPECT_NEAR(q.y, p.y, 1e-6);
    const Point back = Turned(Turned(p, 90), 270);
    EXPECT_NEAR(back.x, p.x, 1e-6);
    EXPECT_NEAR(back.y, p.y, 1e-6);
    const Point half = Turned(Turned(p, 90), 90);
    EXPECT_NEAR(half.x, Turned(p, 180).x, 1e-6);
    EXPECT_NEAR(half.y, Turned(p, 180).y, 1e-6);
}

TEST(RotateTouch, SynthesizedMouseEventsTurnRealMiceDoNot) {
    TouchInput touch(180);
    SDL_Event finger{};
    finger.type = SDL_MOUSEBUTTONDOWN;
    finger.button.which = SDL_TOUCH_MOUSEID;
    finger.button.x = 100;
    finger.button.y = 50;
    touch.RotateSynthesized(finger, 800, 480);
    EXPECT_EQ(finger.button.x, 700);
    EXPECT_EQ(finger.button.y, 430);
    SDL_Event mouse = finger;
    mouse.button.which = 0;
    mouse.button.x = 100;
    touch.RotateSynthesized(mouse, 800, 480);
    EXPECT_EQ(mouse.button.x, 100);
}

} // namespace
} // namespace tapsheet::platform
