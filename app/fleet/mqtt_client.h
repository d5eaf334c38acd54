// A thin pair over libmosquitto (Debian's libmosquitto-dev), like an ImGui
// backend: MQTT v5 over TLS with a client certificate and a password, a
// Last Will, automatic reconnection with backoff, and callbacks. It runs a
// network thread of its own that calls mosquitto_loop(); the callbacks come
// from that thread, and Publish() may be called from any thread.
//
// Not libmosquitto's loop_start(): its thread gives up reconnecting for good
// on some errors (MOSQ_ERR_TLS when a connection is closed mid-handshake, as
// a cut network does), and the only way to restart it is to cancel it, which
// can leave one of libmosquitto's mutexes locked for ever. CI once saw a
// kiosk that never reconnected after a two-minute partition, most likely so.
//
// libmosquitto queues outgoing messages in memory only. That suits the
// fleet: the kiosk's SQLite file is the one durable queue, and nothing is
// counted delivered on a PUBACK (fleet_batch.h).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

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

    void MarkConnected(bool connected);
    // "" or why the client has had no connection for a while (a name that
    // does not resolve, a refused port, a closed connection): without it
    // such a client only stays silent.
    std::string Unreachable() const;

    // Between attempts to reach the broker: 1 s, doubling to 5 s. Not more:
    // after a partition heals the kiosk reconnects within 5 s (bench_fleet's
    // backlog: heal -> the hub's first answer).
    static constexpr double kFirstRetrySeconds = 1;
    static constexpr double kMaxRetrySeconds = 5;
    // A connection with no CONNACK by then is given up and tried again (a
    // handshake that hangs on a network that drops packets).
    static constexpr double kConnectTimeoutSeconds = 15;

    static std::string Describe(int mosquitto_error);
    static std::string Reason(int reason_code);

    // For libmosquitto's callbacks (mqtt_client.cpp).
    const MqttHandlers& Handlers() const { return handlers_; }

  private:
    void Run();
    // Sleeps for `seconds`, cut short by Stop().
    void Pause(double seconds);
    void NoteDown(int mosquitto_error);
    void NoteAttempt(int mosquitto_error);

    MqttOptions options_;
    MqttHandlers handlers_;
    mosquitto* mosq_ = nullptr;
    std::thread thread_;
    std::atomic<bool> connected_{false};
    std::atomic<bool> stopping_{false};
    std::atomic<bool> leaving_{false}; // a clean DISCONNECT was asked for
    mutable std::mutex mutex_;         // guards what follows
    std::condition_variable wake_;
    std::string unreachable_;
    std::chrono::steady_clock::time_point down_since_ = std::chrono::steady_clock::now();
};

} // namespace tapsheet
