// The admin PIN pad's lock-out survives the kiosk's end: a real `tapsheet
// kiosk` with an Argon2id PIN in its config is tapped through the X server
// (the corner held, three wrong PINs), killed with SIGKILL (as a power cut,
// a crash, or xkill ending an X client followed by the service's restart),
// started again on the same results folder, and its PIN pad is still locked.
#include "app/core/admin.h"
#include "tests/e2e/e2e_fixture.h"

#include <csignal>
#include <fstream>

namespace tapsheet::e2e {
namespace {

class PinLockoutE2e : public E2eTest {
  protected:
    std::string PinConfig() {
        const std::filesystem::path path = Dir() / "kiosk.toml";
        std::ofstream(path) << "[admin]\npin = \"" << NewPinHash("2468") << "\"\n";
        return path.string();
    }

    // The staff gesture: a finger held in the top-left corner for 3 s. The
    // pad must be drawn while the finger is still down (a held finger moves
    // nothing, so nothing but the kiosk itself asks for that frame), as a
    // person keeps holding until something shows.
    static ProbeFrame OpenPinPad(WindowDriver& window) {
        window.WaitFor([](const ProbeFrame& f) { return f.Get("screen") == "attract"; }, "the start screen");
        window.MoveTo(6, 6);
        window.Input().Press();
        SleepSeconds(AdminState::kHoldSeconds);
        const ProbeFrame pad = window.WaitFor(
            [](const ProbeFrame& f) { return f.Get("screen") == "admin" && f.Target("pin-1") != nullptr; },
            "the PIN pad, the finger still down", 5);
        window.Input().Release();
        return pad;
    }

    static void TapWhenEnabled(WindowDriver& window, const std::string& id) {
        window.TapWhenEnabled(id);
        SleepSeconds(0.1);
    }

    // Four digits and OK, then waits for the outcome: the entry cleared
    // and (where the probe says so) no check in progress. The check writes
    // the lock-out durably (fsync) before a 32 MiB Argon2id: once, on a
    // loaded CI machine, the whole kiosk drew nothing for over 20 s during
    // it, so this wait is longer; a failure prints the kiosk's threads.
    static void WrongPin(WindowDriver& window) {
        for (const char* digit : {"pin-1", "pin-3", "pin-5", "pin-7"})
            TapWhenEnabled(window, digit);
        TapWhenEnabled(window, "pin-OK");
        window.WaitFor(
            [](const ProbeFrame& f) {
                const ProbeTarget* del = f.Target("pin-Delete");
                return f.Get("pin_checking") != "1" && del != nullptr && !del->enabled;
            },
            "the wrong PIN checked", 60);
    }
};

TEST_F(PinLockoutE2e, ThreeWrongPinsThenSigkillAndTheRestartedKioskIsStillLocked) {
    XInput x;
    ASSERT_TRUE(x.Ok());
    const std::string config = PinConfig();
    const std::vector<std::string> options = {"--windowed", "800x480", "--config", config};
    {
        auto kiosk = StartApp("kiosk", "sdl", "default.toml", options);
        WindowDriver window(x, *kiosk, Probe("kiosk"), "kiosk");
        window.Attach();
        OpenPinPad(window);
        for (int i = 0; i < PinLockout::kFreeTries; i++)
            WrongPin(window);
        const ProbeFrame locked = window.Latest();
        ASSERT_FALSE(locked.Target("pin-1")->enabled) << "three wrong PINs lock the pad\n" << kiosk->Log();
        kill(kiosk->Pid(), SIGKILL);
        ASSERT_TRUE(kiosk->Exited(std::chrono::seconds(10)));
    }
    auto kiosk = StartApp("kiosk", "sdl", "default.toml", options);
    WindowDriver window(x, *kiosk, Probe("kiosk"), "kiosk");
    window.Attach();
    const ProbeFrame pad = OpenPinPad(window);
    const ProbeTarget* digit = pad.Target("pin-1");
    EXPECT_FALSE(digit->enabled) << "the restarted kiosk offers fresh tries: " << pad.Summary() << "\n"
                                 << kiosk->Log();
    EXPECT_EQ(pad.Get("pin_locked"), "1") << pad.Summary();
    EXPECT_EQ(pad.Get("pin_failures"), std::to_string(PinLockout::kFreeTries)) << pad.Summary();
    EXPECT_NE(kiosk->Log().find("the PIN pad is locked for"), std::string::npos) << kiosk->Log();
    EXPECT_TRUE(kiosk->Stop()) << kiosk->Log();
}

} // namespace
} // namespace tapsheet::e2e
