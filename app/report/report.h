// `tapsheet report`: the results an organiser takes home, as one
// self-contained HTML file (inline CSS, inline SVG charts, no scripts) and
// each chart as its own SVG file. Pure generation from plain figures: the
// store counts (app/store/report_reader.h) by the board's rules, this only
// lays them out, so the same figures always make the same bytes. The figures
// are the board's own model (app/core/figures.h).
#pragma once

#include "app/core/content.h"
#include "app/core/figures.h"

#include <string>
#include <string_view>
#include <vector>

namespace tapsheet {

struct ReportChart {
    std::string file_name; // "poll-level.svg": step ids are safe file names
    std::string svg;       // standalone, with its title
};

struct Report {
    std::string html;
    std::vector<ReportChart> charts; // in the order the report shows them
};

// The report of `facts` in the words of `pack` (language `lang`, falling
// back to the pack's default for missing translations).
Report MakeReport(const Pack& pack, std::string_view lang, const ReportFacts& facts);

} // namespace tapsheet
