#include "app/fleet/outbox.h"

#include "app/fleet/mqtt_client.h"
#include "app/fleet/topics.h"
#include "app/store/file_watch.h"
#include "app/store/fleet_batch.h"
#include "app/store/fleet_health.h"
#include "app/store/sqlite_util.h"
#include "app/store/stamp.h"

#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

namespace tapsheet {
namespace {

// How often the outbox looks even when nothing woke it (a watch that cannot
// see a network file system, the stall and status clocks).
constexpr auto kTick = std::chrono::milliseconds(500);
constexpr double kMaxStallSeconds = 60;
constexpr auto kSaveAckedEvery = std::chrono::seconds(5);

double Since(std::chrono::steady_clock::time_point then) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - then).count();
}

} // namespace

Outbox::Outbox(OutboxOptions options) : options_(std::move(options)) {
    stall_seconds_ = options_.stall_seconds;
}

Outbox::~Outbox() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
    watch_.reset();
    if (client_)
        client_->Stop(Topic("status"), "{\"v\":1,\"kiosk\":\"" + user_ + "\",\"boot\":\"" + boot_ +
                                           "\",\"state\":\"offline\"}");
}

std::string Outbox::Topic(const char* kind) const {
    return KioskTopic(options_.fleet.event, user_, kind);
}

bool Outbox::Start(std::string* error) {
    user_ = options_.fleet.user.empty() ? options_.kiosk_id : options_.fleet.user;
    if (!IsTopicId(user_)) {
        *error =
            "the kiosk id '" + user_ + "' cannot be a fleet user: use 1 to 64 letters, digits, '-' or '_'";
        return false;
    }
    MqttOptions mqtt;
    mqtt.host = options_.fleet.host;
    mqtt.port = options_.fleet.port;
    if (!ReadPasswordFile(options_.fleet.password_file, &mqtt.password)) {
        *error = "cannot read the fleet password from " + options_.fleet.password_file;
        return false;
    }
    file_ = std::make_unique<OutboxFile>();
    if (!file_->Open(options_.database, error)) return false;
    std::int64_t acked = 0;
    if (ReadStreamId(file_->Db(), &stream_) != SQLITE_OK || ReadAcked(file_->Db(), &acked) != SQLITE_OK) {
        *error = "cannot read the fleet's place in " + options_.database;
        return false;
    }
    acked_ = sent_to_ = saved_acked_ = acked;
    boot_ = NewBootId();
    mqtt.client_id = user_ + "-" + boot_;
    mqtt.user = user_;
    mqtt.ca = options_.fleet.ca;
    mqtt.cert = options_.fleet.cert;
    mqtt.key = options_.fleet.key;
    mqtt.will_topic = Topic("status");
    mqtt.will_payload = KioskStatusJson({user_, boot_, "lost", {}, 0, "", 0});
    MqttHandlers handlers;
    handlers.on_connect = [this](int reason) {
        if (reason == 0) client_->Subscribe(Topic("ack"));
        if (reason == 0) client_->Subscribe(HubStatusTopic(options_.fleet.event));
        std::lock_guard lock(mutex_);
        connected_ = reason == 0;
        rewind_ = rewind_ || connected_;
        problem_ = connected_ ? "" : "the broker refused the kiosk: " + MqttClient::Reason(reason);
        poked_ = true;
        wake_.notify_all();
    };
    handlers.on_disconnect = [this](int reason) {
        std::lock_guard lock(mutex_);
        connected_ = false;
        if (reason != 0) problem_ = "lost the connection to the broker";
    };
    handlers.on_message = [this](const MqttMessage& message) {
        std::lock_guard lock(mutex_);
        // A retained hub status comes with the subscription after a connect,
        // which resends anyway; only a live one says the hub came back.
        if (message.topic == HubStatusTopic(options_.fleet.event)) {
            if (!message.retained) pending_hub_state_ = message.payload;
        } else {
            pending_acks_.push_back(message.payload);
        }
        poked_ = true;
        wake_.notify_all();
    };
    handlers.on_publish = [this](int, int reason) { OnPublished(reason); };
    client_ = std::make_unique<MqttClient>(mqtt, handlers);
    if (!client_->Start(error)) return false;
    watch_ = std::make_unique<FileWatch>(options_.database, [this] { Poke(); });
    last_progress_ = last_save_ = Clock::now();
    last_status_ = Clock::now() - std::chrono::hours(1);
    thread_ = std::thread([this] { Run(); });
    return true;
}

void Outbox::Poke() {
    std::lock_guard lock(mutex_);
    poked_ = true;
    last_write_ = Clock::now();
    wake_.notify_all();
}

// Another connection (the kiosk's writer) committed since the last look.
bool Outbox::NewCommit() {
    std::int64_t version = 0;
    if (sql::QueryInt(file_->Db(), "PRAGMA data_version", &version) != SQLITE_OK) return false;
    return std::exchange(data_version_, version) != version;
}

OutboxHealth Outbox::Health() const {
    std::lock_guard lock(mutex_);
    return {true, connected_, acked_, waiting_answers_, refused_, problem_};
}

void Outbox::OnPublished(int reason) {
    if (reason < 128) return;
    // Under MQTT 5 a publish the ACL refuses still gets its PUBACK, with
    // this reason: it is shown, and nothing is ever marked delivered on it.
    std::lock_guard lock(mutex_);
    ++refused_;
    problem_ = "the broker refused a message: " + MqttClient::Reason(reason);
    if (refused_ == 1) std::fprintf(stderr, "tapsheet: fleet: %s\n", problem_.c_str());
}

