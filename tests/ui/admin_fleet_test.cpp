// The kiosk staff page's Fleet tab (issue 12) over real files: a hub's file
// made by the real flow (app/session/demo_fleet.h: the real writer, batches
// read as the outbox reads them, ingested as the hub ingests them), a kiosk
// whose later answers still wait for the hub, and a kiosk alone. The texts
// the tab draws are read back, at every reference size.
#include "admin_harness.h"
#include "glyph_check.h"

#include "app/session/demo_figures.h"
#include "app/session/demo_fleet.h"

namespace tapsheet {
namespace {

const char* const kDot = " \xC2\xB7 ";

struct FleetFixture {
    explicit FleetFixture(const std::string& name, const DemoFleet& fleet = {})
        : dir(FreshDir(name)), pack(DefaultPack()) {
        std::string error;
        EXPECT_TRUE(
            WriteDemoFleet(pack, dir.string(), fleet, std::chrono::system_clock::now(), &files, &error))
            << error;
        settings.pin_hash = LegacyPinHash("2580", "abcd", 10);
        settings.content_path = pack.source_path;
        settings.export_dir = (dir / "media").string();
    }
    ~FleetFixture() { std::filesystem::remove_all(dir); }
    std::filesystem::path dir;
    Pack pack;
    DemoFleetFiles files;
    AdminSettings settings;
};

// The panel opened with the PIN and the Fleet tab tapped.
void OpenFleetTab(AdminHarness& harness, AdminSession& admin) {
    OpenPad(admin, harness.Now());
    harness.Frame();
    EnterPin(harness, admin, "2580");
    ASSERT_EQ(admin.State().Screen(), AdminScreen::Panel);
    ASSERT_TRUE(harness.Tap("admin-tab-5"));
    harness.Frame();
}

bool Shows(const AdminHarness& harness, const std::string& text) {
    return harness.Shown().find(text) != std::string::npos;
}

TEST(AdminFleet, OnTheHubsFileEveryKioskHasItsRow) {
    FleetFixture f("hub");
    f.settings.db_path = f.files.hub;
    AdminSession admin(f.settings, nullptr);
    AdminHarness harness(admin, 800, 480);
    OpenFleetTab(harness, admin);
    const std::string shown = harness.Shown();
    EXPECT_TRUE(Shows(harness, "Every kiosk (this is the hub's results file)")) << shown;
    EXPECT_TRUE(Shows(harness, "Hub: last heard ")) << shown;
    EXPECT_TRUE(Shows(harness, std::string("8 kiosks") + kDot + "7 online" + kDot + "kiosk-3 lost")) << shown;
    for (int i = 1; i <= 8; ++i) {
        const std::string id = "kiosk-" + std::to_string(i);
        EXPECT_TRUE(Shows(harness, id + kDot + (i == 3 ? "lost" : "online"))) << id << "\n" << shown;
    }
    EXPECT_TRUE(Shows(harness, "Its connection dropped")) << "kiosk-3 says why it matters";
    // kiosk-5's outbox said how many of its answers wait; kiosk-1's clock
    // runs 0.4 s ahead, kiosk-2's 1.2 s behind.
    EXPECT_TRUE(Shows(harness, kDot + std::to_string(f.files.behind_outbox.waiting) + " waiting")) << shown;
    EXPECT_TRUE(Shows(harness, "clock +0.4 s")) << shown;
    EXPECT_TRUE(Shows(harness, "clock -1.2 s")) << shown;
    EXPECT_TRUE(Shows(harness, "last answer ")) << shown;
    EXPECT_EQ(MissingGlyphs(harness.GetTheme(), shown), "");
}

TEST(AdminFleet, ASilentHubIsSaidFirst) {
    DemoFleet demo;
    demo.hub_heard_ago = 45;
    FleetFixture f("silent", demo);
    f.settings.db_path = f.files.hub;
    AdminSession admin(f.settings, nullptr);
    AdminHarness harness(admin, 720, 1280);
    OpenFleetTab(harness, admin);
    EXPECT_TRUE(Shows(harness, "The hub is silent: last heard ")) << harness.Shown();
    EXPECT_TRUE(Shows(harness, "Is tapsheet-hub running?"));
}

// kiosk-5's own file: the hub acknowledged its first visits; the rest wait.
TEST(AdminFleet, AKioskSaysWhatItsOutboxHolds) {
    FleetFixture f("kiosk");
    f.settings.db_path = f.files.kiosks[4];
    f.settings.kiosk_id = "kiosk-5";
    AdminSession admin(f.settings, nullptr);
    const OutboxView outbox = f.files.behind_outbox;
    ASSERT_GT(outbox.acked, 0);
    ASSERT_GT(outbox.waiting, 0);
    admin.SetOutbox([outbox] { return outbox; });
    AdminHarness harness(admin, 800, 480);
    OpenFleetTab(harness, admin);
    const std::string shown = harness.Shown();
    EXPECT_TRUE(Shows(harness, "This kiosk sends its answers to the hub")) << shown;
    EXPECT_TRUE(Shows(harness, "Broker board.local:8883, event demo")) << shown;
    EXPECT_TRUE(Shows(harness, "Not connected to the broker")) << shown;
    EXPECT_TRUE(Shows(harness, "Last change the hub confirmed: " + std::to_string(outbox.acked))) << shown;
    EXPECT_TRUE(Shows(harness, "Answers waiting for the hub: " + std::to_string(outbox.waiting))) << shown;
    EXPECT_TRUE(Shows(harness, "Messages the broker refused: 0")) << shown;
    EXPECT_TRUE(Shows(harness, "Problem: lost the connection to the broker")) << shown;
    EXPECT_FALSE(Shows(harness, "Every kiosk")) << "a kiosk's own file is no hub's";
}

TEST(AdminFleet, AKioskAloneSaysHowToJoinAFleet) {
    const auto dir = FreshDir("alone");
    const Pack pack = DefaultPack();
    AdminSettings settings;
    settings.pin_hash = LegacyPinHash("2580", "abcd", 10);
    settings.db_path = (dir / "results.db").string();
    std::string error;
    ASSERT_TRUE(WriteDemoFigures(pack, settings.db_path, DemoFigures{}, &error)) << error;
    AdminSession admin(settings, nullptr);
    AdminHarness harness(admin, 720, 1280);
    OpenFleetTab(harness, admin);
    EXPECT_TRUE(Shows(harness, "This kiosk works alone")) << harness.Shown();
    EXPECT_TRUE(Shows(harness, "add a [fleet] table")) << harness.Shown();
    std::filesystem::remove_all(dir);
}

// Six tabs: one row where the labels fit, two rows of three where not; each
// a touch target on screen, its label on one line, none over another.
TEST(AdminFleet, TheTabFitsAtEveryReferenceSize) {
    FleetFixture f("sizes");
    f.settings.db_path = f.files.hub;
    for (auto [w, h] : {std::pair{800, 480}, std::pair{720, 1280}, std::pair{1920, 1080}}) {
        AdminSession admin(f.settings, nullptr);
        AdminHarness harness(admin, w, h);
        OpenFleetTab(harness, admin);
        for (const TapTarget& t : harness.Targets()) {
            if (!t.visible) continue;
            EXPECT_GE(t.max.y - t.min.y + 0.5f, harness.GetTheme().target_min) << t.id << " at " << w;
            EXPECT_GE(t.min.x, 0) << t.id << " at " << w;
            EXPECT_LE(t.max.x, float(w)) << t.id << " at " << w;
            if (!t.id.starts_with("admin-tab")) continue;
            const ImFont* font = harness.GetTheme().body_bold;
            const float label_w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, t.label.c_str()).x;
            EXPECT_LE(label_w + harness.GetTheme().U(1.6f), t.max.x - t.min.x)
                << "'" << t.label << "' wraps in its tab at " << w;
            for (const TapTarget& other : harness.Targets()) {
                if (&other == &t || !other.visible || !other.id.starts_with("admin-tab")) continue;
                EXPECT_FALSE(t.min.x < other.max.x && other.min.x < t.max.x && t.min.y < other.max.y &&
                             other.min.y < t.max.y)
                    << t.id << " overlaps " << other.id << " at " << w;
            }
        }
        EXPECT_NE(harness.Find("admin-tab-5"), nullptr);
    }
}

} // namespace
} // namespace tapsheet
