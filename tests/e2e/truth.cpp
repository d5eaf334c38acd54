#include "tests/e2e/truth.h"

#include <algorithm>
#include <cmath>

namespace tapsheet::e2e {

std::vector<std::pair<std::string, std::string>> TruthStep::Rows() const {
    std::vector<std::pair<std::string, std::string>> rows;
    for (const std::string& id : selected)
        rows.emplace_back(id, "");
    if (!project.empty()) rows.emplace_back("project", project);
    for (const std::string& text : own)
        rows.emplace_back("own", text);
    for (const auto& mark : marks)
        rows.push_back(mark);
    return rows;
}

bool TruthVisit::Gave(const std::string& step, const std::string& item, const std::string& value) const {
    const auto found = steps.find(step);
    if (found == steps.end()) return false;
    const auto rows = found->second.Rows();
    return std::find(rows.begin(), rows.end(), std::make_pair(item, value)) != rows.end();
}

bool TruthVisit::Answered(const std::string& step) const {
    const auto found = steps.find(step);
    return found != steps.end() && !found->second.Rows().empty();
}

TruthVisit& Truth::Begin(const std::string& lang) {
    TruthVisit visit;
    visit.lang = lang;
    visits_.push_back(visit);
    return visits_.back();
}

Truth::Filter Truth::Chose(const std::string& step, const std::string& item) {
    return [step, item](const TruthVisit& visit) { return visit.Gave(step, item); };
}

int Truth::Respondents(const std::string& step, const Filter& who) const {
    return static_cast<int>(std::count_if(visits_.begin(), visits_.end(),
                                          [&](const TruthVisit& v) { return who(v) && v.Answered(step); }));
}

int Truth::Count(const std::string& step, const std::string& item, const std::string& value,
                 const Filter& who) const {
    return static_cast<int>(std::count_if(visits_.begin(), visits_.end(), [&](const TruthVisit& v) {
        return who(v) && v.Gave(step, item, value);
    }));
}

int Truth::VisitCount(const Filter& who) const {
    return static_cast<int>(std::count_if(visits_.begin(), visits_.end(), who));
}

int Truth::Completed() const {
    return VisitCount([](const TruthVisit& v) { return v.status == "complete"; });
}

int Truth::StepsAnswered() const {
    int answered = 0;
    for (const TruthVisit& visit : visits_)
        for (const auto& [id, step] : visit.steps)
            answered += step.Rows().empty() ? 0 : 1;
    return answered;
}

std::map<std::string, int> Truth::FreeText(const std::string& step, const std::string& item) const {
    std::map<std::string, int> texts;
    for (const TruthVisit& visit : visits_) {
        const auto found = visit.steps.find(step);
        if (found == visit.steps.end()) continue;
        std::vector<std::string> seen;
        for (const auto& [row_item, value] : found->second.Rows())
            if (row_item == item && std::find(seen.begin(), seen.end(), value) == seen.end()) {
                seen.push_back(value);
                texts[value]++;
            }
    }
    return texts;
}

std::string Thousands(long long n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

std::string Figure(int count, int respondents) {
    const long percent = respondents > 0 ? std::lround(100.0 * count / respondents) : 0;
    return Thousands(count) + " (" + std::to_string(percent) + "%)";
}

} // namespace tapsheet::e2e
