// Renders every board page with the hand-built figures (counts in the
// thousands, every kind of free text) to PNGs for a person to look at:
//   TAPSHEET_BOARD_SHOTS=/tmp/shots xvfb-run -a ui_tests --gtest_filter='BoardShots.*'
// Skipped unless TAPSHEET_BOARD_SHOTS names a folder: it opens a GL window,
// which the other UI tests do not need.
#include "board_harness.h"

#include "app/platform/window.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

namespace tapsheet {
namespace {

std::string PageFile(const BoardPage& page) {
    std::string name = Describe(page);
    for (char& c : name)
        if (c == ':') c = '-';
    return name;
}

void Shoot(const std::string& dir, const std::string& file, const std::string& lang, int width, int height,
           bool controls) {
    Pack pack = LoadShippedPack(file);
    WindowOptions options;
    options.width = width;
    options.height = height;
    options.fullscreen = false;
    std::string error;
    std::unique_ptr<Window> window = CreateAppWindow(Backend::Offscreen, options, &error);
    ASSERT_TRUE(window) << error;
    ImGui::SetCurrentContext(window->Context());
    Theme theme;
    ASSERT_TRUE(SetupBoardTheme(theme, width, height, pack, &error)) << error;
    double now = 1000;
    BoardState state = NewBoardState(pack, now);
    state.controls = controls;
    state.timer.running = true;
    state.timer.started_at = now - 100;
    Tallies tallies = SampleTallies(pack);
    state.cross = {tallies.cross.step_id, tallies.cross.item_id};
    AnimatedValues anim;
    for (const BoardPage& page : state.pages) {
        state.page = state.previous = page;
        for (int i = 0; i < 2; ++i) {
            window->WaitEvents(0);
            window->BeginFrame();
            UiFrame ui{theme, lang, now, nullptr};
            DrawBoard(ui, BoardView{pack, state, tallies, anim, true, {}, nullptr});
            window->EndFrame();
        }
        std::vector<std::uint8_t> rgba;
        int w = 0, h = 0;
        ASSERT_TRUE(window->ReadPixels(rgba, w, h));
        std::string name = dir + "/" + pack.id + "-" + lang + "-" + PageFile(page) + "-" +
                           std::to_string(width) + "x" + std::to_string(height) +
                           (controls ? "-controls" : "") + ".png";
        ASSERT_TRUE(WritePng(name, rgba, w, h, &error)) << error;
    }
}

TEST(BoardShots, EveryPageAtEverySize) {
    const char* dir = std::getenv("TAPSHEET_BOARD_SHOTS");
    if (!dir || !*dir) GTEST_SKIP() << "set TAPSHEET_BOARD_SHOTS to a folder to render the board's pages";
    std::filesystem::create_directories(dir);
    const int sizes[][2] = {{1920, 1080}, {1280, 720}, {800, 480}, {720, 1280}};
    for (const auto& size : sizes) {
        Shoot(dir, "default.toml", "en", size[0], size[1], false);
        Shoot(dir, "welsh-demo.toml", "cy", size[0], size[1], false);
        Shoot(dir, "default.toml", "en", size[0], size[1], true);
    }
}

} // namespace
} // namespace tapsheet
