#include "app/shell/fleet_setup.h"

#include <cstdio>

namespace tapsheet {

std::unique_ptr<Outbox> StartOutbox(const CommonOptions& options, const char* command) {
    if (!options.config.fleet.enabled) return nullptr;
    OutboxOptions outbox_options;
    outbox_options.fleet = options.config.fleet;
    outbox_options.kiosk_id = options.kiosk_id;
    outbox_options.database = options.db;
    auto outbox = std::make_unique<Outbox>(outbox_options);
    std::string error;
    if (!outbox->Start(&error)) {
        std::fprintf(stderr, "tapsheet %s: the fleet is off, answers stay on this kiosk: %s\n", command,
                     error.c_str());
        return nullptr;
    }
    std::fprintf(stderr, "tapsheet %s: sending answers to the hub through %s:%d as '%s'\n", command,
                 options.config.fleet.host.c_str(), options.config.fleet.port,
                 options.config.fleet.user.empty() ? options.kiosk_id.c_str()
                                                   : options.config.fleet.user.c_str());
    return outbox;
}

} // namespace tapsheet
