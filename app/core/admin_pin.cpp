#include "app/core/admin_pin.h"

#include "app/core/sha256.h"

#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace tapsheet {
namespace {

constexpr std::string_view kLegacyScheme = "pin-sha256";
constexpr std::string_view kArgon2idPrefix = "$argon2id$";
constexpr unsigned long kMostKiB = 256u << 10; // 256 MiB: more would not fit beside a kiosk
constexpr unsigned long kMostPasses = 16;

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

bool IsHex(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

// The iteration count of a well-formed pin-sha256 form, or 0.
int LegacyIterations(const std::vector<std::string_view>& parts) {
    if (parts.size() != 4 || parts[0] != kLegacyScheme || !IsHex(parts[2]) || !IsHex(parts[3])) return 0;
    const std::string count(parts[1]);
    char* end = nullptr;
    const long iterations = std::strtol(count.c_str(), &end, 10);
    if (count.empty() || *end != '\0' || iterations < 1 || iterations > 10000000) return 0;
    return static_cast<int>(iterations);
}

bool LegacyWellFormed(std::string_view stored) {
    const std::vector<std::string_view> parts = Split(stored, '$');
    return LegacyIterations(parts) > 0 && parts[3].size() == 64; // a SHA-256 in hex
}

bool LegacyVerify(std::string_view pin, std::string_view stored) {
    const std::vector<std::string_view> parts = Split(stored, '$');
    const int iterations = LegacyIterations(parts);
    if (iterations == 0) return false;
    return SameText(LegacyPinHash(pin, parts[2], iterations), stored);
}

// libsodium decodes the string (its needs_rehash says -1 when it cannot);
// the cost it asks is read here to keep it within what a kiosk can pay.
bool Argon2idWellFormed(const std::string& stored) {
    if (stored.rfind(kArgon2idPrefix, 0) != 0 || stored.size() >= crypto_pwhash_STRBYTES) return false;
    if (sodium_init() < 0) return false;
    if (crypto_pwhash_str_needs_rehash(stored.c_str(), kPinOpsLimit, kPinMemLimit) < 0) return false;
    unsigned long version = 0, kib = 0, passes = 0, lanes = 0;
    if (std::sscanf(stored.c_str(), "$argon2id$v=%lu$m=%lu,t=%lu,p=%lu$", &version, &kib, &passes, &lanes) !=
        4)
        return false;
    return kib <= kMostKiB && passes <= kMostPasses && lanes == 1;
}

} // namespace

bool PinIsWellFormed(std::string_view pin) {
    return pin.size() >= 4 && pin.size() <= 8 &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string NewPinHash(std::string_view pin) {
    char stored[crypto_pwhash_STRBYTES] = {};
    if (sodium_init() < 0) return {};
    if (crypto_pwhash_str(stored, pin.data(), pin.size(), kPinOpsLimit, kPinMemLimit) != 0) return {};
    return stored;
}

std::string LegacyPinHash(std::string_view pin, std::string_view salt_hex, int iterations) {
    // Stretched: each round hashes the last with the salt and PIN again.
    std::array<std::uint8_t, 32> digest{};
    for (int round = 0; round < iterations; ++round) {
        Sha256 hash;
        if (round > 0)
            hash.Update(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
        hash.Update(salt_hex);
        hash.Update(pin);
        digest = hash.Finish();
    }
    return std::string(kLegacyScheme) + "$" + std::to_string(iterations) + "$" + std::string(salt_hex) + "$" +
           Hex(digest);
}

bool StoredPinIsWellFormed(std::string_view stored) {
    return LegacyWellFormed(stored) || Argon2idWellFormed(std::string(stored));
}

bool VerifyPin(std::string_view pin, std::string_view stored) {
    if (LegacyWellFormed(stored)) return LegacyVerify(pin, stored);
    const std::string argon2id(stored);
    if (!Argon2idWellFormed(argon2id)) return false;
    return crypto_pwhash_str_verify(argon2id.c_str(), pin.data(), pin.size()) == 0;
}

} // namespace tapsheet
