#include "app/shell/demo_layout.h"

#include <algorithm>

namespace tapsheet {

namespace {

// Room left for the window manager's title bars.
constexpr int kDecorationAllowance = 48;

} // namespace

DemoLayout LayOut(const CommonOptions& options, const std::vector<DisplayArea>& displays) {
    DemoLayout layout;
    layout.kiosk.title = "tapsheet demo: kiosk";
    layout.board.title = "tapsheet demo: board";
    // The config's [kiosk] and [board] monitors (a Pi's DSI panel need not be first).
    layout.kiosk.monitor = options.config.kiosk_monitor.value_or(0);
    layout.board.monitor = options.config.board_monitor.value_or(1);
    layout.kiosk.touch_rotation = options.config.touch_rotation;    // the board has no touch
    if (displays.size() >= 2 && !options.size_given) return layout; // full screen is the default
    for (WindowOptions* window : {&layout.kiosk, &layout.board}) {
        window->fullscreen = false;
        window->width = options.width;
        window->height = options.height;
        window->monitor = 0;
    }
    if (displays.empty()) return layout; // unknown: the window manager places them
    const DisplayArea& area = displays.front();
    const double scale = std::min(
        {1.0, area.width / 2.0 / options.width, double(area.height - kDecorationAllowance) / options.height});
    const int width = std::max(200, int(options.width * scale));
    const int height = std::max(200, int(options.height * scale));
    const int left = area.x + std::max(0, (area.width - 2 * width) / 2);
    const int top = area.y + std::max(0, (area.height - height) / 2);
    for (WindowOptions* window : {&layout.kiosk, &layout.board}) {
        window->width = width;
        window->height = height;
        window->positioned = true;
        window->y = top;
    }
    layout.kiosk.x = left;
    layout.board.x = left + width;
    return layout;
}

} // namespace tapsheet
