// A fleet's files for screenshots and tests, made by the real flow: each
// kiosk's own file written by the real writer (demo_figures.h), its batches
// read as its outbox reads them, ingested into the hub's file as the hub
// does (one transaction with the hub's heartbeat), and each kiosk's status
// in the words its outbox publishes (its Will for a lost kiosk).
#pragma once

#include "app/core/content.h"
#include "app/core/fleet_view.h"

#include <chrono>
#include <string>
#include <vector>

namespace tapsheet {

struct DemoFleet {
    int kiosks = 8;                 // kiosk-1 … kiosk-N
    int visits = 6;                 // kiosk-i writes visits + i
    std::string lost = "kiosk-3";   // its connection dropped 3 minutes ago ("" none)
    std::string behind = "kiosk-5"; // only its first 3 visits reached the hub
    double hub_heard_ago = 2;       // the hub's last heartbeat, seconds before `now` (45: silent)
};

struct DemoFleetFiles {
    std::string hub;                 // the hub's results file
    std::vector<std::string> kiosks; // each kiosk's own file, in order
    // The `behind` kiosk's outbox as it stands: the hub's last acknowledged
    // change and the answers still waiting in its file.
    OutboxView behind_outbox;
};

// Writes the files into `dir` (which must exist). False with *error.
bool WriteDemoFleet(const Pack& pack, const std::string& dir, const DemoFleet& fleet,
                    std::chrono::system_clock::time_point now, DemoFleetFiles* files, std::string* error);

} // namespace tapsheet
