// The staff screens' intents applied beside the state they change
// (app/core/admin_intent.h); what needs the world comes back as an effect.
#include "app/core/admin_intent.h"

#include <gtest/gtest.h>

namespace tapsheet {
namespace {

using Kind = AdminIntent::Kind;

TEST(AdminIntent, ActionsThatCannotBeUndoneNeedASecondTap) {
    AdminState state;
    AdminPanel panel;
    const AdminIntent restart = AdminIntent::Of(Kind::Restart);
    EXPECT_EQ(ApplyAdminIntent(restart, 1, state, panel), AdminEffect::None) << "the first tap arms it";
    EXPECT_EQ(panel.armed, Kind::Restart);
    EXPECT_EQ(ApplyAdminIntent(restart, 2, state, panel), AdminEffect::Restart);
    EXPECT_EQ(panel.armed, Kind::Close) << "disarmed once done";
}

TEST(AdminIntent, AnotherTapDisarms) {
    AdminState state;
    AdminPanel panel;
    ApplyAdminIntent(AdminIntent::Of(Kind::Quit), 1, state, panel);
    EXPECT_EQ(ApplyAdminIntent(AdminIntent::Of(Kind::LookForSticks), 2, state, panel),
              AdminEffect::LookForSticks);
    EXPECT_EQ(ApplyAdminIntent(AdminIntent::Of(Kind::Quit), 3, state, panel), AdminEffect::None)
        << "armed again, not confirmed";
    ApplyAdminIntent(AdminIntent::At(Kind::SwitchPack, 0), 4, state, panel);
    EXPECT_EQ(ApplyAdminIntent(AdminIntent::At(Kind::SwitchPack, 1), 5, state, panel), AdminEffect::None)
        << "a second tap on another pack is a first tap on it";
    EXPECT_EQ(ApplyAdminIntent(AdminIntent::At(Kind::SwitchPack, 1), 6, state, panel),
              AdminEffect::SwitchPack);
}

TEST(AdminIntent, TheTextsTabTappedAgainReadsAgainKeepingRows) {
    AdminState state;
    AdminPanel panel;
    AdminIntent texts = AdminIntent::Of(Kind::Tab);
    texts.tab = AdminTab::Moderation;
    EXPECT_EQ(ApplyAdminIntent(texts, 1, state, panel), AdminEffect::TabShown);
    EXPECT_EQ(panel.tab, AdminTab::Moderation);
    EXPECT_EQ(ApplyAdminIntent(texts, 2, state, panel), AdminEffect::TextsReread);
}

// OK asks the session to check the entry (slow: off the UI thread); the
// outcome comes back through CheckDone.
TEST(AdminIntent, OkAsksForACheckAndTheOutcomeOpensThePanel) {
    AdminState state;
    AdminPanel panel;
    state.CornerHeld(true, 10);
    state.CornerHeld(true, 10 + AdminState::kHoldSeconds + 0.1);
    ASSERT_EQ(state.Screen(), AdminScreen::PinPad);
    EXPECT_EQ(ApplyAdminIntent(AdminIntent::Of(Kind::Submit), 15, state, panel), AdminEffect::None)
        << "nothing entered, nothing to check";
    for (char digit : std::string("2468")) {
        AdminIntent key = AdminIntent::Of(Kind::Digit);
        key.digit = digit;
        ApplyAdminIntent(key, 15, state, panel);
    }
    EXPECT_EQ(ApplyAdminIntent(AdminIntent::Of(Kind::Submit), 15, state, panel), AdminEffect::CheckPin);
    EXPECT_TRUE(state.Checking());
    EXPECT_EQ(state.Entry(), "2468");
    EXPECT_EQ(ApplyAdminIntent(AdminIntent::Of(Kind::Submit), 15, state, panel), AdminEffect::None)
        << "one check at a time";
    EXPECT_TRUE(state.CheckDone(true, true, 16));
    EXPECT_EQ(state.Screen(), AdminScreen::Panel);
}

TEST(AdminIntent, SleepNowClosesThePanelFirst) {
    AdminState state;
    AdminPanel panel;
    state.CornerHeld(true, 10);
    state.CornerHeld(true, 10 + AdminState::kHoldSeconds + 0.1);
    ASSERT_EQ(state.Screen(), AdminScreen::PinPad);
    EXPECT_EQ(ApplyAdminIntent(AdminIntent::Of(Kind::SleepNow), 15, state, panel), AdminEffect::SleepNow);
    EXPECT_EQ(state.Screen(), AdminScreen::Closed);
}

} // namespace
} // namespace tapsheet
