// The report's HTML parts that are more than a chart (report.cpp puts the
// page together): the sheet laid out like the board's sheet page, the
// cross-tabs, and the filtered visits.
#pragma once

#include "app/report/report_charts.h"

#include <string>

namespace tapsheet::report {

// The CSS of the page: inline, no fonts or images to fetch, prints in colour.
const char* PageStyle();

// The sheet: the project box (approved project names) between the groups
// placed left and right, the bottom groups under them, then the approved
// own benefits; each benefit with its count, share and a bar; the three
// most marked framed and bold. Pending and rejected text is only counted.
std::string SheetHtml(const Words& words, const Step& step, const ReportFacts& facts);

// One table per poll: a column for everyone and one for each answer, rows
// for the sheet's most marked benefits and each domain's focus and least.
// Empty when there is no poll or nothing to compare it with.
std::string CrossHtml(const Words& words, const ReportFacts& facts);

// How many visits anti-stuffing filtered out, and a table of them.
std::string FilteredHtml(const Words& words, const ReportFacts& facts);

} // namespace tapsheet::report
