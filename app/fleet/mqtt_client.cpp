#include "app/fleet/mqtt_client.h"

#include <mosquitto.h>
#include <mqtt_protocol.h>

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
    // No mosquitto_threaded_set: loop_start marks the client threaded itself
    // (and refuses a client already marked), so Publish() from our threads
    // takes libmosquitto's locks.
    mosquitto_connect_v5_callback_set(mosq_, OnConnect);
    mosquitto_disconnect_v5_callback_set(mosq_, OnDisconnect);
    mosquitto_message_v5_callback_set(mosq_, OnMessage);
    mosquitto_publish_v5_callback_set(mosq_, OnPublish);
    mosquitto_reconnect_delay_set(mosq_, 1, 15, true);
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
    rc = mosquitto_loop_start(mosq_);
    if (rc != MOSQ_ERR_SUCCESS) {
        *error = "cannot start the MQTT client's thread: " + Describe(rc);
        return false;
    }
    running_ = true;
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
    if (!running_) return;
    running_ = false;
    if (!last_topic.empty()) {
        int mid = 0;
        Publish(last_topic, last_payload, true, &mid);
        // Give the goodbye a moment to leave; the Will covers the rest.
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    mosquitto_disconnect_v5(mosq_, MQTT_RC_NORMAL_DISCONNECTION, nullptr);
    mosquitto_loop_stop(mosq_, false);
}

void MqttClient::Supervise() {
    const auto now = std::chrono::steady_clock::now();
    if (!running_ || connected_) {
        down_since_ = now;
        if (connected_) unreachable_.clear();
        return;
    }
    if (std::chrono::duration<double>(now - down_since_).count() < kRestartAfterSeconds) return;
    down_since_ = now;
    // The thread may be dead or asleep in its backoff: stopped either way.
    mosquitto_loop_stop(mosq_, true);
    NoteAttempt(mosquitto_reconnect_async(mosq_));
    mosquitto_loop_start(mosq_);
    // A refused or silent port fails on the network thread, unseen here.
    if (unreachable_.empty())
        unreachable_ = "no connection to the broker " + options_.host + ":" + std::to_string(options_.port) +
                       " for " + std::to_string(static_cast<int>(kRestartAfterSeconds)) +
                       " s (is it running, and its port open?)";
}

void MqttClient::NoteAttempt(int mosquitto_error) {
    if (mosquitto_error == MOSQ_ERR_SUCCESS) return;
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
