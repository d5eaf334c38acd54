// Taps through the X server land once, where they were made, through SDL as
// through GLFW, however their events arrive: the timing matrix of issue 9.
// A person's taps on the real kiosk process, as XTest pointer motion,
// press and release with given gaps; each must toggle exactly the chip it
// was made on, seen both on screen (the probe) and in the store, without
// any further input arriving to push it through.
#include "tests/e2e/e2e_fixture.h"
#include "tests/e2e/kiosk_driver.h"

#include <sqlite3.h>

#include <algorithm>

namespace tapsheet::e2e {
namespace {

// What the store holds for the latest visit's step `step`, sorted.
std::vector<std::string> StoredItems(const std::filesystem::path& db, const std::string& step) {
    std::vector<std::string> items;
    sqlite3* connection = nullptr;
    if (sqlite3_open_v2(db.c_str(), &connection, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(connection, 2000);
        sqlite3_stmt* statement = nullptr;
        const char* sql = "SELECT a.item_id FROM answers a WHERE a.step_id = ?1 AND a.visit_id = "
                          "(SELECT id FROM visits ORDER BY started_at DESC, rowid DESC LIMIT 1) ORDER BY 1";
        if (sqlite3_prepare_v2(connection, sql, -1, &statement, nullptr) == SQLITE_OK) {
            sqlite3_bind_text(statement, 1, step.c_str(), -1, SQLITE_TRANSIENT);
            while (sqlite3_step(statement) == SQLITE_ROW)
                items.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
        }
        sqlite3_finalize(statement);
    }
    sqlite3_close(connection);
    return items;
}

std::string Joined(std::vector<std::string> items) {
    std::sort(items.begin(), items.end());
    std::string text;
    for (const std::string& item : items)
        text += (text.empty() ? "" : ",") + item;
    return "{" + text + "}";
}

class Taps : public E2eTest, public testing::WithParamInterface<const char*> {
  protected:
    // Sends a tap on chip `id` as `timing` says, and nothing else.
    void TapChip(const std::string& id, const TapTiming& timing) {
        const ProbeFrame frame = kiosk_->ReadyFor(id);
        const ProbeTarget* t = frame.Target(id);
        window_->TapAt(t->CentreX(), t->CentreY(), timing);
        Toggle(id);
    }
    void Toggle(const std::string& id) {
        auto it = std::find(expected_.begin(), expected_.end(), id);
        if (it == expected_.end())
            expected_.push_back(id);
        else
            expected_.erase(it);
    }
    // With no further input: the screen shows exactly the expected chips,
    // still does a moment later (nothing lands twice or late), and the store
    // holds them.
    void ExpectLanded(const std::string& what) {
        const std::string want = Joined(expected_);
        const std::string step = window_->Latest().Get("step");
        try {
            window_->WaitFor([&](const ProbeFrame& f) { return Joined(f.All("selected")) == want; },
                             what + ": the chips " + want + " selected on screen", 5);
        } catch (const E2eFailure& failure) {
            ADD_FAILURE() << GetParam() << ", " << what << ": " << failure.what();
            expected_ = window_->Latest().All("selected"); // go on from what the screen shows
            return;
        }
        SleepSeconds(0.25);
        const std::string later = Joined(window_->Latest().All("selected"));
        EXPECT_EQ(later, want) << GetParam() << ", " << what << ": a tap landed again, or late";
        std::string stored;
        for (double start = SteadyNow(); SteadyNow() - start < 5; SleepSeconds(0.02))
            if ((stored = Joined(StoredItems(Db(), step))) == want) break;
        EXPECT_EQ(stored, want) << GetParam() << ", " << what << ": in the store";
        expected_ = window_->Latest().All("selected");
    }

    std::unique_ptr<WindowDriver> window_;
    std::unique_ptr<KioskDriver> kiosk_;
    std::vector<std::string> expected_;
};

TEST_P(Taps, EveryTapLandsOnceWhereItWasMade) {
    const Pack pack = LoadShippedPack("default.toml");
    XInput x;
    ASSERT_TRUE(x.Ok());
    auto process = StartApp("kiosk", GetParam(), "default.toml", {"--windowed", "800x480"});
    window_ = std::make_unique<WindowDriver>(x, *process, Probe("kiosk"), "kiosk");
    window_->Attach();
    Truth truth;
    kiosk_ = std::make_unique<KioskDriver>(*window_, pack, truth, 45, 15);
    kiosk_->Start();
    kiosk_->Choose("system");
    kiosk_->Choose("service-goal");
    // The multi-choice poll: four chips, each tap toggles one.
    const std::vector<std::string> chips = {"patient-experience", "reducing-costs", "population-health",
                                            "staff-wellbeing"};
    const TapTiming at_once{true, false, 0, 0.04};
    for (const bool warp : {false, true}) {
        // XTest motion, as a mouse sends it; then warps, as xdotool's
        // mousemove (and a touch panel's emulated pointer) move the pointer
        // without XInput2 raw motion.
        const std::string how = warp ? " (pointer warped)" : "";
        const TapTiming once{true, warp, 0, 0.04};
        const TapTiming quick{true, warp, 0, 0.002};
        const TapTiming no_motion{false, warp, 0, 0.04};
        for (int round = 0; round < 4; round++) {
            const std::string& a = chips[round % 4];
            const std::string& b = chips[(round + 1) % 4];
            const std::string& c = chips[(round + 2) % 4];
            TapChip(a, once);
            ExpectLanded("motion then press at once" + how);
            TapChip(a, no_motion);
            ExpectLanded("a press with no motion before it, where the last tap was" + how);
            const ProbeTarget rest = *kiosk_->ReadyFor(b).Target(b);
            if (warp)
                window_->WarpTo(rest.CentreX(), rest.CentreY());
            else
                window_->MoveTo(rest.CentreX(), rest.CentreY());
            window_->NextFrame();
            SleepSeconds(0.3);
            TapChip(b, no_motion);
            ExpectLanded("a press with no motion before it, after the pointer came to rest" + how);
            TapChip(c, quick);
            ExpectLanded("press and release within 5 ms" + how);
            TapChip(a, once);
            SleepSeconds(0.05);
            TapChip(c, once);
            ExpectLanded("two taps 50 ms apart" + how);
            TapChip(b, quick);
            window_->WaitFor(
                [&](const ProbeFrame& f) { return Joined(f.All("selected")) == Joined(expected_); },
                "the first tap's frame");
            TapChip(a, quick);
            ExpectLanded("a tap while the frames after the previous one are still drawn" + how);
        }
    }
    // Just after the guard: the first tap a screen change lets through, on
    // the sheet that Next brings.
    for (int round = 0; round < 3; round++) {
        if (window_->Latest().All("selected").empty()) {
            TapChip(chips[round], at_once);
            ExpectLanded("a tap before Next");
        }
        kiosk_->Next();
        const ProbeFrame arrived = window_->Latest();
        expected_ = arrived.All("selected");
        const ProbeTarget* chip = nullptr;
        for (const SheetGroup& group : pack.FindStep("benefits")->sheet.groups)
            for (const Option& item : group.items)
                if (const ProbeTarget* t = arrived.Target(item.id); !chip && t && t->visible) chip = t;
        ASSERT_NE(chip, nullptr) << "no benefit in view: " << arrived.Summary();
        SleepSeconds(std::stod(arrived.Get("guard_until")) + 0.01 - SteadyNow());
        window_->TapAt(chip->CentreX(), chip->CentreY(), at_once);
        Toggle(chip->id);
        ExpectLanded("a tap just after the double-tap guard");
        kiosk_->Back();
    }
    EXPECT_TRUE(process->Stop()) << process->Log();
}

INSTANTIATE_TEST_SUITE_P(Backends, Taps, testing::Values("sdl", "glfw"));

} // namespace
} // namespace tapsheet::e2e
