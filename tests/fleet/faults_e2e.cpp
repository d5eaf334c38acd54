// The fleet's faults (issue 12), each while kiosks are writing and each
// followed by the same check: the hub's file holds exactly the kiosks'
// rows, 0 lost, 0 doubled. Real processes killed with SIGKILL, a real
// broker killed and restarted, a TCP proxy cut for two minutes.
#include "tests/fleet/fleet_run.h"
#include "tests/fleet/tcp_proxy.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>
#include <thread>

namespace tapsheet::fleet_test {
namespace {

using namespace std::chrono_literals;

long HubVisits(FleetRun& fleet) {
    return std::atol(QueryText(fleet.HubFile(), "SELECT count(*) FROM visits").c_str());
}

void ExpectDelivered(FleetRun& fleet, std::chrono::milliseconds wait, const char* what) {
    const auto start = std::chrono::steady_clock::now();
    const Comparison delivered = fleet.WaitDelivered(wait);
    const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_TRUE(delivered.Equal()) << what << ": " << delivered.Summary() << "\n" << fleet.Logs();
    EXPECT_EQ(QueryText(fleet.HubFile(), "PRAGMA integrity_check"), "ok");
    std::printf("fleet: %s: %s, all delivered %.1f s after the last fault\n", what,
                delivered.Summary().c_str(), took);
}

TEST(FleetFaults, BrokerKilledFiveTimesMidStream) {
    FleetRun fleet({"kiosk-1", "kiosk-2", "kiosk-3"});
    ASSERT_TRUE(fleet.StartHub()) << fleet.Hub().Log();
    for (unsigned i = 1; i <= 3; ++i)
        ASSERT_TRUE(fleet.StartKiosk(Writes("kiosk-" + std::to_string(i), 120, i, 40)));
    std::mt19937 random(7);
    for (int kill = 0; kill < 5; ++kill) {
        std::this_thread::sleep_for(std::chrono::milliseconds(600 + random() % 900));
        fleet.Broker().Kill9();
        std::this_thread::sleep_for(std::chrono::milliseconds(200 + random() % 1500));
        ASSERT_TRUE(fleet.Broker().Start()) << fleet.Broker().Log();
    }
    for (unsigned i = 1; i <= 3; ++i)
        ASSERT_TRUE(fleet.WaitWritten("kiosk-" + std::to_string(i) + ".db", 120s));
    ExpectDelivered(fleet, 120s, "broker kill -9 x5");
    EXPECT_TRUE(fleet.Hub().Running()) << fleet.Hub().Log();
}

TEST(FleetFaults, HubKilledMidBatchThreeTimes) {
    FleetRun fleet({"kiosk-1", "kiosk-2"});
    ASSERT_TRUE(fleet.StartHub()) << fleet.Hub().Log();
    for (unsigned i = 1; i <= 2; ++i)
        ASSERT_TRUE(fleet.StartKiosk(Writes("kiosk-" + std::to_string(i), 150, i, 10)));
    for (int kill = 0; kill < 3; ++kill) {
        // Mid-stream: once more visits have come in since the last start.
        const long before = HubVisits(fleet);
        ASSERT_TRUE(WaitUntil([&] { return HubVisits(fleet) > before + 5; }, 30s)) << fleet.Hub().Log();
        fleet.Hub().Kill9();
        ASSERT_TRUE(fleet.StartHub()) << fleet.Hub().Log();
    }
    for (unsigned i = 1; i <= 2; ++i)
        ASSERT_TRUE(fleet.WaitWritten("kiosk-" + std::to_string(i) + ".db", 120s));
    ExpectDelivered(fleet, 90s, "hub kill -9 x3");
}

// The hub stopped while a kiosk keeps writing: what the kiosk sends
// meanwhile reaches no one. The hub's live "online" status on its return
// makes the kiosk resend from its acknowledged point at once. Its stall
// timer is 10 minutes here, so without that nothing sent while the hub was
// away would ever arrive in this test.
TEST(FleetFaults, HubBackOnlineResumesTheKioskWithoutItsStallTimer) {
    FleetRun fleet({"kiosk-1"});
    ASSERT_TRUE(fleet.StartHub()) << fleet.Hub().Log();
    KioskRun run = Writes("kiosk-1", 40, 3, 100);
    run.stall_s = 600;
    ASSERT_TRUE(fleet.StartKiosk(run));
    ASSERT_TRUE(WaitUntil([&] { return HubVisits(fleet) >= 5; }, 30s)) << fleet.Hub().Log();
    EXPECT_TRUE(fleet.Hub().Terminate()) << fleet.Hub().Log();
    ASSERT_TRUE(fleet.WaitWritten("kiosk-1.db", 60s));
    EXPECT_LT(HubVisits(fleet), 40); // the hub missed some: the resend is what the test sees
    ASSERT_TRUE(fleet.StartHub()) << fleet.Hub().Log();
    ExpectDelivered(fleet, 60s, "hub stopped, started again (stall timer 600 s)");
}

TEST(FleetFaults, KioskKilledMidPublishThenRestarted) {
    FleetRun fleet({"kiosk-1", "kiosk-2"});
    ASSERT_TRUE(fleet.StartHub()) << fleet.Hub().Log();
    ASSERT_TRUE(fleet.StartKiosk(Writes("kiosk-2", 60, 2, 20)));
    ASSERT_TRUE(fleet.StartKiosk(Writes("kiosk-1", 400, 1)));
    const auto kiosk_visits = [&] {
        return std::atol(
            QueryText(fleet.HubFile(), "SELECT count(*) FROM visits WHERE kiosk_id = 'kiosk-1'").c_str());
    };
    ASSERT_TRUE(WaitUntil([&] { return kiosk_visits() > 20; }, 60s)) << fleet.Hub().Log();
    fleet.Kiosk("kiosk-1.db").Kill9(); // while it writes and publishes
    EXPECT_LT(LastChange(fleet.KioskFile("kiosk-1.db")), 400 * 8) << "killed before the end";
    // The same kiosk, the same file, after the power came back.
    ASSERT_TRUE(fleet.StartKiosk(Writes("kiosk-1", 20, 11)));
    ASSERT_TRUE(fleet.WaitWritten("kiosk-1.db", 120s));
    ASSERT_TRUE(fleet.WaitWritten("kiosk-2.db", 120s));
    ExpectDelivered(fleet, 90s, "kiosk kill -9 mid-publish");
}

// Two minutes without a network between kiosk-1 and the broker (a proxy
// that closes every connection and refuses new ones), while kiosk-1 keeps
// taking answers; kiosk-2, on the broker directly, is delivered meanwhile.
TEST(FleetFaults, TwoMinutePartitionThenHealed) {
    FleetRun fleet({"kiosk-1", "kiosk-2"});
    TcpProxy proxy(fleet.Broker().Port());
    ASSERT_TRUE(fleet.StartHub()) << fleet.Hub().Log();
    // About two minutes of visits, one every 100 ms.
    ASSERT_TRUE(fleet.StartKiosk(Writes("kiosk-1", 1000, 1, 100).Via(proxy.Port())));
    const auto kiosk_visits = [&] {
        return std::atol(
            QueryText(fleet.HubFile(), "SELECT count(*) FROM visits WHERE kiosk_id = 'kiosk-1'").c_str());
    };
    ASSERT_TRUE(WaitUntil([&] { return kiosk_visits() >= 3; }, 30s)) << fleet.Hub().Log();

    proxy.Cut();
    const auto cut_at = std::chrono::steady_clock::now();
    ASSERT_TRUE(fleet.StartKiosk(Writes("kiosk-2", 30, 2, 100)));
    ASSERT_TRUE(fleet.WaitWritten("kiosk-2.db", 120s));
    EXPECT_TRUE(WaitUntil(
        [&] { return HeardAck(fleet.KioskFile("kiosk-2.db")) == LastChange(fleet.KioskFile("kiosk-2.db")); },
        30s))
        << "kiosk-2 is delivered while kiosk-1 is cut off";
    // The facilitator sees that kiosk-1 needs a look (its Will, then silence).
    const CommandResult during = fleet.FleetStatus();
    EXPECT_EQ(during.exit_code, 3) << during.output;
    std::printf("fleet: fleet-status during the partition:\n%s", during.output.c_str());
    std::this_thread::sleep_until(cut_at + 120s);
    const long waiting = LastChange(fleet.KioskFile("kiosk-1.db")) - HeardAck(fleet.KioskFile("kiosk-1.db"));
    EXPECT_GT(waiting, 500) << "kiosk-1 kept taking answers while cut off";
    EXPECT_LT(kiosk_visits(), 100) << "nothing of kiosk-1's came through the cut";
    proxy.Heal();
    ASSERT_TRUE(fleet.WaitWritten("kiosk-1.db", 60s));
    ExpectDelivered(fleet, 90s, "two-minute partition");
    const CommandResult after = fleet.FleetStatus();
    EXPECT_EQ(after.exit_code, 0) << after.output;
}

// The broker stopped cleanly (its file written), its persistence file then
// zeroed as a power cut leaves it; the drop-in's check moves it aside and
// the broker starts empty. The kiosks' files still hold everything.
TEST(FleetFaults, BrokersPersistenceFileZeroed) {
    FleetRun fleet({"kiosk-1", "kiosk-2"});
    ASSERT_TRUE(fleet.StartHub()) << fleet.Hub().Log();
    for (unsigned i = 1; i <= 2; ++i)
        ASSERT_TRUE(fleet.StartKiosk(Writes("kiosk-" + std::to_string(i), 100, i, 20)));
    ASSERT_TRUE(WaitUntil([&] { return HubVisits(fleet) > 20; }, 30s));
    ASSERT_TRUE(fleet.Broker().Terminate());
    ASSERT_TRUE(std::filesystem::exists(fleet.Broker().PersistenceFile()));
    fleet.Broker().ZeroPersistence();
    const CommandResult check = fleet.Broker().CheckPersistence();
    EXPECT_EQ(check.exit_code, 0) << check.output;
    ASSERT_TRUE(fleet.Broker().Start()) << fleet.Broker().Log();
    for (unsigned i = 1; i <= 2; ++i)
        ASSERT_TRUE(fleet.WaitWritten("kiosk-" + std::to_string(i) + ".db", 120s));
    ExpectDelivered(fleet, 90s, "persistence file zeroed");
}

} // namespace
} // namespace tapsheet::fleet_test
