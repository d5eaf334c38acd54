// From the report's figures to its charts and tables (report.h): which
// bars a poll, the sheet and the domains have, in the pack's order and
// words, and how the visits fall over the day. Shared by report.cpp (the
// HTML) and the standalone SVG files.
#pragma once

#include "app/report/report.h"
#include "app/report/report_svg.h"

#include <string>
#include <string_view>
#include <vector>

namespace tapsheet::report {

struct Words {
    const Pack& pack;
    std::string lang;
    const std::string& T(const LocalText& text) const { return text.Get(lang); }
};

std::string Answered(const Words& words, int respondents); // "12 people answered"
// A step's heading: a poll's question, or another step's short title.
std::string StepHeading(const Words& words, const Step& step);

// Items with counts that the pack does not list (answers given under an
// earlier version of the content), so no answer silently disappears.
std::vector<std::string> UnknownItems(const StepTally* counts, const std::vector<std::string>& known);
std::vector<std::string> SheetItemIds(const SheetStep& sheet);

// The count a benefit of the pack needs to stand out (StandOutThreshold).
int TopThreshold(const Step& sheet, const StepTally* counts);

BarChart PollChart(const Words& words, const Step& step, const StepTally* counts);
BarChart SheetChart(const Words& words, const Step& step, const ReportFacts& facts);
BarChart DomainsChart(const Words& words, const Step& step, const StepTally* counts);

// Visits by start time, counted and filtered, in bins of a round number of
// minutes chosen so the day fits in at most 36 bars. *bin_minutes: the bin.
Timeline VisitsTimeline(const Words& words, const ReportFacts& facts, int* bin_minutes);

} // namespace tapsheet::report
