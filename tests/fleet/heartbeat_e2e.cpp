// The hub's own heartbeat (issue 12), end to end: the real `tapsheet hub`
// marks its file every 5 s while nothing comes in, `fleet-status` says when
// it was last heard, and once the hub is killed it says the hub is silent
// (after 30 s) and exits 3.
#include "tests/fleet/fleet_run.h"

#include <gtest/gtest.h>

#include <thread>

namespace tapsheet::fleet_test {
namespace {

using namespace std::chrono_literals;

std::string HeardAt(const FleetRun& fleet) {
    return QueryText(fleet.HubFile(), "SELECT heard_at FROM fleet_hub");
}

TEST(FleetHeartbeat, AnIdleHubMarksItsFileAndAKilledOneFallsSilent) {
    FleetRun fleet({"kiosk-1"});
    ASSERT_TRUE(fleet.StartHub()) << fleet.Hub().Log();
    std::string first;
    ASSERT_TRUE(WaitUntil(
        [&] {
            first = HeardAt(fleet);
            return !first.empty();
        },
        10s))
        << "the hub never marked its file\n"
        << fleet.Hub().Log();
    ASSERT_TRUE(WaitUntil([&] { return HeardAt(fleet) > first; }, 8s)) << "no beat within 5 s while idle";
    const CommandResult alive = fleet.FleetStatus();
    EXPECT_NE(alive.output.find("hub: last heard "), std::string::npos) << alive.output;
    EXPECT_EQ(alive.output.find("SILENT"), std::string::npos) << alive.output;
    std::printf("fleet: fleet-status with the hub running:\n%s", alive.output.c_str());

    fleet.Hub().Kill9();
    std::this_thread::sleep_for(31s);
    const CommandResult silent = fleet.FleetStatus();
    EXPECT_EQ(silent.exit_code, 3) << silent.output;
    EXPECT_NE(silent.output.find("SILENT"), std::string::npos) << silent.output;
    std::printf("fleet: fleet-status 31 s after the hub was killed:\n%s", silent.output.c_str());
}

} // namespace
} // namespace tapsheet::fleet_test
