// The admin PIN: stored only as a salted, slow hash (Argon2id; the old
// iterated SHA-256 still read); wrong tries lock the pad for longer and
// longer, and the lock-out's record survives a restart and a clock that
// jumped.
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

TEST(AdminPin, TheHashIsArgon2idNeverHoldsThePinAndVerifies) {
    const std::string stored = NewPinHash("4821");
    EXPECT_EQ(stored.find("4821"), std::string::npos) << stored;
    EXPECT_EQ(stored.rfind("$argon2id$v=19$m=32768,t=2,p=1$", 0), 0u) << "the cost admin_pin.h states";
    EXPECT_TRUE(StoredPinIsWellFormed(stored));
    EXPECT_TRUE(VerifyPin("4821", stored));
    EXPECT_FALSE(VerifyPin("4822", stored));
    EXPECT_FALSE(VerifyPin("", stored));
    EXPECT_NE(NewPinHash("4821"), stored) << "a new salt each time";
}

// Configs in the field hold the old form: they keep opening the panel.
TEST(AdminPin, TheOldSha256FormStillVerifies) {
    // Written by `tapsheet set-pin` of 0.1 for the PIN 2580.
    const std::string written_by_0_1 = "pin-sha256$20000$a89841e59a789541f441414615c9721f$"
                                       "f227338093cb6d4906c1b86ca0fe7464cb6c92e52d65f81e9e2a8607a6a05179";
    EXPECT_TRUE(StoredPinIsWellFormed(written_by_0_1)) << written_by_0_1;
    EXPECT_TRUE(VerifyPin("2580", written_by_0_1));
    EXPECT_FALSE(VerifyPin("2581", written_by_0_1));
    const std::string one = LegacyPinHash("1234", "00112233", 1);
    EXPECT_EQ(one, LegacyPinHash("1234", "00112233", 1)) << "deterministic";
    EXPECT_NE(one, LegacyPinHash("1234", "00112233", 2));
    EXPECT_NE(one, LegacyPinHash("1234", "00112234", 1)) << "the salt matters";
}

TEST(AdminPin, MalformedStoredFormsNeverVerify) {
    const std::string good = NewPinHash("1234");
    const std::string costly =
        "$argon2id$v=19$m=1048576,t=2,p=1$" + good.substr(good.rfind('$', good.rfind('$') - 1) + 1);
    for (const std::string& stored :
         {std::string(""), std::string("1234"), std::string("pin-sha256$x$00$ab"),
          std::string("pin-sha256$0$00$ab"), std::string("md5$1$00$ab"), std::string("pin-sha256$1$$ab"),
          std::string("pin-sha256$1$00"), std::string("$argon2id$v=19$m=32768,t=2,p=1$"),
          good.substr(0, good.size() - 5) + "!!!!!", std::string("$argon2i$") + good.substr(10), costly}) {
        EXPECT_FALSE(StoredPinIsWellFormed(stored)) << stored;
        EXPECT_FALSE(VerifyPin("1234", stored)) << stored;
    }
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

PinLockout ThreeWrong(double now) {
    PinLockout lockout;
    for (int i = 0; i < PinLockout::kFreeTries; ++i)
        lockout.Failed(now);
    return lockout;
}

// A restart: the loop's clock starts again (here at 5), the wall clock goes on.
TEST(PinLockoutTest, TheRecordCarriesTheLockAcrossARestart) {
    const double wall = 1.7e9;
    const PinLockout before = ThreeWrong(1000);
    const PinLockoutRecord record = before.Record(1010, wall);
    EXPECT_EQ(record.failures, 3);
    EXPECT_DOUBLE_EQ(record.locked_until, wall + 20);
    EXPECT_DOUBLE_EQ(record.lock_seconds, 30);
    PinLockoutRecord read;
    ASSERT_TRUE(ParsePinLockout(FormatPinLockout(record), &read)) << FormatPinLockout(record);
    EXPECT_EQ(read, record);
    PinLockout after = PinLockout::Restored(read, 5, wall + 4);
    EXPECT_EQ(after.Failures(), 3);
    EXPECT_TRUE(after.Locked(5 + 15.9));
    EXPECT_FALSE(after.Locked(5 + 16)) << "what was left of it, by the wall clock";
    after.Failed(30);
    EXPECT_DOUBLE_EQ(after.LockedUntil(), 30 + 60) << "the next wrong try doubles on from the record";
    EXPECT_EQ(PinLockout().Record(5, wall), PinLockoutRecord{}) << "nothing to keep";
}

// A Pi has no real-time clock: after a power cut its wall clock may be far
// behind (until the network sets it) or ahead.
TEST(PinLockoutTest, AClockThatJumpedNeitherLengthensNorShortensTheLockBeyondItsLength) {
    const double wall = 1.7e9;
    const PinLockoutRecord record = ThreeWrong(1000).Record(1000, wall); // 30 s left
    const PinLockout behind = PinLockout::Restored(record, 5, wall - 86400 * 365);
    EXPECT_TRUE(behind.Locked(5 + 29.9));
    EXPECT_FALSE(behind.Locked(5 + 30)) << "a year back: still only the lock's 30 s";
    const PinLockout ahead = PinLockout::Restored(record, 5, wall + 3600);
    EXPECT_FALSE(ahead.Locked(5)) << "an hour on: over";
    EXPECT_EQ(ahead.Failures(), 3) << "the tries still count";
    PinLockoutRecord forged = record;
    forged.lock_seconds = 1e9;
    forged.locked_until = wall + 1e9;
    EXPECT_FALSE(PinLockout::Restored(forged, 5, wall).Locked(5 + PinLockout::kLongestLockSeconds))
        << "never longer than the longest lock";
}

TEST(PinLockoutTest, TextThatIsNotARecordIsRefused) {
    PinLockoutRecord record;
    for (const char* text :
         {"", "failures 3\n", "failures x\nlocked_until 1\nlock_seconds 30\n",
          "failures 3\nlocked_until nan\nlock_seconds 30\n", "failures -1\nlocked_until 1\nlock_seconds 30\n",
          "failures 3\nlocked_until 1\nlock_seconds 30\nextra 1\n"})
        EXPECT_FALSE(ParsePinLockout(text, &record)) << text;
}

} // namespace
} // namespace tapsheet
