// The fleet's hub (issue 12), on the board's machine: it subscribes to every
// kiosk's batches and status, writes the visits into one results file with
// `merge`'s rules (fleet_ingest.h), and after each commit tells each kiosk
// the highest change it has committed. The board, the report and the export
// read that file as they read a kiosk's.
//
// Messages arrive on libmosquitto's thread and wait in a queue; Step(),
// called from the command's main loop, takes all of them in one transaction
// (one fsync for many answers) and acknowledges after the commit.
#pragma once

#include "app/core/fleet_config.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>

namespace tapsheet {

class HubFile;
class MqttClient;
struct MqttMessage;

struct HubCounts {
    std::int64_t batches = 0;
    std::int64_t refused = 0;
    std::int64_t visits_added = 0;
    std::int64_t visits_updated = 0;
    std::int64_t answers = 0;
};

class Hub {
  public:
    Hub(FleetConfig fleet, std::string database);
    ~Hub();
    Hub(const Hub&) = delete;
    Hub& operator=(const Hub&) = delete;

    // false with *error when the hub cannot work (its file, its password or
    // certificates): the command exits 1 (2 for a bad config).
    bool Start(std::string* error);
    // Waits up to `wait` for messages, then ingests all that came. false
    // with *error when the hub's own file failed (full disk, damaged): the
    // command exits and systemd restarts it; nothing was acknowledged.
    bool Step(std::chrono::milliseconds wait, std::string* error);
    HubCounts Counts() const { return counts_; }
    bool Connected() const;

  private:
    struct Incoming;
    void OnMessage(const MqttMessage& message);
    void Acknowledge(const std::string& kiosk, const std::string& stream, std::int64_t committed,
                     bool needs_packs);
    void AcknowledgeAll();
    int Ingest(std::deque<Incoming>& batch);
    bool Beat(std::string* error);

    FleetConfig fleet_;
    std::string database_;
    std::string boot_;
    std::unique_ptr<HubFile> file_;
    std::unique_ptr<MqttClient> client_;
    HubCounts counts_;
    std::chrono::steady_clock::time_point last_heard_mark_{}; // the heartbeat's last commit
    std::string unreachable_;                                 // the client's Unreachable() last logged

    mutable std::mutex mutex_; // guards the queue and the flags
    std::condition_variable arrived_;
    std::deque<Incoming> queue_;
    std::size_t queued_bytes_ = 0;
    bool connected_ = false;
    bool reconnected_ = false; // acknowledge every kiosk again
};

} // namespace tapsheet
