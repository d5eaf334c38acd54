// The `[fleet]` table of the configuration (issue 12): where a kiosk sends
// its visits and how it proves who it is, or (for `tapsheet hub`) where the
// hub listens. Without the table a kiosk works alone.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tapsheet {

struct FleetConfig {
    bool enabled = false;
    std::string host;
    int port = 8883;
    std::string event;
    std::string user; // "" : the kiosk id (a kiosk) or "hub" (the hub)
    std::string password_file;
    std::string ca;
    std::string cert;
    std::string key;
    std::vector<std::string> kiosks; // the hub's list of the event's kiosks; empty: any
};

// An id that can be one level of an MQTT topic and a user name: 1 to 64 of
// A-Z a-z 0-9 - _ (no '/', '+', '#', which would change a topic's meaning).
bool IsTopicId(std::string_view id);

} // namespace tapsheet
