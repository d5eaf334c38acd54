// The staff's way into a guest's locked kiosk, through its tablet: a finger
// held 3 s in the top-left corner of the attract screen opens the PIN
// pad; the PIN tapped digit by digit opens the staff panel; Close goes
// back to the attract screen. Throws e2e::E2eFailure when a step does not
// come; returns the seconds the PIN's check took (Argon2id, under TCG).
#pragma once

#include "tests/e2e/window_driver.h"

#include <string>

namespace tapsheet::vm {

double OpenAndCloseStaffPanel(e2e::WindowDriver& kiosk, const std::string& pin);

} // namespace tapsheet::vm
