// Timestamps as stored: ISO-8601 UTC with milliseconds, "2024-04-11T09:30:05.123Z".
#pragma once

#include <chrono>
#include <string>

namespace tapsheet {

std::string UtcStamp(std::chrono::system_clock::time_point when);
inline std::string UtcStampNow() {
    return UtcStamp(std::chrono::system_clock::now());
}

} // namespace tapsheet
