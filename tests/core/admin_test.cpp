#include "app/core/admin.h"

#include <gtest/gtest.h>

namespace tapsheet {
namespace {

const std::string kHash = HashPin("4321", "a1b2c3", 5);

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
    EXPECT_TRUE(admin.Submit(Hash(), 106));
    EXPECT_EQ(admin.Screen(), AdminScreen::Panel);
    EXPECT_EQ(admin.DigitsEntered(), 0) << "the entry is not kept";
}

TEST(AdminState, WrongPinsLockThePadForAGrowingTime) {
    AdminState admin = OpenPad();
    double now = 110;
    for (int i = 0; i < PinLockout::kFreeTries - 1; i++) {
        Enter(admin, "0000", now);
        EXPECT_FALSE(admin.Submit(Hash(), now));
        EXPECT_FALSE(admin.Locked(now));
        EXPECT_EQ(admin.Message(), "Wrong PIN.");
    }
    Enter(admin, "0000", now);
    EXPECT_FALSE(admin.Submit(Hash(), now));
    ASSERT_TRUE(admin.Locked(now));
    EXPECT_EQ(admin.LockedFor(now), PinLockout::kFirstLockSeconds);
    EXPECT_EQ(admin.Message(), "Wrong PIN. Locked for 30 s.");
    // While locked, even the right PIN is not taken, and digits are ignored.
    Enter(admin, "4321", now + 1);
    EXPECT_EQ(admin.DigitsEntered(), 0);
    EXPECT_FALSE(admin.Submit(Hash(), now + 1));
    EXPECT_EQ(admin.Screen(), AdminScreen::PinPad);
    // Closing and reopening is no way round it.
    admin.Close();
    admin.CornerHeld(true, now + 2);
    admin.CornerHeld(true, now + 2 + AdminState::kHoldSeconds);
    EXPECT_TRUE(admin.Locked(now + 6));
    now += PinLockout::kFirstLockSeconds;
    Enter(admin, "1111", now);
    EXPECT_FALSE(admin.Submit(Hash(), now));
    EXPECT_EQ(admin.LockedFor(now), 2 * PinLockout::kFirstLockSeconds) << "twice as long";
    now += 2 * PinLockout::kFirstLockSeconds;
    Enter(admin, "4321", now);
    EXPECT_TRUE(admin.Submit(Hash(), now));
}

TEST(AdminState, NoStoredPinNeverOpens) {
    AdminState admin = OpenPad();
    Enter(admin, "1234", 104);
    EXPECT_FALSE(admin.Submit("", 104));
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
    ASSERT_TRUE(panel.Submit(Hash(), 104));
    panel.Touched(200);
    EXPECT_FALSE(panel.Tick(200 + AdminState::kPanelIdleSeconds - 1));
    EXPECT_TRUE(panel.Tick(200 + AdminState::kPanelIdleSeconds));
    EXPECT_EQ(panel.Screen(), AdminScreen::Closed);
    EXPECT_EQ(panel.IdleDeadline(), 0);
}

} // namespace
} // namespace tapsheet
