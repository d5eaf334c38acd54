// `tapsheet hub`: the fleet's hub (app/fleet/hub.h) as a service: runs until
// SIGTERM, tells systemd when it is ready and feeds its watchdog.
#include "app/fleet/hub.h"
#include "app/cli/commands.h"
#include "app/cli/fleet_args.h"
#include "app/core/config.h"
#include "app/shell/service_notify.h"
#include "app/shell/stop_signals.h"

#include <chrono>
#include <cstdio>
#include <string>

namespace tapsheet {
namespace {

const char* const kHubHelp = "usage: tapsheet hub --config FILE [--database FILE]\n"
                             "\n"
                             "The fleet's hub, on the board's machine: receives every kiosk's answers\n"
                             "through the MQTT broker named in FILE's [fleet] table and writes them into\n"
                             "one results file (--database, else FILE's [kiosk] database), which the board,\n"
                             "`report` and `export` read as they read a kiosk's. Each kiosk keeps its own\n"
                             "file and resends until the hub says it has committed, so nothing is lost\n"
                             "or counted twice. Runs until stopped (SIGTERM). Exit codes: 0 stopped,\n"
                             "1 cannot start, 2 bad options or config, 75 its file failed (restart).\n";

int Fail(const std::string& message, int code) {
    std::fprintf(stderr, "tapsheet hub: %s\n", message.c_str());
    return code;
}

bool ReadHubConfig(const std::string& path, Config* config, std::string* error) {
    const ConfigResult result = LoadConfigFile(path);
    for (const LoadError& problem : result.warnings)
        std::fprintf(stderr, "%s\n", problem.ToString().c_str());
    for (const LoadError& problem : result.errors)
        std::fprintf(stderr, "%s\n", problem.ToString().c_str());
    if (!result.Ok()) {
        *error = "cannot use " + path + " (see above)";
        return false;
    }
    if (!result.config.fleet.enabled) {
        *error = path + " has no usable [fleet] table (broker, event, password_file, ca, cert, key)";
        return false;
    }
    *config = result.config;
    return true;
}

double Seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// A line in the journal each minute something came in.
void LogMinute(const HubCounts& now, HubCounts* last) {
    if (now.batches == last->batches) return;
    std::fprintf(stderr,
                 "tapsheet hub: %lld batches (%lld refused), %lld visits added, %lld updated, %lld answers\n",
                 static_cast<long long>(now.batches - last->batches),
                 static_cast<long long>(now.refused - last->refused),
                 static_cast<long long>(now.visits_added - last->visits_added),
                 static_cast<long long>(now.visits_updated - last->visits_updated),
                 static_cast<long long>(now.answers - last->answers));
    *last = now;
}

} // namespace

int RunHub(int argc, char** argv) {
    StopSignals stop;
    const FleetArgs args = ReadFleetArgs(argc, argv);
    if (args.help) {
        std::fputs(kHubHelp, stdout);
        return 0;
    }
    if (!args.error.empty()) return Fail(args.error, 2);
    const std::string& config_path = args.config_path;
    std::string database = args.database;
    if (config_path.empty()) return Fail("needs --config FILE with a [fleet] table (see --help)", 2);
    Config config;
    std::string error;
    if (!ReadHubConfig(config_path, &config, &error)) return Fail(error, 2);
    if (database.empty()) database = config.database.value_or("");
    if (database.empty())
        return Fail("needs --database FILE, or database in " + config_path + "'s [kiosk]", 2);
    Hub hub(config.fleet, database);
    if (!hub.Start(&error)) return Fail(error, 1);
    std::fprintf(stderr, "tapsheet hub: event '%s', broker %s:%d, writing %s\n", config.fleet.event.c_str(),
                 config.fleet.host.c_str(), config.fleet.port, database.c_str());
    ServiceNotifier notifier(ReadNotifyEnvironment());
    notifier.Ready(Seconds());
    HubCounts logged;
    double next_log = Seconds() + 60;
    while (!stop.Requested()) {
        if (!hub.Step(std::chrono::milliseconds(250), &error)) return Fail(error, 75);
        notifier.Feed(Seconds());
        if (Seconds() < next_log) continue;
        LogMinute(hub.Counts(), &logged);
        next_log = Seconds() + 60;
    }
    notifier.Stopping();
    return 0;
}

} // namespace tapsheet
