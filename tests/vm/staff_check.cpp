#include "tests/vm/staff_check.h"

#include "app/core/admin.h"

namespace tapsheet::vm {

namespace {

bool Screen(const e2e::ProbeFrame& f, const std::string& admin) {
    return f.Get("screen") == "admin" && f.Get("admin") == admin;
}

} // namespace

double OpenAndCloseStaffPanel(e2e::WindowDriver& kiosk, const std::string& pin) {
    kiosk.WaitFor([](const e2e::ProbeFrame& f) { return f.Get("screen") == "attract"; },
                  "the attract screen");
    // Held as a person holds it: until the pad shows. Under TCG the kiosk
    // may see the press late, so a fixed 3.6 s could end its hold short.
    kiosk.MoveTo(6, 6);
    kiosk.Input().Press();
    e2e::SleepSeconds(AdminState::kHoldSeconds);
    kiosk.WaitFor(
        [](const e2e::ProbeFrame& f) { return Screen(f, "pin-pad") && f.Target("pin-1") != nullptr; },
        "the PIN pad while the corner is held");
    kiosk.Input().Release();
    for (std::size_t i = 0; i < pin.size(); i++) {
        kiosk.TapWhenEnabled(std::string("pin-") + pin[i]);
        const std::string entered = std::to_string(i + 1);
        kiosk.WaitFor([&](const e2e::ProbeFrame& f) { return f.Get("pin_entered") == entered; },
                      entered + " digits on the PIN pad");
    }
    kiosk.TapWhenEnabled("pin-OK");
    const double checking = e2e::SteadyNow();
    kiosk.WaitFor([](const e2e::ProbeFrame& f) { return Screen(f, "panel"); },
                  "the staff panel after the PIN", 120);
    const double seconds = e2e::SteadyNow() - checking;
    kiosk.TapWhenEnabled("admin-close");
    kiosk.WaitFor([](const e2e::ProbeFrame& f) { return f.Get("screen") == "attract"; },
                  "the attract screen after Close");
    return seconds;
}

} // namespace tapsheet::vm
