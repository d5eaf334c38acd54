// The broker as deploy/fleet-setup.sh configures it, against real clients
// (libmosquitto, MQTT v5, TLS): who gets in, and what each user may write
// and read. A refusal is checked against a control that gets through with
// one thing changed, and "never received" against a barrier message sent
// after it on the same path (the broker keeps the order), not a timeout.
#include "tests/fleet/broker.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>

namespace tapsheet::fleet_test {
namespace {

using ::testing::AnyOf;
using ::testing::Eq;

class BrokerSecurityTest : public ::testing::Test {
  protected:
    void SetUp() override { ASSERT_TRUE(broker_.Start()) << broker_.Log(); }

    // A client of `user`, connected (the test fails when it is not).
    std::unique_ptr<TestClient> Connected(const std::string& user) {
        auto client = std::make_unique<TestClient>(broker_.For(user));
        EXPECT_TRUE(client->Connect(broker_.Port())) << user << ": " << client->Failure() << "\n"
                                                     << broker_.Log();
        return client;
    }
    std::string Topic(const std::string& kiosk, const std::string& what) {
        return broker_.KioskTopic(kiosk, what);
    }
    std::string HubStatus() { return "tapsheet/" + broker_.Event() + "/hub/status"; }

    TestBroker broker_{"expo-2026", {"kiosk-1", "kiosk-2"}};
};

bool Received(const TestClient& client, const std::string& topic) {
    for (const Message& message : client.Messages())
        if (message.topic == topic) return true;
    return false;
}

TEST_F(BrokerSecurityTest, AnonymousClientIsRefused) {
    Credentials anonymous = broker_.For("kiosk-1");
    anonymous.user.clear();
    anonymous.password.clear();
    TestClient client(anonymous);
    EXPECT_FALSE(client.Connect(broker_.Port()));
    EXPECT_EQ(client.ConnackReason(), kReasonNotAuthorized) << client.Failure();
    // The same certificate with its user and password gets in.
    Connected("kiosk-1");
}

TEST_F(BrokerSecurityTest, WrongPasswordIsRefused) {
    Credentials wrong = broker_.For("kiosk-1");
    wrong.password = broker_.Password("kiosk-2");
    TestClient client(wrong);
    EXPECT_FALSE(client.Connect(broker_.Port()));
    EXPECT_THAT(client.ConnackReason(), AnyOf(Eq(kReasonBadUserNameOrPassword), Eq(kReasonNotAuthorized)))
        << client.Failure();
}

TEST_F(BrokerSecurityTest, ClientWithoutCertificateIsRefused) {
    Credentials no_certificate = broker_.For("kiosk-1");
    no_certificate.cert.clear();
    no_certificate.key.clear();
    TestClient client(no_certificate);
    EXPECT_FALSE(client.Connect(broker_.Port()));
    EXPECT_EQ(client.ConnackReason(), -1)
        << "refused in the TLS handshake, before MQTT: " << client.Failure();
}

TEST_F(BrokerSecurityTest, CertificateOfAnotherCaIsRefused) {
    // Another event's files: its own CA, the same kiosk ids.
    TestBroker other(broker_.Event(), {"kiosk-1"});
    Credentials foreign = other.For("kiosk-1");
    foreign.password = broker_.Password("kiosk-1");
    foreign.ca = broker_.Ca().string();
    TestClient client(foreign);
    EXPECT_FALSE(client.Connect(broker_.Port()));
    EXPECT_EQ(client.ConnackReason(), -1) << client.Failure();
    EXPECT_NE(broker_.Log().find("certificate"), std::string::npos) << broker_.Log();

    // And a kiosk trusting only its own event's CA refuses a broker of another.
    Credentials trusting_other = broker_.For("kiosk-1");
    trusting_other.ca = other.Ca().string();
    TestClient misled(trusting_other);
    EXPECT_FALSE(misled.Connect(broker_.Port()));
    EXPECT_EQ(misled.ConnackReason(), -1) << misled.Failure();
}

TEST_F(BrokerSecurityTest, KioskAndHubExchangeVisitsStatusAndAcks) {
    auto hub = Connected("hub");
    auto kiosk = Connected("kiosk-1");
    ASSERT_EQ(hub->Subscribe("tapsheet/expo-2026/kiosk/+/visits"), 1);
    ASSERT_EQ(hub->Subscribe("tapsheet/expo-2026/kiosk/+/status"), 1);
    ASSERT_EQ(kiosk->Subscribe(Topic("kiosk-1", "ack")), 1);
    ASSERT_EQ(kiosk->Subscribe(HubStatus()), 1);

    EXPECT_EQ(kiosk->Publish(Topic("kiosk-1", "visits"), R"({"v":1,"visits":[]})"), kReasonSuccess);
    EXPECT_EQ(kiosk->Publish(Topic("kiosk-1", "status"), R"({"v":1,"online":true})", 1, true),
              kReasonSuccess);
    const auto visits = hub->WaitMessage(Topic("kiosk-1", "visits"));
    ASSERT_TRUE(visits) << broker_.Log();
    EXPECT_EQ(visits->payload, R"({"v":1,"visits":[]})");
    EXPECT_TRUE(hub->WaitMessage(Topic("kiosk-1", "status")));

    EXPECT_EQ(hub->Publish(Topic("kiosk-1", "ack"), R"({"v":1,"stream":"s","seq":7})", 1, true),
              kReasonSuccess);
    EXPECT_EQ(hub->Publish(HubStatus(), R"({"v":1,"online":true})", 1, true), kReasonSuccess);
    const auto ack = kiosk->WaitMessage(Topic("kiosk-1", "ack"));
    ASSERT_TRUE(ack);
    EXPECT_EQ(ack->payload, R"({"v":1,"stream":"s","seq":7})");
    EXPECT_TRUE(kiosk->WaitMessage(HubStatus()));
}

TEST_F(BrokerSecurityTest, KioskCannotWriteAsAnotherKioskOrAsTheHub) {
    auto hub = Connected("hub");
    auto kiosk_1 = Connected("kiosk-1");
    auto kiosk_2 = Connected("kiosk-2");
    ASSERT_EQ(hub->Subscribe("tapsheet/expo-2026/kiosk/+/visits"), 1);
    ASSERT_EQ(hub->Subscribe("tapsheet/expo-2026/kiosk/+/status"), 1);
    ASSERT_EQ(kiosk_2->Subscribe(Topic("kiosk-2", "ack")), 1);
    ASSERT_EQ(kiosk_2->Subscribe(HubStatus()), 1);

    for (const std::string& topic :
         {Topic("kiosk-2", "visits"), Topic("kiosk-2", "status"), Topic("kiosk-2", "ack"),
          Topic("kiosk-1", "ack"), HubStatus(), std::string("tapsheet/other-event/kiosk/kiosk-1/visits")})
        EXPECT_EQ(kiosk_1->Publish(topic, "forged"), kReasonNotAuthorized) << topic;

    // Barriers: kiosk-1's own visits reach the hub, the hub's ack and status
    // reach kiosk-2, each after the forged ones would have.
    EXPECT_EQ(kiosk_1->Publish(Topic("kiosk-1", "visits"), "barrier"), kReasonSuccess);
    const auto barrier = hub->WaitMessage(Topic("kiosk-1", "visits"));
    ASSERT_TRUE(barrier) << broker_.Log();
    EXPECT_EQ(barrier->payload, "barrier");
    EXPECT_EQ(hub->Publish(Topic("kiosk-2", "ack"), "real", 1, true), kReasonSuccess);
    EXPECT_EQ(hub->Publish(HubStatus(), "real", 1, true), kReasonSuccess);
    ASSERT_TRUE(kiosk_2->WaitMessage(HubStatus()));
    for (const Message& message : hub->Messages())
        EXPECT_NE(message.payload, "forged") << "the hub received a forged " << message.topic;
    for (const Message& message : kiosk_2->Messages())
        EXPECT_EQ(message.payload, "real") << "kiosk-2 received a forged " << message.topic;
}

TEST_F(BrokerSecurityTest, KioskCannotReadAnotherKiosksAck) {
    auto hub = Connected("hub");
    auto kiosk_1 = Connected("kiosk-1");
    auto kiosk_2 = Connected("kiosk-2");
    const int exact = kiosk_1->Subscribe(Topic("kiosk-2", "ack"));
    const int wildcard = kiosk_1->Subscribe("tapsheet/expo-2026/kiosk/+/ack");
    const int everything = kiosk_1->Subscribe("#");
    ASSERT_EQ(kiosk_1->Subscribe(Topic("kiosk-1", "ack")), 1);
    ASSERT_EQ(kiosk_2->Subscribe(Topic("kiosk-2", "ack")), 1);

    // Live: kiosk-2's ack, then kiosk-1's as the barrier.
    EXPECT_EQ(hub->Publish(Topic("kiosk-2", "ack"), "for kiosk-2", 1, true), kReasonSuccess);
    EXPECT_EQ(hub->Publish(Topic("kiosk-1", "ack"), "for kiosk-1", 1, true), kReasonSuccess);
    ASSERT_TRUE(kiosk_1->WaitMessage(Topic("kiosk-1", "ack"))) << broker_.Log();
    ASSERT_TRUE(kiosk_2->WaitMessage(Topic("kiosk-2", "ack"))) << "the ack was sent";
    EXPECT_FALSE(Received(*kiosk_1, Topic("kiosk-2", "ack")))
        << "SUBACK codes: exact " << exact << ", + " << wildcard << ", # " << everything;

    // Retained: a new connection subscribing after the fact.
    TestClient late(broker_.For("kiosk-1"));
    ASSERT_TRUE(late.Connect(broker_.Port())) << late.Failure();
    late.Subscribe(Topic("kiosk-2", "ack"));
    ASSERT_EQ(late.Subscribe(Topic("kiosk-1", "ack")), 1);
    ASSERT_TRUE(late.WaitMessage(Topic("kiosk-1", "ack")));
    EXPECT_FALSE(Received(late, Topic("kiosk-2", "ack")));
}

} // namespace
} // namespace tapsheet::fleet_test
