// A kiosk's outbox (issue 12): its own results file is the durable queue.
// After each commit (seen through FileWatch, never by the touch UI waiting)
// the visits changed since the hub's last acknowledgement are published in
// batches (fleet_batch.h); a visit counts as delivered only when the hub
// says it has committed it, never on a PUBACK. After a reconnect, when the
// acknowledgements stall, when the hub asks, or when the hub says it is
// online again (its status topic), the kiosk resends from the last
// acknowledged point. Nothing local is ever deleted.
//
// Everything runs on the outbox's own thread and libmosquitto's; the kiosk
// only reads Health().
#pragma once

#include "app/core/fleet_config.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace tapsheet {

class FileWatch;
class MqttClient;
class OutboxFile;

struct OutboxHealth {
    bool enabled = false;
    bool connected = false;
    std::int64_t acked = 0;           // the hub's committed point
    std::int64_t waiting_answers = 0; // in visits changed since
    std::int64_t refused = 0;         // publishes the broker refused
    std::string problem;              // "" or what is wrong, in words
};

struct OutboxOptions {
    FleetConfig fleet;
    std::string kiosk_id;
    std::string database;
    int batch_visits = 100;   // visits per batch
    int window = 4;           // batches in flight before an acknowledgement
    double stall_seconds = 5; // no acknowledgement for this long: resend (doubling to 60)
};

class Outbox {
  public:
    explicit Outbox(OutboxOptions options);
    ~Outbox(); // says goodbye to the hub ("offline") and stops
    Outbox(const Outbox&) = delete;
    Outbox& operator=(const Outbox&) = delete;

    // false with *error when the fleet cannot work at all (a bad id, an
    // unreadable password or certificate, no results file): the kiosk then
    // works alone and says why.
    bool Start(std::string* error);
    void Poke(); // something changed: look now
    OutboxHealth Health() const;

  private:
    using Clock = std::chrono::steady_clock;
    void Run();
    void Pass();
    void NoteUnreachable();
    bool NewCommit();
    void TakeAcks();
    void TakeHubState();
    void SendWhatIsWaiting();
    void PublishStatus(const char* state);
    void OnAck(const std::string& payload);
    void OnPublished(int reason);
    std::string Topic(const char* kind) const;

    OutboxOptions options_;
    std::string user_;
    std::string boot_;
    std::string stream_;
    std::unique_ptr<OutboxFile> file_;
    std::unique_ptr<MqttClient> client_;
    std::unique_ptr<FileWatch> watch_;

    mutable std::mutex mutex_; // guards everything below
    std::condition_variable wake_;
    bool stop_ = false;
    bool poked_ = false;
    Clock::time_point last_write_;  // the watch's last poke: settle polls follow it
    std::int64_t data_version_ = 0; // the outbox's thread only
    bool connected_ = false;
    bool rewind_ = false; // resend from acked_ (a reconnect, a stall, the hub asked)
    bool with_packs_ = true;
    std::int64_t acked_ = 0;
    std::int64_t saved_acked_ = -1;
    std::int64_t sent_to_ = 0;
    std::deque<std::string> pending_acks_; // payloads, parsed on the outbox's thread
    std::string pending_hub_state_;        // the last live hub status payload, "" if none
    std::deque<std::int64_t> in_flight_;   // ends of batches sent, not yet acknowledged
    Clock::time_point last_progress_;
    double stall_seconds_ = 5;
    Clock::time_point last_status_;
    Clock::time_point last_save_;
    std::int64_t waiting_answers_ = 0;
    std::int64_t last_waiting_sent_ = -1;
    std::string last_answer_at_;
    std::int64_t refused_ = 0;
    std::string problem_;
    std::string unreachable_; // the client's Unreachable() last seen (the thread's own)
    std::thread thread_;
};

} // namespace tapsheet
