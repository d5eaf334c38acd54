// What the benchmarks share: a median/p99/max summary and removing a
// database with its WAL files.
#pragma once

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

namespace tapsheet::bench {

struct Figures {
    double median = 0, p99 = 0, max = 0;
};

inline Figures Summarise(std::vector<double> values) {
    Figures figures;
    if (values.empty()) return figures;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    figures.median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    figures.p99 = values[std::min(n - 1, (n * 99 + 99) / 100 - 1)];
    figures.max = values.back();
    return figures;
}

inline double MsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

inline void RemoveDatabase(const std::string& path) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix, ignored);
}

} // namespace tapsheet::bench
