// SHA-256 (FIPS 180-4), small and dependency-free: the pack's hash is stored
// with every result so an export says exactly which wording people answered.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tapsheet {

class Sha256 {
  public:
    Sha256();
    void Update(std::string_view bytes);
    std::array<std::uint8_t, 32> Finish(); // call once; the object is spent after it

  private:
    void Compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> state_;
    std::array<std::uint8_t, 64> buffer_;
    std::size_t buffered_ = 0;
    std::uint64_t total_bytes_ = 0;
};

// Lower-case hex of the SHA-256 of `bytes` (64 characters).
std::string Sha256Hex(std::string_view bytes);

} // namespace tapsheet
