// The broker killed, paused and restarted, and its persistence file
// damaged as a power cut leaves it: what the fleet's fault tests build on,
// and the proof that deploy/mosquitto-db-check.sh (the ExecStartPre of the
// mosquitto drop-in) gets a broker with a damaged file running again.
#include "tests/fleet/broker.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <memory>

namespace tapsheet::fleet_test {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kKiosks = {"kiosk-1"};

std::unique_ptr<TestClient> Connected(TestBroker& broker, const std::string& user) {
    auto client = std::make_unique<TestClient>(broker.For(user));
    EXPECT_TRUE(client->Connect(broker.Port())) << user << ": " << client->Failure() << "\n" << broker.Log();
    return client;
}

// kiosk-1's retained status, acknowledged by the broker.
void PublishStatus(TestBroker& broker, const std::string& payload) {
    auto kiosk = Connected(broker, "kiosk-1");
    // No subscriber yet: the PUBACK says so (0x10), the message is retained all the same.
    ASSERT_TRUE(Accepted(kiosk->Publish(broker.KioskTopic("kiosk-1", "status"), payload, 1, true)));
}

// The retained status a new hub finds, or "" when there is none: kiosk-1
// publishes its visits after the hub subscribed, and retained messages
// come before anything published later.
std::string RetainedStatus(TestBroker& broker) {
    auto hub = Connected(broker, "hub");
    auto kiosk = Connected(broker, "kiosk-1");
    EXPECT_EQ(hub->Subscribe(broker.KioskTopic("kiosk-1", "status")), 1);
    EXPECT_EQ(hub->Subscribe(broker.KioskTopic("kiosk-1", "visits")), 1);
    EXPECT_EQ(kiosk->Publish(broker.KioskTopic("kiosk-1", "visits"), "barrier"), kReasonSuccess);
    EXPECT_TRUE(hub->WaitMessage(broker.KioskTopic("kiosk-1", "visits"))) << broker.Log();
    for (const Message& message : hub->Messages())
        if (message.topic == broker.KioskTopic("kiosk-1", "status")) return message.payload;
    return "";
}

std::vector<fs::path> DamagedCopies(const TestBroker& broker) {
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(broker.Dir()))
        if (entry.path().filename().string().rfind("mosquitto.db.damaged-", 0) == 0)
            found.push_back(entry.path());
    return found;
}

TEST(BrokerRestartTest, Kill9ThenStartOnTheSamePortAndFiles) {
    TestBroker broker("expo-2026", kKiosks);
    ASSERT_TRUE(broker.Start()) << broker.Log();
    const int port = broker.Port();
    const pid_t first = broker.Pid();
    PublishStatus(broker, "before kill -9");

    broker.Kill9();
    EXPECT_FALSE(broker.Running());
    TestClient refused(broker.For("kiosk-1"));
    EXPECT_FALSE(refused.Connect(port, std::chrono::seconds(2))) << "nothing listens after kill -9";

    ASSERT_TRUE(broker.Start()) << broker.Log();
    EXPECT_EQ(broker.Port(), port);
    EXPECT_NE(broker.Pid(), first);
    // Acknowledged is not kept: mosquitto saves at autosave_interval and on
    // a clean stop, so what it acknowledged since is gone after kill -9.
    // That is why a kiosk counts an answer delivered only on the hub's ack.
    EXPECT_EQ(RetainedStatus(broker), "");
}

