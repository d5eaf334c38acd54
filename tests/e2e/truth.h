// The ground truth of an end-to-end run: what each scripted visit left on
// each step, recorded by the script as it drives the kiosk (which option it
// chose, which chips it left marked, what it typed), never read from the
// store. The expected figures follow from it by the rules the README states:
// a visit counts once per answer, a skipped step has none, a walk-away
// counts for what was given, free text is never a tally.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace tapsheet::e2e {

// One step's answer as the attendee left it.
struct TruthStep {
    std::vector<std::string> selected; // options or benefits, in tap order
    std::string project;
    std::vector<std::string> own;
    std::vector<std::pair<std::string, std::string>> marks; // domain, "focus" or "least"
    // (item, value) rows as the README's Results table describes them: a
    // choice's value is empty, free text its text, a domain focus/least.
    std::vector<std::pair<std::string, std::string>> Rows() const;
};

struct TruthVisit {
    std::string lang;
    std::string status = "open"; // complete, abandoned
    std::map<std::string, TruthStep> steps;
    bool Gave(const std::string& step, const std::string& item, const std::string& value = "") const;
    bool Answered(const std::string& step) const; // any row for the step
};

class Truth {
  public:
    TruthVisit& Begin(const std::string& lang);
    TruthVisit& Current() { return visits_.back(); }
    const std::vector<TruthVisit>& Visits() const { return visits_; }

    using Filter = std::function<bool(const TruthVisit&)>;
    static bool Everyone(const TruthVisit&) { return true; }
    // Visits that gave `item` in poll `step`: the cross-tab's.
    static Filter Chose(const std::string& step, const std::string& item);

    int Respondents(const std::string& step, const Filter& who = Everyone) const;
    int Count(const std::string& step, const std::string& item, const std::string& value = "",
              const Filter& who = Everyone) const;
    int VisitCount(const Filter& who = Everyone) const;
    int Completed() const;
    int StepsAnswered() const; // (visit, step) pairs with an answer
    // Distinct free texts of one item ("project" or "own") with how many visits wrote each.
    std::map<std::string, int> FreeText(const std::string& step, const std::string& item) const;

  private:
    std::vector<TruthVisit> visits_;
};

// "12 (50%)": the board's and the report's figure for a count of respondents.
std::string Figure(int count, int respondents);
// 12345 -> "12,345", as the board and report print counts.
std::string Thousands(long long n);

} // namespace tapsheet::e2e
