// What `tapsheet report` reads (ReportFacts, app/core/figures.h; laid out by
// app/report/report.h): the visits one by one (for the totals, the times and
// the filtered list), the content pack to
// label them with, and the counts by the board's own rules (TallyReader),
// overall and for each poll answer. Read-only connections: a mistyped path
// never leaves an empty database behind.
#pragma once

#include "app/core/figures.h"

#include <string>
#include <utility>
#include <vector>

namespace tapsheet {

struct ReportVisits {
    std::vector<ReportVisit> visits; // every visit of the round(s), by start time then id
    int packs_used = 0;              // distinct packs those visits were given
    std::string pack_hash;           // the pack of the latest visit, else the latest stored one
    std::string pack_text;           // its TOML as stored; empty when the file holds no pack
    std::vector<std::string> kiosks; // distinct kiosk ids of those visits, sorted
    int left_out = 0;                // visits of the file not as a kiosk writes them: not reported
};

// round 0: every round. false with *error naming the file when it cannot be read.
bool ReadReportVisits(const std::string& db_path, int round, ReportVisits* out, std::string* error);

// Fills facts->steps, facts->texts and one facts->crosses entry per
// (poll step, option) in `cross_by`. Counts leave out filtered visits.
bool ReadReportCounts(const std::string& db_path, int round,
                      const std::vector<std::pair<std::string, std::string>>& cross_by, ReportFacts* facts,
                      std::string* error);

} // namespace tapsheet
