// The partition the fault tests make: a kiosk reaching the broker through
// TcpProxy, cut off and let through again, while the broker keeps running.
#include "tests/fleet/broker.h"
#include "tests/fleet/tcp_proxy.h"

#include <gtest/gtest.h>

namespace tapsheet::fleet_test {
namespace {

using std::chrono::seconds;

TEST(TcpProxyTest, CutClosesEveryConnectionAndRefusesNewOnesUntilHeal) {
    TestBroker broker("expo-2026", {"kiosk-1"});
    ASSERT_TRUE(broker.Start()) << broker.Log();
    TcpProxy proxy(broker.Port());
    TestClient hub(broker.For("hub"));
    ASSERT_TRUE(hub.Connect(broker.Port())) << hub.Failure();
    ASSERT_EQ(hub.Subscribe(broker.KioskTopic("kiosk-1", "visits")), 1);

    // TLS and MQTT pass through unchanged (the certificate names 127.0.0.1).
    TestClient kiosk(broker.For("kiosk-1"));
    ASSERT_TRUE(kiosk.Connect(proxy.Port())) << kiosk.Failure() << "\n" << broker.Log();
    EXPECT_EQ(proxy.OpenConnections(), 1);
    EXPECT_EQ(kiosk.Publish(broker.KioskTopic("kiosk-1", "visits"), "through the proxy"), kReasonSuccess);
    ASSERT_TRUE(hub.WaitMessage(broker.KioskTopic("kiosk-1", "visits")));

    proxy.Cut();
    EXPECT_EQ(proxy.OpenConnections(), 0);
    EXPECT_TRUE(WaitUntil([&] { return !kiosk.Connected(); }, seconds(5)))
        << "the kiosk saw its connection end";
    TestClient during(broker.For("kiosk-1"));
    EXPECT_FALSE(during.Connect(proxy.Port(), seconds(2))) << "no way through while cut";
    EXPECT_TRUE(hub.Connected()) << "the broker itself kept running";

    proxy.Heal();
    TestClient after(broker.For("kiosk-1"));
    EXPECT_TRUE(after.Connect(proxy.Port())) << after.Failure();
    // libmosquitto's own thread tried to reconnect during the cut and gave
    // up (a TLS error ends it): the client has to connect again itself.
    EXPECT_TRUE(kiosk.Connect(proxy.Port())) << kiosk.Failure();
    EXPECT_EQ(kiosk.Publish(broker.KioskTopic("kiosk-1", "visits"), "after the cut"), kReasonSuccess);
    const auto message = hub.WaitMessage(broker.KioskTopic("kiosk-1", "visits"));
    ASSERT_TRUE(message);
    EXPECT_EQ(message->payload, "after the cut");
    EXPECT_EQ(proxy.AcceptedConnections(), 3);
}

} // namespace
} // namespace tapsheet::fleet_test
