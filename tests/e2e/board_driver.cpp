#include "tests/e2e/board_driver.h"

#include <gtest/gtest.h>

#include <cmath>

namespace tapsheet::e2e {

std::string PageKey(const ProbeFrame& frame) {
    return frame.Get("page") + "/" + frame.Get("page_step") + "/" + frame.Get("page_index");
}

BoardDriver::BoardDriver(WindowDriver& window, BoardExpectation& expect) : window_(window), expect_(expect) {}

// Waits (the board may still be reading the store, or fading a page in)
// until the page shows the truth; when it never does, every difference of
// the last frame is the test's failure.
void BoardDriver::Check(const std::string& what, const Compare& compare) {
    std::vector<std::string> last;
    ProbeFrame shown;
    try {
        window_.WaitFor(
            [&](const ProbeFrame& f) {
                if (f.Get("settled") != "1" || f.Get("have_data") != "1") return false;
                shown = f;
                last = compare(f);
                const std::vector<std::string> leaks = expect_.Private(f);
                last.insert(last.end(), leaks.begin(), leaks.end());
                return last.empty();
            },
            what, 10);
    } catch (const E2eFailure&) {
        std::string differences;
        for (const std::string& line : last)
            differences += "\n    " + line;
        ADD_FAILURE() << "the board's " << what << " is not the ground truth:" << differences
                      << "\n  what it drew: " << window_.Keep(shown, what);
    }
}

void BoardDriver::TapTarget(const std::string& id) {
    const ProbeFrame frame = window_.WaitFor(
        [&](const ProbeFrame& f) {
            const ProbeTarget* t = f.Target(id);
            return t && t->visible && t->enabled;
        },
        "the board's '" + id + "' button");
    const ProbeTarget* t = frame.Target(id);
    window_.TapAt(t->CentreX(), t->CentreY());
}

ProbeFrame BoardDriver::NextPage() {
    const std::string from = PageKey(window_.Latest());
    window_.Key("Right");
    return window_.WaitFor([&](const ProbeFrame& f) { return PageKey(f) != from && f.Get("settled") == "1"; },
                           "the next page after " + from);
}

void BoardDriver::CheckPage(const ProbeFrame& frame, const std::string& poll, const std::string& option) {
    const std::string kind = frame.Get("page");
    const Step* step = expect_.pack.FindStep(frame.Get("page_step"));
    if (kind == "poll" && step) {
        Check("poll page '" + step->id + "'", [&](const ProbeFrame& f) { return expect_.Poll(f, *step); });
    } else if (kind == "sheet" && step) {
        Check("sheet page '" + step->id + "'", [&](const ProbeFrame& f) { return expect_.Sheet(f, *step); });
    } else if (kind == "domains" && step) {
        Check("domains page '" + step->id + "'",
              [&](const ProbeFrame& f) { return expect_.Domains(f, *step); });
    } else if (kind == "totals") {
        Check("totals page", [&](const ProbeFrame& f) { return expect_.Totals(f); });
    } else if (kind == "crosstab") {
        CheckCross(poll, option);
        return;
    } else {
        Check(kind + " page", [](const ProbeFrame&) { return std::vector<std::string>(); });
    }
    checked_.insert(kind);
}

// The facilitator picks the answer to compare with, then each sheet and
// domains step to show for it.
void BoardDriver::CheckCross(const std::string& poll_id, const std::string& option_id) {
    const Step* poll = expect_.pack.FindStep(poll_id);
    const Option* option = nullptr;
    for (const Option& o : poll->poll.options)
        if (o.id == option_id) option = &o;
    TapTarget("cross-answer");
    TapTarget(option_id);
    window_.WaitFor([&](const ProbeFrame& f) { return f.Get("cross") == poll_id + " " + option_id; },
                    "the cross-tab by " + poll_id + " = " + option_id);
    for (const Step& target : expect_.pack.steps) {
        if (target.kind != StepKind::Sheet && target.kind != StepKind::Domains) continue;
        if (window_.Latest().Get("page_step") != target.id) {
            TapTarget("cross-target");
            TapTarget(target.id);
            window_.WaitFor([&](const ProbeFrame& f) { return f.Get("page_step") == target.id; },
                            "the cross-tab showing " + target.id);
        }
        Check("cross-tab (" + poll_id + " = " + option_id + ") of '" + target.id + "'",
              [&](const ProbeFrame& f) { return expect_.Cross(f, *poll, *option, target); });
        checked_.insert("crosstab:" + std::string(target.kind == StepKind::Sheet ? "sheet" : "domains"));
    }
}

void BoardDriver::CheckEveryPage(const std::string& poll, const std::string& option) {
    ProbeFrame frame = window_.WaitFor(
        [](const ProbeFrame& f) { return f.Get("settled") == "1" && f.Get("have_data") == "1"; },
        "the board's first page with the kiosk's results", 30);
    const std::string first = PageKey(frame);
    for (int pages = 0;; pages++) {
        CheckPage(frame, poll, option);
        frame = NextPage();
        if (PageKey(frame) == first) return;
        if (pages == 30) window_.Fail("paging never came back to the first page", &frame);
    }
}

void BoardDriver::Approve(const std::string& text) {
    if (window_.Latest().Get("page") != "moderation") {
        window_.Key("m");
        window_.WaitFor([](const ProbeFrame& f) { return f.Get("page") == "moderation"; },
                        "the moderation list");
    }
    // The Approve button on the text's row: the nearest below its top.
    auto approve_of = [&](const ProbeFrame& f) -> const ProbeTarget* {
        const ProbeText* line = nullptr;
        for (const ProbeText& t : f.texts)
            if (t.text == text) line = &t;
        const ProbeTarget* best = nullptr;
        for (const ProbeTarget* t : f.Targets("approve"))
            if (line && t->visible && t->y1 >= line->y0 &&
                (!best ||
                 std::fabs(t->CentreY() - line->CentreY()) < std::fabs(best->CentreY() - line->CentreY())))
                best = t;
        return best;
    };
    const ProbeFrame frame = window_.WaitFor(
        [&](const ProbeFrame& f) {
            const ProbeTarget* t = approve_of(f);
            return t && t->enabled;
        },
        "'" + text + "' with its Approve button in the moderation list");
    const ProbeTarget* button = approve_of(frame);
    window_.TapAt(button->CentreX(), button->CentreY());
    window_.WaitFor(
        [&](const ProbeFrame& f) {
            const ProbeTarget* t = approve_of(f);
            return t && !t->enabled;
        },
        "'" + text + "' approved");
    expect_.approved.insert(text);
}

void BoardDriver::CheckSheetAgain() {
    const std::string from = window_.Latest().Get("page");
    if (from == "moderation") {
        window_.Key("m");
        window_.WaitFor([](const ProbeFrame& f) { return f.Get("page") != "moderation"; },
                        "back from moderation");
    }
    ProbeFrame frame = window_.Latest();
    for (int pages = 0; frame.Get("page") != "sheet"; pages++) {
        if (pages == 30) window_.Fail("no sheet page", &frame);
        frame = NextPage();
    }
    CheckPage(frame, "", "");
}

} // namespace tapsheet::e2e
