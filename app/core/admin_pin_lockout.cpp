// PinLockout (app/core/admin_pin.h): the wrong tries, and their record on disk.
#include "app/core/admin_pin.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace tapsheet {

void PinLockout::Failed(double now) {
    ++failures_;
    if (failures_ < kFreeTries) return;
    lock_seconds_ = std::min(kLongestLockSeconds, kFirstLockSeconds * std::pow(2.0, failures_ - kFreeTries));
    locked_until_ = now + lock_seconds_;
}

PinLockoutRecord PinLockout::Record(double now, double wall) const {
    PinLockoutRecord record;
    record.failures = failures_;
    if (Locked(now)) {
        record.locked_until = wall + (locked_until_ - now);
        record.lock_seconds = lock_seconds_;
    }
    return record;
}

PinLockout PinLockout::Restored(const PinLockoutRecord& record, double now, double wall) {
    PinLockout lockout;
    lockout.failures_ = std::max(0, record.failures);
    const double length = std::clamp(record.lock_seconds, 0.0, kLongestLockSeconds);
    const double left = std::clamp(record.locked_until - wall, 0.0, length);
    if (left > 0) {
        lockout.lock_seconds_ = length;
        lockout.locked_until_ = now + left;
    }
    return lockout;
}

std::string FormatPinLockout(const PinLockoutRecord& record) {
    char text[200];
    std::snprintf(text, sizeof text,
                  "# tapsheet: wrong admin PINs since the last right one, and the PIN pad's lock\n"
                  "failures %d\nlocked_until %.3f\nlock_seconds %.3f\n",
                  record.failures, record.locked_until, record.lock_seconds);
    return text;
}

bool ParsePinLockout(std::string_view text, PinLockoutRecord* record) {
    std::istringstream in{std::string(text)};
    PinLockoutRecord read;
    int fields = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream words(line);
        std::string key;
        words >> key;
        bool ok = false;
        if (key == "failures") ok = static_cast<bool>(words >> read.failures) && read.failures >= 0;
        if (key == "locked_until") ok = static_cast<bool>(words >> read.locked_until);
        if (key == "lock_seconds") ok = static_cast<bool>(words >> read.lock_seconds);
        if (!ok || !std::isfinite(read.locked_until) || !std::isfinite(read.lock_seconds)) return false;
        ++fields;
    }
    if (fields != 3) return false;
    *record = read;
    return true;
}

} // namespace tapsheet
