// What the staff screens show of the fleet (issue 12): the board's control
// strip and the kiosk's staff page take these read-only views; the sessions
// fill them from the hub's file (app/store/fleet_health.h) and from the
// kiosk's outbox (app/fleet/outbox.h). Never on a projected page.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tapsheet {

struct FleetKioskRow {
    std::string id;
    std::string state; // online, silent, lost, offline, never seen
    double heard_ago = -1;
    double last_answer_ago = -1; // -1: none yet
    std::int64_t waiting = 0;    // answers not yet committed by the hub
    std::int64_t clock_offset_ms = 0;
    std::int64_t refused = 0;
    bool duplicate = false; // two kiosks use this id
};

// The hub's file as its readers see it.
struct FleetView {
    bool hub_file = false; // the file is a hub's (it has fleet kiosks)
    std::string problem;   // the health could not be read (for staff)
    double hub_heard_ago = -1;
    bool hub_silent = false;
    std::vector<FleetKioskRow> kiosks;
    bool operator==(const FleetView&) const = default;
};

// A kiosk's own outbox.
struct OutboxView {
    bool enabled = false; // the kiosk has a working [fleet]
    std::string broker;   // host:port
    std::string event;
    bool connected = false;
    std::int64_t acked = 0;   // the hub's last committed change of this kiosk
    std::int64_t waiting = 0; // answers not yet committed by the hub
    std::int64_t refused = 0; // publishes the broker refused
    std::string problem;
    std::string off_reason; // [fleet] given but the fleet could not start
};

// The strip's compact tag: "8 kiosks · 7 online · 1 lost", "kiosk-3 lost",
// "12 waiting", "hub silent 45 s".
enum class FleetTone { Good, Warning, Bad };
struct FleetTag {
    std::string text;
    FleetTone tone = FleetTone::Good;
};
FleetTag FleetTagOf(const FleetView& view);

// "12 s ago", "3 min ago", "2 h ago"; "-" for a negative (never).
std::string AgoText(double seconds);
// "+1.2 s", "-0.4 s".
std::string ClockOffsetText(std::int64_t offset_ms);
// Needs a look: not online, a shared id, refused messages.
bool Troubled(const FleetKioskRow& row);

} // namespace tapsheet
