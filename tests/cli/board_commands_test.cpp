// `tapsheet board`, `demo` and `screenshot --role board` as a user runs
// them: options, windows that open and draw, a PNG for every view.
#include "tests/cli/cli_test_util.h"

#include <gtest/gtest.h>

namespace {

using namespace tapsheet::cli_test;

TEST(Board, HelpAndOptions) {
    Result help = Tapsheet("board --help");
    EXPECT_EQ(help.exit_code, 0);
    for (const char* option :
         {"--content", "--db", "--backend", "--windowed", "--dpi", "--monitor", "--frames"})
        EXPECT_TRUE(Contains(help.output, option)) << option;
    EXPECT_TRUE(Contains(Tapsheet("--help").output, "board")) << "listed among the commands";
    Result unknown = Tapsheet("board --frobnicate 1");
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_TRUE(Contains(unknown.output, "--frobnicate")) << unknown.output;
    Result bad_monitor = Tapsheet("board --monitor left");
    EXPECT_EQ(bad_monitor.exit_code, 2);
    EXPECT_TRUE(Contains(bad_monitor.output, "--monitor")) << bad_monitor.output;
    Result bad_frames = Tapsheet("board --frames 0");
    EXPECT_EQ(bad_frames.exit_code, 2);
}

TEST(Board, BadPackIsNamedAndExits) {
    Result run = Tapsheet("board --windowed 800x480 --frames 2 --content " +
                          Source("tests/core/data/duplicate_id.toml") + " --db " +
                          (TempDir("board-bad") / "x.db").string());
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_TRUE(Contains(run.output, "duplicate_id.toml:11:6:")) << run.output;
}

TEST(Board, LanguageIsOneThePackHas) {
    const std::string db = " --db " + (TempDir("board-lang") / "x.db").string();
    Result welsh = Tapsheet("board --windowed 800x480 --frames 2 --lang cy --content " +
                            Source("assets/content/welsh-demo.toml") + db);
    EXPECT_EQ(welsh.exit_code, 0) << welsh.output;
    Result french = Tapsheet("board --windowed 800x480 --frames 2 --lang fr" + db);
    EXPECT_EQ(french.exit_code, 2);
    EXPECT_TRUE(Contains(french.output, "--lang fr: the pack has no such language (it has en)"))
        << french.output;
}

// The board starts before any kiosk: no database yet, and it must not
// create one just by showing.
TEST(Board, OpensDrawsAndQuitsWithoutADatabase) {
    auto db = TempDir("board-run") / "none-yet.db";
    for (const char* backend : {"sdl", "glfw"}) {
        Result run = Tapsheet(std::string("board --backend ") + backend +
                              " --windowed 1280x720 --frames 4 --db " + db.string());
        EXPECT_EQ(run.exit_code, 0) << backend << ": " << run.output;
        EXPECT_TRUE(Contains(run.output, "tapsheet: first frame presented")) << backend << ": " << run.output;
    }
    EXPECT_FALSE(std::filesystem::exists(db)) << "a board that only shows never creates the file";
}

TEST(Kiosk, OpensDrawsAndQuitsAfterFrames) {
    auto db = TempDir("kiosk-run") / "k.db";
    Result run = Tapsheet("kiosk --windowed 800x480 --frames 3 --db " + db.string());
    EXPECT_EQ(run.exit_code, 0) << run.output;
    EXPECT_TRUE(Contains(run.output, "tapsheet: first frame presented")) << run.output;
    EXPECT_TRUE(std::filesystem::exists(db));
}

// Under Xvfb there is one display: two windows side by side, one loop.
TEST(Demo, OpensKioskAndBoardWindowsSideBySide) {
    auto db = TempDir("demo-run") / "d.db";
    for (const char* backend : {"sdl", "glfw"}) {
        Result run = Tapsheet(std::string("demo --backend ") + backend + " --frames 4 --db " + db.string());
        EXPECT_EQ(run.exit_code, 0) << backend << ": " << run.output;
        EXPECT_TRUE(Contains(run.output, "kiosk and board in windows side by side")) << run.output;
        EXPECT_TRUE(Contains(run.output, "tapsheet: first frame presented")) << run.output;
    }
    EXPECT_TRUE(std::filesystem::exists(db)) << "the kiosk's writer created it";
}

TEST(Demo, WindowedSizeIsPerWindow) {
    auto db = TempDir("demo-size") / "d.db";
    Result run = Tapsheet("demo --windowed 640x400 --frames 2 --db " + db.string());
    EXPECT_EQ(run.exit_code, 0) << run.output;
    EXPECT_TRUE(Contains(run.output, "side by side")) << run.output;
}

class BoardScreenshot : public ::testing::TestWithParam<const char*> {};

TEST_P(BoardScreenshot, WritesAPngOfTheAskedSize) {
    const std::string view = GetParam();
    auto dir = TempDir("board-shot");
    std::string name = view;
    std::replace(name.begin(), name.end(), ':', '-');
    auto out = dir / (name + ".png");
    Result run =
        Tapsheet("screenshot --role board --view " + view + " --size 1280x720 --out " + out.string());
    ASSERT_EQ(run.exit_code, 0) << run.output;
    int w = 0, h = 0;
    ASSERT_TRUE(PngSize(out, w, h));
    EXPECT_EQ(w, 1280);
    EXPECT_EQ(h, 720);
    EXPECT_GT(std::filesystem::file_size(out), 10000u) << "a real picture, not an empty frame";
}

INSTANTIATE_TEST_SUITE_P(EveryView, BoardScreenshot,
                         ::testing::Values("poll", "poll:aim", "sheet", "domains", "crosstab", "totals",
                                           "timer", "evidence", "evidence:3", "moderation", "controls"),
                         [](const auto& info) {
                             std::string name = info.param;
                             std::replace(name.begin(), name.end(), ':', '_');
                             return name;
                         });

TEST(BoardScreenshotErrors, UnknownViewOrStepIsAClearError) {
    auto dir = TempDir("board-bad-shot");
    for (const char* view : {"nowhere", "poll:benefits", "evidence:9"}) {
        Result run = Tapsheet(std::string("screenshot --role board --view ") + view +
                              " --size 800x480 --out " + (dir / "x.png").string());
        EXPECT_EQ(run.exit_code, 2) << view;
        EXPECT_FALSE(std::filesystem::exists(dir / "x.png")) << view;
    }
    Result role = Tapsheet("screenshot --role projector --out " + (dir / "x.png").string());
    EXPECT_EQ(role.exit_code, 2);
    EXPECT_TRUE(Contains(role.output, "kiosk or board")) << role.output;
}

TEST(BoardScreenshotErrors, WelshPackHasNoEvidence) {
    auto dir = TempDir("board-welsh-shot");
    Result sheet = Tapsheet("screenshot --role board --content " + Source("assets/content/welsh-demo.toml") +
                            " --lang cy --view sheet --size 1280x720 --out " + (dir / "s.png").string());
    EXPECT_EQ(sheet.exit_code, 0) << sheet.output;
    Result french = Tapsheet("screenshot --role board --content " + Source("assets/content/welsh-demo.toml") +
                             " --lang fr --view sheet --size 1280x720 --out " + (dir / "f.png").string());
    EXPECT_EQ(french.exit_code, 2);
    EXPECT_TRUE(Contains(french.output, "--lang fr")) << french.output;
    EXPECT_TRUE(Contains(french.output, "en, cy, ga")) << french.output;
    EXPECT_FALSE(std::filesystem::exists(dir / "f.png"));
    Result evidence =
        Tapsheet("screenshot --role board --content " + Source("assets/content/welsh-demo.toml") +
                 " --view evidence --size 1280x720 --out " + (dir / "e.png").string());
    EXPECT_EQ(evidence.exit_code, 2);
    EXPECT_TRUE(Contains(evidence.output, "evidence")) << evidence.output;
}

} // namespace
