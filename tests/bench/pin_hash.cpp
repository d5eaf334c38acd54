// What the admin PIN's hash costs (app/core/admin_pin.h): one check of the
// Argon2id form set-pin writes, one of the old iterated SHA-256 form
// (pin-sha256, 20,000 rounds) that configs in the field still hold, and for
// each what trying all 10,000 4-digit PINs against a stolen config would
// take on one core of this machine. Also the memory one Argon2id check
// holds (the growth of the process's peak resident size). Prints median,
// p99 and max. No pass/fail: timings depend on the machine.
//
// Usage: bench_pin_hash [--count N]
#include "app/core/admin_pin.h"
#include "bench_util.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <sys/resource.h>
#include <vector>

namespace {

using tapsheet::bench::Figures;
using tapsheet::bench::MsSince;
using tapsheet::bench::Summarise;

constexpr double kFourDigitPins = 10000;

long PeakKiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

double CpuMs() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

struct Timings {
    Figures wall, cpu; // the CPU time this thread spent: less moved by other programs on a shared machine
};

// Checks of a wrong PIN (what an attacker's guesses are), `count` times.
Timings TimeChecks(const std::string& stored, int count) {
    std::vector<double> wall, cpu;
    for (int i = 0; i < count; ++i) {
        const auto start = std::chrono::steady_clock::now();
        const double cpu_start = CpuMs();
        if (tapsheet::VerifyPin("0000", stored)) std::printf("  (the wrong PIN verified!)\n");
        cpu.push_back(CpuMs() - cpu_start);
        wall.push_back(MsSince(start));
    }
    return {Summarise(wall), Summarise(cpu)};
}

std::string Duration(double seconds) {
    char text[64];
    if (seconds < 120)
        std::snprintf(text, sizeof text, "%.0f s", seconds);
    else if (seconds < 2 * 3600)
        std::snprintf(text, sizeof text, "%.0f min", seconds / 60);
    else
        std::snprintf(text, sizeof text, "%.1f h", seconds / 3600);
    return text;
}

void Print(const char* name, const Timings& timings) {
    const Figures& wall = timings.wall;
    std::printf("  %-32s median %7.1f ms (CPU %7.1f ms)   p99 %7.1f ms   max %7.1f ms\n", name, wall.median,
                timings.cpu.median, wall.p99, wall.max);
    std::printf("  %-32s all 10,000 4-digit PINs on one core: %s\n", "",
                Duration(timings.cpu.median * kFourDigitPins / 1000).c_str());
}

} // namespace

int main(int argc, char** argv) {
    int count = 10;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--count") && i + 1 < argc)
            count = std::max(1, std::atoi(argv[++i]));
        else
            return std::fprintf(stderr, "usage: bench_pin_hash [--count N]\n"), 1;
    }
    const long before = PeakKiB();
    const std::string argon2id = tapsheet::NewPinHash("2468");
    if (argon2id.empty()) return std::fprintf(stderr, "libsodium could not hash\n"), 1;
    const Timings argon2id_figures = TimeChecks(argon2id, count);
    const long grew = PeakKiB() - before;
    const std::string legacy = tapsheet::LegacyPinHash("2468", "00112233445566778899aabbccddeeff");
    const Timings legacy_figures = TimeChecks(legacy, count * 4);
    std::printf("PIN check, %d wrong PINs each (%s)\n", count,
                argon2id.substr(0, argon2id.rfind('$', argon2id.rfind('$') - 1)).c_str());
    Print("Argon2id (set-pin writes)", argon2id_figures);
    Print("pin-sha256, 20,000 rounds (old)", legacy_figures);
    std::printf("  Argon2id's peak memory: %.1f MiB more resident while hashing (asked: %zu MiB)\n",
                grew / 1024.0, tapsheet::kPinMemLimit >> 20);
    return 0;
}
