// Kiosk health for the facilitator (issue 12), kept by the hub in its
// results file (fleet_kiosks, fleet_ingest.cpp) from each kiosk's retained
// status and Last Will, and read by the board's control strip, the staff
// page and `tapsheet fleet-status`.
//
// A status carries the kiosk's boot id (new each start). A Will or an
// "offline" only counts for the boot it names, so a late Will cannot mark a
// kiosk lost that has since reconnected; and an "online" from the boot that
// was already replaced means two kiosks share one id (a cloned SD card).
#pragma once

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tapsheet {

// How often a kiosk repeats its status, and after how long without one the
// hub calls it silent (its Will may have been lost with a broker restart).
inline constexpr int kStatusEverySeconds = 15;
inline constexpr int kSilentAfterSeconds = 3 * kStatusEverySeconds + 5;
// A duplicate id stays shown this long after it was last seen.
inline constexpr int kDuplicateShownSeconds = 600;
// The hub's own heartbeat in its file (fleet_hub): marked with every ingest
// and every kHubBeatSeconds while it runs; after kHubSilentAfterSeconds
// without one the readers call the hub silent (stopped, hung, or its
// machine down): then no kiosk's state is news.
inline constexpr int kHubBeatSeconds = 5;
inline constexpr int kHubSilentAfterSeconds = 30;

// Marks the hub heard at `now`, inside the caller's transaction or as its
// own. `boot`: the hub process's boot id.
int MarkHubHeard(sqlite3* db, const std::string& boot, std::chrono::system_clock::time_point now);

// A kiosk's status as its outbox publishes it (retained, on its status
// topic); `clock` is the kiosk's own time when it sent it.
struct KioskStatus {
    std::string kiosk;
    std::string boot;
    std::string state; // online, offline, lost (its Will)
    std::chrono::system_clock::time_point clock;
    std::int64_t waiting = 0;
    std::string last_answer_at;
    std::int64_t refused = 0;
};
std::string KioskStatusJson(const KioskStatus& status);

struct StatusResult {
    bool applied = false;
    bool duplicate = false; // this status came from a second kiosk with the same id
    std::string why;        // why it was refused or ignored, for the log
};

// `retained`: delivered from the broker's store, maybe long after it was
// sent; it says who the kiosk was, not that it is alive now.
int ApplyStatus(sqlite3* db, const std::string& kiosk, std::string_view payload, bool retained,
                std::chrono::system_clock::time_point now, StatusResult* result);

struct KioskHealth {
    std::string kiosk;
    std::string state; // "online", "silent", "lost", "offline" (stopped by staff), "never seen"
    double seen_seconds_ago = -1;
    std::int64_t clock_offset_ms = 0; // kiosk's clock minus the hub's
    std::int64_t waiting = 0;         // answers not yet committed by the hub
    std::string last_answer_at;
    std::int64_t refused = 0; // publishes the broker refused (ACL)
    bool duplicate = false;
    double last_answer_seconds_ago = -1; // -1: no answer yet
};

struct FleetHealth {
    bool has_fleet = false; // the file is a hub's
    std::vector<KioskHealth> kiosks;
    double hub_heard_seconds_ago = -1; // -1: the hub never marked this file
    // No heartbeat for kHubSilentAfterSeconds (or none ever).
    bool HubSilent() const {
        return hub_heard_seconds_ago < 0 || hub_heard_seconds_ago > kHubSilentAfterSeconds;
    }
    int Online() const;
    int Troubled() const; // lost, silent, duplicate or refused
};

// `expected`: the event's kiosks ([fleet] kiosks), shown even before they
// first report.
int ReadFleetHealth(sqlite3* db, std::chrono::system_clock::time_point now,
                    const std::vector<std::string>& expected, FleetHealth* health);

// The same from a file opened read-only (fleet-status, the board's strip).
bool ReadFleetHealthFile(const std::string& path, std::chrono::system_clock::time_point now,
                         const std::vector<std::string>& expected, FleetHealth* health, std::string* error);

} // namespace tapsheet
