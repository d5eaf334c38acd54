// A libmosquitto client for the fleet tests: MQTT v5 over TLS, as the
// kiosks and the hub speak it, with the network in libmosquitto's own
// thread and every answer of the broker kept for the test to wait on
// (CONNACK, SUBACK and PUBACK reason codes, messages).
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <mosquitto.h>

namespace tapsheet::fleet_test {

// Who the client says it is. An empty user connects without a username
// (anonymous); empty cert and key, without a client certificate.
struct Credentials {
    std::string user;
    std::string password;
    std::string ca; // the CA the client trusts the broker's certificate by
    std::string cert;
    std::string key;
};

struct Message {
    std::string topic;
    std::string payload;
    bool retain = false;
};

// MQTT v5 reason codes the tests look for.
constexpr int kReasonSuccess = 0;
constexpr int kReasonNoMatchingSubscribers = 0x10; // a PUBACK's: taken, nobody subscribed
constexpr int kReasonBadUserNameOrPassword = 0x86;
constexpr int kReasonNotAuthorized = 0x87;

// A PUBACK's reason code that says the broker took the message.
inline bool Accepted(int reason) {
    return reason >= 0 && reason < 0x80;
}

class TestClient {
  public:
    // `client_id` empty: libmosquitto makes a random one.
    explicit TestClient(Credentials credentials, std::string client_id = "");
    ~TestClient();
    TestClient(const TestClient&) = delete;
    TestClient& operator=(const TestClient&) = delete;

    // Connects to 127.0.0.1:port (TLS, the broker's certificate checked
    // against the CA and 127.0.0.1). True once the broker accepted; false
    // when it refused or nothing came within `wait`, and Failure() says why.
    bool Connect(int port, std::chrono::milliseconds wait = std::chrono::seconds(5));
    bool Connected() const;
    std::string Failure() const;
    int ConnackReason() const; // -1 when no CONNACK came

    // Each waits for the broker's answer: the SUBACK's reason code (the
    // granted QoS, or 0x80 and above when refused), the PUBACK's (0, or
    // 0x87 not authorized); -1 when none came within `wait`.
    int Subscribe(const std::string& topic, int qos = 1,
                  std::chrono::milliseconds wait = std::chrono::seconds(5));
    int Publish(const std::string& topic, const std::string& payload, int qos = 1, bool retain = false,
                std::chrono::milliseconds wait = std::chrono::seconds(5));

    // The first message on `topic` not taken yet; none after `wait`.
    std::optional<Message> WaitMessage(const std::string& topic,
                                       std::chrono::milliseconds wait = std::chrono::seconds(5));
    std::vector<Message> Messages() const; // every message so far, in arrival order

  private:
    static void OnConnect(mosquitto* mosq, void* self, int rc, int flags, const mosquitto_property* props);
    static void OnDisconnect(mosquitto* mosq, void* self, int rc, const mosquitto_property* props);
    static void OnPublish(mosquitto* mosq, void* self, int mid, int reason, const mosquitto_property* props);
    static void OnSubscribe(mosquitto* mosq, void* self, int mid, int count, const int* granted,
                            const mosquitto_property* props);
    static void OnMessage(mosquitto* mosq, void* self, const mosquitto_message* message,
                          const mosquitto_property* props);
    int WaitAck(std::map<int, int>& acks, int mid, std::chrono::milliseconds wait);
    void StopLoop();

    mosquitto* mosq_ = nullptr;
    std::string setup_error_;
    bool loop_running_ = false;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    bool connected_ = false;
    bool lost_ = false; // the connection ended (or never started) after Connect
    int connack_ = -1;
    std::string failure_;
    std::map<int, int> pubacks_; // mid -> reason code
    std::map<int, int> subacks_;
    std::vector<Message> history_;
    std::deque<Message> pending_;
};

} // namespace tapsheet::fleet_test
