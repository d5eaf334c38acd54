// What `tapsheet export` (CSV, JSON) wrote for a results file, parsed, and
// compared with the run's ground truth.
#pragma once

#include "app/core/content.h"
#include "tests/e2e/truth.h"

#include <map>
#include <string>
#include <vector>

namespace tapsheet::e2e {

// One export row: column name to value (JSON numbers and booleans as text).
using ExportRow = std::map<std::string, std::string>;

// RFC 4180 CSV with a header row; empty with *error set when malformed.
std::vector<ExportRow> ParseCsv(const std::string& text, std::string* error);
// A JSON array of flat objects (strings, numbers, booleans, null).
std::vector<ExportRow> ParseJsonRows(const std::string& text, std::string* error);

// The export's rows against the truth: visits in the order they began, each
// with its language, status, pack and exactly the answers the script left.
std::vector<std::string> CompareExport(const std::vector<ExportRow>& rows, const Pack& pack,
                                       const Truth& truth);

} // namespace tapsheet::e2e
