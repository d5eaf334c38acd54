// The fleet end to end (issue 12): kiosk processes writing random visits
// through the real writer and outbox, a real mosquitto, the real
// `tapsheet hub`; the hub's file must hold exactly the kiosks' rows, 0 lost
// and 0 doubled, and `tapsheet merge` of the kiosks' own files afterwards
// must give the same rows.
#include "tests/fleet/fleet_run.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <thread>

namespace tapsheet::fleet_test {
namespace {

using namespace std::chrono_literals;

std::vector<std::string> Kiosks(int count) {
    std::vector<std::string> ids;
    for (int i = 1; i <= count; ++i)
        ids.push_back("kiosk-" + std::to_string(i));
    return ids;
}

TEST(FleetDelivery, EightKiosksEveryRowOnceAtTheHubAndMergeAgrees) {
    const std::vector<std::string> ids = Kiosks(8);
    FleetRun fleet(ids);
    ASSERT_TRUE(fleet.StartHub()) << fleet.Hub().Log();
    for (std::size_t i = 0; i < ids.size(); ++i)
        ASSERT_TRUE(fleet.StartKiosk(Writes(ids[i], 40, static_cast<unsigned>(i + 1))))
            << fleet.Kiosk(ids[i] + ".db").Log();
    for (const std::string& id : ids)
        ASSERT_TRUE(fleet.WaitWritten(id + ".db", 120s)) << fleet.Kiosk(id + ".db").Log();

    const Comparison delivered = fleet.WaitDelivered(60s);
    EXPECT_TRUE(delivered.Equal()) << delivered.Summary() << "\n" << fleet.Hub().Log();
    std::printf("fleet: 8 kiosks x 40 visits: %s\n", delivered.Summary().c_str());
    EXPECT_EQ(QueryText(fleet.HubFile(), "SELECT count(*) FROM visits"), "320");
    EXPECT_EQ(QueryText(fleet.HubFile(), "SELECT count(DISTINCT kiosk_id) FROM visits"), "8");
    EXPECT_EQ(QueryText(fleet.HubFile(), "PRAGMA integrity_check"), "ok");

    // After the event, merging the kiosks' own files gives the same rows.
    std::vector<std::string> merge = {TAPSHEET_BINARY, "merge", "--into",
                                      (fleet.Dir() / "merged.db").string()};
    for (const std::string& id : ids)
        merge.push_back(fleet.KioskFile(id + ".db").string());
    const CommandResult merged = RunCommand(merge);
    ASSERT_EQ(merged.exit_code, 0) << merged.output;
    EXPECT_EQ(ResultRows(fleet.Dir() / "merged.db"), ResultRows(fleet.HubFile()));

    // Every kiosk shows as online, nothing waiting.
    const CommandResult status = fleet.FleetStatus();
    EXPECT_EQ(status.exit_code, 0) << status.output;
    for (const std::string& id : ids)
        EXPECT_NE(status.output.find(id), std::string::npos) << status.output;
    EXPECT_EQ(status.output.find("lost"), std::string::npos) << status.output;
    EXPECT_NE(status.output.find("hub: last heard "), std::string::npos) << status.output;
}

// The kiosk with the wrong event in its [fleet] table (yesterday's file
// left on its card): the broker refuses its publishes, so it counts them
// as refused in its health and never as delivered; the hub has none.
TEST(FleetDelivery, RefusedPublishesAreShownAndNeverMarkedDelivered) {
    FleetRun fleet({"kiosk-1", "kiosk-2"});
    ASSERT_TRUE(fleet.StartHub()) << fleet.Hub().Log();
    ASSERT_TRUE(fleet.StartKiosk(Writes("kiosk-1", 5, 1).ForEvent("expo-2025")));
    ASSERT_TRUE(fleet.StartKiosk(Writes("kiosk-2", 5, 1)));
    ASSERT_TRUE(fleet.WaitWritten("kiosk-1.db", 60s)) << fleet.Kiosk("kiosk-1.db").Log();
    ASSERT_TRUE(fleet.WaitWritten("kiosk-2.db", 60s));
    ASSERT_TRUE(WaitUntil(
        [&] { return HeardAck(fleet.KioskFile("kiosk-2.db")) == LastChange(fleet.KioskFile("kiosk-2.db")); },
        30s));
    std::this_thread::sleep_for(2s); // kiosk-1's publishes had their time

    Child& wrong = fleet.Kiosk("kiosk-1.db");
    ASSERT_TRUE(wrong.Terminate());
    const std::string log = wrong.Log();
    EXPECT_EQ(HeardAck(fleet.KioskFile("kiosk-1.db")), 0) << log;
    EXPECT_EQ(log.find(" refused 0 "), std::string::npos) << log;
    EXPECT_EQ(log.find(" waiting 0 "), std::string::npos) << log;
    EXPECT_EQ(QueryText(fleet.HubFile(), "SELECT count(*) FROM visits WHERE kiosk_id = 'kiosk-1'"), "0");
    EXPECT_EQ(QueryText(fleet.HubFile(), "SELECT count(*) FROM visits WHERE kiosk_id = 'kiosk-2'"), "5");
}

} // namespace
} // namespace tapsheet::fleet_test
