// Who may send what (issue 12), end to end through the real broker and the
// real hub: replayed batches change nothing; hostile or foreign messages
// are refused and logged while the hub keeps running; a kiosk publishing as
// another is refused by the broker and never counted; two kiosks with one
// id are both delivered and shown to the facilitator.
#include "app/store/fleet_batch.h"
#include "tests/fleet/fleet_run.h"

#include <gtest/gtest.h>

#include <fstream>
#include <thread>

namespace tapsheet::fleet_test {
namespace {

using namespace std::chrono_literals;

int Count(const std::string& text, const std::string& what) {
    int count = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++count;
    return count;
}

// The first batch of a kiosk's file, as its outbox would publish it.
std::string FirstBatch(const std::filesystem::path& file, const std::string& kiosk) {
    sqlite3* db = nullptr;
    Batch batch;
    std::string stream;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK &&
        ReadStreamId(db, &stream) == SQLITE_OK)
        ReadBatch(db, BatchHeader{"expo-2026", kiosk, stream}, 0, 100, true, &batch);
    sqlite3_close(db);
    return batch.json;
}

TEST(FleetIdentity, ReplayedBatchesChangeNothing) {
    FleetRun fleet({"kiosk-1", "kiosk-2"});
    TestClient tap(fleet.Broker().For("hub")); // a second hub connection that records what kiosks send
    ASSERT_TRUE(tap.Connect(fleet.Broker().Port())) << tap.Failure();
    ASSERT_EQ(tap.Subscribe("tapsheet/expo-2026/kiosk/+/visits"), 1);
    ASSERT_TRUE(fleet.StartHub()) << fleet.Hub().Log();
    ASSERT_TRUE(fleet.StartKiosk(Writes("kiosk-1", 30, 1)));
    ASSERT_TRUE(fleet.WaitWritten("kiosk-1.db", 60s));
    const Comparison first = fleet.WaitDelivered(60s);
    ASSERT_TRUE(first.Equal()) << first.Summary();
    const std::vector<Message> sent = tap.Messages();
    ASSERT_FALSE(sent.empty());

    // Every batch again, three times, as QoS 1 redelivery could.
    TestClient replay(fleet.Broker().For("kiosk-1"));
    ASSERT_TRUE(replay.Connect(fleet.Broker().Port())) << replay.Failure();
    for (int round = 0; round < 3; ++round)
        for (const Message& message : sent)
            ASSERT_TRUE(Accepted(replay.Publish(message.topic, message.payload)));
    // The broker forwards in order: once kiosk-2's visits are in, the replays were taken.
    ASSERT_TRUE(fleet.StartKiosk(Writes("kiosk-2", 3, 2)));
    ASSERT_TRUE(fleet.WaitWritten("kiosk-2.db", 60s));
    const Comparison after = fleet.WaitDelivered(60s);
    EXPECT_TRUE(after.Equal()) << after.Summary();
    EXPECT_EQ(after.hub_rows,
              first.hub_rows + static_cast<long>(ResultRows(fleet.KioskFile("kiosk-2.db")).size()));
    EXPECT_EQ(Count(fleet.Hub().Log(), "refused"), 0) << fleet.Hub().Log();
    std::printf("fleet: %zu batches replayed 3 times: %s\n", sent.size(), after.Summary().c_str());
}

TEST(FleetIdentity, HostileMessagesAreRefusedAndLoggedAndTheHubKeepsRunning) {
    FleetRun fleet({"kiosk-1", "kiosk-2", "kiosk-9"});
    // kiosk-9 has a broker account but is not one of the hub's kiosks.
    {
        std::ifstream in(fleet.Dir() / "hub.toml");
        std::string text(std::istreambuf_iterator<char>(in), {});
        const std::size_t at = text.find(", \"kiosk-9\"");
        ASSERT_NE(at, std::string::npos) << text;
        text.erase(at, 11);
        std::ofstream(fleet.Dir() / "hub.toml") << text;
    }
    ASSERT_TRUE(fleet.StartHub()) << fleet.Hub().Log();
    TestClient kiosk(fleet.Broker().For("kiosk-1"));
    ASSERT_TRUE(kiosk.Connect(fleet.Broker().Port())) << kiosk.Failure();
    const std::string topic = fleet.Broker().KioskTopic("kiosk-1", "visits");
    const std::vector<std::string> hostile = {
        "{\"v\":1,\"pad\":\"" + std::string(10 * 1024 * 1024, 'x') + "\"}", // 10 MB
        "{\"v\":99,\"event\":\"expo-2026\",\"kiosk\":\"kiosk-1\",\"stream\":\"s\",\"from\":0,\"to\":1}",
        "{\"v\":1,\"event\":\"expo-2026\",\"kiosk\":\"kiosk-1\",\"stream\":7,\"from\":\"a\",\"to\":[]}",
        "not json at all {",
        "",
    };
    for (const std::string& payload : hostile)
        ASSERT_TRUE(Accepted(kiosk.Publish(topic, payload, 1, false, 20s))) << payload.substr(0, 80);
    // Another event's topic: the broker refuses it (the ACL), the hub never sees it.
    EXPECT_EQ(kiosk.Publish("tapsheet/expo-2025/kiosk/kiosk-1/visits", "{\"v\":1}"), kReasonNotAuthorized);
    // A real kiosk the hub does not know.
    ASSERT_TRUE(fleet.StartKiosk(Writes("kiosk-9", 3, 9)));
    ASSERT_TRUE(fleet.WaitWritten("kiosk-9.db", 60s));
    EXPECT_TRUE(fleet.Hub().WaitFor("not one of this event's kiosks", 30s)) << fleet.Hub().Log();

    // Then real visits from a real kiosk still come through.
    ASSERT_TRUE(fleet.StartKiosk(Writes("kiosk-2", 10, 2)));
    ASSERT_TRUE(fleet.WaitWritten("kiosk-2.db", 60s));
    const Comparison delivered = fleet.WaitDelivered(60s, {"kiosk-2.db"});
    EXPECT_TRUE(delivered.Equal()) << delivered.Summary() << "\n" << fleet.Hub().Log();
    EXPECT_TRUE(fleet.Hub().Running());
    const std::string log = fleet.Hub().Log();
    EXPECT_GE(Count(log, "refused a batch from kiosk 'kiosk-1'"), static_cast<int>(hostile.size())) << log;
    EXPECT_EQ(QueryText(fleet.HubFile(), "SELECT count(*) FROM visits WHERE kiosk_id <> 'kiosk-2'"), "0");
    EXPECT_EQ(HeardAck(fleet.KioskFile("kiosk-9.db")), 0);
    EXPECT_EQ(QueryText(fleet.HubFile(), "PRAGMA integrity_check"), "ok");
}

TEST(FleetIdentity, AKioskPublishingAsAnotherIsRefusedAndNeverCounted) {
    FleetRun fleet({"kiosk-1", "kiosk-2"});
    ASSERT_TRUE(fleet.StartHub()) << fleet.Hub().Log();
    // kiosk-1's real visits, kept on its card: it dials a port nobody listens on.
    ASSERT_TRUE(fleet.StartKiosk(Writes("kiosk-1", 5, 1).Via(FreePort())));
    ASSERT_TRUE(fleet.WaitWritten("kiosk-1.db", 60s));
    const std::string batch = FirstBatch(fleet.KioskFile("kiosk-1.db"), "kiosk-1");
    ASSERT_FALSE(batch.empty());

    TestClient impostor(fleet.Broker().For("kiosk-2"));
    ASSERT_TRUE(impostor.Connect(fleet.Broker().Port())) << impostor.Failure();
    EXPECT_EQ(impostor.Publish(fleet.Broker().KioskTopic("kiosk-1", "visits"), batch), kReasonNotAuthorized);
    std::this_thread::sleep_for(2s);
    EXPECT_EQ(QueryText(fleet.HubFile(), "SELECT count(*) FROM visits"), "0");

    // The same batch from kiosk-1 itself is taken: the broker refused the sender, not the batch.
    TestClient owner(fleet.Broker().For("kiosk-1"));
    ASSERT_TRUE(owner.Connect(fleet.Broker().Port())) << owner.Failure();
    EXPECT_TRUE(Accepted(owner.Publish(fleet.Broker().KioskTopic("kiosk-1", "visits"), batch)));
    EXPECT_TRUE(WaitUntil([&] { return fleet.Compare().Equal(); }, 30s)) << fleet.Compare().Summary();
}

// Two cards cloned from one image: both kiosks say they are kiosk-1. Their
// files are two streams, so both are delivered; the facilitator is told.
TEST(FleetIdentity, TwoKiosksWithOneIdAreBothDeliveredAndShown) {
    FleetRun fleet({"kiosk-1", "kiosk-2"});
    ASSERT_TRUE(fleet.StartHub()) << fleet.Hub().Log();
    ASSERT_TRUE(fleet.StartKiosk(Writes("kiosk-1", 10, 1).InFile("card-a.db")));
    ASSERT_TRUE(fleet.StartKiosk(Writes("kiosk-1", 10, 2).InFile("card-b.db")));
    ASSERT_TRUE(fleet.WaitWritten("card-a.db", 60s));
    ASSERT_TRUE(fleet.WaitWritten("card-b.db", 60s));
    const Comparison delivered = fleet.WaitDelivered(60s);
    EXPECT_TRUE(delivered.Equal()) << delivered.Summary();
    CommandResult status;
    EXPECT_TRUE(WaitUntil(
        [&] {
            status = fleet.FleetStatus();
            return status.output.find("TWO KIOSKS USE THIS ID") != std::string::npos;
        },
        40s))
        << status.output;
    EXPECT_EQ(status.exit_code, 3) << status.output;
    std::printf("fleet: fleet-status with a cloned id:\n%s", status.output.c_str());
}

} // namespace
} // namespace tapsheet::fleet_test
