#include "tests/fleet/mqtt_client.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace tapsheet::fleet_test {

namespace {

TestClient* Self(void* self) {
    return static_cast<TestClient*>(self);
}

std::string ErrorText(int rc) {
    std::string text = mosquitto_strerror(rc);
    if (rc == MOSQ_ERR_ERRNO) text += std::string(" (") + std::strerror(errno) + ")";
    return text;
}

} // namespace

TestClient::TestClient(Credentials credentials, std::string client_id) {
    // Reference-counted by libmosquitto: one init per client, one cleanup.
    mosquitto_lib_init();
    mosq_ = mosquitto_new(client_id.empty() ? nullptr : client_id.c_str(), true, this);
    if (!mosq_) {
        setup_error_ = "mosquitto_new failed";
        return;
    }
    mosquitto_int_option(mosq_, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V5);
    const char* cert = credentials.cert.empty() ? nullptr : credentials.cert.c_str();
    const char* key = credentials.key.empty() ? nullptr : credentials.key.c_str();
    int rc = mosquitto_tls_set(mosq_, credentials.ca.c_str(), nullptr, cert, key, nullptr);
    if (rc == MOSQ_ERR_SUCCESS && !credentials.user.empty())
        rc = mosquitto_username_pw_set(mosq_, credentials.user.c_str(), credentials.password.c_str());
    if (rc != MOSQ_ERR_SUCCESS) setup_error_ = "client set-up: " + ErrorText(rc);
    mosquitto_connect_v5_callback_set(mosq_, OnConnect);
    mosquitto_disconnect_v5_callback_set(mosq_, OnDisconnect);
    mosquitto_publish_v5_callback_set(mosq_, OnPublish);
    mosquitto_subscribe_v5_callback_set(mosq_, OnSubscribe);
    mosquitto_message_v5_callback_set(mosq_, OnMessage);
}

TestClient::~TestClient() {
    if (loop_running_) StopLoop();
    if (mosq_) mosquitto_destroy(mosq_);
    mosquitto_lib_cleanup();
}

bool TestClient::Connect(int port, std::chrono::milliseconds wait) {
    {
        std::lock_guard lock(mutex_);
        connected_ = false;
        lost_ = false;
        connack_ = -1;
        failure_ = setup_error_;
    }
    if (!setup_error_.empty()) return false;
    // libmosquitto's network thread ends for good on some errors (a TLS
    // failure while it reconnects): a new Connect starts a new one.
    if (loop_running_) StopLoop();
    const int rc = mosquitto_connect_bind_v5(mosq_, "127.0.0.1", port, 30, nullptr, nullptr);
    if (rc != MOSQ_ERR_SUCCESS) {
        std::lock_guard lock(mutex_);
        failure_ = "connect: " + ErrorText(rc);
        return false;
    }
    loop_running_ = mosquitto_loop_start(mosq_) == MOSQ_ERR_SUCCESS;
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, wait, [this] { return connected_ || lost_; });
    if (connected_) return true;
    if (failure_.empty()) failure_ = "no CONNACK within the wait";
    lock.unlock();
    // A refused client stays refused: no reconnecting in the background.
    StopLoop();
    return false;
}

bool TestClient::Connected() const {
    std::lock_guard lock(mutex_);
    return connected_;
}

std::string TestClient::Failure() const {
    std::lock_guard lock(mutex_);
    return failure_;
}

int TestClient::ConnackReason() const {
    std::lock_guard lock(mutex_);
    return connack_;
}

int TestClient::Subscribe(const std::string& topic, int qos, std::chrono::milliseconds wait) {
    int mid = 0;
    if (mosquitto_subscribe_v5(mosq_, &mid, topic.c_str(), qos, 0, nullptr) != MOSQ_ERR_SUCCESS) return -1;
    return WaitAck(subacks_, mid, wait);
}

int TestClient::Publish(const std::string& topic, const std::string& payload, int qos, bool retain,
                        std::chrono::milliseconds wait) {
    int mid = 0;
    const int rc = mosquitto_publish_v5(mosq_, &mid, topic.c_str(), static_cast<int>(payload.size()),
                                        payload.data(), qos, retain, nullptr);
    if (rc != MOSQ_ERR_SUCCESS) return -1;
    return WaitAck(pubacks_, mid, wait);
}

std::optional<Message> TestClient::WaitMessage(const std::string& topic, std::chrono::milliseconds wait) {
    std::unique_lock lock(mutex_);
    auto on_topic = [&topic](const Message& m) { return m.topic == topic; };
    if (!changed_.wait_for(lock, wait,
                           [&] { return std::any_of(pending_.begin(), pending_.end(), on_topic); }))
        return std::nullopt;
    auto found = std::find_if(pending_.begin(), pending_.end(), on_topic);
    Message message = *found;
    pending_.erase(found);
    return message;
}

std::vector<Message> TestClient::Messages() const {
    std::lock_guard lock(mutex_);
    return history_;
}

int TestClient::WaitAck(std::map<int, int>& acks, int mid, std::chrono::milliseconds wait) {
    std::unique_lock lock(mutex_);
    if (!changed_.wait_for(lock, wait, [&] { return acks.count(mid) > 0; })) return -1;
    const int reason = acks[mid];
    acks.erase(mid);
    return reason;
}

void TestClient::StopLoop() {
    // Disconnecting first lets the network thread end on its own.
    mosquitto_disconnect(mosq_);
    mosquitto_loop_stop(mosq_, false);
    loop_running_ = false;
}

void TestClient::OnConnect(mosquitto*, void* self, int rc, int, const mosquitto_property*) {
    TestClient* client = Self(self);
    std::lock_guard lock(client->mutex_);
    client->connack_ = rc;
    client->connected_ = rc == 0;
    if (rc != 0) {
        client->lost_ = true;
        client->failure_ = std::string("refused: ") + mosquitto_reason_string(rc);
    }
    client->changed_.notify_all();
}

void TestClient::OnDisconnect(mosquitto*, void* self, int rc, const mosquitto_property*) {
    TestClient* client = Self(self);
    std::lock_guard lock(client->mutex_);
    client->connected_ = false;
    client->lost_ = true;
    if (client->failure_.empty() && client->connack_ < 0)
        client->failure_ = "connection closed before CONNACK: " + ErrorText(rc);
    client->changed_.notify_all();
}

void TestClient::OnPublish(mosquitto*, void* self, int mid, int reason, const mosquitto_property*) {
    TestClient* client = Self(self);
    std::lock_guard lock(client->mutex_);
    client->pubacks_[mid] = reason;
    client->changed_.notify_all();
}

void TestClient::OnSubscribe(mosquitto*, void* self, int mid, int count, const int* granted,
                             const mosquitto_property*) {
    TestClient* client = Self(self);
    std::lock_guard lock(client->mutex_);
    client->subacks_[mid] = count > 0 ? granted[0] : -1;
    client->changed_.notify_all();
}

void TestClient::OnMessage(mosquitto*, void* self, const mosquitto_message* message,
                           const mosquitto_property*) {
    TestClient* client = Self(self);
    Message copy{message->topic, "", message->retain};
    if (message->payloadlen > 0)
        copy.payload.assign(static_cast<const char*>(message->payload),
                            static_cast<std::size_t>(message->payloadlen));
    std::lock_guard lock(client->mutex_);
    client->history_.push_back(copy);
    client->pending_.push_back(std::move(copy));
    client->changed_.notify_all();
}

} // namespace tapsheet::fleet_test
