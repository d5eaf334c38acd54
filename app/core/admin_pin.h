// The admin PIN that opens the kiosk's staff panel (issue 4). It is never
// stored: only a salted, stretched hash, in the config file, written by
// `tapsheet set-pin` as
//   pin-sha256$<iterations>$<salt, hex>$<hash, hex>
// and wrong tries lock the PIN pad for a growing time.
#pragma once

#include <string>
#include <string_view>

namespace tapsheet {

inline constexpr int kPinIterations = 20000; // ~20 ms here, a few times that on a Pi: once per try

// 4 to 8 digits: what a PIN pad can enter.
bool PinIsWellFormed(std::string_view pin);

// The stored form for `pin` with `salt_hex` (tests pass a fixed salt).
std::string HashPin(std::string_view pin, std::string_view salt_hex, int iterations = kPinIterations);
// The same with 16 random bytes of salt.
std::string NewPinHash(std::string_view pin);
// Whether `stored` has the shape HashPin writes (a config file check).
bool StoredPinIsWellFormed(std::string_view stored);
// Whether `pin` matches a stored form; false for a malformed one.
bool VerifyPin(std::string_view pin, std::string_view stored);

// Wrong tries: the first kFreeTries are free, then each locks the pad for
// twice as long as the one before (30 s, 60 s, … at most 15 minutes), so a
// passer-by cannot guess four digits in a day. A right PIN resets it.
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

  private:
    int failures_ = 0;
    double locked_until_ = 0;
};

} // namespace tapsheet
