#include "app/fleet/hub.h"

#include "app/fleet/mqtt_client.h"
#include "app/fleet/topics.h"
#include "app/store/fleet_health.h"
#include "app/store/fleet_ingest.h"
#include "app/store/sqlite_util.h"

#include <cstdio>
#include <map>
#include <utility>

namespace tapsheet {

struct Hub::Incoming {
    KioskTopicParts topic;
    std::string payload;
    bool retained = false;
};

namespace {

// Messages held before the ingest catches up; beyond this, batches are
// dropped (their kiosks resend them: nothing was acknowledged).
constexpr std::size_t kMaxQueuedBytes = 64u * 1024 * 1024;

void Log(const std::string& line) {
    std::fprintf(stderr, "tapsheet hub: %s\n", line.c_str());
}

} // namespace

Hub::Hub(FleetConfig fleet, std::string database)
    : fleet_(std::move(fleet)), database_(std::move(database)) {}

Hub::~Hub() {
    if (client_)
        client_->Stop(HubStatusTopic(fleet_.event),
                      "{\"v\":1,\"boot\":\"" + boot_ + "\",\"state\":\"offline\"}");
}

bool Hub::Connected() const {
    std::lock_guard lock(mutex_);
    return connected_;
}

bool Hub::Start(std::string* error) {
    file_ = std::make_unique<HubFile>();
    if (!file_->Open(database_, error)) return false;
    MqttOptions mqtt;
    mqtt.host = fleet_.host;
    mqtt.port = fleet_.port;
    if (!ReadPasswordFile(fleet_.password_file, &mqtt.password)) {
        *error = "cannot read the fleet password from " + fleet_.password_file;
        return false;
    }
    boot_ = NewBootId();
    mqtt.user = fleet_.user.empty() ? "hub" : fleet_.user;
    mqtt.client_id = mqtt.user + "-" + boot_;
    mqtt.ca = fleet_.ca;
    mqtt.cert = fleet_.cert;
    mqtt.key = fleet_.key;
    mqtt.will_topic = HubStatusTopic(fleet_.event);
    mqtt.will_payload = "{\"v\":1,\"boot\":\"" + boot_ + "\",\"state\":\"lost\"}";
    MqttHandlers handlers;
    handlers.on_connect = [this](int reason) {
        if (reason != 0) {
            Log("the broker refused the hub: " + MqttClient::Reason(reason));
            return;
        }
        client_->Subscribe(KioskTopic(fleet_.event, "+", "visits"));
        client_->Subscribe(KioskTopic(fleet_.event, "+", "status"));
        std::lock_guard lock(mutex_);
        connected_ = reconnected_ = true;
        arrived_.notify_all();
    };
    handlers.on_disconnect = [this](int) {
        std::lock_guard lock(mutex_);
        connected_ = false;
    };
    handlers.on_message = [this](const MqttMessage& message) { OnMessage(message); };
    client_ = std::make_unique<MqttClient>(mqtt, handlers);
    return client_->Start(error);
}

void Hub::OnMessage(const MqttMessage& message) {
    Incoming incoming;
    if (!ParseKioskTopic(message.topic, &incoming.topic) || incoming.topic.event != fleet_.event) {
        Log("refused a message on '" + message.topic.substr(0, 200) + "': not a topic of event '" +
            fleet_.event + "'");
        return;
    }
    std::lock_guard lock(mutex_);
    if (queued_bytes_ + message.payload.size() > kMaxQueuedBytes) {
        Log("dropped a message of kiosk '" + incoming.topic.kiosk +
            "': the hub is behind (it is sent again)");
        return;
    }
    incoming.payload = message.payload;
    incoming.retained = message.retained;
    queued_bytes_ += incoming.payload.size();
    queue_.push_back(std::move(incoming));
    arrived_.notify_all();
}

void Hub::Acknowledge(const std::string& kiosk, const std::string& stream, std::int64_t committed,
                      bool needs_packs) {
    int mid = 0;
    const std::string ack = AckJson(file_->Db(), StreamPoint{kiosk, stream, committed}, needs_packs);
    client_->Publish(KioskTopic(fleet_.event, kiosk, "ack"), ack, true, &mid);
}

// After a (re)connect the broker may have lost the retained acknowledgements
// (a restart without its file): every kiosk hears its point again.
void Hub::AcknowledgeAll() {
    std::vector<StreamPoint> points;
    if (ReadStreamPoints(file_->Db(), &points) != SQLITE_OK) return;
    for (const StreamPoint& point : points)
        Acknowledge(point.kiosk, point.stream, point.committed, false);
    int mid = 0;
    client_->Publish(HubStatusTopic(fleet_.event),
                     "{\"v\":1,\"boot\":\"" + boot_ + "\",\"state\":\"online\"}", true, &mid);
}

// One transaction for everything that came; acknowledgements only after it
// committed. A refused batch is logged and changes nothing.
int Hub::Ingest(std::deque<Incoming>& batch) {
    struct Point {
        std::int64_t committed = 0;
        bool needs_packs = false;
    };
    std::map<std::pair<std::string, std::string>, Point> acks;
    int rc = sql::Exec(file_->Db(), "BEGIN IMMEDIATE");
    const auto now = std::chrono::system_clock::now();
    for (const Incoming& message : batch) {
        if (rc != SQLITE_OK) break;
        const std::string& kiosk = message.topic.kiosk;
        if (message.topic.kind == "status") {
            StatusResult status;
            rc = ApplyStatus(file_->Db(), kiosk, message.payload, message.retained, now, &status);
            if (!status.applied && !status.why.empty()) Log("status of kiosk '" + kiosk + "': " + status.why);
            if (status.duplicate)
                Log("two kiosks use the id '" + kiosk + "' (a cloned SD card?): give one another id");
            continue;
        }
        if (message.topic.kind != "visits") continue;
        IngestResult result;
        rc = IngestBatch(file_->Db(), IngestContext{fleet_.event, kiosk, fleet_.kiosks}, message.payload,
                         &result);
        if (rc != SQLITE_OK) break;
        ++counts_.batches;
        if (!result.accepted) {
            ++counts_.refused;
            Log("refused a batch from kiosk '" + kiosk + "': " + result.why);
            if (!result.needs_packs) continue;
        }
        counts_.visits_added += result.counts.visits_added;
        counts_.visits_updated += result.counts.visits_updated;
        counts_.answers += result.counts.answers_copied;
        Point& point = acks[{kiosk, result.stream}];
        if (result.accepted) point.committed = std::max(point.committed, result.committed);
        point.needs_packs = point.needs_packs || result.needs_packs;
    }
    // The hub's heartbeat rides on the commit it makes anyway.
    if (rc == SQLITE_OK) rc = MarkHubHeard(file_->Db(), boot_, now);
    if (rc == SQLITE_OK) rc = sql::Exec(file_->Db(), "COMMIT");
    if (rc == SQLITE_OK) last_heard_mark_ = std::chrono::steady_clock::now();
    if (rc != SQLITE_OK) {
        sql::Exec(file_->Db(), "ROLLBACK");
        return rc;
    }
    for (const auto& [key, point] : acks) {
        if (point.committed > 0 || !point.needs_packs) {
            Acknowledge(key.first, key.second, point.committed, point.needs_packs);
            continue;
        }
        // Refused for want of packs before anything was committed: the
        // kiosk's point is whatever the file holds.
        std::vector<StreamPoint> points;
        ReadStreamPoints(file_->Db(), &points);
        std::int64_t committed = 0;
        for (const StreamPoint& known : points)
            if (known.kiosk == key.first && known.stream == key.second) committed = known.committed;
        Acknowledge(key.first, key.second, committed, true);
    }
    return SQLITE_OK;
}

bool Hub::Step(std::chrono::milliseconds wait, std::string* error) {
    // Once per new reason: a broker the hub cannot reach gives no other sign.
    if (std::string unreachable = client_->Unreachable(); unreachable != unreachable_) {
        unreachable_ = std::move(unreachable);
        if (!unreachable_.empty()) Log(unreachable_);
    }
    std::deque<Incoming> batch;
    bool reconnected = false;
    {
        std::unique_lock lock(mutex_);
        arrived_.wait_for(lock, wait, [this] { return !queue_.empty() || reconnected_; });
        batch.swap(queue_);
        queued_bytes_ = 0;
        reconnected = std::exchange(reconnected_, false);
    }
    if (!batch.empty()) {
        const int rc = Ingest(batch);
        if (rc != SQLITE_OK) {
            *error = file_->Explain(rc);
            return false;
        }
    }
    if (reconnected) AcknowledgeAll();
    return Beat(error);
}

// Alive without news: one small commit every kHubBeatSeconds, so the board
// and fleet-status can tell a quiet room from a hub that stopped.
bool Hub::Beat(std::string* error) {
    const auto now = std::chrono::steady_clock::now();
    if (now - last_heard_mark_ < std::chrono::seconds(kHubBeatSeconds)) return true;
    const int rc = MarkHubHeard(file_->Db(), boot_, std::chrono::system_clock::now());
    if (rc != SQLITE_OK) {
        *error = file_->Explain(rc);
        return false;
    }
    last_heard_mark_ = now;
    return true;
}

} // namespace tapsheet
