#include "app/fleet/mqtt_client.h"

#include <mosquitto.h>
#include <mqtt_protocol.h>

#include <algorithm>
#include <thread>

namespace tapsheet {
namespace {

MqttClient* Self(void* obj) {
    return static_cast<MqttClient*>(obj);
}

void OnConnect(mosquitto*, void* obj, int rc, int, const mosquitto_property*) {
    Self(obj)->MarkConnected(rc == 0);
    if (Self(obj)->Handlers().on_connect) Self(obj)->Handlers().on_connect(rc);
}

void OnDisconnect(mosquitto*, void* obj, int rc, const mosquitto_property*) {
    Self(obj)->MarkConnected(false);
    if (Self(obj)->Handlers().on_disconnect) Self(obj)->Handlers().on_disconnect(rc);
}

void OnMessage(mosquitto*, void* obj, const mosquitto_message* message, const mosquitto_property*) {
    if (!Self(obj)->Handlers().on_message) return;
    MqttMessage copy;
    copy.topic = message->topic;
    copy.payload.assign(static_cast<const char*>(message->payload),
                        static_cast<std::size_t>(message->payloadlen));
    copy.retained = message->retain;
    Self(obj)->Handlers().on_message(copy);
}

void OnPublish(mosquitto*, void* obj, int mid, int reason, const mosquitto_property*) {
    if (Self(obj)->Handlers().on_publish) Self(obj)->Handlers().on_publish(mid, reason);
}

const char* OrNull(const std::string& text) {
    return text.empty() ? nullptr : text.c_str();
}

} // namespace

MqttClient::MqttClient(MqttOptions options, MqttHandlers handlers)
    : options_(std::move(options)), handlers_(std::move(handlers)) {
    // Counted by libmosquitto; made from the thread that makes the client,
    // before any network thread runs.
    mosquitto_lib_init();
    mosq_ = mosquitto_new(options_.client_id.c_str(), true, this);
}

MqttClient::~MqttClient() {
    Stop();
    mosquitto_destroy(mosq_);
    mosquitto_lib_cleanup();
}

bool MqttClient::Start(std::string* error) {
    if (mosq_ == nullptr) {
        *error = "cannot make an MQTT client (out of memory, or a bad client id)";
        return false;
    }
    mosquitto_int_option(mosq_, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V5);
    // Nagle's algorithm held each small publish (a batch, an ack) back until
    // the previous segment's delayed ACK: bench_fleet measured commit ->
    // board at median 90 ms, p99 160 ms with it. The broker sets the same
    // on its side (set_tcp_nodelay, deploy/fleet-setup.sh).
    mosquitto_int_option(mosq_, MOSQ_OPT_TCP_NODELAY, 1);
    // Our own thread runs the loop: Publish() from other threads then only
    // queues and wakes it, under libmosquitto's locks.
    mosquitto_threaded_set(mosq_, true);
    mosquitto_connect_v5_callback_set(mosq_, OnConnect);
    mosquitto_disconnect_v5_callback_set(mosq_, OnDisconnect);
    mosquitto_message_v5_callback_set(mosq_, OnMessage);
    mosquitto_publish_v5_callback_set(mosq_, OnPublish);
    int rc = mosquitto_username_pw_set(mosq_, options_.user.c_str(), options_.password.c_str());
    if (rc == MOSQ_ERR_SUCCESS)
        rc = mosquitto_tls_set(mosq_, options_.ca.c_str(), nullptr, OrNull(options_.cert),
                               OrNull(options_.key), nullptr);
    if (rc == MOSQ_ERR_SUCCESS && !options_.will_topic.empty())
        rc = mosquitto_will_set_v5(mosq_, options_.will_topic.c_str(),
                                   static_cast<int>(options_.will_payload.size()),
                                   options_.will_payload.data(), 1, true, nullptr);
    if (rc != MOSQ_ERR_SUCCESS) {
        *error =
            "cannot set up the MQTT client: " + Describe(rc) + " (check the [fleet] ca, cert and key files)";
        return false;
    }
    // A broker that is down now is retried by the network thread, with backoff.
    NoteAttempt(
        mosquitto_connect_async(mosq_, options_.host.c_str(), options_.port, options_.keepalive_seconds));
    thread_ = std::thread([this] { Run(); });
    return true;
}

int MqttClient::Publish(const std::string& topic, const std::string& payload, bool retain, int* mid) {
    return mosquitto_publish_v5(mosq_, mid, topic.c_str(), static_cast<int>(payload.size()), payload.data(),
                                1, retain, nullptr);
}

int MqttClient::Subscribe(const std::string& pattern) {
    return mosquitto_subscribe_v5(mosq_, nullptr, pattern.c_str(), 1, 0, nullptr);
}

void MqttClient::Stop(const std::string& last_topic, const std::string& last_payload) {
    if (!thread_.joinable()) return;
    if (!last_topic.empty() && connected_) {
        int mid = 0;
        Publish(last_topic, last_payload, true, &mid);
        // Give the goodbye a moment to leave; the Will covers the rest.
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    leaving_ = true;
    mosquitto_disconnect_v5(mosq_, MQTT_RC_NORMAL_DISCONNECTION, nullptr);
    {
        // The network thread writes the DISCONNECT and closes the socket.
        std::unique_lock lock(mutex_);
        wake_.wait_for(lock, std::chrono::seconds(1), [this] { return !connected_.load(); });
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void MqttClient::MarkConnected(bool connected) {
    {
        std::lock_guard lock(mutex_);
        connected_ = connected;
        down_since_ = std::chrono::steady_clock::now();
        if (connected) unreachable_.clear();
    }
    wake_.notify_all();
}

std::string MqttClient::Unreachable() const {
    std::lock_guard lock(mutex_);
    return unreachable_;
}

// The network thread: one connection attempt after another, with backoff,
// until Stop(). Never gives up: a kiosk keeps its answers and waits.
void MqttClient::Run() {
    double retry = kFirstRetrySeconds;
    bool first = true; // Start() made the first attempt
    while (!stopping_ && !leaving_) {
        if (!first) NoteAttempt(mosquitto_reconnect_async(mosq_));
        first = false;
        const auto attempt_at = std::chrono::steady_clock::now();
        int rc = MOSQ_ERR_SUCCESS;
        while (!stopping_ && rc == MOSQ_ERR_SUCCESS) {
            rc = mosquitto_loop(mosq_, 200, 1);
            if (connected_) retry = kFirstRetrySeconds;
            const double waited =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - attempt_at).count();
            if (!connected_ && waited > kConnectTimeoutSeconds) break;
        }
        if (leaving_) break;
        NoteDown(rc);
        Pause(retry);
        retry = std::min(kMaxRetrySeconds, retry * 2);
    }
}

void MqttClient::Pause(double seconds) {
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, std::chrono::duration<double>(seconds), [this] { return stopping_.load(); });
}

// Said once the client has been without a connection for kMaxRetrySeconds:
// a refused or silent port fails on this thread, unseen by the owner.
void MqttClient::NoteDown(int mosquitto_error) {
    std::lock_guard lock(mutex_);
    const double down = std::chrono::duration<double>(std::chrono::steady_clock::now() - down_since_).count();
    if (connected_ || down < kMaxRetrySeconds || !unreachable_.empty()) return;
    const std::string last = mosquitto_error == MOSQ_ERR_SUCCESS ? "no reply" : Describe(mosquitto_error);
    unreachable_ = "no connection to the broker " + options_.host + ":" + std::to_string(options_.port) +
                   " for " + std::to_string(static_cast<int>(down)) + " s (" + last +
                   "; is it running, and its port open?)";
}

void MqttClient::NoteAttempt(int mosquitto_error) {
    if (mosquitto_error == MOSQ_ERR_SUCCESS) return;
    std::lock_guard lock(mutex_);
    unreachable_ = "cannot reach the broker " + options_.host + ":" + std::to_string(options_.port) + ": " +
                   Describe(mosquitto_error);
}

std::string MqttClient::Describe(int mosquitto_error) {
    if (mosquitto_error == MOSQ_ERR_ERRNO)
        return std::string(mosquitto_strerror(mosquitto_error)) + " (system error)";
    return mosquitto_strerror(mosquitto_error);
}

std::string MqttClient::Reason(int reason_code) {
    return mosquitto_reason_string(reason_code);
}

} // namespace tapsheet
