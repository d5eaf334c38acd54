// Every table a content pack may hold and the keys each allows, as the
// loader checks them: the one list docs/content-packs.md is checked
// against (tests/core/pack_keys_test.cpp), so the organisers' reference
// cannot fall behind the loader.
#pragma once

#include <string_view>
#include <vector>

namespace tapsheet {

struct PackKey {
    std::string_view key;
    std::string_view fallback; // [ui], [board], [report]: the English default; else empty
};

struct PackTable {
    std::string_view heading; // its section's heading in docs/content-packs.md, after "### "
    std::vector<PackKey> keys;
};

std::vector<PackTable> PackTables();

// The values `kind` (of a step) and `place` (of a sheet group) take.
std::vector<std::string_view> StepKinds();
std::vector<std::string_view> SheetPlaces();

} // namespace tapsheet
