#include "app/core/admin_pin.h"

#include "app/core/sha256.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <random>
#include <vector>

namespace tapsheet {
namespace {

constexpr std::string_view kScheme = "pin-sha256";

std::string Hex(const std::array<std::uint8_t, 32>& bytes) {
    const char* digits = "0123456789abcdef";
    std::string hex;
    for (std::uint8_t byte : bytes) {
        hex += digits[byte >> 4];
        hex += digits[byte & 15];
    }
    return hex;
}

std::vector<std::string_view> Split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t from = 0;
    for (std::size_t at; (at = text.find(separator, from)) != std::string_view::npos; from = at + 1)
        parts.push_back(text.substr(from, at - from));
    parts.push_back(text.substr(from));
    return parts;
}

// Compares without stopping at the first difference, so timing says nothing.
bool SameText(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    unsigned char difference = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

} // namespace

bool PinIsWellFormed(std::string_view pin) {
    return pin.size() >= 4 && pin.size() <= 8 &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string HashPin(std::string_view pin, std::string_view salt_hex, int iterations) {
    // Stretched: each round hashes the last with the salt and PIN again, so
    // trying all 10^4..10^8 PINs against a stolen config costs that much more.
    std::array<std::uint8_t, 32> digest{};
    for (int round = 0; round < iterations; ++round) {
        Sha256 hash;
        if (round > 0)
            hash.Update(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
        hash.Update(salt_hex);
        hash.Update(pin);
        digest = hash.Finish();
    }
    return std::string(kScheme) + "$" + std::to_string(iterations) + "$" + std::string(salt_hex) + "$" +
           Hex(digest);
}

std::string NewPinHash(std::string_view pin) {
    std::random_device device;
    std::array<std::uint8_t, 32> salt{};
    for (std::uint8_t& byte : salt)
        byte = static_cast<std::uint8_t>(device());
    return HashPin(pin, Hex(salt).substr(0, 32));
}

namespace {

bool IsHex(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

// The iteration count of a well-formed stored form, or 0.
int StoredIterations(const std::vector<std::string_view>& parts) {
    if (parts.size() != 4 || parts[0] != kScheme || !IsHex(parts[2]) || !IsHex(parts[3])) return 0;
    const std::string count(parts[1]);
    char* end = nullptr;
    const long iterations = std::strtol(count.c_str(), &end, 10);
    if (count.empty() || *end != '\0' || iterations < 1 || iterations > 10000000) return 0;
    return static_cast<int>(iterations);
}

} // namespace

bool StoredPinIsWellFormed(std::string_view stored) {
    const std::vector<std::string_view> parts = Split(stored, '$');
    return StoredIterations(parts) > 0 && parts[3].size() == 64; // a SHA-256 in hex
}

bool VerifyPin(std::string_view pin, std::string_view stored) {
    const std::vector<std::string_view> parts = Split(stored, '$');
    const int iterations = StoredIterations(parts);
    if (iterations == 0) return false;
    return SameText(HashPin(pin, parts[2], iterations), stored);
}

void PinLockout::Failed(double now) {
    ++failures_;
    if (failures_ < kFreeTries) return;
    const double lock =
        std::min(kLongestLockSeconds, kFirstLockSeconds * std::pow(2.0, failures_ - kFreeTries));
    locked_until_ = now + lock;
}

} // namespace tapsheet