// The watch announces a write before its commit can be read (file_watch.h),
// so after each write the outbox looks again every kSettlePollSeconds, as
// the board does: without it, an answer waited for the next answer's write
// or the next tick (bench_fleet, commit -> board: p99 46 to 124 ms without,
// 38 to 64 ms with). Between passes, only a cheap data_version check.
void Outbox::Run() {
    std::unique_lock lock(mutex_);
    while (!stop_) {
        const bool settling = Since(last_write_) < kSettleAfterWriteSeconds;
        const auto longest = settling ? std::chrono::duration<double>(kSettlePollSeconds) : kTick;
        wake_.wait_for(lock, longest, [this] { return stop_ || poked_; });
        if (stop_) break;
        const bool poked = std::exchange(poked_, false);
        lock.unlock();
        const bool committed = NewCommit();
        if (poked || committed || !settling) Pass();
        lock.lock();
    }
}

void Outbox::TakeAcks() {
    std::vector<std::string> payloads;
    {
        std::lock_guard lock(mutex_);
        payloads.assign(pending_acks_.begin(), pending_acks_.end());
        pending_acks_.clear();
    }
    for (const std::string& payload : payloads) {
        HubAck ack;
        if (!ParseAck(file_->Db(), payload, &ack) || ack.stream != stream_) continue;
        std::lock_guard lock(mutex_);
        if (ack.seq > acked_) {
            last_progress_ = Clock::now();
            stall_seconds_ = options_.stall_seconds;
        }
        // Lower than before: the hub lost what it had (a new results file):
        // everything after its point is sent again.
        if (ack.seq < acked_ || ack.needs_packs) rewind_ = true;
        acked_ = ack.seq;
        sent_to_ = std::max(sent_to_, acked_);
        while (!in_flight_.empty() && in_flight_.front() <= acked_)
            in_flight_.pop_front();
    }
}

// A broker that cannot be reached at all (its name does not resolve, its
// port refuses) gives no MQTT reply to report: said once per new reason,
// on stderr (the journal) and in the kiosk's health.
void Outbox::NoteUnreachable() {
    const std::string unreachable = client_->Unreachable();
    if (unreachable == unreachable_) return;
    unreachable_ = unreachable;
    if (unreachable.empty()) return;
    std::fprintf(stderr, "tapsheet: fleet: %s\n", unreachable.c_str());
    std::lock_guard lock(mutex_);
    if (!connected_) problem_ = unreachable;
}

// The hub says "online" after each of its (re)connects: what the kiosk sent
// while it was away reached no one (the hub's session is clean), so resend
// now rather than on the stall timer, which by then may wait 60 s.
void Outbox::TakeHubState() {
    std::string payload, state;
    {
        std::lock_guard lock(mutex_);
        payload.swap(pending_hub_state_);
    }
    if (payload.empty() || !ParseHubState(file_->Db(), payload, &state) || state != "online") return;
    std::lock_guard lock(mutex_);
    rewind_ = true;
    stall_seconds_ = options_.stall_seconds;
}

void Outbox::Pass() {
    NoteUnreachable();
    TakeAcks();
    TakeHubState();
    bool connected = false;
    std::int64_t acked = 0;
    {
        std::lock_guard lock(mutex_);
        const bool stalled = !in_flight_.empty() && Since(last_progress_) > stall_seconds_;
        if (stalled) stall_seconds_ = std::min(kMaxStallSeconds, stall_seconds_ * 2);
        if (rewind_ || stalled) {
            sent_to_ = acked_;
            in_flight_.clear();
            with_packs_ = true;
            last_progress_ = Clock::now();
            rewind_ = false;
        }
        connected = connected_;
        acked = acked_;
    }
    if (connected) SendWhatIsWaiting();
    Waiting waiting;
    if (ReadWaiting(file_->Db(), acked, &waiting) == SQLITE_OK) {
        std::lock_guard lock(mutex_);
        waiting_answers_ = waiting.answers;
        last_answer_at_ = waiting.last_answer_at;
    }
    const bool changed = waiting.answers != last_waiting_sent_ && Since(last_status_) >= 1;
    if (connected && (changed || Since(last_status_) >= kStatusEverySeconds)) PublishStatus("online");
    if (acked != saved_acked_ && Clock::now() - last_save_ >= kSaveAckedEvery &&
        SaveAcked(file_->Db(), acked) == SQLITE_OK) {
        saved_acked_ = acked;
        last_save_ = Clock::now();
    }
}

void Outbox::SendWhatIsWaiting() {
    const BatchHeader header{options_.fleet.event, user_, stream_};
    for (;;) {
        std::int64_t from = 0;
        bool with_packs = false;
        {
            std::lock_guard lock(mutex_);
            if (!connected_ || static_cast<int>(in_flight_.size()) >= options_.window) return;
            from = sent_to_;
            with_packs = with_packs_;
        }
        Batch batch;
        if (ReadBatch(file_->Db(), header, from, options_.batch_visits, with_packs, &batch) != SQLITE_OK)
            return;
        if (batch.to == from) return;
        int mid = 0;
        if (client_->Publish(Topic("visits"), batch.json, false, &mid) != 0)
            return; // resent after the reconnect
        std::lock_guard lock(mutex_);
        if (in_flight_.empty()) last_progress_ = Clock::now();
        sent_to_ = batch.to;
        in_flight_.push_back(batch.to);
        with_packs_ = false;
    }
}

void Outbox::PublishStatus(const char* state) {
    std::string payload;
    {
        std::lock_guard lock(mutex_);
        payload = KioskStatusJson({user_, boot_, state, std::chrono::system_clock::now(), waiting_answers_,
                                   last_answer_at_, refused_});
        last_waiting_sent_ = waiting_answers_;
    }
    int mid = 0;
    client_->Publish(Topic("status"), payload, true, &mid);
    last_status_ = Clock::now();
}

} // namespace tapsheet
