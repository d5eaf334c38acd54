// The strip's fleet tag in words (app/core/fleet_view.h): one kiosk in
// trouble is named, several are counted by state, answers waiting turn it
// amber, and a silent hub says so instead of old news.
#include "app/core/fleet_view.h"

#include <gtest/gtest.h>

namespace tapsheet {
namespace {

const std::string kDot = " \xC2\xB7 ";

FleetKioskRow Row(std::string id, std::string state, std::int64_t waiting = 0) {
    FleetKioskRow row;
    row.id = std::move(id);
    row.state = std::move(state);
    row.waiting = waiting;
    return row;
}

FleetView Fleet(std::vector<FleetKioskRow> rows) {
    FleetView view;
    view.hub_file = true;
    view.hub_heard_ago = 3;
    view.kiosks = std::move(rows);
    return view;
}

TEST(FleetTag, AllWellIsPlain) {
    const FleetTag tag = FleetTagOf(Fleet({Row("a", "online"), Row("b", "online")}));
    EXPECT_EQ(tag.text, "2 kiosks" + kDot + "2 online");
    EXPECT_EQ(tag.tone, FleetTone::Good);
}

TEST(FleetTag, WaitingAnswersTurnItAmber) {
    const FleetTag tag = FleetTagOf(Fleet({Row("a", "online", 12), Row("b", "online")}));
    EXPECT_EQ(tag.text, "2 kiosks" + kDot + "2 online" + kDot + "12 waiting");
    EXPECT_EQ(tag.tone, FleetTone::Warning);
}

TEST(FleetTag, OneTroubledKioskIsNamedSeveralAreCounted) {
    EXPECT_EQ(FleetTagOf(Fleet({Row("kiosk-3", "lost"), Row("b", "online")})).text,
              "2 kiosks" + kDot + "1 online" + kDot + "kiosk-3 lost");
    const FleetTag several =
        FleetTagOf(Fleet({Row("a", "lost"), Row("b", "lost"), Row("c", "silent"), Row("d", "online")}));
    EXPECT_EQ(several.text, "4 kiosks" + kDot + "1 online" + kDot + "2 lost" + kDot + "1 silent");
    EXPECT_EQ(several.tone, FleetTone::Bad);
    FleetKioskRow twice = Row("kiosk-2", "online");
    twice.duplicate = true;
    EXPECT_EQ(FleetTagOf(Fleet({twice})).text, "1 kiosk" + kDot + "1 online" + kDot + "kiosk-2 used twice");
}

TEST(FleetTag, ASilentHubIsSaidInstead) {
    FleetView view = Fleet({Row("a", "online")});
    view.hub_silent = true;
    view.hub_heard_ago = 45;
    const FleetTag tag = FleetTagOf(view);
    EXPECT_EQ(tag.text, "hub silent: last heard 45 s ago");
    EXPECT_EQ(tag.tone, FleetTone::Bad);
    view.hub_heard_ago = -1;
    EXPECT_EQ(FleetTagOf(view).text, "hub never heard: is tapsheet-hub running?");
}

} // namespace
} // namespace tapsheet
