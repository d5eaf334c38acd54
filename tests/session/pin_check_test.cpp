// The admin PIN's lock-out kept on disk beside the results: a restart (a
// power cut, kill -9, the service restarting the kiosk) keeps the wrong
// tries and the lock; the try is on disk before the slow check; a right PIN
// clears it. The real process's restart is tests/e2e/pin_lockout_e2e_test.cpp.
#include "app/session/admin_session.h"
#include "app/session/pin_check.h"
#include "tests/cli/cli_test_util.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <sys/stat.h>
#include <thread>

namespace tapsheet {
namespace {

using cli_test::TempDir;

const std::string kHash = LegacyPinHash("2580", "5eed", 10); // fast: these tests are not about the hash

AdminSettings Settings(const std::filesystem::path& dir) {
    AdminSettings settings;
    settings.pin_hash = kHash;
    settings.db_path = (dir / "results.db").string();
    settings.lockout_path = PinLockoutFile(settings.db_path);
    settings.export_dir = dir.string();
    return settings;
}

void OpenPad(AdminSession& admin, double now) {
    admin.CornerHeld(true, now - AdminState::kHoldSeconds);
    admin.CornerHeld(true, now);
    ASSERT_EQ(admin.State().Screen(), AdminScreen::PinPad);
}

void Try(AdminSession& admin, const std::string& pin, double now) {
    for (char digit : pin) {
        AdminIntent key = AdminIntent::Of(AdminIntent::Kind::Digit);
        key.digit = digit;
        admin.Apply({key}, now);
    }
    admin.Apply({AdminIntent::Of(AdminIntent::Kind::Submit)}, now);
    admin.FinishPinCheck(now);
}

PinLockoutRecord OnDisk(const std::string& path) {
    PinLockoutRecord record;
    std::string error;
    EXPECT_TRUE(LoadPinLockout(path, &record, &error)) << error;
    return record;
}

TEST(PinLockoutFile, BesideTheResultsReadableByItsOwnerOnly) {
    const auto dir = TempDir("pin-file");
    const std::string path = PinLockoutFile((dir / "results.db").string());
    EXPECT_EQ(path, (dir / "pin-lockout.txt").string());
    EXPECT_EQ(OnDisk(path), PinLockoutRecord{}) << "no file: nothing locked";
    const PinLockoutRecord record{4, 1.7e9 + 12.5, 60};
    std::string error;
    ASSERT_TRUE(SavePinLockout(path, record, &error)) << error;
    EXPECT_EQ(OnDisk(path), record);
    struct stat info {};
    ASSERT_EQ(stat(path.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    std::ofstream(path) << "garbage";
    PinLockoutRecord read{9, 9, 9};
    EXPECT_FALSE(LoadPinLockout(path, &read, &error));
    EXPECT_EQ(read, PinLockoutRecord{}) << "a damaged record starts afresh";
    EXPECT_NE(error.find("pin-lockout.txt"), std::string::npos) << error;
}

// What happens to a kiosk killed after three wrong PINs: the next process
// (a new session on the same folder, its loop clock started again) is locked.
TEST(PinLockoutFile, ANewSessionAfterThreeWrongPinsIsStillLocked) {
    const auto dir = TempDir("pin-restart");
    {
        AdminSession before(Settings(dir), nullptr);
        OpenPad(before, 1000);
        for (int i = 0; i < PinLockout::kFreeTries; i++)
            Try(before, "1111", 1000);
        ASSERT_TRUE(before.State().Locked(1000));
    }
    AdminSession after(Settings(dir), nullptr);
    OpenPad(after, 7);
    EXPECT_TRUE(after.State().Locked(7));
    EXPECT_GT(after.State().LockedFor(7), PinLockout::kFirstLockSeconds - 5);
    EXPECT_LE(after.State().LockedFor(7), PinLockout::kFirstLockSeconds);
    Try(after, "2580", 8);
    EXPECT_EQ(after.State().Screen(), AdminScreen::PinPad) << "locked: not even the right PIN";
    const double later = 8 + PinLockout::kFirstLockSeconds;
    Try(after, "2580", later);
    EXPECT_EQ(after.State().Screen(), AdminScreen::Panel);
    EXPECT_EQ(OnDisk(Settings(dir).lockout_path), PinLockoutRecord{}) << "a right PIN clears the record";
}

// A record whose lock ends far in the future (the clock was set back since)
// locks for no longer than the lock's own length.
TEST(PinLockoutFile, AClockSetBackDoesNotLengthenTheLock) {
    const auto dir = TempDir("pin-clock");
    const AdminSettings settings = Settings(dir);
    std::string error;
    ASSERT_TRUE(SavePinLockout(settings.lockout_path, {3, WallSeconds() + 86400, 30}, &error)) << error;
    AdminSession admin(settings, nullptr);
    OpenPad(admin, 50);
    EXPECT_TRUE(admin.State().Locked(50));
    EXPECT_LE(admin.State().LockedFor(50), 30);
}

// The try is written as failed before the hash runs: a process ended during
// the (slow) check has already counted it. A hash of two million rounds
// keeps the check busy long enough to look at the file meanwhile.
TEST(PinLockoutFile, TheTryIsOnDiskBeforeTheCheckEnds) {
    const auto dir = TempDir("pin-before");
    PinCheckJob job;
    job.pin = "1111";
    job.stored_hash = LegacyPinHash("2580", "5eed", 2000000);
    job.lockout_path = PinLockoutFile((dir / "results.db").string());
    job.failed = PinLockoutRecord{1, 0, 0};
    std::future<PinCheckResult> check = std::async(std::launch::async, CheckPin, job);
    bool seen_while_checking = false;
    while (check.wait_for(std::chrono::milliseconds(1)) == std::future_status::timeout)
        seen_while_checking = seen_while_checking || OnDisk(job.lockout_path).failures == 1;
    EXPECT_TRUE(seen_while_checking) << "the failure was written only after the check";
    EXPECT_FALSE(check.get().right);
    EXPECT_EQ(OnDisk(job.lockout_path).failures, 1);
}

} // namespace
} // namespace tapsheet
