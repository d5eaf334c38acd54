// A facilitator at a real `tapsheet board` process: pages through it with
// the keyboard, chooses the cross-tab's answer and approves free text with
// taps, and checks on every page that the figures it draws are the ground
// truth's. A page that differs is reported (with every difference) as a
// test failure, and the walk goes on to the next page.
#pragma once

#include "tests/e2e/board_reader.h"
#include "tests/e2e/window_driver.h"

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace tapsheet::e2e {

class BoardDriver {
  public:
    BoardDriver(WindowDriver& window, BoardExpectation& expect);

    // Every page in turn (Right, as a facilitator pages), back to the first;
    // the cross-tab by `poll` = `option`, against each sheet and domains step.
    void CheckEveryPage(const std::string& poll, const std::string& option);
    // On the moderation page (M): Approve `text`.
    void Approve(const std::string& text);
    // The sheet page again, with what was approved.
    void CheckSheetAgain();
    // Page kinds checked so far ("poll", "sheet", "crosstab:domains", …).
    const std::multiset<std::string>& Checked() const { return checked_; }

  private:
    using Compare = std::function<std::vector<std::string>(const ProbeFrame&)>;
    void Check(const std::string& what, const Compare& compare);
    void CheckPage(const ProbeFrame& frame, const std::string& poll, const std::string& option);
    void CheckCross(const std::string& poll, const std::string& option);
    void TapTarget(const std::string& id);
    ProbeFrame NextPage();

    WindowDriver& window_;
    BoardExpectation& expect_;
    std::multiset<std::string> checked_;
};

std::string PageKey(const ProbeFrame& frame);

} // namespace tapsheet::e2e
