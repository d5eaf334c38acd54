// The fleet's MQTT topics (issue 12). The broker's ACL (deploy/fleet-setup.sh)
// lets a kiosk write only under its own user's topics and read only its own
// acknowledgements, so the topic's kiosk is the authenticated user.
//   tapsheet/EVENT/kiosk/KIOSK/visits  kiosk -> hub   batches (fleet_batch.h)
//   tapsheet/EVENT/kiosk/KIOSK/status  kiosk -> hub   retained; the Will too
//   tapsheet/EVENT/kiosk/KIOSK/ack     hub -> kiosk   retained
//   tapsheet/EVENT/hub/status          hub -> all     retained; the Will too
#pragma once

#include <string>
#include <string_view>

namespace tapsheet {

std::string KioskTopic(const std::string& event, const std::string& kiosk, std::string_view kind);
std::string HubStatusTopic(const std::string& event);

struct KioskTopicParts {
    std::string event;
    std::string kiosk;
    std::string kind; // "visits", "status", "ack"
};
// false when `topic` is not tapsheet/EVENT/kiosk/KIOSK/KIND with topic ids.
bool ParseKioskTopic(std::string_view topic, KioskTopicParts* parts);

// A random id for one start of a program (its MQTT client id and boot id).
std::string NewBootId();

// The first line of a password file, without its line end; false when unreadable.
bool ReadPasswordFile(const std::string& path, std::string* password);

} // namespace tapsheet
