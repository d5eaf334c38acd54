// The kiosk's staff screens through real Dear ImGui frames (no GPU) and a
// real results file: taps on the PIN pad open the panel, and the panel's
// moderation and new round reach the store. Every target is a touch target.
#include "admin_harness.h"
#include "glyph_check.h"

#include "app/core/loader.h"
#include "app/session/admin_session.h"
#include "app/session/demo_figures.h"
#include "app/ui/kiosk/kiosk_admin.h"

#include "imgui.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>
#include <unistd.h>

namespace tapsheet {
namespace {

struct Fixture {
    explicit Fixture(const std::string& name) : dir(FreshDir(name)), pack(DefaultPack()) {
        std::string error;
        EXPECT_TRUE(WriteDemoFigures(pack, (dir / "results.db").string(), DemoFigures{}, &error)) << error;
        WriterOptions options;
        options.db_path = (dir / "results.db").string();
        writer = std::make_unique<VisitWriter>(options, pack);
        settings.pin_hash = LegacyPinHash("2580", "abcd", 10);
        settings.db_path = options.db_path;
        settings.content_path = pack.source_path;
        settings.export_dir = (dir / "media").string();
    }
    std::filesystem::path dir;
    Pack pack;
    std::unique_ptr<VisitWriter> writer;
    AdminSettings settings;
};

Tallies ReadBack(const std::string& db) {
    TallyReader reader(db);
    Tallies tallies;
    reader.Refresh(TallyQuery{}, &tallies);
    return tallies;
}

// What the store says once `done` holds (the writer commits on its own
// thread), or after 10 s.
template <typename Done> Tallies WaitFor(const std::string& db, Done done) {
    Tallies tallies = ReadBack(db);
    for (int i = 0; i < 1000 && !done(tallies); i++) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        tallies = ReadBack(db);
    }
    return tallies;
}

TEST(AdminScreens, PinTapsOpenThePanelAndModerationReachesTheStore) {
    Fixture f("moderate");
    AdminSession admin(f.settings, f.writer.get());
    AdminHarness harness(admin, 800, 480);
    OpenPad(admin, harness.Now());
    harness.Frame();
    EnterPin(harness, admin, "1111");
    EXPECT_EQ(admin.State().Screen(), AdminScreen::PinPad) << "a wrong PIN does not open it";
    EnterPin(harness, admin, "2580");
    ASSERT_EQ(admin.State().Screen(), AdminScreen::Panel);
    ASSERT_TRUE(harness.Tap("admin-tab-1"));
    const Tallies before = ReadBack(f.settings.db_path);
    ASSERT_FALSE(before.free_text.empty());
    ASSERT_EQ(before.free_text.front().status, Moderation::Pending);
    const std::string text = before.free_text.front().text;
    ASSERT_TRUE(harness.Tap("admin-approve-0"));
    auto approved = [&](const Tallies& t) {
        for (const FreeText& free : t.free_text)
            if (free.text == text) return free.status == Moderation::Approved;
        return false;
    };
    EXPECT_TRUE(approved(WaitFor(f.settings.db_path, approved))) << text << " was not approved in the store";
}

// Approving a text leaves it where it was on the Texts tab, also when the
// tab reads the store again (tapped again, or its refresh every 30 s): the
// next tap lands on the text the organiser is looking at.
TEST(AdminScreens, TextRowsStayPutWhileTheTabIsOpen) {
    Fixture f("rows");
    AdminSession admin(f.settings, f.writer.get());
    AdminHarness harness(admin, 720, 1280);
    OpenPad(admin, harness.Now());
    harness.Frame();
    EnterPin(harness, admin, "2580");
    ASSERT_EQ(admin.State().Screen(), AdminScreen::Panel);
    ASSERT_TRUE(harness.Tap("admin-tab-1"));
    auto texts = [&] {
        std::vector<std::string> order;
        for (const FreeText& text : admin.View().tallies->free_text)
            order.push_back(text.text);
        return order;
    };
    ASSERT_NE(admin.View().tallies, nullptr);
    const std::vector<std::string> listed = texts();
    ASSERT_GE(listed.size(), 2u);
    ASSERT_EQ(admin.View().tallies->free_text[1].status, Moderation::Pending);
    ASSERT_TRUE(harness.Tap("admin-approve-0"));
    auto approved = [&](const Tallies& t) {
        for (const FreeText& free : t.free_text)
            if (free.text == listed[0]) return free.status == Moderation::Approved;
        return false;
    };
    ASSERT_TRUE(approved(WaitFor(f.settings.db_path, approved)));
    ASSERT_TRUE(harness.Tap("admin-tab-1")); // reads the store again
    EXPECT_EQ(texts(), listed) << "no row moved";
    EXPECT_EQ(admin.View().tallies->free_text[0].status, Moderation::Approved);
    // The second row is still the second text: approving it approves that one.
    ASSERT_TRUE(harness.Tap("admin-approve-1"));
    auto second = [&](const Tallies& t) {
        for (const FreeText& free : t.free_text)
            if (free.text == listed[1]) return free.status == Moderation::Approved;
        return false;
    };
    EXPECT_TRUE(second(WaitFor(f.settings.db_path, second))) << listed[1];
    admin.Tick(harness.Now() + AdminSession::kRefreshSeconds + 1);
    EXPECT_EQ(texts(), listed) << "the timed refresh moves no row either";
}

// The Figures tab reads the store again now and then: its counts (and "the
// last 10 minutes") do not stand still while the panel is open.
TEST(AdminScreens, FiguresRefreshWhileThePanelIsOpen) {
    Fixture f("figures");
    AdminSession admin(f.settings, f.writer.get());
    AdminHarness harness(admin, 800, 480);
    OpenPad(admin, harness.Now());
    harness.Frame();
    EnterPin(harness, admin, "2580");
    ASSERT_EQ(admin.State().Screen(), AdminScreen::Panel);
    ASSERT_NE(admin.View().tallies, nullptr);
    const int visits = admin.View().tallies->visits_today;
    f.writer->BeginVisit("late-visit", "en");
    auto arrived = [&](const Tallies& t) { return t.visits_today == visits + 1; };
    ASSERT_TRUE(arrived(WaitFor(f.settings.db_path, arrived)));
    const double now = harness.Now();
    EXPECT_LE(admin.NextWake(now), now + AdminSession::kRefreshSeconds) << "the loop wakes to read again";
    admin.Tick(now + 1);
    EXPECT_EQ(admin.View().tallies->visits_today, visits) << "not yet";
    admin.Tick(now + AdminSession::kRefreshSeconds + 1);
    EXPECT_EQ(admin.View().tallies->visits_today, visits + 1);
    EXPECT_EQ(admin.State().Screen(), AdminScreen::Panel) << "still open";
}

TEST(AdminScreens, ANewRoundNeedsASecondTap) {
    Fixture f("round");
    AdminSession admin(f.settings, f.writer.get());
    AdminHarness harness(admin, 720, 1280);
    OpenPad(admin, harness.Now());
    harness.Frame();
    EnterPin(harness, admin, "2580");
    ASSERT_EQ(admin.State().Screen(), AdminScreen::Panel);
    const int round = ReadBack(f.settings.db_path).current_round;
    ASSERT_TRUE(harness.Tap("admin-new-round"));
    EXPECT_EQ(ReadBack(f.settings.db_path).current_round, round) << "one tap only arms it";
    EXPECT_TRUE(harness.Find("Tap again to confirm") != nullptr);
    ASSERT_TRUE(harness.Tap("admin-new-round"));
    auto next = [&](const Tallies& t) { return t.current_round == round + 1; };
    EXPECT_EQ(WaitFor(f.settings.db_path, next).current_round, round + 1);
}

TEST(AdminScreens, QuitAndRestartNeedConfirmingAndSetTheExitCode) {
    Fixture f("power");
    AdminSession admin(f.settings, f.writer.get());
    AdminHarness harness(admin, 1920, 1080);
    OpenPad(admin, harness.Now());
    harness.Frame();
    EnterPin(harness, admin, "2580");
    ASSERT_TRUE(harness.Tap("admin-tab-4"));
    ASSERT_TRUE(harness.Tap("admin-quit"));
    EXPECT_EQ(admin.ExitCode(), -1);
    ASSERT_TRUE(harness.Tap("admin-restart")) << "another action disarms the quit";
    ASSERT_TRUE(harness.Tap("admin-quit"));
    EXPECT_EQ(admin.ExitCode(), -1);
    ASSERT_TRUE(harness.Tap("admin-quit"));
    EXPECT_EQ(admin.ExitCode(), 0);
}

TEST(AdminScreens, ExportGoesToTheStickStaffChose) {
    Fixture f("export");
    std::filesystem::create_directories(f.dir / "media" / "STICK");
    std::string exported_to;
    f.settings.export_to = [&](const std::string& dir, std::string* summary, std::string*) {
        exported_to = dir;
        *summary = "3 files";
        return true;
    };
    f.settings.sticks_need_mount = false; // nothing can be mounted in a test
    AdminSession admin(f.settings, f.writer.get());
    AdminHarness harness(admin, 800, 480);
    OpenPad(admin, harness.Now());
    harness.Frame();
    EnterPin(harness, admin, "2580");
    ASSERT_TRUE(harness.Tap("admin-tab-2"));
    ASSERT_TRUE(harness.Tap("admin-export-0"));
    EXPECT_EQ(exported_to, (f.dir / "media" / "STICK").string());
    EXPECT_NE(admin.View().status.find("3 files"), std::string::npos);
}

// The fonts hold only what can be shown (app/ui/common/theme.cpp): the
// panel's own words, the pack's, and the packs it offers, all have glyphs.
TEST(AdminScreens, EveryTextOfThePanelHasItsGlyphs) {
    Fixture f("glyphs");
    AdminSession admin(f.settings, f.writer.get());
    AdminHarness harness(admin, 800, 480);
    OpenPad(admin, harness.Now());
    harness.Frame();
    EXPECT_EQ(MissingGlyphs(harness.GetTheme(), harness.Shown()), "") << "pin pad";
    EnterPin(harness, admin, "2580");
    for (int tab = 0; tab < kAdminTabs; tab++) {
        ASSERT_TRUE(harness.Tap("admin-tab-" + std::to_string(tab)));
        harness.Frame();
        EXPECT_NE(harness.Shown().find("Figures"), std::string::npos) << "the tabs are drawn";
        EXPECT_EQ(MissingGlyphs(harness.GetTheme(), harness.Shown()), "") << "tab " << tab;
    }
}

TEST(AdminScreens, EveryTargetIsATouchTargetOnScreenAtEverySize) {
    Fixture f("sizes");
    for (auto [w, h] : {std::pair{800, 480}, std::pair{720, 1280}, std::pair{1920, 1080}}) {
        AdminSession admin(f.settings, f.writer.get());
        AdminHarness harness(admin, w, h);
        OpenPad(admin, harness.Now());
        auto check = [&](const char* screen) {
            harness.Frame();
            harness.Frame();
            for (const TapTarget& t : harness.Targets()) {
                if (!t.visible) continue;
                EXPECT_GE(t.max.y - t.min.y + 0.5f, harness.GetTheme().target_min)
                    << screen << " " << t.id << " " << w;
                EXPECT_GE(t.min.x, 0) << screen << " " << t.id << " at " << w << "x" << h;
                EXPECT_LE(t.max.x, float(w)) << screen << " " << t.id << " at " << w << "x" << h;
                EXPECT_LE(t.max.y, float(h)) << screen << " " << t.id << " at " << w << "x" << h;
            }
        };
        check("pin pad");
        EnterPin(harness, admin, "2580");
        for (int tab = 0; tab < kAdminTabs; tab++) {
            ASSERT_TRUE(harness.Tap("admin-tab-" + std::to_string(tab)));
            check("panel");
        }
    }
}

} // namespace
} // namespace tapsheet
