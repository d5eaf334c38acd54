// Where `tapsheet demo` puts kiosk and board. The two-display case cannot be
// seen under Xvfb (one screen, one display to SDL and GLFW), so the layout
// is checked here against the display lists a backend would report.
#include "app/shell/demo_layout.h"

#include <gtest/gtest.h>

namespace tapsheet {
namespace {

TEST(DemoLayout, TwoDisplaysGiveEachAFullScreen) {
    CommonOptions options;
    const DemoLayout layout = LayOut(options, {{0, 0, 800, 480}, {800, 0, 1920, 1080}});
    EXPECT_TRUE(layout.kiosk.fullscreen);
    EXPECT_TRUE(layout.board.fullscreen);
    EXPECT_EQ(layout.kiosk.monitor, 0); // the touch display
    EXPECT_EQ(layout.board.monitor, 1); // the TV or projector
}

TEST(DemoLayout, OneDisplayGivesTwoWindowsSideBySideThatFit) {
    CommonOptions options; // 1280x800 each: too wide for two on a 1920x1080 screen
    const DemoLayout layout = LayOut(options, {{0, 0, 1920, 1080}});
    for (const WindowOptions* window : {&layout.kiosk, &layout.board}) {
        EXPECT_FALSE(window->fullscreen);
        EXPECT_TRUE(window->positioned);
        EXPECT_EQ(window->monitor, 0);
        EXPECT_GE(window->y, 0);
        EXPECT_LE(window->y + window->height, 1080);
    }
    EXPECT_EQ(layout.kiosk.x + layout.kiosk.width, layout.board.x) << "side by side, touching";
    EXPECT_GE(layout.kiosk.x, 0);
    EXPECT_LE(layout.board.x + layout.board.width, 1920);
    EXPECT_NEAR(double(layout.kiosk.width) / layout.kiosk.height, 1280.0 / 800.0, 0.01) << "shape kept";
}

TEST(DemoLayout, AnAskedSizeGivesWindowsEvenOnTwoDisplays) {
    CommonOptions options;
    options.size_given = true;
    options.width = 640;
    options.height = 400;
    const DemoLayout layout = LayOut(options, {{0, 0, 1920, 1080}, {1920, 0, 1920, 1080}});
    EXPECT_FALSE(layout.kiosk.fullscreen);
    EXPECT_FALSE(layout.board.fullscreen);
    EXPECT_EQ(layout.kiosk.width, 640);
    EXPECT_EQ(layout.board.height, 400);
}

} // namespace
} // namespace tapsheet
