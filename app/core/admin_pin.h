// The admin PIN that opens the kiosk's staff panel (issue 4). It is never
// stored: only a salted, deliberately slow hash, in the config file.
// `tapsheet set-pin` writes libsodium's Argon2id string:
//   $argon2id$v=19$m=32768,t=2,p=1$<salt>$<hash>
// The cost: 2 passes over 32 MiB (kPinOpsLimit, kPinMemLimit), above
// OWASP's least for Argon2id (19 MiB, 2 passes). tests/bench/pin_hash.cpp
// measures one check at 30-160 ms (31-73 ms of CPU) on this project's
// shared, busy 2-core x86-64 machine: 2 to 5 times the old form's CPU
// time, so trying every 4-digit PIN against a stolen config takes 5-12
// minutes of one core here. What Argon2id adds is the 32 MiB each guess in
// flight holds, which makes guessing on a GPU far dearer than SHA-256.
// Under qemu-user's arm64 emulation one check takes 0.3-0.6 s (emulation,
// not a Pi: no Pi was measured). It is libsodium's "interactive" cost with
// half its 64 MiB: the memory is held only during a check, and a Pi 3 has
// 1 GB for a kiosk that keeps under 85 MB. A check is longer than a frame,
// so the session runs it off the UI thread (app/session/pin_check.h).
//
// The form before (an iterated SHA-256,
// `pin-sha256$<iterations>$<salt, hex>$<hash, hex>`) still verifies, so
// configs in the field keep working; the next set-pin replaces it.
//
// Wrong tries lock the PIN pad for a growing time (PinLockout), kept on
// disk by the session so that a restart does not forget them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tapsheet {

inline constexpr unsigned long long kPinOpsLimit = 2;  // crypto_pwhash_OPSLIMIT_INTERACTIVE
inline constexpr std::size_t kPinMemLimit = 32u << 20; // bytes
inline constexpr int kLegacyPinIterations = 20000;     // what pin-sha256 configs were written with

// 4 to 8 digits: what a PIN pad can enter.
bool PinIsWellFormed(std::string_view pin);

// The stored form set-pin writes (Argon2id, a new random salt each time);
// empty when libsodium cannot (no memory).
std::string NewPinHash(std::string_view pin);
// The old stored form, `pin-sha256$…`, for `pin` with `salt_hex`. Still
// read; tests use it with few iterations because it is fast.
std::string LegacyPinHash(std::string_view pin, std::string_view salt_hex,
                          int iterations = kLegacyPinIterations);
// Whether `stored` has a shape either writes (a config file check). An
// Argon2id form that would ask more than 256 MiB or 16 passes is refused:
// the kiosk could not check it.
bool StoredPinIsWellFormed(std::string_view stored);
// Whether `pin` matches a stored form; false for a malformed one. Slow
// (see above): never call it on the UI thread.
bool VerifyPin(std::string_view pin, std::string_view stored);

// What of the lock-out survives a restart: the wrong tries since the last
// right PIN, and the lock's end by the wall clock with its length.
struct PinLockoutRecord {
    int failures = 0;
    double locked_until = 0; // wall-clock seconds since 1970; 0: no lock
    double lock_seconds = 0; // how long that lock was when it began
    bool operator==(const PinLockoutRecord&) const = default;
};

// Wrong tries: the first kFreeTries are free, then each locks the pad for
// twice as long as the one before (30 s, 60 s, … at most 15 minutes), so a
// passer-by cannot guess four digits in a day. A right PIN resets it.
// `now` is the loop's monotonic clock.
class PinLockout {
  public:
    static constexpr int kFreeTries = 3;
    static constexpr double kFirstLockSeconds = 30;
    static constexpr double kLongestLockSeconds = 15 * 60;

    bool Locked(double now) const { return now < locked_until_; }
    double LockedUntil() const { return locked_until_; }
    int Failures() const { return failures_; }
    void Failed(double now);
    void Succeeded() { *this = PinLockout(); }

    // For the disk: `wall` is the wall clock at the moment `now`.
    PinLockoutRecord Record(double now, double wall) const;
    // Back from the disk. A Pi has no real-time clock, so the wall clock
    // may have jumped either way since the record was written: what is left
    // of the lock is clamped to [0, its length], so a jump can neither
    // lengthen the lock beyond its length nor shorten it below nothing.
    static PinLockout Restored(const PinLockoutRecord& record, double now, double wall);

  private:
    int failures_ = 0;
    double locked_until_ = 0;
    double lock_seconds_ = 0;
};

// The record as a few lines of text ("failures 3", "locked_until …",
// "lock_seconds 30"), and back; false when `text` is not one.
std::string FormatPinLockout(const PinLockoutRecord& record);
bool ParsePinLockout(std::string_view text, PinLockoutRecord* record);

} // namespace tapsheet
