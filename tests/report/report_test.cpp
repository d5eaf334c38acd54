// The report's pure parts: escaping, figures, bar geometry, times, and
// whole pages from hand-made figures (empty, a poll nobody answered,
// moderated free text).
#include "app/core/loader.h"
#include "app/report/report.h"
#include "app/report/report_charts.h"
#include "app/report/report_svg.h"
#include "app/report/report_text.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

namespace tapsheet {
namespace {

using namespace report;

constexpr const char* kPack = R"toml(
id = "report-test"
title = "Fish & <Chips> \"day\""
languages = [{ code = "en", name = "English" }, { code = "cy", name = "Cymraeg" }]

[board]
answered = { en = "{n} people answered", cy = "{n} wedi ateb" }

[report]
visits = { en = "Visits", cy = "Ymweliadau" }

[[steps]]
id = "level"
kind = "poll"
prompt = "Which level?"
options = [
    { id = "system", label = "System" },
    { id = "team", label = { en = "Team", cy = "Tîm ŵ" } },
]

[[steps]]
id = "empty"
kind = "poll"
prompt = "Nobody answered this"
multi = true
options = [{ id = "a", label = "A" }, { id = "b", label = "B" }]

[[steps]]
id = "benefits"
kind = "sheet"
prompt = "Mark all that apply"
project_prompt = "Your project:"
allow_own = true
own_prompt = "Add your own"

[[steps.groups]]
id = "patients"
title = "Patients"
place = "left"
items = [{ id = "safety", label = "Safety" }, { id = "access", label = "Access" }]
)toml";

Pack TestPack() {
    LoadResult loaded = LoadPackText(kPack, "report_test.toml");
    EXPECT_TRUE(loaded.pack) << (loaded.errors.empty() ? "" : loaded.errors.front().ToString());
    return loaded.pack ? *loaded.pack : Pack();
}

int Occurrences(const std::string& text, const std::string& part) {
    int n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++n;
    return n;
}

TEST(ReportText, EscapesMarkupAndKeepsWelsh) {
    EXPECT_EQ(Escape("<a href=\"x\">Tom & Jerry's</a>"),
              "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    EXPECT_EQ(Escape("Gwell gofal ŵyr, ŷ, ẁ, á"), "Gwell gofal ŵyr, ŷ, ẁ, á");
    EXPECT_EQ(Escape(std::string("a\x01"
                                 "b\x1f"
                                 "c\td\ne")),
              "abc\td\ne")
        << "no XML-invalid bytes";
    EXPECT_EQ(Escape("&amp;"), "&amp;amp;") << "escaped once more, never left as is";
}

TEST(ReportText, FiguresAndPercentages) {
    EXPECT_EQ(Thousands(0), "0");
    EXPECT_EQ(Thousands(1234567), "1,234,567");
    EXPECT_EQ(Percent(1, 3), 33);
    EXPECT_EQ(Percent(2, 3), 67);
    EXPECT_EQ(Percent(1, 8), 13) << "12.5 rounds up";
    EXPECT_EQ(Percent(5, 0), 0);
    EXPECT_EQ(Figure(7, 12), "7 (58%)");
    EXPECT_EQ(Figure(0, 0), "0") << "no percentage of nobody";
    EXPECT_DOUBLE_EQ(Fraction(3, 4), 0.75);
    EXPECT_DOUBLE_EQ(Fraction(5, 0), 0);
    EXPECT_EQ(Fill("{n} of {n} ({m})", "n", "2"), "2 of 2 ({m})");
}

TEST(ReportText, WrapsLongLabelsAtSpaces) {
    const std::string label = "Create the enabling conditions for improvement in every team";
    const std::vector<std::string> lines = WrapText(label, 20);
    ASSERT_GT(lines.size(), 1u);
    std::string joined;
    for (const std::string& line : lines) {
        EXPECT_LE(TextEm(line), 20) << line;
        joined += (joined.empty() ? "" : " ") + line;
    }
    EXPECT_EQ(joined, label);
    EXPECT_EQ(WrapText("Supercalifragilistic", 3).size(), 1u) << "a long word stands alone";
    EXPECT_EQ(WrapText("", 10), std::vector<std::string>{""});
    EXPECT_LT(TextEm("ŵŵŵ"), TextEm("www")) << "UTF-8 letters counted once, not per byte";
}

TEST(ReportText, LocalTimes) {
    long long minutes = 0;
    ASSERT_TRUE(LocalMinutes("2024-04-11T23:30:00.000Z", 60, &minutes));
    EXPECT_EQ(DateOf(minutes), "2024-04-12") << "BST: past midnight";
    EXPECT_EQ(ClockOf(minutes), "00:30");
    ASSERT_TRUE(LocalMinutes("2024-02-29T09:05:59.999Z", 0, &minutes));
    EXPECT_EQ(DateOf(minutes) + " " + ClockOf(minutes), "2024-02-29 09:05");
    EXPECT_FALSE(LocalMinutes("yesterday", 0, &minutes));
    EXPECT_FALSE(LocalMinutes("2024-13-01T00:00:00Z", 0, &minutes));
    EXPECT_EQ(ZoneName(0), "UTC");
    EXPECT_EQ(ZoneName(60), "UTC+01:00");
    EXPECT_EQ(ZoneName(-330), "UTC-05:30");
}

TEST(ReportSvg, BarLengthIsTheShareOfTheTrack) {
    EXPECT_DOUBLE_EQ(BarLength(0), 0);
    EXPECT_DOUBLE_EQ(BarLength(0.75), 0.75 * kTrackWidth);
    EXPECT_DOUBLE_EQ(BarLength(1), kTrackWidth);
    EXPECT_DOUBLE_EQ(BarLength(1.5), kTrackWidth) << "clamped";
    EXPECT_DOUBLE_EQ(BarLength(1e-6), kMinBar) << "one answer among many still shows";
    EXPECT_LT(kPad + kTrackWidth + kFigureWidth, kChartWidth) << "figures beside the track";
}

TEST(ReportSvg, PollBarsCarryCountsAndPercentages) {
    const Pack pack = TestPack();
    const Words words{pack, "en"};
    const StepTally counts{"level", 4, {{"system", "", 3}, {"team", "", 1}, {"gone", "", 1}}};
    const BarChart chart = PollChart(words, *pack.FindStep("level"), &counts);
    ASSERT_EQ(chart.groups.size(), 1u);
    const std::vector<Bar>& bars = chart.groups.front().bars;
    ASSERT_EQ(bars.size(), 3u) << "an option the pack no longer lists still shows";
    EXPECT_EQ(bars[0].label, "System");
    EXPECT_DOUBLE_EQ(bars[0].fraction, 0.75);
    EXPECT_EQ(bars[0].figure, "3 (75%)");
    EXPECT_EQ(bars[1].figure, "1 (25%)");
    EXPECT_EQ(bars[2].label, "gone");
    EXPECT_EQ(chart.notes, std::vector<std::string>{"4 people answered"});
    const std::string svg = BarChartSvg(chart, false);
    // The 75% bar: kPad from the left, 0.75 of the track long.
    EXPECT_NE(svg.find("<rect x=\"12\" y=\""), std::string::npos);
    char width[32];
    std::snprintf(width, sizeof width, "width=\"%g\"", std::round(0.75 * kTrackWidth * 10) / 10);
    EXPECT_NE(svg.find(width), std::string::npos) << width << "\n" << svg;
    EXPECT_NE(svg.find(">3 (75%)</text>"), std::string::npos);
    EXPECT_EQ(svg.find("<?xml"), std::string::npos) << "inline markup has no XML declaration";
    EXPECT_EQ(svg.find(">Which level?</text>"), std::string::npos) << "the page has the heading";
    const std::string file = BarChartSvg(chart, true);
    EXPECT_EQ(file.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=", 0), 0u);
    EXPECT_NE(file.find(">Which level?</text>"), std::string::npos) << "a file carries its title";
}

TEST(ReportSvg, APollNobodyAnsweredDrawsEmptyTracks) {
    const Pack pack = TestPack();
    const Words words{pack, "en"};
    const BarChart chart = PollChart(words, *pack.FindStep("empty"), nullptr);
    EXPECT_EQ(chart.notes.front(), "No answers yet");
    EXPECT_EQ(chart.notes.size(), 2u) << "the multi-choice note";
    for (const Bar& bar : chart.groups.front().bars) {
        EXPECT_DOUBLE_EQ(bar.fraction, 0);
        EXPECT_EQ(bar.figure, "0");
    }
    const std::string svg = BarChartSvg(chart, false);
    EXPECT_EQ(svg.find("fill=\"#0b5fa5\""), std::string::npos) << "no filled bar";
    EXPECT_EQ(Occurrences(svg, "fill=\"#e4e4ea\""), 2) << "two empty tracks";
}

TEST(Report, EmptyFiguresMakeACompletePage) {
    const Pack pack = TestPack();
    const Report report = MakeReport(pack, "en", ReportFacts());
    EXPECT_EQ(report.html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
    EXPECT_NE(report.html.find("<h1>Fish &amp; &lt;Chips&gt; &quot;day&quot;</h1>"), std::string::npos);
    EXPECT_NE(report.html.find("No visits yet"), std::string::npos);
    EXPECT_NE(report.html.find("No visits were filtered out."), std::string::npos);
    EXPECT_EQ(report.html.find("Compared by poll answer"), std::string::npos) << "nothing to compare";
    EXPECT_NE(report.html.find("</html>\n"), std::string::npos);
    std::vector<std::string> files;
    for (const ReportChart& chart : report.charts)
        files.push_back(chart.file_name);
    EXPECT_EQ(files, (std::vector<std::string>{"poll-level.svg", "poll-empty.svg", "sheet-benefits.svg"}))
        << "no visits: no timeline";
    EXPECT_EQ(MakeReport(pack, "en", ReportFacts()).html, report.html) << "same figures, same bytes";
}

ReportFacts ModeratedFacts() {
    ReportFacts facts;
    facts.visits = {{"2024-04-11T09:00:00.000Z", "k", "complete", false, 3},
                    {"2024-04-11T09:20:00.000Z", "k", "abandoned", false, 1},
                    {"2024-04-11T09:21:00.000Z", "k", "complete", true, 3}};
    facts.steps = {{"level", 2, {{"system", "", 1}, {"team", "", 1}}},
                   {"benefits", 2, {{"safety", "", 2}, {"access", "", 1}}}};
    facts.crosses = {{"level", "system", 1, {{"benefits", 1, {{"safety", "", 1}}}}},
                     {"level", "team", 1, {{"benefits", 1, {{"safety", "", 1}, {"access", "", 1}}}}}};
    facts.texts = {{"benefits", "own", "<b>Approved</b> & ŵ", 2, "", Moderation::Approved},
                   {"benefits", "own", "Still pending", 1, "", Moderation::Pending},
                   {"benefits", "project", "Rejected name", 1, "", Moderation::Rejected},
                   {"benefits", "project", "Good project", 1, "", Moderation::Approved}};
    return facts;
}

TEST(Report, OnlyApprovedTextIsShownAndEscaped) {
    const Pack pack = TestPack();
    const Report report = MakeReport(pack, "en", ModeratedFacts());
    EXPECT_NE(report.html.find("&lt;b&gt;Approved&lt;/b&gt; &amp; ŵ"), std::string::npos);
    EXPECT_EQ(report.html.find("<b>Approved</b>"), std::string::npos);
    EXPECT_NE(report.html.find("<li>Good project</li>"), std::string::npos);
    EXPECT_EQ(report.html.find("Still pending"), std::string::npos);
    EXPECT_EQ(report.html.find("Rejected name"), std::string::npos);
    EXPECT_NE(report.html.find("Free text not shown: 1 awaiting approval, 1 rejected"), std::string::npos);
    for (const ReportChart& chart : report.charts) {
        EXPECT_EQ(chart.svg.find("Still pending"), std::string::npos) << chart.file_name;
        EXPECT_EQ(chart.svg.find("Rejected name"), std::string::npos) << chart.file_name;
    }
}

TEST(Report, TotalsTimelineAndCrossTabs) {
    const Pack pack = TestPack();
    const Report report = MakeReport(pack, "en", ModeratedFacts());
    const std::string& html = report.html;
    EXPECT_NE(html.find("<b>2</b>Visits"), std::string::npos) << "the filtered visit is not counted";
    EXPECT_NE(html.find("<b>1</b>Completed visits"), std::string::npos);
    EXPECT_NE(html.find("<b>4</b>Questions answered"), std::string::npos);
    EXPECT_NE(html.find("<b>1</b>Visits filtered out"), std::string::npos);
    EXPECT_NE(html.find("Visits from 2024-04-11 09:00 to 09:21 (UTC)"), std::string::npos);
    // Cross-tabs: one table per answer, that answer's visits against everyone's.
    EXPECT_EQ(Occurrences(html, "<caption>"), 2);
    EXPECT_NE(html.find("<tr><td>Safety</td><td>1 (100%)</td><td>2 (100%)</td></tr>"), std::string::npos);
    EXPECT_NE(html.find("<tr><td>Access</td><td>0 (0%)</td><td>1 (50%)</td></tr>"), std::string::npos);
    const ReportChart& timeline = report.charts.back();
    EXPECT_EQ(timeline.file_name, "visits.svg");
    EXPECT_NE(timeline.svg.find("Each bar is 5 minutes · UTC"), std::string::npos) << timeline.svg;
    EXPECT_NE(timeline.svg.find(">09:00</text>"), std::string::npos);
    EXPECT_NE(timeline.svg.find("url(#hatch-visits)"), std::string::npos) << "the filtered visit, hatched";
}

TEST(Report, TimelineBinsFitTheDay) {
    const Pack pack = TestPack();
    ReportFacts facts;
    facts.utc_offset_minutes = 60;
    facts.visits = {{"2024-04-11T07:10:00.000Z", "k", "complete", false, 1},
                    {"2024-04-11T15:50:00.000Z", "k", "complete", false, 1}};
    int bin = 0;
    const Timeline timeline = VisitsTimeline(Words{pack, "en"}, facts, &bin);
    EXPECT_EQ(bin, 15) << "8 h 40 min in at most 36 bars";
    ASSERT_FALSE(timeline.bins.empty());
    EXPECT_LE(timeline.bins.size(), 36u);
    EXPECT_EQ(timeline.bins.front().label, "08:00") << "local time, from the bin's round start";
    EXPECT_EQ(timeline.bins.front().counted, 1);
    EXPECT_EQ(timeline.bins.back().label, "16:45");
    EXPECT_EQ(timeline.bins.back().counted, 1);
}

// As on the board: "top" above the box and the sides, left and right either
// side of the box, "bottom" under them all.
TEST(Report, SheetGroupsWhereThePackPlacesThem) {
    std::string text = std::string(kPack) + R"toml(
[[steps.groups]]
id = "below"
title = "Bottom group"
place = "bottom"
items = [{ id = "waste", label = "Waste" }]

[[steps.groups]]
id = "above"
title = "Top group"
place = "top"
items = [{ id = "culture", label = "Culture" }]

[[steps.groups]]
id = "staff"
title = "Right group"
place = "right"
items = [{ id = "jobs", label = "Jobs" }]
)toml";
    LoadResult loaded = LoadPackText(text, "places.toml");
    ASSERT_TRUE(loaded.pack) << loaded.errors.front().ToString();
    const std::string html = MakeReport(*loaded.pack, "en", ModeratedFacts()).html;
    const std::size_t top = html.find("<h3>Top group</h3>");
    const std::size_t sheet = html.find("<div class=\"sheet\">");
    const std::size_t left = html.find("<h3>Patients</h3>");
    const std::size_t centre = html.find("<h3>Your project:</h3>");
    const std::size_t right = html.find("<h3>Right group</h3>");
    const std::size_t bottom = html.find("<h3>Bottom group</h3>");
    ASSERT_NE(top, std::string::npos);
    ASSERT_NE(bottom, std::string::npos);
    EXPECT_LT(top, sheet) << "top: above the box and the sides";
    EXPECT_LT(sheet, left);
    EXPECT_LT(left, centre);
    EXPECT_LT(centre, right);
    EXPECT_LT(right, bottom);
    EXPECT_NE(html.find("</div>\n<div class=\"group\"><h3>Bottom group</h3>"), std::string::npos)
        << "bottom: after the sheet's row closed";
}

TEST(Report, LabelsInTheChosenLanguage) {
    const Pack pack = TestPack();
    ReportFacts facts = ModeratedFacts();
    const Report welsh = MakeReport(pack, "cy", facts);
    EXPECT_NE(welsh.html.find("<html lang=\"cy\">"), std::string::npos);
    EXPECT_NE(welsh.html.find("Tîm ŵ"), std::string::npos);
    EXPECT_NE(welsh.html.find("<b>2</b>Ymweliadau"), std::string::npos);
    EXPECT_NE(welsh.charts.front().svg.find("2 wedi ateb"), std::string::npos);
    // Words the pack does not translate: tapsheet's own Welsh, not English.
    EXPECT_NE(welsh.html.find("Ymweliadau cyflawn"), std::string::npos);
    EXPECT_EQ(welsh.html.find("Completed visits"), std::string::npos);
}

} // namespace
} // namespace tapsheet
