// `tapsheet fleet-status`: each kiosk's health as the hub last heard it
// (app/store/fleet_health.h), in a terminal.
#include "app/cli/commands.h"
#include "app/cli/fleet_args.h"
#include "app/core/config.h"
#include "app/core/fleet_view.h"
#include "app/store/fleet_health.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace tapsheet {
namespace {

const char* const kFleetStatusHelp =
    "usage: tapsheet fleet-status [--config FILE] [--database FILE]\n"
    "\n"
    "Each kiosk of the fleet as the hub last heard it: online, silent (no word\n"
    "for a minute), lost (its connection dropped), offline (stopped by staff)\n"
    "or never seen; when it was last heard, its last answer, the answers still\n"
    "waiting to reach the hub, and how far its clock is from the hub's. Reads the\n"
    "hub's results file (--database, else FILE's [kiosk] database; FILE's [fleet]\n"
    "kiosks are listed even before they first report). The first line says when\n"
    "the hub itself last marked the file (every 5 s while it runs): silent after\n"
    "30 s, when no kiosk's state is news. Exit 0, or 3 when something needs a look\n"
    "(a silent hub; a kiosk not online, a shared id, refused messages).\n";

int Fail(const std::string& message, int code) {
    std::fprintf(stderr, "tapsheet fleet-status: %s\n", message.c_str());
    return code;
}

std::string Ago(double seconds) {
    return AgoText(seconds);
}

std::string Clock(std::int64_t offset_ms) {
    return ClockOffsetText(offset_ms);
}

std::string Note(const KioskHealth& kiosk) {
    std::string note;
    if (kiosk.duplicate) note += "TWO KIOSKS USE THIS ID; ";
    if (kiosk.refused > 0) note += std::to_string(kiosk.refused) + " messages refused by the broker; ";
    if (std::llabs(kiosk.clock_offset_ms) > 60000) note += "clock is off; ";
    return note.empty() ? note : note.substr(0, note.size() - 2);
}

std::string HubLine(const FleetHealth& health) {
    if (health.hub_heard_seconds_ago < 0)
        return "hub: never heard (no hub has run on this file since it kept a heartbeat)";
    std::string line = "hub: last heard " + Ago(health.hub_heard_seconds_ago);
    if (health.HubSilent())
        line +=
            " - SILENT: the hub is stopped or hung (systemctl status tapsheet-hub); the states below are old";
    return line;
}

void Print(const FleetHealth& health) {
    std::printf("%s\n", HubLine(health).c_str());
    std::printf("%-20s %-10s %-12s %-24s %8s %9s  %s\n", "kiosk", "state", "last heard", "last answer",
                "waiting", "clock", "note");
    for (const KioskHealth& kiosk : health.kiosks) {
        const bool heard = kiosk.state != "never seen";
        std::printf("%-20s %-10s %-12s %-24s %8s %9s  %s\n", kiosk.kiosk.c_str(), kiosk.state.c_str(),
                    Ago(kiosk.seen_seconds_ago).c_str(),
                    kiosk.last_answer_at.empty() ? "-" : kiosk.last_answer_at.c_str(),
                    heard ? std::to_string(kiosk.waiting).c_str() : "-",
                    heard ? Clock(kiosk.clock_offset_ms).c_str() : "-", Note(kiosk).c_str());
    }
    std::printf("%d of %zu kiosks online\n", health.Online(), health.kiosks.size());
}

} // namespace

int RunFleetStatus(int argc, char** argv) {
    const FleetArgs args = ReadFleetArgs(argc, argv);
    if (args.help) {
        std::fputs(kFleetStatusHelp, stdout);
        return 0;
    }
    if (!args.error.empty()) return Fail(args.error, 2);
    const std::string& config_path = args.config_path;
    std::string database = args.database;
    std::vector<std::string> expected;
    if (!config_path.empty()) {
        const ConfigResult config = LoadConfigFile(config_path);
        if (!config.Ok()) return Fail(config.errors.front().ToString(), 2);
        expected = config.config.fleet.kiosks;
        if (database.empty()) database = config.config.database.value_or("");
    }
    if (database.empty()) return Fail("needs --database FILE (the hub's results file) or --config FILE", 2);
    FleetHealth health;
    std::string error;
    if (!ReadFleetHealthFile(database, std::chrono::system_clock::now(), expected, &health, &error))
        return Fail(error, 1);
    if (!health.has_fleet)
        return Fail(database + " is not a hub's results file: no kiosk has reported to it", 1);
    Print(health);
    return health.Troubled() > 0 || health.HubSilent() ? 3 : 0;
}

} // namespace tapsheet