TEST(BrokerRestartTest, CleanStopKeepsRetainedMessagesAndTheCheckLeavesAWholeFileAlone) {
    TestBroker broker("expo-2026", kKiosks);
    ASSERT_TRUE(broker.Start()) << broker.Log();
    PublishStatus(broker, "kept");
    ASSERT_TRUE(broker.Terminate());
    ASSERT_GT(fs::file_size(broker.PersistenceFile()), 0u) << broker.Log();
    const auto size = fs::file_size(broker.PersistenceFile());

    const CommandResult check = broker.CheckPersistence();
    EXPECT_EQ(check.exit_code, 0) << check.output;
    EXPECT_EQ(check.output, "");
    ASSERT_TRUE(fs::exists(broker.PersistenceFile()));
    EXPECT_EQ(fs::file_size(broker.PersistenceFile()), size);
    EXPECT_TRUE(DamagedCopies(broker).empty());

    ASSERT_TRUE(broker.Start()) << broker.Log();
    EXPECT_EQ(RetainedStatus(broker), "kept");
}

// Zeroed (mosquitto issues 2639, 3160) or cut short: mosquitto 2.0.11
// refuses to start on either; after the check it starts, empty.
void ExpectDamagedFileHandled(TestBroker& broker, const char* damage) {
    const bool started_alone = broker.Start(std::chrono::seconds(3));
    std::printf("mosquitto on a %s persistence file, without the check: %s\n", damage,
                started_alone ? "started" : "did not start");
    ::testing::Test::RecordProperty(std::string("started_alone_") + damage, started_alone ? "yes" : "no");
    broker.Kill9();

    const CommandResult check = broker.CheckPersistence();
    EXPECT_EQ(check.exit_code, 0) << check.output;
    EXPECT_NE(check.output.find("was not whole"), std::string::npos) << check.output;
    EXPECT_FALSE(fs::exists(broker.PersistenceFile()));
    EXPECT_EQ(DamagedCopies(broker).size(), 1u) << "the damaged file is kept beside, for a post-mortem";

    ASSERT_TRUE(broker.Start()) << broker.Log();
    EXPECT_EQ(RetainedStatus(broker), "");
}

TEST(BrokerRestartTest, ZeroedPersistenceFileIsMovedAsideAndTheBrokerStarts) {
    TestBroker broker("expo-2026", kKiosks);
    ASSERT_TRUE(broker.Start()) << broker.Log();
    PublishStatus(broker, "lost with the file");
    ASSERT_TRUE(broker.Terminate());
    const auto size = fs::file_size(broker.PersistenceFile());
    ASSERT_GT(size, 0u);
    broker.ZeroPersistence();
    ASSERT_EQ(fs::file_size(broker.PersistenceFile()), size);
    ExpectDamagedFileHandled(broker, "zeroed");
}

TEST(BrokerRestartTest, TruncatedPersistenceFileIsMovedAsideAndTheBrokerStarts) {
    TestBroker broker("expo-2026", kKiosks);
    ASSERT_TRUE(broker.Start()) << broker.Log();
    PublishStatus(broker, "lost with the file");
    ASSERT_TRUE(broker.Terminate());
    fs::resize_file(broker.PersistenceFile(), fs::file_size(broker.PersistenceFile()) - 5);
    ExpectDamagedFileHandled(broker, "truncated");
}

TEST(BrokerRestartTest, StoppedBrokerAnswersAfterCont) {
    TestBroker broker("expo-2026", kKiosks);
    ASSERT_TRUE(broker.Start()) << broker.Log();
    auto hub = Connected(broker, "hub");
    auto kiosk = Connected(broker, "kiosk-1");
    ASSERT_EQ(hub->Subscribe(broker.KioskTopic("kiosk-1", "visits")), 1);

    broker.Stop();
    EXPECT_EQ(kiosk->Publish(broker.KioskTopic("kiosk-1", "visits"), "while stopped", 1, false,
                             std::chrono::milliseconds(500)),
              -1)
        << "a stopped broker acknowledges nothing";
    EXPECT_TRUE(broker.Running());
    broker.Cont();
    const auto message = hub->WaitMessage(broker.KioskTopic("kiosk-1", "visits"));
    ASSERT_TRUE(message) << broker.Log();
    EXPECT_EQ(message->payload, "while stopped");
}

} // namespace
} // namespace tapsheet::fleet_test
