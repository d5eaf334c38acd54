// The admin PIN: stored only as a salted, stretched hash; wrong tries lock
// the pad for longer and longer.
#include "app/core/admin_pin.h"

#include <gtest/gtest.h>

namespace tapsheet {
namespace {

TEST(AdminPin, OnlyDigitsFourToEight) {
    EXPECT_TRUE(PinIsWellFormed("0000"));
    EXPECT_TRUE(PinIsWellFormed("12345678"));
    EXPECT_FALSE(PinIsWellFormed("123"));
    EXPECT_FALSE(PinIsWellFormed("123456789"));
    EXPECT_FALSE(PinIsWellFormed("12a4"));
    EXPECT_FALSE(PinIsWellFormed(""));
}

TEST(AdminPin, TheHashNeverHoldsThePinAndVerifies) {
    const std::string stored = NewPinHash("4821");
    EXPECT_EQ(stored.find("4821"), std::string::npos) << stored;
    EXPECT_EQ(stored.rfind("pin-sha256$20000$", 0), 0u) << stored;
    EXPECT_TRUE(VerifyPin("4821", stored));
    EXPECT_FALSE(VerifyPin("4822", stored));
    EXPECT_FALSE(VerifyPin("", stored));
    EXPECT_NE(NewPinHash("4821"), stored) << "a new salt each time";
}

TEST(AdminPin, KnownSaltGivesAKnownHashAndIterationsMatter) {
    const std::string one = HashPin("1234", "00112233", 1);
    const std::string two = HashPin("1234", "00112233", 2);
    EXPECT_EQ(one, HashPin("1234", "00112233", 1)) << "deterministic";
    EXPECT_NE(one, two);
    EXPECT_NE(one, HashPin("1234", "00112234", 1)) << "the salt matters";
    EXPECT_TRUE(VerifyPin("1234", two));
}

TEST(AdminPin, MalformedStoredFormsNeverVerify) {
    for (const char* stored : {"", "1234", "pin-sha256$x$00$ab", "pin-sha256$0$00$ab", "md5$1$00$ab",
                               "pin-sha256$1$$ab", "pin-sha256$1$00"})
        EXPECT_FALSE(VerifyPin("1234", stored)) << stored;
}

TEST(PinLockoutTest, ThreeFreeTriesThenDoublingLocks) {
    PinLockout lockout;
    double now = 100;
    lockout.Failed(now);
    lockout.Failed(now);
    EXPECT_FALSE(lockout.Locked(now)) << "two slips are free";
    lockout.Failed(now);
    EXPECT_TRUE(lockout.Locked(now + 29));
    EXPECT_FALSE(lockout.Locked(now + 30));
    now += 31;
    lockout.Failed(now);
    EXPECT_DOUBLE_EQ(lockout.LockedUntil(), now + 60);
    for (int i = 0; i < 10; ++i)
        lockout.Failed(now);
    EXPECT_DOUBLE_EQ(lockout.LockedUntil(), now + PinLockout::kLongestLockSeconds) << "capped";
    lockout.Succeeded();
    EXPECT_FALSE(lockout.Locked(now));
    EXPECT_EQ(lockout.Failures(), 0);
}

} // namespace
} // namespace tapsheet
