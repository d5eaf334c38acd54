// Results written to files: the export (export_run.cpp), the report
// (report_run.cpp), and both at once for the kiosk's admin panel, which puts
// everything on a USB stick with one call (WriteResultsTo).
#pragma once

#include "app/report/report.h"
#include "app/store/export_reader.h"

#include <chrono>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace tapsheet {

// The export's rows as "csv" (RFC 4180) or "json", labels from each
// visit's stored pack (export_run.cpp).
void WriteExport(std::ostream& out, const std::string& format, const ExportData& data);

// Writes PATH.partial, flushes it to the disk, then renames it to PATH: a
// half-written file never sits under the asked name, even on a USB stick
// pulled out early. false with *error naming the file.
bool WriteAtomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                     std::string* error);
bool WriteAtomically(const std::string& path, const std::string& content, std::string* error);

struct ReportRun {
    Report report;
    int visits = 0;                  // every visit reported, filtered too
    std::vector<std::string> kiosks; // distinct kiosk ids among them
    int left_out = 0;                // visits not as a kiosk writes them, left out (visit_rules.h)
};

// The report of round `round` (0: every round) of the database, in
// language `lang` (empty: the pack's first), labelled with the pack of its
// latest visit (report_run.cpp). Times are shown in the machine's local zone
// (TZ), as it was at the first visit.
bool MakeReportFor(const std::string& db_path, int round, const std::string& lang, ReportRun* out,
                   std::string* error);

// Writes results.csv, results.json and report.html (every round, the pack's
// first language) into a new folder DIR/tapsheet-<kiosk>-<yyyymmdd-hhmm>
// (-2, -3… when that exists), so an earlier export on the same stick is
// never overwritten. The folder is filled as <name>.partial and renamed
// once every file is on the disk. *written_summary: what went where, for
// the admin panel to show.
bool WriteResultsTo(const std::string& dir, const std::string& db_path, std::string* written_summary,
                    std::string* error);
// The same at a given time (tests).
bool WriteResultsTo(const std::string& dir, const std::string& db_path,
                    std::chrono::system_clock::time_point now, std::string* written_summary,
                    std::string* error);

} // namespace tapsheet
