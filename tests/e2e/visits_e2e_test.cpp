// From a tap to the room's board, the report and the export, with real
// processes: a real `tapsheet kiosk` (SDL and GLFW) tapped through the X
// server by scripted visits covering every step kind of both shipped packs
// (single and multi-choice polls, benefits in every group, text typed on the
// on-screen keyboard with accents, domains focus/least, Back, Skip, a
// walk-away, "Still there?", other languages); then a real `tapsheet board`
// on the same file, whose drawn figures on every page must be the script's
// ground truth, and `tapsheet report` and `tapsheet export` of that file.
#include "tests/e2e/board_driver.h"
#include "tests/e2e/e2e_fixture.h"
#include "tests/e2e/export_reader.h"
#include "tests/e2e/kiosk_driver.h"
#include "tests/e2e/report_reader.h"

#include <fstream>

namespace tapsheet::e2e {
namespace {

// The default pack ("margins to mainstream"): polls, the sheet with its
// project box and own benefits, the reflection questions, the domains.
void DefaultPackVisits(KioskDriver& k) {
    // 1: everything answered, text typed with an accent, a finish.
    k.Start();
    k.Choose("system");
    k.Choose("service-goal");
    k.Toggle("patient-experience");
    k.Toggle("staff-wellbeing");
    k.Next();
    k.TypeProject("Ysbyty Gŵyr");
    k.Toggle("safety-outcomes");
    k.Toggle("workplace-culture");
    k.Toggle("technology-adoption");
    k.Toggle("scaling-innovation");
    k.AddOwn("Llai o wâst");
    k.Next();
    k.Next(); // the reflection questions
    k.Mark("vision-leadership", "focus");
    k.Mark("pathway-redesign", "least");
    k.Mark("targeted-innovation", "focus");
    k.Next();
    k.Done();
    // 2: Skip, Back to change the skipped answer, chips and marks changed.
    k.Start();
    k.Choose("organisation");
    k.Skip();
    k.Toggle("reducing-costs");
    k.Back();
    k.Choose("enabling-conditions");
    k.Toggle("population-health");
    k.Next();
    k.Toggle("access-delays");
    k.Toggle("job-control");
    k.Toggle("access-delays");
    k.Toggle("collaborative-working");
    k.AddOwn("Café i staff");
    k.AddOwn("=1+2"); // a formula, typed on the symbol layer: text in the export
    k.Next();
    k.Back();
    k.Next();
    k.Next();
    k.Mark("operating-model", "least");
    k.Mark("operating-model", "focus");
    k.Mark("capabilities-culture", "least");
    k.Mark("continuous-improvement", "focus");
    k.Mark("continuous-improvement", "focus");
    k.Next();
    k.Done();
    // 3: a walk-away in the middle of the sheet.
    k.Start();
    k.Choose("individual-team");
    k.Choose("service-goal");
    k.Toggle("population-health");
    k.Next();
    k.Toggle("handover-flow");
    k.Toggle("experience-agency");
    k.WalkAway();
    // 4: "Still there?" answered, two steps skipped.
    k.Start();
    k.Choose("system");
    k.KeepGoingWhenAsked();
    k.Choose("enabling-conditions");
    k.Skip();
    k.Skip();
    k.Next();
    k.Mark("vision-leadership", "least");
    k.Mark("targeted-innovation", "focus");
    k.Mark("pathway-redesign", "focus");
    k.Next();
    k.Done();
    // 5: the first and the last step skipped.
    k.Start();
    k.Skip();
    k.Choose("service-goal");
    k.Toggle("staff-wellbeing");
    k.Next();
    k.Toggle("professional-development");
    k.Toggle("recruitment-retention");
    k.Toggle("waste-costs");
    k.Toggle("scarce-resources");
    k.Toggle("safety-quality");
    k.Next();
    k.Next();
    k.Skip();
    k.Done();
}

// The Welsh demo: English, Cymraeg and Gaeilge; an info step first, a sheet
// without own benefits, a multi-choice poll after it, the domains last.
void WelshPackVisits(KioskDriver& k) {
    k.Start("cy");
    k.Next(); // the welcome card
    k.Choose("hospital");
    k.TypeProject("Prosiect Ŵyn");
    k.Toggle("better-care");
    k.Toggle("shorter-waits");
    k.Toggle("technology");
    k.Next();
    k.Toggle("children");
    k.Toggle("older-people");
    k.Next();
    k.Mark("leadership", "focus");
    k.Mark("everyday-improvement", "least");
    k.Next();
    k.Done();

    k.Start();
    k.Next();
    k.Skip();
    k.Toggle("healthier-staff");
    k.Back();
    k.Choose("gp-surgery");
    k.Next();
    k.Toggle("adults");
    k.Next();
    k.Mark("leadership", "least");
    k.Next();
    k.Done();

    k.Start("ga");
    k.Next();
    k.Choose("community");
    k.TypeProject("Tionscadal Éireann");
    k.Toggle("safer-care");
    k.Toggle("less-waste");
    k.Next();
    k.Skip();
    k.Mark("everyday-improvement", "focus");
    k.Next();
    k.Done();

    k.Start("cy");
    k.Next();
    k.Choose("hospital");
    k.Toggle("better-care");
    k.Toggle("healthier-staff");
    k.WalkAway();

    k.Start();
    k.Next();
    k.KeepGoingWhenAsked();
    k.Choose("elsewhere");
    k.Toggle("shorter-waits");
    k.Next();
    k.Toggle("older-people");
    k.Toggle("adults");
    k.Next();
    k.Mark("leadership", "focus");
    k.Mark("everyday-improvement", "focus");
    k.Next();
    k.Done();
}

struct RunSpec {
    const char* backend;
    const char* pack;
    const char* kiosk_size; // the kiosk's window: the Pi's 7" display, or a larger screen
    const char* board_lang; // the board's and the report's language
    const char* cross_poll; // the cross-tab's answer
    const char* cross_option;
    std::vector<std::string> approve; // free text the facilitator approves
};

void PrintTo(const RunSpec& run, std::ostream* out) {
    *out << run.backend << ", " << run.pack << ", kiosk " << run.kiosk_size << ", board in "
         << run.board_lang;
}

std::string ReadAll(const std::filesystem::path& path) {
    std::ifstream file(path);
    return std::string(std::istreambuf_iterator<char>(file), {});
}

void ExpectNone(const std::vector<std::string>& differences, const std::string& what) {
    std::string text;
    for (const std::string& line : differences)
        text += "\n    " + line;
    EXPECT_TRUE(differences.empty()) << what << " is not the ground truth:" << text;
}

class Visits : public E2eTest, public testing::WithParamInterface<RunSpec> {};

TEST_P(Visits, FromATapToTheBoardTheReportAndTheExport) {
    const RunSpec& run = GetParam();
    const Pack pack = LoadShippedPack(run.pack);
    XInput x;
    ASSERT_TRUE(x.Ok()) << "cannot open the test's X display";
    Truth truth;
    {
        auto kiosk = StartApp("kiosk", run.backend, run.pack,
                              {"--windowed", std::string(run.kiosk_size), "--kiosk-id", "e2e-kiosk",
                               "--config", ShortTimeouts()});
        WindowDriver window(x, *kiosk, Probe("kiosk"), "kiosk");
        window.Attach();
        KioskDriver k(window, pack, truth, kIdleSeconds, kStillThereSeconds);
        if (pack.id == "welsh-demo")
            WelshPackVisits(k);
        else
            DefaultPackVisits(k);
        ASSERT_TRUE(kiosk->Stop()) << "the kiosk did not stop cleanly on SIGTERM:\n" << kiosk->Log();
    }
    {
        auto board = StartApp("board", run.backend, run.pack,
                              {"--windowed", "1600x900", "--lang", std::string(run.board_lang)});
        WindowDriver window(x, *board, Probe("board"), "board");
        window.Attach();
        BoardExpectation expect{pack, truth, run.board_lang, {}};
        BoardDriver b(window, expect);
        b.CheckEveryPage(run.cross_poll, run.cross_option);
        for (const std::string& text : run.approve)
            b.Approve(text);
        b.CheckSheetAgain();
        for (const char* kind : {"sheet", "domains", "totals", "crosstab:sheet", "crosstab:domains"})
            EXPECT_GE(b.Checked().count(kind), 1u) << "the board never showed a " << kind << " page";
        std::size_t polls = 0;
        for (const Step& step : pack.steps)
            polls += step.kind == StepKind::Poll;
        EXPECT_EQ(b.Checked().count("poll"), polls) << "a poll's page was not checked";
        ASSERT_TRUE(board->Stop()) << board->Log();
    }
    const std::set<std::string> approved(run.approve.begin(), run.approve.end());
    const CommandResult report =
        RunTapsheet({"report", "--db", Db().string(), "--lang", std::string(run.board_lang), "--out",
                     (Dir() / "report.html").string()});
    ASSERT_EQ(report.exit_code, 0) << report.output;
    ExpectNone(CompareReport(ReadAll(Dir() / "report.html"), pack, run.board_lang, truth, approved),
               "the report");
    for (const char* format : {"csv", "json"}) {
        const auto out = Dir() / (std::string("answers.") + format);
        const CommandResult exported = RunTapsheet(
            {"export", "--db", Db().string(), "--format", std::string(format), "--out", out.string()});
        ASSERT_EQ(exported.exit_code, 0) << exported.output;
        std::string error;
        const std::vector<ExportRow> rows = std::string(format) == "csv"
                                                ? ParseCsv(ReadAll(out), &error)
                                                : ParseJsonRows(ReadAll(out), &error);
        ASSERT_TRUE(error.empty()) << format << ": " << error;
        ExpectNone(CompareExport(rows, pack, truth), std::string("the ") + format + " export");
    }
}

const RunSpec kRuns[] = {
    {"sdl", "default.toml", "800x480", "en", "level", "system", {"Ysbyty Gŵyr", "Llai o wâst"}},
    {"glfw", "default.toml", "1280x800", "en", "level", "system", {"Ysbyty Gŵyr", "Café i staff"}},
    {"sdl", "welsh-demo.toml", "1280x800", "cy", "workplace", "hospital", {"Prosiect Ŵyn"}},
    {"glfw", "welsh-demo.toml", "800x480", "cy", "workplace", "hospital", {"Tionscadal Éireann"}},
};

std::string RunName(const testing::TestParamInfo<RunSpec>& info) {
    std::string pack = info.param.pack;
    pack = pack.substr(0, pack.find('.'));
    for (char& c : pack)
        if (c == '-') c = '_';
    return std::string(info.param.backend) + "_" + pack;
}

INSTANTIATE_TEST_SUITE_P(Backends, Visits, testing::ValuesIn(kRuns), RunName);

} // namespace
} // namespace tapsheet::e2e
