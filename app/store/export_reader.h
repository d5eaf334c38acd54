// What `tapsheet export` and reports read: every stored answer joined with
// its visit, and the text of every content pack the results were given
// under (so labels come from the pack the attendee actually saw).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace tapsheet {

struct ExportRow {
    std::string visit_id, kiosk_id, pack_hash, lang;
    int round = 1;
    std::string visit_status; // open, complete or abandoned
    bool filtered = false;    // flagged by anti-stuffing
    std::string visit_started_at;
    std::string step_id, item_id, value, answered_at;
    bool skipped = false; // the visit skipped step_id: no item or value; answered_at is when
};

struct ExportData {
    // Answers and skipped steps, by visit start, visit, step, item, value:
    // stable for golden files.
    std::vector<ExportRow> rows;
    std::vector<std::pair<std::string, std::string>> packs; // (hash, TOML text) of every pack used
    int left_out = 0;          // visits of the file not as a kiosk writes them (visit_rules.h): not exported
    std::size_t Skips() const; // rows that record a skipped step
    std::size_t Answers() const { return rows.size() - Skips(); }
};

// Reads with a read-only connection (never creates the file). round 0:
// every round. false with *error naming the file when it cannot be read.
bool ReadExport(const std::string& db_path, int round, ExportData* out, std::string* error);

} // namespace tapsheet
