#include "tests/e2e/report_reader.h"

#include <regex>

namespace tapsheet::e2e {

namespace {

std::string Replace(std::string pattern, const std::string& key, const std::string& value) {
    const std::string token = "{" + key + "}";
    for (std::size_t at = pattern.find(token); at != std::string::npos;
         at = pattern.find(token, at + value.size()))
        pattern.replace(at, token.size(), value);
    return pattern;
}

std::string Unescape(std::string text) {
    const std::pair<const char*, const char*> entities[] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
    for (const auto& [entity, plain] : entities)
        for (std::size_t at = text.find(entity); at != std::string::npos; at = text.find(entity, at + 1))
            text.replace(at, std::string(entity).size(), plain);
    return text;
}

void Expect(std::vector<std::string>& out, const std::string& what, const std::string& expected,
            const std::string& found) {
    if (expected != found) out.push_back(what + ": expected '" + expected + "', found '" + found + "'");
}

std::string Escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else if (c == '"')
            out += "&quot;";
        else if (c == '\'')
            out += "&#39;";
        else
            out += c;
    }
    return out;
}

std::string Answered(const Pack& pack, const std::string& lang, int respondents) {
    if (respondents <= 0) return pack.board.nobody_yet.Get(lang);
    if (respondents == 1) return pack.board.answered_one.Get(lang);
    return Replace(pack.board.answered.Get(lang), "n", Thousands(respondents));
}

std::string Heading(const Step& step, const std::string& lang) {
    const LocalText& first = step.kind == StepKind::Poll ? step.prompt : step.title;
    const LocalText& second = step.kind == StepKind::Poll ? step.title : step.prompt;
    return (first.Empty() ? second : first).Get(lang);
}

std::string Between(const std::string& text, const std::string& from, const std::string& to) {
    const std::size_t start = text.find(from);
    if (start == std::string::npos) return "";
    const std::size_t end = text.find(to, start + from.size());
    return text.substr(start + from.size(),
                       end == std::string::npos ? std::string::npos : end - start - from.size());
}

// A chart's bars: each label (its wrapped lines joined) with its figures in
// order (a domain has two: focus, then least, whose bar has no label).
struct ChartBars {
    std::vector<std::string> notes; // the lines above the bars
    std::vector<std::pair<std::string, std::vector<std::string>>> bars;
};

// Labels are the 18-unit texts before each figure (a most-marked one after a
// dot); a bold 18-unit text with no dot before it heads a group of bars.
ChartBars ParseChart(const std::string& svg) {
    ChartBars chart;
    static const std::regex item_re("<circle |<text ([^>]*)>([^<]*)</text>");
    std::string label;
    bool dot = false;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), item_re); it != std::sregex_iterator();
         ++it) {
        if (!(*it)[1].matched) {
            dot = true;
            continue;
        }
        const std::string attributes = (*it)[1];
        const std::string content = Unescape((*it)[2]);
        const bool bold = attributes.find("font-weight=\"bold\"") != std::string::npos;
        if (attributes.find("text-anchor=\"end\"") != std::string::npos) {
            if (!label.empty() || chart.bars.empty())
                chart.bars.push_back({label, {content}});
            else
                chart.bars.back().second.push_back(content);
            label.clear();
            dot = false;
        } else if (attributes.find("font-size=\"18\"") != std::string::npos) {
            if (bold && !dot && label.empty()) continue; // a group's heading
            label += (label.empty() ? "" : " ") + content;
        } else if (chart.bars.empty() && label.empty()) {
            chart.notes.push_back(content);
        }
    }
    return chart;
}

const std::vector<std::string>* BarOf(const ChartBars& chart, const std::string& label) {
    for (const auto& [bar_label, figures] : chart.bars)
        if (bar_label == label) return &figures;
    return nullptr;
}

void ComparePoll(std::vector<std::string>& out, const std::string& section, const Step& step,
                 const Pack& pack, const std::string& lang, const Truth& truth) {
    const ChartBars chart = ParseChart(section);
    const int respondents = truth.Respondents(step.id);
    Expect(out, step.id + " answered", Answered(pack, lang, respondents),
           chart.notes.empty() ? "" : chart.notes.front());
    for (const Option& option : step.poll.options) {
        const std::vector<std::string>* bar = BarOf(chart, option.label.Get(lang));
        Expect(out, step.id + " / " + option.id, Figure(truth.Count(step.id, option.id), respondents),
               bar ? bar->front() : "(no bar)");
    }
}

