// `tapsheet screenshot --role kiosk --screen pin-pad|pin-locked|admin[:TAB]|asleep`:
// the staff screens, with demo figures in a temporary database.
#pragma once

#include "app/core/content.h"
#include "app/platform/window.h"
#include "app/ui/common/theme.h"

#include <string>

namespace tapsheet {

bool IsAdminScreen(const std::string& screen);
// Draws the screen into `window` (two frames); false with *error when the
// screen name is not known.
bool DrawAdminScreen(Window& window, const Theme& theme, const Pack& pack, const std::string& screen,
                     std::string* error);

} // namespace tapsheet
