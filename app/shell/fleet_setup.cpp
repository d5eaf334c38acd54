#include "app/shell/fleet_setup.h"

#include <chrono>
#include <cstdio>
#include <thread>

namespace tapsheet {

namespace {

// The writer opens (or makes) the file on its own thread at start-up.
void WaitUntilReady(const VisitWriter* writer) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (writer && !writer->Ready() && std::chrono::steady_clock::now() < give_up)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

// The Fleet tab's view of the outbox, read on the UI thread each frame it shows.
void ShowOutbox(AdminSession* admin, const FleetConfig& fleet, const Outbox* outbox, std::string off_reason) {
    if (admin == nullptr) return;
    const std::string broker = fleet.host + ":" + std::to_string(fleet.port);
    admin->SetOutbox([outbox, broker, event = fleet.event, off_reason] {
        OutboxView view;
        view.broker = broker;
        view.event = event;
        view.off_reason = off_reason;
        if (outbox == nullptr) return view;
        const OutboxHealth health = outbox->Health();
        view.enabled = health.enabled;
        view.connected = health.connected;
        view.acked = health.acked;
        view.waiting = health.waiting_answers;
        view.refused = health.refused;
        view.problem = health.problem;
        return view;
    });
}

} // namespace

std::unique_ptr<Outbox> StartOutbox(const CommonOptions& options, const VisitWriter* writer,
                                    const char* command, AdminSession* admin) {
    if (!options.config.fleet.enabled) return nullptr; // alone (a broken [fleet] was said at start)
    WaitUntilReady(writer);
    OutboxOptions outbox_options;
    outbox_options.fleet = options.config.fleet;
    outbox_options.kiosk_id = options.kiosk_id;
    outbox_options.database = options.db;
    auto outbox = std::make_unique<Outbox>(outbox_options);
    std::string error;
    if (!outbox->Start(&error)) {
        std::fprintf(stderr, "tapsheet %s: the fleet is off, answers stay on this kiosk: %s\n", command,
                     error.c_str());
        ShowOutbox(admin, options.config.fleet, nullptr, error);
        return nullptr;
    }
    ShowOutbox(admin, options.config.fleet, outbox.get(), {});
    std::fprintf(stderr, "tapsheet %s: sending answers to the hub through %s:%d as '%s'\n", command,
                 options.config.fleet.host.c_str(), options.config.fleet.port,
                 options.config.fleet.user.empty() ? options.kiosk_id.c_str()
                                                   : options.config.fleet.user.c_str());
    return outbox;
}

} // namespace tapsheet
