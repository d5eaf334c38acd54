// Brings a kiosk session to a named screen by the same intents a person
// would use (for screenshots and tests).
#pragma once

#include "app/session/kiosk_session.h"

#include <string>

namespace tapsheet {

// screen: "attract", a step id, "keyboard", "still-there", "thanks",
// "out-of-service". `now` advances as it goes (past each tap guard).
bool DriveToScreen(KioskSession& session, const std::string& screen, const std::string& lang, double& now,
                   std::string* error);

} // namespace tapsheet
