// The facilitator's fleet health as the hub keeps it (fleet_health.h): the
// hub's own heartbeat and when it counts as silent, read back from a hub's
// file holding a real kiosk's batches, and the kiosks' statuses in the words
// their outboxes publish.
#include "app/store/fleet_batch.h"
#include "app/store/fleet_health.h"
#include "app/store/fleet_ingest.h"
#include "app/store/sqlite_util.h"
#include "tests/store/merge_test_util.h"

#include <sqlite3.h>

namespace tapsheet::test {
namespace {

using std::chrono::seconds;
using Wall = std::chrono::system_clock;

class FleetHealthTest : public MergeTest {
  protected:
    // A kiosk's whole file, ingested in one transaction as the hub does:
    // the batches, then the heartbeat, then the commit.
    void IngestKiosk(const std::string& kiosk_file, const std::string& kiosk, Wall::time_point now) {
        if (!hub_.Db()) {
            std::string error;
            ASSERT_TRUE(hub_.Open(target_, &error)) << error;
        }
        OutboxFile file;
        std::string error;
        ASSERT_TRUE(file.Open(kiosk_file, &error)) << error;
        std::string stream;
        ASSERT_EQ(ReadStreamId(file.Db(), &stream), SQLITE_OK);
        Batch batch;
        ASSERT_EQ(ReadBatch(file.Db(), BatchHeader{"ev", kiosk, stream}, 0, 100, true, &batch), SQLITE_OK);
        ASSERT_EQ(sql::Exec(hub_.Db(), "BEGIN IMMEDIATE"), SQLITE_OK);
        IngestResult result;
        ASSERT_EQ(IngestBatch(hub_.Db(), IngestContext{"ev", kiosk, {}}, batch.json, &result), SQLITE_OK);
        ASSERT_TRUE(result.accepted) << result.why;
        ASSERT_EQ(MarkHubHeard(hub_.Db(), "hubboot1", now), SQLITE_OK);
        ASSERT_EQ(sql::Exec(hub_.Db(), "COMMIT"), SQLITE_OK);
    }

    void Status(const KioskStatus& status, bool retained, Wall::time_point now) {
        StatusResult result;
        ASSERT_EQ(ApplyStatus(hub_.Db(), status.kiosk, KioskStatusJson(status), retained, now, &result),
                  SQLITE_OK);
        ASSERT_TRUE(result.applied) << result.why;
    }

    FleetHealth Read(Wall::time_point now) {
        FleetHealth health;
        std::string error;
        EXPECT_TRUE(ReadFleetHealthFile(target_, now, {"kiosk-a", "kiosk-b"}, &health, &error)) << error;
        return health;
    }

    HubFile hub_;
    const Wall::time_point t0_ = Wall::now();
};

TEST_F(FleetHealthTest, TheHubsHeartbeatIsReadAndFallsSilentAfterThirtySeconds) {
    const std::string a = dir_.Path("a.db");
    Kiosk(a, "kiosk-a", 3);
    IngestKiosk(a, "kiosk-a", t0_);
    Status({"kiosk-a", "boota", "online", t0_, 0, "", 0}, false, t0_);
    FleetHealth soon = Read(t0_ + seconds(4));
    ASSERT_TRUE(soon.has_fleet);
    EXPECT_NEAR(soon.hub_heard_seconds_ago, 4, 0.01);
    EXPECT_FALSE(soon.HubSilent());
    FleetHealth edge = Read(t0_ + seconds(kHubSilentAfterSeconds));
    EXPECT_FALSE(edge.HubSilent()) << "30 s is still the hub's grace";
    FleetHealth late = Read(t0_ + seconds(kHubSilentAfterSeconds + 1));
    EXPECT_TRUE(late.HubSilent());
    EXPECT_NEAR(late.hub_heard_seconds_ago, kHubSilentAfterSeconds + 1, 0.01);
    // A beat without news (the hub's idle mark) brings it back.
    ASSERT_EQ(MarkHubHeard(hub_.Db(), "hubboot1", t0_ + seconds(40)), SQLITE_OK);
    FleetHealth again = Read(t0_ + seconds(42));
    EXPECT_FALSE(again.HubSilent());
    EXPECT_NEAR(again.hub_heard_seconds_ago, 2, 0.01);
    EXPECT_EQ(QueryOne(target_, "SELECT count(*) FROM fleet_hub"), "1") << "one row, overwritten";
}

TEST_F(FleetHealthTest, AHubFileNeverMarkedIsSilent) {
    std::string error;
    ASSERT_TRUE(hub_.Open(target_, &error)) << error;
    Status({"kiosk-a", "boota", "online", t0_, 0, "", 0}, false, t0_);
    FleetHealth health = Read(t0_);
    ASSERT_TRUE(health.has_fleet);
    EXPECT_LT(health.hub_heard_seconds_ago, 0);
    EXPECT_TRUE(health.HubSilent());
    ASSERT_EQ(sql::Exec(hub_.Db(), "DROP TABLE fleet_hub"), SQLITE_OK); // a file of an older hub
    health = Read(t0_);
    EXPECT_TRUE(health.has_fleet);
    EXPECT_TRUE(health.HubSilent());
}

TEST_F(FleetHealthTest, StatusesAsTheOutboxWritesThemGiveEachKiosksRow) {
    const std::string a = dir_.Path("a.db"), b = dir_.Path("b.db");
    Kiosk(a, "kiosk-a", 2);
    Kiosk(b, "kiosk-b", 1);
    IngestKiosk(a, "kiosk-a", t0_);
    IngestKiosk(b, "kiosk-b", t0_);
    const std::string answered = QueryOne(a, "SELECT max(answered_at) FROM answers");
    // kiosk-a's clock runs 3 s ahead and it has 4 answers waiting; kiosk-b's
    // connection dropped (its Will).
    Status({"kiosk-a", "boota", "online", t0_ + seconds(3), 4, answered, 0}, false, t0_);
    Status({"kiosk-b", "bootb", "online", t0_, 0, "", 0}, false, t0_);
    Status({"kiosk-b", "bootb", "lost", {}, 0, "", 0}, false, t0_ + seconds(5));
    FleetHealth health = Read(t0_ + seconds(10));
    ASSERT_EQ(health.kiosks.size(), 2u);
    const KioskHealth& ka = health.kiosks[0];
    EXPECT_EQ(ka.kiosk, "kiosk-a");
    EXPECT_EQ(ka.state, "online");
    EXPECT_EQ(ka.waiting, 4);
    EXPECT_NEAR(static_cast<double>(ka.clock_offset_ms), 3000, 2);
    EXPECT_GE(ka.last_answer_seconds_ago, 0);
    EXPECT_EQ(health.kiosks[1].state, "lost");
    EXPECT_LT(health.kiosks[1].last_answer_seconds_ago, 0) << "its status named no answer";
    EXPECT_EQ(health.Online(), 1);
    EXPECT_EQ(health.Troubled(), 1);
    EXPECT_FALSE(health.HubSilent());
}

} // namespace
} // namespace tapsheet::test
