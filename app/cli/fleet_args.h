// The options `hub` and `fleet-status` share: --config FILE, --database FILE.
#pragma once

#include <cstdio>
#include <string>

namespace tapsheet {

struct FleetArgs {
    std::string config_path;
    std::string database;
    bool help = false;
    std::string error; // a bad option, said as "unknown option '…' (see --help)"
};

inline FleetArgs ReadFleetArgs(int argc, char** argv) {
    FleetArgs args;
    for (int i = 1; i < argc && args.error.empty() && !args.help; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "-h")
            args.help = true;
        else if (arg == "--config" && i + 1 < argc)
            args.config_path = argv[++i];
        else if (arg == "--database" && i + 1 < argc)
            args.database = argv[++i];
        else
            args.error = "unknown option '" + arg + "' (see --help)";
    }
    return args;
}

} // namespace tapsheet
