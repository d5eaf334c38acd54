// The kiosk and the board in one process (`with_board = true` on a Pi
// without a desktop, or `tapsheet demo`): one writer, the board woken by
// the kiosk's commits. A real `tapsheet demo` with two windows on Xvfb;
// the kiosk's window is tapped through a visit (XTest), and the board's
// window, read through its own probe (FILE.board), must go from the empty
// figures to the visit's on its first poll page without a key or a tap.
#include "tests/e2e/board_reader.h"
#include "tests/e2e/e2e_fixture.h"
#include "tests/e2e/kiosk_driver.h"

#include "app/core/admin.h"
#include "app/core/admin_pin.h"

#include <fstream>

namespace tapsheet::e2e {
namespace {

const std::string kPack = "default.toml";

std::string Listed(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines)
        text += "\n    " + line;
    return text;
}

class OneProcess : public E2eTest {};

TEST_F(OneProcess, AVisitTappedOnTheKioskWindowReachesTheBoardWindowOfTheSameProcess) {
    const Pack pack = LoadShippedPack(kPack);
    XInput x;
    ASSERT_TRUE(x.Ok()) << "cannot open the test's X display";
    std::filesystem::remove(Probe("demo").string() + ".board");
    auto demo = StartApp("demo", "sdl", kPack, {"--windowed", "800x480", "--lang", "en"});
    WindowDriver kiosk_window(x, *demo, Probe("demo"), "kiosk");
    kiosk_window.Attach("tapsheet demo: kiosk");
    // The board is only read: nobody touches the room's screen.
    WindowDriver board_window(x, *demo, Probe("demo").string() + ".board", "board");

    Truth truth;
    BoardExpectation expect{pack, truth, "en", {}};
    const ProbeFrame before = board_window.WaitFor(
        [](const ProbeFrame& f) { return f.Get("page") == "poll" && f.Get("settled") == "1"; },
        "the board's first poll page");
    const Step* poll = pack.FindStep(before.Get("page_step"));
    ASSERT_NE(poll, nullptr) << "the board's page names no step of the pack";
    EXPECT_TRUE(expect.Poll(before, *poll).empty())
        << "the board before any visit:" << Listed(expect.Poll(before, *poll));

    KioskDriver k(kiosk_window, pack, truth, 120, 15);
    k.Start();
    k.Choose("organisation");
    k.Skip(); // aim
    k.Skip(); // improvement
    k.Skip(); // benefits
    k.Next(); // the reflection questions
    k.Skip(); // domains: the thank-you screen
    ASSERT_EQ(truth.Completed(), 1) << "the visit did not reach the thank-you screen";
    ASSERT_FALSE(expect.Poll(before, *poll).empty()) << "the visit does not change the first poll's figures";

    const ProbeFrame after = board_window.WaitFor(
        [&](const ProbeFrame& f) {
            return f.Get("page_step") == poll->id && f.Get("settled") == "1" && expect.Poll(f, *poll).empty();
        },
        "the visit's answer on the board's '" + poll->id + "' page");
    EXPECT_EQ(after.Get("page"), "poll");
}

// Staff open the panel (the corner held, the PIN) and close it again; the
// next attendee's first tap on Start must begin a visit. (Seen in the QEMU
// guest with the board in the kiosk's process: that tap was lost.)
TEST_F(OneProcess, AfterTheStaffPanelIsClosedTheFirstTapOnStartBeginsAVisit) {
    const Pack pack = LoadShippedPack(kPack);
    XInput x;
    ASSERT_TRUE(x.Ok()) << "cannot open the test's X display";
    const std::filesystem::path config = Dir() / "kiosk.toml";
    std::ofstream(config) << "[admin]\npin = \"" << NewPinHash("2468") << "\"\n";
    auto demo = StartApp("demo", "sdl", kPack,
                         {"--windowed", "800x480", "--lang", "en", "--config", config.string()});
    WindowDriver kiosk(x, *demo, Probe("demo"), "kiosk");
    kiosk.Attach("tapsheet demo: kiosk");
    kiosk.WaitFor([](const ProbeFrame& f) { return f.Get("screen") == "attract"; }, "the start screen");
    kiosk.MoveTo(6, 6);
    kiosk.Input().Press();
    SleepSeconds(AdminState::kHoldSeconds);
    kiosk.WaitFor([](const ProbeFrame& f) { return f.Target("pin-1") != nullptr; }, "the PIN pad");
    kiosk.Input().Release();
    for (const char* digit : {"pin-2", "pin-4", "pin-6", "pin-8"})
        kiosk.TapWhenEnabled(digit);
    kiosk.TapWhenEnabled("pin-OK");
    kiosk.WaitFor([](const ProbeFrame& f) { return f.Get("admin") == "panel"; }, "the staff panel", 60);
    kiosk.TapWhenEnabled("admin-close");
    kiosk.WaitFor([](const ProbeFrame& f) { return f.Get("screen") == "attract"; }, "the start screen again");
    Truth truth;
    KioskDriver k(kiosk, pack, truth, 120, 15);
    k.Start();
}

} // namespace
} // namespace tapsheet::e2e
