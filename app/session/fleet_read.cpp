#include "app/session/fleet_read.h"

#include "app/store/fleet_health.h"

#include <filesystem>

namespace tapsheet {

namespace {

FleetView FleetViewOf(const FleetHealth& health) {
    FleetView view;
    view.hub_file = health.has_fleet;
    view.hub_heard_ago = health.hub_heard_seconds_ago;
    view.hub_silent = health.has_fleet && health.HubSilent();
    for (const KioskHealth& kiosk : health.kiosks)
        view.kiosks.push_back({kiosk.kiosk, kiosk.state, kiosk.seen_seconds_ago,
                               kiosk.last_answer_seconds_ago, kiosk.waiting, kiosk.clock_offset_ms,
                               kiosk.refused, kiosk.duplicate});
    return view;
}

} // namespace

FleetView ReadFleetView(const std::string& db_path, std::chrono::system_clock::time_point wall,
                        const std::vector<std::string>& expected) {
    FleetHealth health;
    std::string error;
    if (!std::filesystem::exists(db_path)) return {};
    if (!ReadFleetHealthFile(db_path, wall, expected, &health, &error)) {
        FleetView view;
        view.hub_file = true; // said only where a hub's file was expected: see FleetTagOf
        view.problem = error;
        return view;
    }
    return FleetViewOf(health);
}

} // namespace tapsheet
