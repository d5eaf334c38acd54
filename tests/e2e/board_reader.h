// The figures a real `tapsheet board` process drew, read from the texts its
// probe recorded (what the room sees), and compared with the ground truth.
// Figures are found by where they were drawn: a poll's "12 (50%)" on its
// option's row, a benefit's count in its chip, a domain's two counts on its
// row, a total above its label.
#pragma once

#include "app/core/content.h"
#include "tests/e2e/probe_reader.h"
#include "tests/e2e/truth.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace tapsheet::e2e {

// The figure drawn for `label` on each kind of page; "" when none was found.
std::string PollFigureOf(const ProbeFrame& frame, const std::string& label);
std::string ChipCountOf(const ProbeFrame& frame, const std::string& label);
std::pair<std::string, std::string> DomainCountsOf(const ProbeFrame& frame, const std::string& name);
std::string TotalOf(const ProbeFrame& frame, const std::string& label);
bool Drawn(const ProbeFrame& frame, const std::string& text);

// What the board should draw for a run's ground truth, in one language,
// with the free texts a facilitator approved.
struct BoardExpectation {
    const Pack& pack;
    const Truth& truth;
    std::string lang;
    std::set<std::string> approved; // free texts approved (project names and own benefits)

    std::string T(const LocalText& text) const { return text.Get(lang); }
    std::string Answered(int respondents) const;

    // Each returns what differs between the frame and the truth ("" items: none).
    std::vector<std::string> Poll(const ProbeFrame& frame, const Step& step) const;
    std::vector<std::string> Sheet(const ProbeFrame& frame, const Step& step) const;
    std::vector<std::string> Domains(const ProbeFrame& frame, const Step& step) const;
    std::vector<std::string> Totals(const ProbeFrame& frame) const;
    // The cross-tab: only visits that gave `option` in poll `poll`.
    std::vector<std::string> Cross(const ProbeFrame& frame, const Step& poll, const Option& option,
                                   const Step& target) const;
    // Free text a facilitator has not approved never reaches a public page.
    std::vector<std::string> Private(const ProbeFrame& frame) const;

  private:
    std::vector<std::string> SheetFigures(const ProbeFrame& frame, const Step& step, const Truth::Filter& who,
                                          bool cross) const;
    std::vector<std::string> DomainFigures(const ProbeFrame& frame, const Step& step,
                                           const Truth::Filter& who) const;
};

} // namespace tapsheet::e2e
