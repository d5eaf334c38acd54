#include "app/core/admin.h"

#include <gtest/gtest.h>

namespace tapsheet {
namespace {

const std::string kHash = LegacyPinHash("4321", "a1b2c3", 5);

const std::string& Hash() {
    return kHash;
}

AdminState OpenPad() {
    AdminState admin;
    admin.CornerHeld(true, 100);
    admin.CornerHeld(true, 100 + AdminState::kHoldSeconds);
    return admin;
}

void Enter(AdminState& admin, const char* digits, double now) {
    for (const char* d = digits; *d; d++)
        admin.Digit(*d, now);
}

// OK, and the check the session runs on its own thread, here at once.
bool Submit(AdminState& admin, const std::string& stored, double now) {
    if (!admin.Submit(now)) return false;
    return admin.CheckDone(VerifyPin(admin.Entry(), stored), !stored.empty(), now);
}

TEST(AdminState, OnlyAFullHoldInTheCornerOpensThePinPad) {
    AdminState admin;
    EXPECT_FALSE(admin.CornerHeld(true, 10));
    EXPECT_EQ(admin.HoldDeadline(), 10 + AdminState::kHoldSeconds);
    EXPECT_FALSE(admin.CornerHeld(true, 12.9));
    EXPECT_FALSE(admin.CornerHeld(false, 12.95)) << "lifting the finger starts over";
    EXPECT_EQ(admin.HoldDeadline(), 0);
    EXPECT_FALSE(admin.CornerHeld(true, 13));
    EXPECT_FALSE(admin.CornerHeld(true, 15.9));
    EXPECT_EQ(admin.Screen(), AdminScreen::Closed);
    EXPECT_TRUE(admin.CornerHeld(true, 16));
    EXPECT_EQ(admin.Screen(), AdminScreen::PinPad);
    EXPECT_FALSE(admin.CornerHeld(true, 30)) << "already open";
}

TEST(AdminState, TheRightPinOpensThePanel) {
    AdminState admin = OpenPad();
    Enter(admin, "4321", 105);
    EXPECT_EQ(admin.DigitsEntered(), 4);
    EXPECT_TRUE(Submit(admin, Hash(), 106));
    EXPECT_EQ(admin.Screen(), AdminScreen::Panel);
    EXPECT_EQ(admin.DigitsEntered(), 0) << "the entry is not kept";
}

TEST(AdminState, WrongPinsLockThePadForAGrowingTime) {
    AdminState admin = OpenPad();
    double now = 110;
    for (int i = 0; i < PinLockout::kFreeTries - 1; i++) {
        Enter(admin, "0000", now);
        EXPECT_FALSE(Submit(admin, Hash(), now));
        EXPECT_FALSE(admin.Locked(now));
        EXPECT_EQ(admin.Message(), "Wrong PIN.");
    }
    Enter(admin, "0000", now);
    EXPECT_FALSE(Submit(admin, Hash(), now));
    ASSERT_TRUE(admin.Locked(now));
    EXPECT_EQ(admin.LockedFor(now), PinLockout::kFirstLockSeconds);
    EXPECT_EQ(admin.Message(), "Wrong PIN. Locked for 30 s.");
    // While locked, even the right PIN is not taken, and digits are ignored.
    Enter(admin, "4321", now + 1);
    EXPECT_EQ(admin.DigitsEntered(), 0);
    EXPECT_FALSE(Submit(admin, Hash(), now + 1));
    EXPECT_EQ(admin.Screen(), AdminScreen::PinPad);
    // Closing and reopening is no way round it.
    admin.Close();
    admin.CornerHeld(true, now + 2);
    admin.CornerHeld(true, now + 2 + AdminState::kHoldSeconds);
    EXPECT_TRUE(admin.Locked(now + 6));
    now += PinLockout::kFirstLockSeconds;
    Enter(admin, "1111", now);
    EXPECT_FALSE(Submit(admin, Hash(), now));
    EXPECT_EQ(admin.LockedFor(now), 2 * PinLockout::kFirstLockSeconds) << "twice as long";
    now += 2 * PinLockout::kFirstLockSeconds;
    Enter(admin, "4321", now);
    EXPECT_TRUE(Submit(admin, Hash(), now));
}

// The try counts as failed before the slow check: a process ended during
// it (a power cut, kill -9) has already kept the failure.
TEST(AdminState, ATryCountsAsFailedBeforeItIsChecked) {
    AdminState admin = OpenPad();
    for (int i = 0; i < PinLockout::kFreeTries; i++) {
        Enter(admin, "4321", 110);
        ASSERT_TRUE(admin.Submit(110));
        EXPECT_EQ(admin.Lockout().Failures(), i + 1);
        EXPECT_TRUE(admin.Checking());
        Enter(admin, "9", 110);
        admin.Backspace(110);
        EXPECT_EQ(admin.Entry(), "4321") << "the entry stays put while it is checked";
        EXPECT_FALSE(admin.Submit(110)) << "one check at a time";
        admin.CheckDone(false, true, 110);
    }
    EXPECT_TRUE(admin.Locked(110));
    AdminState right = OpenPad();
    Enter(right, "4321", 110);
    ASSERT_TRUE(right.Submit(110));
    EXPECT_EQ(right.Lockout().Failures(), 1);
    EXPECT_TRUE(right.CheckDone(true, true, 110));
    EXPECT_EQ(right.Lockout().Failures(), 0) << "a right PIN resets it";
}

TEST(AdminState, AClosedPadDoesNotOpenThePanelWhenTheCheckComesBack) {
    AdminState admin = OpenPad();
    Enter(admin, "4321", 110);
    ASSERT_TRUE(admin.Submit(110));
    admin.Close();
    EXPECT_FALSE(admin.CheckDone(true, true, 111));
    EXPECT_EQ(admin.Screen(), AdminScreen::Closed);
    EXPECT_EQ(admin.Lockout().Failures(), 0);
}

TEST(AdminState, NoStoredPinNeverOpens) {
    AdminState admin = OpenPad();
    Enter(admin, "1234", 104);
    EXPECT_FALSE(Submit(admin, "", 104));
    EXPECT_EQ(admin.Screen(), AdminScreen::PinPad);
    EXPECT_NE(admin.Message().find("set-pin"), std::string::npos);
}

TEST(AdminState, EntryIsCappedAndEditable) {
    AdminState admin = OpenPad();
    Enter(admin, "1234567890", 104);
    EXPECT_EQ(admin.DigitsEntered(), AdminState::kMaxDigits);
    admin.Backspace(104);
    EXPECT_EQ(admin.DigitsEntered(), AdminState::kMaxDigits - 1);
    admin.Digit('x', 104);
    EXPECT_EQ(admin.DigitsEntered(), AdminState::kMaxDigits - 1);
}

TEST(AdminState, LeftAloneItCloses) {
    AdminState admin = OpenPad();
    EXPECT_EQ(admin.IdleDeadline(), 103 + AdminState::kPinPadIdleSeconds);
    EXPECT_FALSE(admin.Tick(103 + AdminState::kPinPadIdleSeconds - 1));
    EXPECT_TRUE(admin.Tick(103 + AdminState::kPinPadIdleSeconds));
    EXPECT_EQ(admin.Screen(), AdminScreen::Closed);

    AdminState panel = OpenPad();
    Enter(panel, "4321", 104);
    ASSERT_TRUE(Submit(panel, Hash(), 104));
    panel.Touched(200);
    EXPECT_FALSE(panel.Tick(200 + AdminState::kPanelIdleSeconds - 1));
    EXPECT_TRUE(panel.Tick(200 + AdminState::kPanelIdleSeconds));
    EXPECT_EQ(panel.Screen(), AdminScreen::Closed);
    EXPECT_EQ(panel.IdleDeadline(), 0);
}

} // namespace
} // namespace tapsheet
