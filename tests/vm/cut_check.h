// After a power cut: the guest's results file (its boot-time copy) against
// what the host tapped before. Each visit's project name is its marker
// (two letters the script typed), so a visit is found whatever the order
// or the ids. A visit whose thank-you screen was seen (the truth's
// "complete") must be there, complete, with exactly its answers; the one
// the cut interrupted may be there or not; no visit may be there that was
// never tapped, and none twice.
#pragma once

#include "tests/e2e/truth.h"

#include <filesystem>
#include <string>
#include <vector>

namespace tapsheet::vm {

struct CutCheck {
    std::vector<std::string> problems; // empty: every answer it should have is there
    int thanked = 0;                   // visits with a thank-you screen seen, all found
    int interrupted_kept = 0;          // interrupted visits with some answers in the file
};

CutCheck CheckResults(const std::filesystem::path& db, const e2e::Truth& truth);

} // namespace tapsheet::vm
