// What `tapsheet report` (HTML) wrote for a results file, parsed, and
// compared with the run's ground truth.
#pragma once

#include "app/core/content.h"
#include "tests/e2e/truth.h"

#include <set>
#include <string>
#include <vector>

namespace tapsheet::e2e {

// The report's figures against the truth: totals, each poll's and the
// domains' bars, the sheet's chips (with approved free text), the
// comparisons by poll answer; unapproved free text never quoted.
// `approved`: free texts a facilitator approved.
std::vector<std::string> CompareReport(const std::string& html, const Pack& pack, const std::string& lang,
                                       const Truth& truth, const std::set<std::string>& approved);

} // namespace tapsheet::e2e
