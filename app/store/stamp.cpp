#include "app/store/stamp.h"
#include "app/store/store.h"

#include <cstdint>
#include <cstdio>
#include <ctime>
#include <random>

namespace tapsheet {

std::string UtcStamp(std::chrono::system_clock::time_point when) {
    using namespace std::chrono;
    const auto ms = duration_cast<milliseconds>(when.time_since_epoch()).count();
    // Floor division, so instants before 1970 would still format correctly.
    std::int64_t seconds = ms / 1000;
    std::int64_t millis = ms % 1000;
    if (millis < 0) {
        millis += 1000;
        seconds -= 1;
    }
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char text[64]; // room for any int year, which -Wformat-truncation checks
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                  utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>(millis));
    return text;
}

std::string NewVisitId() {
    // A fresh random_device per call: no hidden state shared between threads,
    // and visit ids are rare enough that the cost does not matter.
    std::random_device device;
    std::string id;
    id.reserve(32);
    for (int word = 0; word < 4; ++word) {
        const std::uint32_t bits = static_cast<std::uint32_t>(device());
        char hex[9];
        std::snprintf(hex, sizeof hex, "%08x", bits);
        id += hex;
    }
    return id;
}

} // namespace tapsheet
