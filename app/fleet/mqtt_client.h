// A thin pair over libmosquitto (Debian's libmosquitto-dev), like an ImGui
// backend: MQTT v5 over TLS with a client certificate and a password, a
// Last Will, automatic reconnection with backoff, and callbacks. It runs
// libmosquitto's own network thread; the callbacks come from that thread,
// and Publish() may be called from any thread.
//
// libmosquitto queues outgoing messages in memory only. That suits the
// fleet: the kiosk's SQLite file is the one durable queue, and nothing is
// counted delivered on a PUBACK (fleet_batch.h).
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <string>

struct mosquitto;

namespace tapsheet {

struct MqttOptions {
    std::string host;
    int port = 8883;
    std::string client_id;
    std::string user;
    std::string password;
    std::string ca;   // the event's CA certificate
    std::string cert; // this client's certificate and key
    std::string key;
    std::string will_topic; // "" : no Will
    std::string will_payload;
    int keepalive_seconds = 10; // a dead connection is noticed after 1.5x this
};

struct MqttMessage {
    std::string topic;
    std::string payload;
    bool retained = false; // delivered from the broker's store, not live
};

struct MqttHandlers {
    std::function<void(int reason)> on_connect; // 0: connected; else MQTT v5 reason code
    std::function<void(int reason)> on_disconnect;
    std::function<void(const MqttMessage&)> on_message;
    std::function<void(int mid, int reason)> on_publish; // PUBACK (reason >= 128: refused)
};

class MqttClient {
  public:
    MqttClient(MqttOptions options, MqttHandlers handlers);
    ~MqttClient(); // disconnects cleanly (no Will) and stops the thread
    MqttClient(const MqttClient&) = delete;
    MqttClient& operator=(const MqttClient&) = delete;

    // Starts connecting in the background: false with *error only when the
    // options cannot work (unreadable certificates, say); a broker that is
    // not there yet is retried for ever.
    bool Start(std::string* error);
    // QoS 1. 0 (MOSQ_ERR_SUCCESS) when queued; *mid identifies its PUBACK.
    int Publish(const std::string& topic, const std::string& payload, bool retain, int* mid);
    int Subscribe(const std::string& pattern);
    // A clean goodbye: the broker drops the Will. Publishes `last` first
    // (retained) when given, so the hub hears why.
    void Stop(const std::string& last_topic = "", const std::string& last_payload = "");

    // Call now and then from the owner's thread: libmosquitto's network
    // thread can give up reconnecting for good (seen after a broker was
    // killed twice, and after a TLS error mid-handshake: its loop returns on
    // MOSQ_ERR_TLS); after kRestartAfterSeconds without a connection the
    // thread is started again. 5 s, not 20: after a partition healed the
    // kiosk often reconnected only at the restart, up to 20 s later
    // (bench_fleet's backlog, heal -> the hub's first answer over six
    // partitions of 3 to 23 s: 2.3 to 17.3 s with 20, 2.3 to 3.7 s with 5).
    // A restart costs one TLS handshake attempt.
    void Supervise();
    static constexpr double kRestartAfterSeconds = 5;
    void MarkConnected(bool connected) { connected_ = connected; }
    // "" or why the last attempt to reach the broker failed before any
    // MQTT reply (a name that does not resolve, a refused port): without
    // it such a client only stays silent. The owner's thread only.
    const std::string& Unreachable() const { return unreachable_; }

    static std::string Describe(int mosquitto_error);
    static std::string Reason(int reason_code);

    // For libmosquitto's callbacks (mqtt_client.cpp).
    const MqttHandlers& Handlers() const { return handlers_; }

  private:
    void NoteAttempt(int mosquitto_error);

    MqttOptions options_;
    MqttHandlers handlers_;
    mosquitto* mosq_ = nullptr;
    bool running_ = false;
    std::atomic<bool> connected_{false};
    std::chrono::steady_clock::time_point down_since_ = std::chrono::steady_clock::now();
    std::string unreachable_;
};

} // namespace tapsheet