void CompareDomains(std::vector<std::string>& out, const std::string& section, const Step& step,
                    const Pack& pack, const std::string& lang, const Truth& truth) {
    const ChartBars chart = ParseChart(section);
    const int respondents = truth.Respondents(step.id);
    Expect(out, step.id + " answered", Answered(pack, lang, respondents),
           chart.notes.empty() ? "" : chart.notes.front());
    for (const DomainSet& set : step.domains.sets)
        for (const Domain& domain : set.domains) {
            const std::vector<std::string>* bar = BarOf(chart, domain.name.Get(lang));
            const bool both = bar && bar->size() == 2;
            Expect(out, step.id + " / " + domain.id + " focus",
                   Figure(truth.Count(step.id, domain.id, "focus"), respondents),
                   both ? (*bar)[0] : "(no bar)");
            Expect(out, step.id + " / " + domain.id + " least",
                   Figure(truth.Count(step.id, domain.id, "least"), respondents),
                   both ? (*bar)[1] : "(no bar)");
        }
}

void CompareSheet(std::vector<std::string>& out, const std::string& section, const Step& step,
                  const Pack& pack, const std::string& lang, const Truth& truth,
                  const std::set<std::string>& approved) {
    const int respondents = truth.Respondents(step.id);
    static const std::regex answered_re("<p class=\"muted\">([^<]*)</p>\n<div class=\"sheet\">");
    std::smatch answered;
    Expect(out, step.id + " answered", Answered(pack, lang, respondents),
           std::regex_search(section, answered, answered_re) ? Unescape(answered[1]) : "(none)");
    std::map<std::string, std::string> chips;
    static const std::regex chip_re("<div class=\"chip( top)?\"><div>([^<]*)</div><div "
                                    "class=\"row\">.*?<span class=\"n\">([^<]*)</span>");
    for (auto it = std::sregex_iterator(section.begin(), section.end(), chip_re);
         it != std::sregex_iterator(); ++it)
        chips[Unescape((*it)[2])] = Unescape((*it)[3]);
    auto chip = [&](const std::string& label) { return chips.count(label) ? chips[label] : "(no chip)"; };
    for (const SheetGroup& group : step.sheet.groups)
        for (const Option& item : group.items)
            Expect(out, step.id + " / " + item.id, Figure(truth.Count(step.id, item.id), respondents),
                   chip(item.label.Get(lang)));
    for (const auto& [text, count] : truth.FreeText(step.id, "own"))
        if (approved.count(text))
            Expect(out, "own benefit '" + text + "'", Figure(count, respondents), chip(text));
    for (const auto& [text, count] : truth.FreeText(step.id, "project")) {
        if (!approved.count(text)) continue;
        const std::string line = "<li>" + text + (count > 1 ? " (" + Thousands(count) + ")" : "") + "</li>";
        if (section.find(line) == std::string::npos) out.push_back("project name not listed: " + line);
    }
}

const Option* OptionByLabel(const Step& step, const std::string& label, const std::string& lang) {
    for (const Option& option : step.poll.options)
        if (option.label.Get(lang) == label) return &option;
    return nullptr;
}

// One "Compared by poll answer" table: the answer's visits against everyone.
void CompareCrossTable(std::vector<std::string>& out, const std::string& table, const Step& poll,
                       const Option& option, const Pack& pack, const std::string& lang, const Truth& truth) {
    const Truth::Filter who = Truth::Chose(poll.id, option.id);
    const std::string where = poll.id + "=" + option.id;
    Expect(out, where + " n", Replace(pack.report.column_n.Get(lang), "n", Thousands(truth.VisitCount(who))),
           Unescape(Between(table, "<thead><tr><th></th><th>", "</th>")));
    static const std::regex row_re(
        "<tr class=\"sub\"><th "
        "colspan=\"3\">([^<]*)</th></tr>|<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>");
    const Step* target = nullptr;
    std::string value;
    for (auto it = std::sregex_iterator(table.begin(), table.end(), row_re); it != std::sregex_iterator();
         ++it) {
        if ((*it)[1].matched) {
            const std::string sub = Unescape((*it)[1]);
            target = nullptr;
            for (const Step& step : pack.steps)
                if ((step.kind == StepKind::Sheet || step.kind == StepKind::Domains) &&
                    sub.rfind(Heading(step, lang) + " · ", 0) == 0)
                    target = &step;
            if (!target) out.push_back(where + ": a section of no sheet or domains step: " + sub);
            value = target && target->kind == StepKind::Domains &&
                            sub.ends_with(target->domains.least_label.Get(lang))
                        ? "least"
                        : (target && target->kind == StepKind::Domains ? "focus" : "");
            continue;
        }
        if (!target) continue;
        const std::string label = Unescape((*it)[2]);
        std::string item;
        for (const SheetGroup& group : target->sheet.groups)
            for (const Option& o : group.items)
                if (o.label.Get(lang) == label) item = o.id;
        for (const DomainSet& set : target->domains.sets)
            for (const Domain& d : set.domains)
                if (d.name.Get(lang) == label) item = d.id;
        if (item.empty()) {
            out.push_back(where + ": a row for no item: " + label);
            continue;
        }
        const int theirs = truth.Respondents(target->id, who);
        Expect(out, where + " / " + target->id + " / " + item + " " + value,
               theirs == 0 ? "\xE2\x80\x93" : Figure(truth.Count(target->id, item, value, who), theirs),
               Unescape((*it)[3]));
        Expect(out, where + " / " + target->id + " / " + item + " " + value + " everyone",
               Figure(truth.Count(target->id, item, value), truth.Respondents(target->id)),
               Unescape((*it)[4]));
    }
}

