// The report page, top to bottom: the event and its dates, the totals,
// each poll, sheet and domains step in the pack's order, the visits over
// the day, the filtered visits and the cross-tabs.
#include "app/report/report.h"

#include "app/report/report_charts.h"
#include "app/report/report_html.h"
#include "app/report/report_text.h"

#include <algorithm>

namespace tapsheet {

namespace {

using report::Escape;
using report::Thousands;

int CountedVisits(const ReportFacts& facts, bool completed_only) {
    int n = 0;
    for (const ReportVisit& visit : facts.visits)
        n += !visit.filtered && (!completed_only || visit.status == "complete");
    return n;
}

int QuestionsAnswered(const ReportFacts& facts) {
    int n = 0;
    for (const ReportVisit& visit : facts.visits)
        n += visit.filtered ? 0 : visit.steps_answered;
    return n;
}

// "2024-04-11 09:00" to "10:00", or a full date on both sides when they differ.
std::string DatesLine(const report::Words& words, const ReportFacts& facts) {
    long long first = 0, last = 0;
    bool any = false;
    for (const ReportVisit& visit : facts.visits) {
        long long minute = 0;
        if (!report::LocalMinutes(visit.started_at, facts.utc_offset_minutes, &minute)) continue;
        first = any ? std::min(first, minute) : minute;
        last = any ? std::max(last, minute) : minute;
        any = true;
    }
    if (!any) return words.T(words.pack.report.no_visits);
    const bool same_day = report::DateOf(first) == report::DateOf(last);
    std::string line = report::Fill(words.T(words.pack.report.dates), "from",
                                    report::DateOf(first) + " " + report::ClockOf(first));
    line = report::Fill(line, "to", (same_day ? "" : report::DateOf(last) + " ") + report::ClockOf(last));
    return report::Fill(line, "zone", report::ZoneName(facts.utc_offset_minutes));
}

std::string RoundLine(const report::Words& words, const ReportFacts& facts) {
    if (facts.round == 0) return words.T(words.pack.board.all_rounds);
    return report::Fill(words.T(words.pack.board.round), "n", std::to_string(facts.round));
}

std::string HeaderHtml(const report::Words& words, const ReportFacts& facts) {
    const ReportStrings& text = words.pack.report;
    std::string html = "<header>\n<p class=\"eyebrow\">" + Escape(words.T(text.heading)) + " · " +
                       Escape(RoundLine(words, facts)) + "</p>\n<h1>" + Escape(words.T(words.pack.title)) +
                       "</h1>\n";
    if (!words.pack.subtitle.Empty())
        html += "<p class=\"subtitle\">" + Escape(words.T(words.pack.subtitle)) + "</p>\n";
    html += "<p>" + Escape(DatesLine(words, facts)) + "</p>\n";
    if (facts.packs_used > 1)
        html += "<p class=\"muted\">" +
                Escape(report::Fill(words.T(text.several_packs), "n", std::to_string(facts.packs_used))) +
                "</p>\n";
    return html + "</header>\n";
}

std::string Tile(const std::string& label, int value) {
    return "<div class=\"tile\"><b>" + Thousands(value) + "</b>" + Escape(label) + "</div>\n";
}

std::string TotalsHtml(const report::Words& words, const ReportFacts& facts) {
    const ReportStrings& text = words.pack.report;
    int filtered = 0;
    for (const ReportVisit& visit : facts.visits)
        filtered += visit.filtered;
    return "<section class=\"totals\">\n" + Tile(words.T(text.visits), CountedVisits(facts, false)) +
           Tile(words.T(words.pack.board.completed), CountedVisits(facts, true)) +
           Tile(words.T(text.answers), QuestionsAnswered(facts)) +
           Tile(words.T(words.pack.board.filtered), filtered) + "</section>\n";
}

// A step's section opening: a poll's title over its question; another
// step's title over its instructions.
std::string StepOpening(const report::Words& words, const Step& step) {
    const std::string heading = report::StepHeading(words, step);
    const LocalText& other = step.kind == StepKind::Poll ? step.title : step.prompt;
    std::string html = "<section id=\"step-" + Escape(step.id) + "\">\n";
    if (step.kind == StepKind::Poll && !other.Empty())
        html += "<p class=\"eyebrow\">" + Escape(words.T(other)) + "</p>\n";
    html += "<h2>" + Escape(heading) + "</h2>\n";
    if (step.kind != StepKind::Poll && !other.Empty() && words.T(other) != heading)
        html += "<p class=\"muted\">" + Escape(words.T(other)) + "</p>\n";
    return html;
}

void AddChart(Report* out, const std::string& file_name, const std::string& svg) {
    out->charts.push_back({file_name, svg});
}

std::string StepsHtml(const report::Words& words, const ReportFacts& facts, Report* out) {
    std::string html;
    for (const Step& step : words.pack.steps) {
        if (step.kind == StepKind::Poll) {
            const report::BarChart chart = report::PollChart(words, step, facts.Step(step.id));
            html += StepOpening(words, step) + report::BarChartSvg(chart, false) + "</section>\n";
            AddChart(out, chart.id + ".svg", report::BarChartSvg(chart, true));
        } else if (step.kind == StepKind::Sheet) {
            html += StepOpening(words, step) + report::SheetHtml(words, step, facts) + "</section>\n";
            const report::BarChart chart = report::SheetChart(words, step, facts);
            AddChart(out, chart.id + ".svg", report::BarChartSvg(chart, true));
        } else if (step.kind == StepKind::Domains) {
            const report::BarChart chart = report::DomainsChart(words, step, facts.Step(step.id));
            html += StepOpening(words, step) + report::BarChartSvg(chart, false) + "</section>\n";
            AddChart(out, chart.id + ".svg", report::BarChartSvg(chart, true));
        }
    }
    return html;
}

std::string TimelineHtml(const report::Words& words, const ReportFacts& facts, Report* out) {
    std::string html = "<section>\n<h2>" + Escape(words.T(words.pack.report.timeline)) + "</h2>\n";
    if (facts.visits.empty())
        return html + "<p>" + Escape(words.T(words.pack.report.no_visits)) + "</p>\n</section>\n";
    int bin_minutes = 0;
    const report::Timeline timeline = report::VisitsTimeline(words, facts, &bin_minutes);
    AddChart(out, "visits.svg", report::TimelineSvg(timeline, true));
    return html + report::TimelineSvg(timeline, false) + "</section>\n";
}

} // namespace

Report MakeReport(const Pack& pack, std::string_view lang, const ReportFacts& facts) {
    const report::Words words{pack, std::string(lang)};
    Report out;
    std::string body = HeaderHtml(words, facts) + TotalsHtml(words, facts);
    body += StepsHtml(words, facts, &out);
    body += TimelineHtml(words, facts, &out);
    body += report::FilteredHtml(words, facts);
    body += report::CrossHtml(words, facts); // the longest part, and the most detailed: last
    out.html = "<!DOCTYPE html>\n<html lang=\"" + Escape(lang) +
               "\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
               Escape(words.T(pack.title) + " · " + words.T(pack.report.heading)) + "</title>\n<style>\n" +
               report::PageStyle() + "</style>\n</head>\n<body>\n<main>\n" + body + "<footer>" +
               Escape(words.T(pack.report.footer)) + "</footer>\n</main>\n</body>\n</html>\n";
    return out;
}

} // namespace tapsheet
