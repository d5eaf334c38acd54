// Fuzz target for the content pack loader: whatever the bytes, LoadPackText
// returns (a pack or errors with positions) and never crashes, hangs or
// throws. Built as a libFuzzer target with clang (-DTAPSHEET_FUZZ=ON), and
// always as part of fuzz_loader_replay, which CI runs.
#include "app/core/loader.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    tapsheet::LoadResult result = tapsheet::LoadPackText(text, "fuzz.toml");
    // Either a pack or at least one error, never both, never neither.
    if (result.pack.has_value() == !result.errors.empty()) __builtin_trap();
    for (const tapsheet::LoadError& error : result.errors)
        if (error.message.empty()) __builtin_trap();
    return 0;
}
