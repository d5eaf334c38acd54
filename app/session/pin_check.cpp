#include "app/session/pin_check.h"

#include "app/store/durable_file.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace tapsheet {

std::string PinLockoutFile(const std::string& db_path) {
    return (std::filesystem::path(db_path).parent_path() / "pin-lockout.txt").string();
}

bool LoadPinLockout(const std::string& path, PinLockoutRecord* record, std::string* error) {
    *record = PinLockoutRecord{};
    std::error_code status;
    const bool there = std::filesystem::exists(path, status);
    if (status) return *error = "cannot read " + path + ": " + status.message(), false;
    if (!there) return true;
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    if (file && ParsePinLockout(text.str(), record)) return true;
    *record = PinLockoutRecord{};
    return *error = "cannot read " + path + " (not a PIN lock-out record)", false;
}

bool SavePinLockout(const std::string& path, const PinLockoutRecord& record, std::string* error) {
    return ReplaceFileDurably(path, FormatPinLockout(record), DurableFileOptions{}, error);
}

double WallSeconds() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

PinCheckResult CheckPin(const PinCheckJob& job) {
    PinCheckResult result;
    const bool on_disk = !job.lockout_path.empty();
    if (on_disk) SavePinLockout(job.lockout_path, job.failed, &result.error);
    result.right = !job.stored_hash.empty() && VerifyPin(job.pin, job.stored_hash);
    std::string reset_error;
    if (result.right && on_disk && !SavePinLockout(job.lockout_path, PinLockoutRecord{}, &reset_error) &&
        result.error.empty())
        result.error = reset_error;
    return result;
}

} // namespace tapsheet
