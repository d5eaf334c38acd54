// A kiosk screen's intents applied beside the state they change
// (app/core/kiosk_intent.h): the flow and the keyboard's layers.
#include "app/core/kiosk_intent.h"

#include <gtest/gtest.h>

namespace tapsheet {
namespace {

Pack OnePoll() {
    Pack pack;
    pack.id = "test";
    pack.languages = {{"en", "English"}};
    Step poll;
    poll.id = "level";
    poll.kind = StepKind::Poll;
    poll.poll.options = {{"system", {}}, {"team", {}}};
    pack.steps.push_back(poll);
    return pack;
}

VisitStart Starts(bool can_store, int* ids_given) {
    return {can_store, [ids_given] { return "visit-" + std::to_string(++*ids_given); }};
}

TEST(KioskIntent, StartBeginsAVisitWithAFreshId) {
    const Pack pack = OnePoll();
    Flow flow(pack);
    KeyboardState keyboard;
    int ids = 0;
    ApplyKioskIntent(Intent::Of(Intent::Kind::Start, "en"), 1, Starts(true, &ids), flow, keyboard);
    EXPECT_EQ(flow.Screen(), FlowScreen::Step);
    EXPECT_EQ(flow.VisitId(), "visit-1");
    EXPECT_EQ(ids, 1);
}

TEST(KioskIntent, AKioskThatCannotStoreStartsNoVisit) {
    const Pack pack = OnePoll();
    Flow flow(pack);
    KeyboardState keyboard;
    int ids = 0;
    ApplyKioskIntent(Intent::Of(Intent::Kind::Start, "en"), 1, Starts(false, &ids), flow, keyboard);
    EXPECT_EQ(flow.Screen(), FlowScreen::Attract);
    EXPECT_EQ(ids, 0) << "no id spent on a visit that never began";
    EXPECT_TRUE(flow.TakeCommands().empty());
}

TEST(KioskIntent, ShiftAppliesToOneKeyAndLayersAreTheKeyboards) {
    const Pack pack = OnePoll();
    Flow flow(pack);
    KeyboardState keyboard;
    int ids = 0;
    const VisitStart start = Starts(true, &ids);
    ApplyKioskIntent(Intent::Of(Intent::Kind::KeyboardShift), 1, start, flow, keyboard);
    EXPECT_TRUE(keyboard.shift);
    ApplyKioskIntent(Intent::AtIndex(Intent::Kind::KeyboardLayer, 2), 1, start, flow, keyboard);
    EXPECT_EQ(keyboard.layer, 2);
    ApplyKioskIntent(Intent::Of(Intent::Kind::TypeText, "A"), 1, start, flow, keyboard);
    EXPECT_FALSE(keyboard.shift) << "as on a phone";
    EXPECT_EQ(keyboard.layer, 2) << "the layer stays until changed";
}

TEST(KioskIntent, ChooseReachesTheFlow) {
    const Pack pack = OnePoll();
    Flow flow(pack);
    KeyboardState keyboard;
    int ids = 0;
    const VisitStart start = Starts(true, &ids);
    ApplyKioskIntent(Intent::Of(Intent::Kind::Start, "en"), 1, start, flow, keyboard);
    flow.TakeCommands();
    ApplyKioskIntent(Intent::Of(Intent::Kind::Choose, "team"), 2, start, flow, keyboard);
    const std::vector<StoreCommand> commands = flow.TakeCommands();
    ASSERT_EQ(commands.size(), 1u) << "a single-choice poll saves the tap";
    EXPECT_EQ(commands[0].kind, StoreCommand::Kind::SaveAnswer);
}

} // namespace
} // namespace tapsheet
