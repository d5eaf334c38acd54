#include "tests/e2e/board_reader.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <regex>

namespace tapsheet::e2e {

namespace {

bool IsCount(const std::string& text) {
    static const std::regex count("[0-9][0-9,]*");
    return std::regex_match(text, count);
}

bool IsFigure(const std::string& text) {
    static const std::regex figure("[0-9][0-9,]* \\([0-9]+%\\)");
    return std::regex_match(text, figure);
}

std::vector<const ProbeText*> Find(const ProbeFrame& frame, const std::string& text) {
    std::vector<const ProbeText*> found;
    for (const ProbeText& t : frame.texts)
        if (t.text == text) found.push_back(&t);
    return found;
}

std::string Replace(std::string pattern, const std::string& key, const std::string& value) {
    const std::string token = "{" + key + "}";
    for (std::size_t at = pattern.find(token); at != std::string::npos;
         at = pattern.find(token, at + value.size()))
        pattern.replace(at, token.size(), value);
    return pattern;
}

void Expect(std::vector<std::string>& out, const std::string& what, const std::string& expected,
            const std::string& drawn) {
    if (expected != drawn) out.push_back(what + ": expected '" + expected + "', drawn '" + drawn + "'");
}

void ExpectDrawn(std::vector<std::string>& out, const ProbeFrame& frame, const std::string& text) {
    if (!Drawn(frame, text)) out.push_back("'" + text + "' is not drawn");
}

} // namespace

bool Drawn(const ProbeFrame& frame, const std::string& text) {
    return !Find(frame, text).empty();
}

// On the label's row (beside it) or just below it (narrow screens): the
// figure nearest the label's middle, never above it.
std::string PollFigureOf(const ProbeFrame& frame, const std::string& label) {
    const std::vector<const ProbeText*> labels = Find(frame, label);
    if (labels.size() != 1)
        return labels.empty() ? "" : "(label drawn " + std::to_string(labels.size()) + " times)";
    const ProbeText& l = *labels.front();
    const ProbeText* best = nullptr;
    float best_d = std::numeric_limits<float>::max();
    for (const ProbeText& t : frame.texts) {
        if (!IsFigure(t.text) || t.x0 < l.x0 || t.CentreY() < l.y0) continue;
        const float d = std::fabs(t.CentreY() - l.CentreY());
        if (d < best_d) best = &t, best_d = d;
    }
    return best ? best->text : "";
}

// In the benefit's chip: right of the label's start, not above it, before
// the next text to its right on its row (the next chip's label, the centre
// box) and above the next text under it (the next chip, the next group);
// the nearest such count.
std::string ChipCountOf(const ProbeFrame& frame, const std::string& label) {
    const std::vector<const ProbeText*> labels = Find(frame, label);
    if (labels.size() != 1)
        return labels.empty() ? "" : "(label drawn " + std::to_string(labels.size()) + " times)";
    const ProbeText& l = *labels.front();
    float right = std::numeric_limits<float>::max();
    float below = std::numeric_limits<float>::max();
    for (const ProbeText& t : frame.texts) {
        if (&t == &l || IsCount(t.text)) continue;
        if (t.x0 > l.x0 + 1 && t.y0 < l.y1 && t.y1 > l.y0) right = std::min(right, t.x0);
        if (t.y0 > l.y0 + 1 && t.x0 <= l.x0 + 1 && t.x1 > l.x0) below = std::min(below, t.y0);
    }
    const ProbeText* best = nullptr;
    for (const ProbeText& t : frame.texts) {
        if (!IsCount(t.text) || t.x0 <= l.x0 || t.x1 > right || t.y0 < l.y0 - 1 || t.y1 > below) continue;
        if (!best || t.y0 < best->y0 - 1 || (std::fabs(t.y0 - best->y0) <= 1 && t.x0 < best->x0)) best = &t;
    }
    return best ? best->text : "";
}

// Both counts of the domain's row, right of its name: focus first, least second.
std::pair<std::string, std::string> DomainCountsOf(const ProbeFrame& frame, const std::string& name) {
    const std::vector<const ProbeText*> names = Find(frame, name);
    if (names.size() != 1) return {"", ""};
    const ProbeText& n = *names.front();
    std::vector<const ProbeText*> counts;
    for (const ProbeText& t : frame.texts)
        if (IsCount(t.text) && t.CentreY() >= n.y0 - 1 && (t.x0 > n.x1 || t.y0 >= n.y1 - 1))
            counts.push_back(&t);
    if (counts.size() < 2) return {"", ""};
    // The row's: the two nearest the name's middle, drawn at the same height.
    std::sort(counts.begin(), counts.end(), [&](const ProbeText* a, const ProbeText* b) {
        return std::fabs(a->CentreY() - n.CentreY()) < std::fabs(b->CentreY() - n.CentreY());
    });
    const ProbeText* a = counts[0];
    const ProbeText* b = counts[1];
    if (std::fabs(a->CentreY() - b->CentreY()) > 1) return {"", ""};
    if (a->x0 > b->x0) std::swap(a, b);
    return {a->text, b->text};
}

// The number drawn right above its label, centred on it.
std::string TotalOf(const ProbeFrame& frame, const std::string& label) {
    const std::vector<const ProbeText*> labels = Find(frame, label);
    if (labels.size() != 1) return "";
    const ProbeText& l = *labels.front();
    const ProbeText* best = nullptr;
    float best_d = std::numeric_limits<float>::max();
    for (const ProbeText& t : frame.texts) {
        if (!IsCount(t.text) || t.y1 > l.y0 + 2 || std::fabs(t.CentreX() - l.CentreX()) > (l.x1 - l.x0))
            continue;
        const float d = l.y0 - t.y1;
        if (d < best_d) best = &t, best_d = d;
    }
    return best ? best->text : "";
}

std::string BoardExpectation::Answered(int respondents) const {
    if (respondents <= 0) return T(pack.board.nobody_yet);
    if (respondents == 1) return T(pack.board.answered_one);
    return Replace(T(pack.board.answered), "n", Thousands(respondents));
}

std::vector<std::string> BoardExpectation::Poll(const ProbeFrame& frame, const Step& step) const {
    std::vector<std::string> out;
    const int respondents = truth.Respondents(step.id);
    ExpectDrawn(out, frame, Answered(respondents));
    for (const Option& option : step.poll.options)
        Expect(out, step.id + " / " + option.id, Figure(truth.Count(step.id, option.id), respondents),
               PollFigureOf(frame, T(option.label)));
    return out;
}

std::vector<std::string> BoardExpectation::SheetFigures(const ProbeFrame& frame, const Step& step,
                                                        const Truth::Filter& who, bool cross) const {
    std::vector<std::string> out;
    for (const SheetGroup& group : step.sheet.groups) {
        ExpectDrawn(out, frame, T(group.title));
        for (const Option& item : group.items)
            Expect(out, step.id + " / " + item.id, Thousands(truth.Count(step.id, item.id, "", who)),
                   ChipCountOf(frame, T(item.label)));
    }
    if (cross) return out;
    // Approved own benefits join the sheet with their counts; approved
    // project names fill the centre box ("name ×2" when several wrote it).
    for (const auto& [text, count] : truth.FreeText(step.id, "own"))
        if (approved.count(text))
            Expect(out, "own benefit '" + text + "'", Thousands(count), ChipCountOf(frame, text));
    for (const auto& [text, count] : truth.FreeText(step.id, "project"))
        if (approved.count(text))
            ExpectDrawn(out, frame, count > 1 ? text + " \xC3\x97" + Thousands(count) : text);
    return out;
}

std::vector<std::string> BoardExpectation::Sheet(const ProbeFrame& frame, const Step& step) const {
    std::vector<std::string> out = SheetFigures(frame, step, Truth::Everyone, false);
    ExpectDrawn(out, frame, Answered(truth.Respondents(step.id)));
    if (!step.sheet.project_prompt.Empty()) ExpectDrawn(out, frame, T(step.sheet.project_prompt));
    return out;
}

std::vector<std::string> BoardExpectation::DomainFigures(const ProbeFrame& frame, const Step& step,
                                                         const Truth::Filter& who) const {
    std::vector<std::string> out;
    ExpectDrawn(out, frame, Answered(truth.Respondents(step.id, who)));
    ExpectDrawn(out, frame, T(step.domains.focus_label));
    ExpectDrawn(out, frame, T(step.domains.least_label));
    for (const DomainSet& set : step.domains.sets)
        for (const Domain& domain : set.domains) {
            const auto [focus, least] = DomainCountsOf(frame, T(domain.name));
            Expect(out, step.id + " / " + domain.id + " focus",
                   Thousands(truth.Count(step.id, domain.id, "focus", who)), focus);
            Expect(out, step.id + " / " + domain.id + " least",
                   Thousands(truth.Count(step.id, domain.id, "least", who)), least);
        }
    return out;
}

std::vector<std::string> BoardExpectation::Domains(const ProbeFrame& frame, const Step& step) const {
    return DomainFigures(frame, step, Truth::Everyone);
}

std::vector<std::string> BoardExpectation::Totals(const ProbeFrame& frame) const {
    std::vector<std::string> out;
    const BoardStrings& w = pack.board;
    Expect(out, "visits today", Thousands(truth.VisitCount()), TotalOf(frame, T(w.visits_today)));
    Expect(out, "completed", Thousands(truth.Completed()), TotalOf(frame, T(w.completed)));
    Expect(out, "answers in the last 10 minutes", Thousands(truth.StepsAnswered()),
           TotalOf(frame, T(w.answers_last_10_min)));
    Expect(out, "filtered", "0", TotalOf(frame, T(w.filtered)));
    return out;
}

std::vector<std::string> BoardExpectation::Cross(const ProbeFrame& frame, const Step& poll,
                                                 const Option& option, const Step& target) const {
    const Truth::Filter who = Truth::Chose(poll.id, option.id);
    std::string header = Replace(T(pack.board.cross_header), "answer", T(option.label));
    header = Replace(header, "n", Thousands(truth.VisitCount(who)));
    std::vector<std::string> out;
    ExpectDrawn(out, frame, header);
    const std::vector<std::string> figures = target.kind == StepKind::Sheet
                                                 ? SheetFigures(frame, target, who, true)
                                                 : DomainFigures(frame, target, who);
    out.insert(out.end(), figures.begin(), figures.end());
    return out;
}

std::vector<std::string> BoardExpectation::Private(const ProbeFrame& frame) const {
    std::vector<std::string> out;
    for (const Step& step : pack.steps)
        for (const char* item : {"project", "own"})
            for (const auto& [text, count] : truth.FreeText(step.id, item)) {
                if (approved.count(text)) continue;
                for (const ProbeText& t : frame.texts)
                    if (t.text.find(text) != std::string::npos)
                        out.push_back("unapproved free text '" + text + "' drawn: '" + t.text + "'");
            }
    return out;
}

} // namespace tapsheet::e2e
