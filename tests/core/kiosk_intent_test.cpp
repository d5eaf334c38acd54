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

// A kiosk at its start screen; `ids` counts the visit ids handed out.
struct KioskIntentTest : ::testing::Test {
    Pack pack = OnePoll();
    Flow flow{pack};
    KeyboardState keyboard;
    int ids = 0;
    VisitStart Starts(bool can_store) {
        return {can_store, [this] { return "visit-" + std::to_string(++ids); }};
    }
    void Apply(const Intent& intent, double now, bool can_store = true) {
        ApplyKioskIntent(intent, now, Starts(can_store), flow, keyboard);
    }
};

TEST_F(KioskIntentTest, StartBeginsAVisitWithAFreshId) {
    Apply(Intent::Of(Intent::Kind::Start, "en"), 1);
    EXPECT_EQ(flow.Screen(), FlowScreen::Step);
    EXPECT_EQ(flow.VisitId(), "visit-1");
    EXPECT_EQ(ids, 1);
}

TEST_F(KioskIntentTest, AKioskThatCannotStoreStartsNoVisit) {
    Apply(Intent::Of(Intent::Kind::Start, "en"), 1, false);
    EXPECT_EQ(flow.Screen(), FlowScreen::Attract);
    EXPECT_EQ(ids, 0) << "no id spent on a visit that never began";
    EXPECT_TRUE(flow.TakeCommands().empty());
}

TEST_F(KioskIntentTest, ShiftAppliesToOneKeyAndLayersAreTheKeyboards) {
    Apply(Intent::Of(Intent::Kind::KeyboardShift), 1);
    EXPECT_TRUE(keyboard.shift);
    Apply(Intent::AtIndex(Intent::Kind::KeyboardLayer, 2), 1);
    EXPECT_EQ(keyboard.layer, 2);
    Apply(Intent::Of(Intent::Kind::TypeText, "A"), 1);
    EXPECT_FALSE(keyboard.shift) << "as on a phone";
    EXPECT_EQ(keyboard.layer, 2) << "the layer stays until changed";
}

TEST_F(KioskIntentTest, ChooseReachesTheFlow) {
    Apply(Intent::Of(Intent::Kind::Start, "en"), 1);
    flow.TakeCommands();
    Apply(Intent::Of(Intent::Kind::Choose, "team"), 2);
    const std::vector<StoreCommand> commands = flow.TakeCommands();
    ASSERT_EQ(commands.size(), 1u) << "a single-choice poll saves the tap";
    EXPECT_EQ(commands[0].kind, StoreCommand::Kind::SaveAnswer);
}

} // namespace
} // namespace tapsheet
