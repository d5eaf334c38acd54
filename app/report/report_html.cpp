#include "app/report/report_html.h"
#include "app/core/answer.h"

#include "app/report/report_text.h"

#include <algorithm>
#include <cmath>

namespace tapsheet::report {

namespace {

constexpr int kTopBenefits = 5;         // rows of a cross-tab from the sheet
constexpr std::size_t kMaxListed = 100; // filtered visits listed one by one

struct Chip {
    std::string label;
    int count = 0;
    bool top = false;
};

std::string ChipHtml(const Chip& chip, int respondents) {
    // Tenths of a percent, written by hand: no locale's decimal comma. An
    // empty track for nobody; at least a sliver (CSS) for one mark among many.
    const long tenths = std::lround(Fraction(chip.count, respondents) * 1000);
    const std::string fill = chip.count > 0
                                 ? "<div class=\"fill\" style=\"width:" + std::to_string(tenths / 10) + "." +
                                       std::to_string(tenths % 10) + "%\"></div>"
                                 : "";
    return std::string("<div class=\"chip") + (chip.top ? " top" : "") + "\"><div>" + Escape(chip.label) +
           "</div><div class=\"row\"><div class=\"track\">" + fill + "</div><span class=\"n\">" +
           Escape(Figure(chip.count, respondents)) + "</span></div></div>\n";
}

std::string GroupHtml(const std::string& title, const std::vector<Chip>& chips, int respondents, bool grid) {
    std::string html =
        "<div class=\"group\"><h3>" + Escape(title) + "</h3>" + (grid ? "<div class=\"grid\">" : "");
    for (const Chip& chip : chips)
        html += ChipHtml(chip, respondents);
    return html + (grid ? "</div>" : "") + "</div>\n";
}

std::vector<Chip> GroupChips(const SheetGroup& group, const Words& words, const StepTally* counts, int top) {
    std::vector<Chip> chips;
    for (const Option& item : group.items) {
        const int count = counts ? counts->Count(item.id) : 0;
        chips.push_back({words.T(item.label), count, StandsOut(count, top)});
    }
    return chips;
}

std::string CentreHtml(const Words& words, const Step& step, const ReportFacts& facts) {
    std::string html =
        "<div class=\"col centre\"><h3>" + Escape(words.T(step.sheet.project_prompt)) + "</h3>";
    const std::vector<const FreeText*> names = PublicTexts(facts.texts, step.id, kProjectItem);
    if (names.empty()) return html + "<p class=\"muted\">–</p></div>\n";
    html += "<ul>";
    for (const FreeText* name : names)
        html += "<li>" + Escape(name->text) + (name->count > 1 ? " (" + Thousands(name->count) + ")" : "") +
                "</li>";
    return html + "</ul></div>\n";
}

std::string SideHtml(const char* side, const std::string& groups) {
    if (groups.empty()) return {};
    return std::string("<div class=\"col ") + side + "\">" + groups + "</div>\n";
}

// Pending and rejected free text of the step: counted, never quoted.
std::string NotShownHtml(const Words& words, const Step& step, const ReportFacts& facts) {
    int pending = 0, rejected = 0;
    for (const FreeText& text : facts.texts) {
        if (text.step_id != step.id) continue;
        pending += text.status == Moderation::Pending;
        rejected += text.status == Moderation::Rejected;
    }
    if (pending == 0 && rejected == 0) return {};
    std::string line = Fill(words.T(words.pack.report.not_shown), "pending", Thousands(pending));
    return "<p class=\"muted\">" + Escape(Fill(line, "rejected", Thousands(rejected))) + "</p>\n";
}

std::string Th(const std::string& text, const std::string& extra = {}) {
    return "<th" + extra + ">" + text + "</th>";
}

// A count and its share; "–" where nobody of the group answered the step.
std::string CrossCell(const StepTally* step, const std::string& item, std::string_view value) {
    if (!step || step->respondents == 0) return "<td>–</td>";
    return "<td>" + Escape(Figure(step->Count(item, value), step->respondents)) + "</td>";
}

// One row: the answer's visits, then everyone.
std::string CrossRow(const std::string& label, const std::string& step_id, const std::string& item,
                     std::string_view value, const ReportFacts& facts, const CrossTally& cross) {
    return "<tr><td>" + Escape(label) + "</td>" + CrossCell(cross.Step(step_id), item, value) +
           CrossCell(facts.Step(step_id), item, value) + "</tr>\n";
}

std::string SectionRow(const std::string& title) {
    return "<tr class=\"sub\">" + Th(Escape(title), " colspan=\"3\"") + "</tr>\n";
}

// The sheet's most marked benefits overall, in the pack's order among equals.
std::vector<const Option*> TopBenefits(const Step& sheet, const StepTally* counts) {
    std::vector<const Option*> items;
    for (const SheetGroup& group : sheet.sheet.groups)
        for (const Option& item : group.items)
            if (counts && counts->Count(item.id) > 0) items.push_back(&item);
    std::stable_sort(items.begin(), items.end(), [&](const Option* a, const Option* b) {
        return counts->Count(a->id) > counts->Count(b->id);
    });
    if (items.size() > kTopBenefits) items.resize(kTopBenefits);
    return items;
}

std::string CrossRows(const Words& words, const Step& target, const ReportFacts& facts,
                      const CrossTally& cross) {
    std::string rows;
    if (target.kind == StepKind::Sheet) {
        const std::vector<const Option*> top = TopBenefits(target, facts.Step(target.id));
        if (top.empty()) return {};
        const std::string most =
            Fill(words.T(words.pack.report.most_marked), "n", std::to_string(top.size()));
        rows += SectionRow(StepHeading(words, target) + " · " + most);
        for (const Option* item : top)
            rows += CrossRow(words.T(item->label), target.id, item->id, kChosen, facts, cross);
    }
    if (target.kind == StepKind::Domains) {
        for (std::string_view value : {kFocusValue, kLeastValue}) {
            const LocalText& side =
                value == kFocusValue ? target.domains.focus_label : target.domains.least_label;
            rows += SectionRow(StepHeading(words, target) + " · " + words.T(side));
            for (const DomainSet& set : target.domains.sets)
                for (const Domain& domain : set.domains)
                    rows += CrossRow(words.T(domain.name), target.id, domain.id, value, facts, cross);
        }
    }
    return rows;
}

// A narrow table per answer (it fits a phone; wide screens put two side by
// side): its visits against everyone's.
std::string AnswerTable(const Words& words, const Option& option, const CrossTally& cross,
                        const ReportFacts& facts) {
    std::string rows;
    for (const Step& target : words.pack.steps)
        rows += CrossRows(words, target, facts, cross);
    if (rows.empty()) return {};
    const ReportStrings& text = words.pack.report;
    return "<table class=\"num\">\n<caption>" + Escape(words.T(option.label)) + "</caption>\n<thead><tr>" +
           Th("") + Th(Escape(Fill(words.T(text.column_n), "n", Thousands(cross.visits)))) +
           Th(Escape(words.T(text.everyone))) + "</tr></thead>\n<tbody>\n" + rows + "</tbody></table>\n";
}

std::string PollCrossTables(const Words& words, const Step& poll, const ReportFacts& facts) {
    std::string tables;
    for (const Option& option : poll.poll.options) {
        const CrossTally* cross = facts.Cross(poll.id, option.id);
        if (cross && cross->visits > 0) tables += AnswerTable(words, option, *cross, facts);
    }
    if (tables.empty()) return {};
    return "<h3>" + Escape(StepHeading(words, poll)) + "</h3>\n<div class=\"answers\">\n" + tables +
           "</div>\n";
}

std::string StatusWord(const Words& words, const std::string& status) {
    const ReportStrings& text = words.pack.report;
    if (status == "complete") return words.T(text.status_complete);
    if (status == "abandoned") return words.T(text.status_abandoned);
    return words.T(text.status_open);
}

} // namespace

std::string SheetHtml(const Words& words, const Step& step, const ReportFacts& facts) {
    const StepTally* counts = facts.Step(step.id);
    const int respondents = counts ? counts->respondents : 0;
    const int top = TopThreshold(step, counts);
    std::string above, left, right, bottom;
    for (const SheetGroup& group : step.sheet.groups) {
        const std::vector<Chip> chips = GroupChips(group, words, counts, top);
        if (group.place == "top")
            above += GroupHtml(words.T(group.title), chips, respondents, true);
        else if (group.place == "left")
            left += GroupHtml(words.T(group.title), chips, respondents, false);
        else if (group.place == "right")
            right += GroupHtml(words.T(group.title), chips, respondents, false);
        else
            bottom += GroupHtml(words.T(group.title), chips, respondents, true);
    }
    // As on the board: "top" groups above the box and the sides, "bottom" ones under them.
    std::string html = "<p class=\"muted\">" + Escape(Answered(words, respondents)) + "</p>\n" + above +
                       "<div class=\"sheet\">\n";
    html += SideHtml("left", left);
    if (!step.sheet.project_prompt.Empty()) html += CentreHtml(words, step, facts);
    html += SideHtml("right", right) + "</div>\n" + bottom;
    std::vector<Chip> extra;
    for (const std::string& id : UnknownItems(counts, SheetItemIds(step.sheet)))
        extra.push_back({id, counts->Count(id), false});
    for (const FreeText* text : PublicTexts(facts.texts, step.id, kOwnItem))
        extra.push_back({text->text, text->count, false});
    if (!extra.empty()) html += GroupHtml(words.T(words.pack.board.added_by_room), extra, respondents, true);
    return html + NotShownHtml(words, step, facts);
}

std::string CrossHtml(const Words& words, const ReportFacts& facts) {
    std::string tables;
    for (const Step& step : words.pack.steps)
        if (step.kind == StepKind::Poll) tables += PollCrossTables(words, step, facts);
    if (tables.empty()) return {};
    const ReportStrings& text = words.pack.report;
    return "<section>\n<h2>" + Escape(words.T(text.cross_section)) + "</h2>\n<p class=\"muted\">" +
           Escape(words.T(text.cross_intro)) + "</p>\n" + tables + "</section>\n";
}

std::string FilteredHtml(const Words& words, const ReportFacts& facts) {
    const ReportStrings& text = words.pack.report;
    std::vector<const ReportVisit*> filtered;
    for (const ReportVisit& visit : facts.visits)
        if (visit.filtered) filtered.push_back(&visit);
    std::string html = "<section>\n<h2>" + Escape(words.T(text.filtered_title)) + "</h2>\n";
    if (filtered.empty()) return html + "<p>" + Escape(words.T(text.filtered_none)) + "</p>\n</section>\n";
    html += "<p><b>" + Thousands(static_cast<long long>(filtered.size())) + "</b> · " +
            Escape(words.T(text.filtered_body)) +
            "</p>\n<div class=\"scroll\"><table class=\"visits\">\n<thead><tr>" +
            Th(Escape(words.T(text.started) + " (" + ZoneName(facts.utc_offset_minutes) + ")")) +
            Th(Escape(words.T(text.kiosk))) + Th(Escape(words.T(text.status))) +
            Th(Escape(words.T(text.answers))) + "</tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < filtered.size() && i < kMaxListed; ++i) {
        const ReportVisit& visit = *filtered[i];
        long long minute = 0;
        const std::string started = LocalMinutes(visit.started_at, facts.utc_offset_minutes, &minute)
                                        ? DateOf(minute) + " " + ClockOf(minute)
                                        : visit.started_at;
        html += "<tr><td>" + Escape(started) + "</td><td>" + Escape(visit.kiosk_id) + "</td><td>" +
                Escape(StatusWord(words, visit.status)) + "</td><td>" + Thousands(visit.steps_answered) +
                "</td></tr>\n";
    }
    html += "</tbody></table></div>\n";
    if (filtered.size() > kMaxListed)
        html += "<p class=\"muted\">" +
                Escape(Fill(words.T(words.pack.board.more_projects), "n",
                            Thousands(static_cast<long long>(filtered.size() - kMaxListed)))) +
                "</p>\n";
    return html + "</section>\n";
}

} // namespace tapsheet::report