void CompareCross(std::vector<std::string>& out, const std::string& html, const Pack& pack,
                  const std::string& lang, const Truth& truth) {
    const std::string section =
        Between(html, "<h2>" + Escape(pack.report.cross_section.Get(lang)) + "</h2>", "</section>");
    for (const Step& poll : pack.steps) {
        if (poll.kind != StepKind::Poll) continue;
        const std::string block = Between(section, "<h3>" + Escape(Heading(poll, lang)) + "</h3>", "</div>");
        std::set<std::string> expected, found;
        for (const Option& option : poll.poll.options)
            if (truth.VisitCount(Truth::Chose(poll.id, option.id)) > 0) expected.insert(option.id);
        static const std::regex table_re(
            "<table class=\"num\">\n<caption>([^<]*)</caption>((?:.|\n)*?)</table>");
        for (auto it = std::sregex_iterator(block.begin(), block.end(), table_re);
             it != std::sregex_iterator(); ++it) {
            const Option* option = OptionByLabel(poll, Unescape((*it)[1]), lang);
            if (!option) {
                out.push_back(poll.id + ": a comparison for no option: " + std::string((*it)[1]));
                continue;
            }
            found.insert(option->id);
            CompareCrossTable(out, (*it)[2], poll, *option, pack, lang, truth);
        }
        if (found != expected) out.push_back(poll.id + ": comparisons for other answers than were given");
    }
}

} // namespace

std::vector<std::string> CompareReport(const std::string& html, const Pack& pack, const std::string& lang,
                                       const Truth& truth, const std::set<std::string>& approved) {
    std::vector<std::string> out;
    std::map<std::string, std::string> tiles;
    static const std::regex tile_re("<div class=\"tile\"><b>([^<]*)</b>([^<]*)</div>");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), tile_re); it != std::sregex_iterator();
         ++it)
        tiles[Unescape((*it)[2])] = (*it)[1];
    auto tile = [&](const LocalText& label) {
        const std::string text = label.Get(lang);
        return tiles.count(text) ? tiles[text] : "(no tile '" + text + "')";
    };
    Expect(out, "visits", Thousands(truth.VisitCount()), tile(pack.report.visits));
    Expect(out, "completed", Thousands(truth.Completed()), tile(pack.board.completed));
    Expect(out, "questions answered", Thousands(truth.StepsAnswered()), tile(pack.report.answers));
    Expect(out, "filtered", "0", tile(pack.board.filtered));
    for (const Step& step : pack.steps) {
        const std::string section = Between(html, "<section id=\"step-" + step.id + "\">", "</section>");
        if (step.kind == StepKind::Poll) ComparePoll(out, section, step, pack, lang, truth);
        if (step.kind == StepKind::Domains) CompareDomains(out, section, step, pack, lang, truth);
        if (step.kind == StepKind::Sheet) CompareSheet(out, section, step, pack, lang, truth, approved);
    }
    CompareCross(out, html, pack, lang, truth);
    // Free text nobody approved is counted in the report, never quoted.
    for (const Step& step : pack.steps)
        for (const char* item : {"project", "own"})
            for (const auto& [text, count] : truth.FreeText(step.id, item))
                if (!approved.count(text) && html.find(text) != std::string::npos)
                    out.push_back("unapproved free text in the report: " + text);
    return out;
}

} // namespace tapsheet::e2e
