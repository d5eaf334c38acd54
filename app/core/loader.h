// Loads a content pack from TOML. Every problem names file, line and column;
// a bad pack never half-loads.
#pragma once

#include "app/core/content.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tapsheet {

struct LoadError {
    std::string file;
    int line = 0;   // 1-based; 0 when the problem is the file as a whole
    int column = 0; // 1-based
    std::string message;

    std::string ToString() const; // "file:line:column: message"
};

struct LoadResult {
    std::optional<Pack> pack;      // set only when errors is empty
    std::vector<LoadError> errors; // all problems found, in file order
};

LoadResult LoadPackFile(const std::string& path);
LoadResult LoadPackText(std::string_view text, const std::string& file_name);

} // namespace tapsheet
