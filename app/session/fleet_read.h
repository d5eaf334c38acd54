// The fleet's health for the staff screens: the hub's file read through
// app/store/fleet_health.h into the read-only view the screens take
// (app/core/fleet_view.h). Used by the board's strip and the kiosk's Fleet tab.
#pragma once

#include "app/core/fleet_view.h"

#include <chrono>
#include <string>
#include <vector>

namespace tapsheet {

// Empty (hub_file false) when the file is not a hub's, or not there yet.
// `expected`: [fleet] kiosks, listed before they first report.
FleetView ReadFleetView(const std::string& db_path, std::chrono::system_clock::time_point wall,
                        const std::vector<std::string>& expected);

} // namespace tapsheet
