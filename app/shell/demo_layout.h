// Where `tapsheet demo` puts its two windows, from the displays the backend
// sees: a full screen each on two displays, otherwise side by side.
#pragma once

#include "app/platform/window.h"
#include "app/shell/options.h"

#include <vector>

namespace tapsheet {

struct DemoLayout {
    WindowOptions kiosk, board;
};

// Two displays (and no size asked for): a full screen each, the kiosk on the
// first, the board on the second. Otherwise two windows of the asked size,
// shrunk to fit side by side on the first display and centred there.
DemoLayout LayOut(const CommonOptions& options, const std::vector<DisplayArea>& displays);

} // namespace tapsheet
