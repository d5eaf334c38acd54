// The report's charts as SVG (report.h): horizontal bars with their figures
// (polls, the sheet, the domains) and a histogram of visits over the day.
// Every style is a presentation attribute, so the same markup reads the
// same inline in the HTML and as a file of its own; labels are wrapped here
// because SVG text does not wrap. Colours are the board's colour-blind-safe
// pair, and the second series is hatched as well as coloured.
#pragma once

#include <string>
#include <vector>

namespace tapsheet::report {

struct Bar {
    std::string label;    // above the bar, wrapped; empty: the bar follows the previous one
    double fraction = 0;  // of the track, 0..1
    std::string figure;   // right of the bar: "7 (58%)"
    bool hatched = false; // the second series: "least attention", filtered visits
    bool strong = false;  // among the most marked: bold label and a marker
};

struct BarGroup {
    std::string title; // empty: no heading
    std::vector<Bar> bars;
};

struct LegendEntry {
    std::string label;
    bool hatched = false;
};

struct BarChart {
    std::string id;                 // unique in the report: names the hatch pattern
    std::string title;              // drawn in the standalone file only (the HTML has its heading)
    std::vector<std::string> notes; // under the title: "12 people answered", the multi-choice note
    std::vector<LegendEntry> legend;
    std::vector<BarGroup> groups;
};

struct TimeBin {
    std::string label; // "09:00": its start, shown under some bins
    int counted = 0;
    int filtered = 0;
};

struct Timeline {
    std::string id, title;
    std::vector<std::string> notes;
    std::vector<LegendEntry> legend; // counted, then filtered
    std::vector<TimeBin> bins;
};

// The geometry the tests check: charts are kChartWidth wide, and a bar of
// fraction f is f * kTrackWidth long (at least kMinBar when f > 0, so one
// vote among thousands still shows).
inline constexpr double kChartWidth = 440; // the page scales it: to 460 px at most, or a phone's width
inline constexpr double kPad = 12;
inline constexpr double kFigureWidth = 118;
inline constexpr double kTrackWidth = kChartWidth - 2 * kPad - kFigureWidth - 10;
inline constexpr double kMinBar = 2;
double BarLength(double fraction);

// standalone: an SVG file of its own (XML declaration, white background,
// the title drawn); otherwise markup to place inside HTML.
std::string BarChartSvg(const BarChart& chart, bool standalone);
std::string TimelineSvg(const Timeline& timeline, bool standalone);

} // namespace tapsheet::report
