// The admin PIN's check off the UI thread, and the lock-out kept on disk.
//
// A check is slow on purpose (Argon2id, app/core/admin_pin.h), longer than
// a frame, so the session runs it on a thread of its own while the PIN pad
// says so. Before the hash, the try is written to disk as failed (the
// record AdminState::Submit made), so that ending the process during the
// check gives no free try; a right PIN writes the reset record afterwards.
// The record lives beside the results, as chosen-pack.txt does: the kiosk's
// user can write there, not in /etc.
#pragma once

#include "app/core/admin_pin.h"

#include <string>

namespace tapsheet {

std::string PinLockoutFile(const std::string& db_path);

// The record in `path`: a fresh one when there is none. False when the
// file is there but cannot be read (then a fresh one, and *error says why).
bool LoadPinLockout(const std::string& path, PinLockoutRecord* record, std::string* error);
// Atomically and durably (app/store/durable_file.h), readable by its owner only.
bool SavePinLockout(const std::string& path, const PinLockoutRecord& record, std::string* error);

// The wall clock, in seconds since 1970: what a lock's end is kept in
// across restarts (the loop's steady clock starts again at each boot).
double WallSeconds();

struct PinCheckJob {
    std::string pin;
    std::string stored_hash;  // empty: no PIN is set, nothing is right
    std::string lockout_path; // empty: the lock-out is kept in memory only
    PinLockoutRecord failed;  // written before the hash
};

struct PinCheckResult {
    bool right = false;
    std::string error; // the lock-out could not be written (the check still ran)
};

// Runs on the check's thread: writes `job.failed`, hashes, and when the PIN
// is right writes the reset record.
PinCheckResult CheckPin(const PinCheckJob& job);

} // namespace tapsheet