namespace tapsheet::report {

const char* PageStyle() {
    return R"css(* { box-sizing: border-box; }
body { margin: 0; background: #f7f5f0; color: #1b1b1f;
  font: 16px/1.45 'Noto Sans', 'DejaVu Sans', Arial, Helvetica, sans-serif;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
main { max-width: 880px; margin: 0 auto; padding: 24px 14px 40px; }
h1 { font-size: 30px; line-height: 1.2; margin: 2px 0 6px; }
h2 { font-size: 22px; line-height: 1.25; margin: 0 0 6px; }
h3 { font-size: 17px; margin: 14px 0 6px; }
p { margin: 4px 0 8px; }
.eyebrow { margin: 0; font-size: 14px; font-weight: bold; letter-spacing: 0.04em; text-transform: uppercase; color: #4a4a55; }
.subtitle { font-size: 18px; }
.muted { color: #4a4a55; }
section { background: #fff; border: 1px solid #d6d6de; border-radius: 10px; padding: 16px; margin: 16px 0; }
svg { display: block; width: 100%; height: auto; max-width: 460px; margin: 8px 0; }
.totals { display: flex; flex-wrap: wrap; gap: 12px; background: none; border: 0; padding: 0; }
.tile { flex: 1 1 160px; background: #fff; border: 1px solid #d6d6de; border-radius: 10px; padding: 12px 14px; }
.tile b { display: block; font-size: 32px; line-height: 1.1; }
.sheet { display: flex; flex-wrap: wrap; gap: 0 14px; }
.sheet .col { flex: 1 1 240px; min-width: 0; }
.centre { background: #e8eef5; border-radius: 10px; padding: 2px 14px 8px; margin: 10px 0; }
.centre ul { margin: 4px 0; padding-left: 20px; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 0 14px; }
.chip { border: 1px solid #6e6e7a; border-radius: 8px; padding: 7px 10px; margin: 0 0 8px; background: #fff; break-inside: avoid;
  display: flex; flex-direction: column; justify-content: space-between; }
.chip.top { border: 3px solid #0b5fa5; padding: 5px 8px; font-weight: bold; }
.chip .row { display: flex; align-items: center; gap: 8px; margin-top: 4px; }
.chip .track { flex: 1; height: 10px; background: #e4e4ea; border-radius: 5px; overflow: hidden; }
.chip .fill { height: 100%; min-width: 2px; background: #0b5fa5; }
.chip .n { font-weight: bold; white-space: nowrap; }
.scroll { overflow-x: auto; }
.answers { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 0 18px; }
table { border-collapse: collapse; width: 100%; font-size: 15px; margin: 4px 0 12px; }
th, td { padding: 5px 8px; border-bottom: 1px solid #d6d6de; text-align: left; vertical-align: bottom; }
.num td + td { text-align: right; white-space: nowrap; }
.num th + th { text-align: right; }
.num td:first-child { width: 55%; }
.visits td { white-space: nowrap; }
caption { text-align: left; font-weight: bold; padding: 6px 0 2px; }
tr.sub th { text-align: left; background: #f0f0f4; padding-top: 8px; }
footer { color: #4a4a55; font-size: 14px; margin-top: 20px; }
@media (max-width: 480px) {
  main { padding: 16px 8px 32px; }
  section { padding: 12px 10px; }
}
@media (min-width: 760px) {
  .sheet .left { order: 1; } .sheet .centre { order: 2; } .sheet .right { order: 3; }
}
@media print {
  body { background: #fff; font-size: 12pt; }
  main { max-width: none; padding: 0; }
  section { border-color: #bbb; }
  h2, h3, caption, .eyebrow { break-after: avoid; }
  svg, .chip, tr, .tile, .centre { break-inside: avoid; }
  .scroll { overflow: visible; }
}
)css";
}

} // namespace tapsheet::report
