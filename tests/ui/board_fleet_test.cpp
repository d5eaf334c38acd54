// The control strip's fleet tag (issue 12) over a real hub's file: eight
// kiosks' own files written by the real writer, their batches read as their
// outboxes read them and ingested as the hub ingests them, their statuses
// in their outboxes' words (app/session/demo_fleet.h). The board session
// reads the health; the strip shows it in words, whole, above its buttons,
// and only on a hub's file.
#include "board_harness.h"

#include "app/session/board_session.h"
#include "app/session/board_views.h"
#include "app/session/demo_figures.h"
#include "app/session/demo_fleet.h"
#include "app/store/fleet_health.h"
#include "app/store/fleet_ingest.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

namespace tapsheet {
namespace {

const char* const kDot = " \xC2\xB7 ";

class BoardFleet : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("tapsheet-board-fleet-" + std::to_string(getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    DemoFleetFiles Write(const DemoFleet& fleet) {
        DemoFleetFiles files;
        std::string error;
        EXPECT_TRUE(
            WriteDemoFleet(pack_, dir_.string(), fleet, std::chrono::system_clock::now(), &files, &error))
            << error;
        return files;
    }

    // The board on `db` with its strip, as `tapsheet board` reads it.
    std::unique_ptr<BoardSession> Board(const std::string& db) {
        auto session =
            std::make_unique<BoardSession>(pack_, BoardSessionOptions{db, nullptr, nullptr, {}}, 100);
        session->Refresh(100);
        std::string error;
        EXPECT_TRUE(ShowBoardView(*session, "controls", 100, &error)) << error;
        session->Refresh(100);
        return session;
    }

    // The tag as the strip draws it at `width` x `height`, or "".
    std::string DrawnTag(const FleetView& fleet, int width, int height) {
        BoardHarness board(pack_, width, height);
        board.fleet = &fleet;
        board.State().controls = true;
        board.Frame();
        board.Frame();
        for (const DrawnText& text : board.Texts()) {
            if (!text.text.starts_with("Fleet: ")) continue;
            EXPECT_GE(text.min.x, 0);
            EXPECT_LE(text.max.x, static_cast<float>(width)) << text.text << " runs off the screen";
            EXPECT_LE(text.max.y - text.min.y, board.GetTheme().unit * 1.5f) << "one line";
            for (const TapTarget& target : board.Targets()) {
                if (!target.visible || target.max.y <= text.min.y || target.min.y >= text.max.y) continue;
                EXPECT_FALSE(target.max.x > text.min.x && target.min.x < text.max.x)
                    << "the tag lies over " << target.id;
            }
            return text.text;
        }
        return {};
    }

    Pack pack_ = LoadShippedPack("default.toml");
    std::filesystem::path dir_;
};

TEST_F(BoardFleet, TheStripNamesTheLostKioskAndTheAnswersWaiting) {
    const DemoFleetFiles files = Write(DemoFleet{});
    ASSERT_GT(files.behind_outbox.waiting, 0) << "kiosk-5's later visits never reached the hub";
    auto board = Board(files.hub);
    const FleetView& fleet = board->Fleet();
    ASSERT_TRUE(fleet.hub_file);
    ASSERT_EQ(fleet.kiosks.size(), 8u);
    const std::string expected = "Fleet: 8 kiosks" + std::string(kDot) + "7 online" + kDot + "kiosk-3 lost" +
                                 kDot + std::to_string(files.behind_outbox.waiting) + " waiting";
    for (auto [w, h] : {std::pair{960, 540}, std::pair{1280, 720}, std::pair{1920, 1080}})
        EXPECT_EQ(DrawnTag(fleet, w, h), expected) << w << "x" << h;
    EXPECT_EQ(FleetTagOf(fleet).tone, FleetTone::Bad);
}

TEST_F(BoardFleet, ASilentHubIsSaidInsteadOfOldNews) {
    DemoFleet demo;
    demo.hub_heard_ago = 45;
    const DemoFleetFiles files = Write(demo);
    auto board = Board(files.hub);
    ASSERT_TRUE(board->Fleet().hub_silent);
    const std::string tag = DrawnTag(board->Fleet(), 1280, 720);
    EXPECT_TRUE(tag.starts_with("Fleet: hub silent: last heard ")) << tag;
    EXPECT_TRUE(tag.ends_with(" s ago")) << tag;
}

// A heartbeat of the hub every 5 s brings the tag back, at the strip's next
// read (at most every 2 s), and the heartbeat alone redraws nothing.
TEST_F(BoardFleet, TheHubsHeartbeatRedrawsNothingButTheTagFollowsIt) {
    DemoFleet demo;
    demo.hub_heard_ago = 45;
    const DemoFleetFiles files = Write(demo);
    auto board = Board(files.hub);
    ASSERT_TRUE(board->Fleet().hub_silent);
    {
        HubFile hub;
        std::string error;
        ASSERT_TRUE(hub.Open(files.hub, &error)) << error;
        ASSERT_EQ(MarkHubHeard(hub.Db(), "demohub", std::chrono::system_clock::now()), SQLITE_OK);
    }
    EXPECT_FALSE(board->Refresh(101))
        << "inside the 2 s: the tag is not read again, the figures did not change";
    EXPECT_TRUE(board->Fleet().hub_silent);
    EXPECT_TRUE(board->Refresh(102.1)) << "the tag's words changed";
    EXPECT_FALSE(board->Fleet().hub_silent);
    {
        HubFile hub;
        std::string error;
        ASSERT_TRUE(hub.Open(files.hub, &error)) << error;
        ASSERT_EQ(MarkHubHeard(hub.Db(), "demohub", std::chrono::system_clock::now()), SQLITE_OK);
    }
    EXPECT_FALSE(board->Refresh(104.2)) << "a heartbeat with the same words: no frame";
}

TEST_F(BoardFleet, AKiosksOwnFileHasNoFleetTag) {
    const std::string db = (dir_ / "kiosk.db").string();
    std::string error;
    ASSERT_TRUE(WriteDemoFigures(pack_, db, DemoFigures{}, &error)) << error;
    auto board = Board(db);
    EXPECT_FALSE(board->Fleet().hub_file);
    EXPECT_EQ(DrawnTag(board->Fleet(), 1280, 720), "");
}

} // namespace
} // namespace tapsheet
