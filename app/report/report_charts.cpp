#include "app/report/report_charts.h"
#include "app/core/answer.h"

#include "app/report/report_text.h"

#include <algorithm>
#include <functional>

namespace tapsheet::report {

namespace {

constexpr int kMaxBins = 36;
constexpr int kBinChoices[] = {5, 10, 15, 30, 60, 120, 180, 360, 720, 1440};

Bar CountBar(std::string label, int count, int respondents) {
    Bar bar;
    bar.label = std::move(label);
    bar.fraction = Fraction(count, respondents);
    bar.figure = Figure(count, respondents);
    return bar;
}

std::vector<std::string> OptionIds(const std::vector<Option>& options) {
    std::vector<std::string> ids;
    for (const Option& option : options)
        ids.push_back(option.id);
    return ids;
}

std::vector<std::string> DomainIds(const DomainsStep& domains) {
    std::vector<std::string> ids;
    for (const DomainSet& set : domains.sets)
        for (const Domain& domain : set.domains)
            ids.push_back(domain.id);
    return ids;
}

void AddDomainBars(const std::string& label, const std::string& id, const StepTally* counts,
                   BarGroup* group) {
    const int respondents = counts ? counts->respondents : 0;
    Bar focus = CountBar(label, counts ? counts->Count(id, kFocusValue) : 0, respondents);
    Bar least = CountBar("", counts ? counts->Count(id, kLeastValue) : 0, respondents);
    least.hatched = true;
    group->bars.push_back(focus);
    group->bars.push_back(least);
}

} // namespace

std::string Answered(const Words& words, int respondents) {
    const BoardStrings& board = words.pack.board;
    if (respondents <= 0) return words.T(board.nobody_yet);
    if (respondents == 1) return words.T(board.answered_one);
    return Fill(words.T(board.answered), "n", Thousands(respondents));
}

std::string StepHeading(const Words& words, const Step& step) {
    const bool question_first = step.kind == StepKind::Poll;
    const LocalText& first = question_first ? step.prompt : step.title;
    const LocalText& second = question_first ? step.title : step.prompt;
    return words.T(first.Empty() ? second : first);
}

std::vector<std::string> UnknownItems(const StepTally* counts, const std::vector<std::string>& known) {
    std::vector<std::string> unknown;
    if (!counts) return unknown;
    for (const TallyCount& count : counts->items) {
        if (IsFreeTextItem(count.item_id)) continue;
        if (std::find(known.begin(), known.end(), count.item_id) != known.end()) continue;
        if (std::find(unknown.begin(), unknown.end(), count.item_id) == unknown.end())
            unknown.push_back(count.item_id);
    }
    return unknown;
}

std::vector<std::string> SheetItemIds(const SheetStep& sheet) {
    std::vector<std::string> ids;
    for (const SheetGroup& group : sheet.groups)
        for (const Option& item : group.items)
            ids.push_back(item.id);
    return ids;
}

int TopThreshold(const Step& sheet, const StepTally* counts) {
    if (!counts) return 0;
    std::vector<int> marked;
    for (const std::string& id : SheetItemIds(sheet.sheet))
        marked.push_back(counts->Count(id));
    return StandOutThreshold(std::move(marked));
}

BarChart PollChart(const Words& words, const Step& step, const StepTally* counts) {
    BarChart chart;
    chart.id = "poll-" + step.id;
    chart.title = StepHeading(words, step);
    const int respondents = counts ? counts->respondents : 0;
    chart.notes.push_back(Answered(words, respondents));
    if (step.poll.multi) chart.notes.push_back(words.T(words.pack.board.multi_note));
    BarGroup group;
    for (const Option& option : step.poll.options)
        group.bars.push_back(
            CountBar(words.T(option.label), counts ? counts->Count(option.id) : 0, respondents));
    for (const std::string& id : UnknownItems(counts, OptionIds(step.poll.options)))
        group.bars.push_back(CountBar(id, counts->Count(id), respondents));
    chart.groups.push_back(std::move(group));
    return chart;
}

BarChart SheetChart(const Words& words, const Step& step, const ReportFacts& facts) {
    const StepTally* counts = facts.Step(step.id);
    const int respondents = counts ? counts->respondents : 0;
    const int top = TopThreshold(step, counts);
    BarChart chart;
    chart.id = "sheet-" + step.id;
    chart.title = StepHeading(words, step);
    chart.notes.push_back(Answered(words, respondents));
    for (const SheetGroup& group : step.sheet.groups) {
        BarGroup bars{words.T(group.title), {}};
        for (const Option& item : group.items) {
            Bar bar = CountBar(words.T(item.label), counts ? counts->Count(item.id) : 0, respondents);
            bar.strong = counts && StandsOut(counts->Count(item.id), top);
            bars.bars.push_back(bar);
        }
        chart.groups.push_back(std::move(bars));
    }
    BarGroup extra{words.T(words.pack.board.added_by_room), {}};
    for (const std::string& id : UnknownItems(counts, SheetItemIds(step.sheet)))
        extra.bars.push_back(CountBar(id, counts->Count(id), respondents));
    for (const FreeText* text : PublicTexts(facts.texts, step.id, kOwnItem))
        extra.bars.push_back(CountBar(text->text, text->count, respondents));
    if (!extra.bars.empty()) chart.groups.push_back(std::move(extra));
    return chart;
}

BarChart DomainsChart(const Words& words, const Step& step, const StepTally* counts) {
    BarChart chart;
    chart.id = "domains-" + step.id;
    chart.title = StepHeading(words, step);
    chart.notes.push_back(Answered(words, counts ? counts->respondents : 0));
    chart.legend = {{words.T(step.domains.focus_label), false}, {words.T(step.domains.least_label), true}};
    for (const DomainSet& set : step.domains.sets) {
        BarGroup group{words.T(set.title), {}};
        for (const Domain& domain : set.domains)
            AddDomainBars(words.T(domain.name), domain.id, counts, &group);
        chart.groups.push_back(std::move(group));
    }
    const std::vector<std::string> unknown = UnknownItems(counts, DomainIds(step.domains));
    if (!unknown.empty()) {
        BarGroup group;
        for (const std::string& id : unknown)
            AddDomainBars(id, id, counts, &group);
        chart.groups.push_back(std::move(group));
    }
    return chart;
}

Timeline VisitsTimeline(const Words& words, const ReportFacts& facts, int* bin_minutes) {
    const ReportStrings& text = words.pack.report;
    std::vector<std::pair<long long, bool>> starts; // (local minute, filtered)
    for (const ReportVisit& visit : facts.visits) {
        long long minute = 0;
        if (LocalMinutes(visit.started_at, facts.utc_offset_minutes, &minute))
            starts.emplace_back(minute, visit.filtered);
    }
    Timeline timeline;
    timeline.id = "visits";
    timeline.title = words.T(text.timeline);
    timeline.legend = {{words.T(text.counted), false}, {words.T(text.filtered_out), true}};
    *bin_minutes = kBinChoices[0];
    if (starts.empty()) return timeline;
    auto [first, last] = std::minmax_element(starts.begin(), starts.end());
    for (int choice : kBinChoices) {
        *bin_minutes = choice;
        if ((last->first / choice - first->first / choice) + 1 <= kMaxBins) break;
    }
    const long long width = *bin_minutes;
    const long long from = first->first / width * width; // stamps are after 1970: no negative minutes
    const long long bins = last->first / width - first->first / width + 1;
    // Over several days a time alone is ambiguous: the date goes with it.
    const bool days = DateOf(first->first) != DateOf(last->first);
    for (long long i = 0; i < bins; ++i) {
        const long long start = from + i * width;
        const std::string date = DateOf(start).substr(5);
        timeline.bins.push_back({width >= 1440 ? date : (days ? date + " " : "") + ClockOf(start), 0, 0});
    }
    for (const auto& [minute, filtered] : starts) {
        TimeBin& bin = timeline.bins[static_cast<std::size_t>((minute - from) / width)];
        ++(filtered ? bin.filtered : bin.counted);
    }
    timeline.notes.push_back(Fill(words.T(text.timeline_note), "m", std::to_string(width)) + " · " +
                             ZoneName(facts.utc_offset_minutes));
    return timeline;
}

} // namespace tapsheet::report
