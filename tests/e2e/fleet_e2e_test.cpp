// A fleet with a real kiosk window (issue 12): a private mosquitto made by
// deploy/fleet-setup.sh (TLS, passwords, the ACL), the real `tapsheet hub`
// writing its results file, a real `tapsheet board` on that file, and a
// real `tapsheet kiosk` window with a [fleet] table on a new results file
// of its own, tapped through the X server. One visit is tapped through;
// the kiosk's own file is the ground truth: the hub's file must hold
// exactly its rows, the kiosk must have heard the hub's acknowledgement of
// its last change, and the board's pages, the report and the export of the
// hub's file must show that visit as the script tapped it (the script's
// record agreeing with the kiosk's own file first).
#include "tests/e2e/board_driver.h"
#include "tests/e2e/e2e_fixture.h"
#include "tests/e2e/export_reader.h"
#include "tests/e2e/kiosk_driver.h"
#include "tests/e2e/report_reader.h"
#include "tests/fleet/fleet_run.h"

#include <cstdio>
#include <fstream>

namespace tapsheet::e2e {
namespace {

using namespace std::chrono_literals;
using fleet_test::FleetRun;

const std::string kPack = "default.toml";

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

// The whole visit, up to the last step's Next (the thank-you screen is
// the test's to time).
void TapAVisit(KioskDriver& k) {
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
    k.Next();
    k.Next(); // the reflection questions
    k.Mark("vision-leadership", "focus");
    k.Mark("pathway-redesign", "least");
    k.Mark("targeted-innovation", "focus");
}

class FleetWindow : public E2eTest {
  protected:
    // kiosk-1's [fleet] table as fleet-setup.sh made it, its [kiosk] id,
    // and timeouts long enough not to interrupt the visit.
    std::string KioskConfig(const FleetRun& fleet) {
        const std::filesystem::path path = Dir() / "kiosk-1.toml";
        std::ofstream(path) << ReadAll(fleet.Dir() / "kiosk-1.toml") << "\n[kiosk]\nid = \"kiosk-1\"\n"
                            << "\n[timeouts]\nidle = 120\nstill_there = 15\nthanks = 60\n";
        return path.string();
    }

    std::unique_ptr<AppProcess> StartBoard(const FleetRun& fleet) {
        std::filesystem::remove(Probe("board"));
        return std::make_unique<AppProcess>(
            std::vector<std::string>{"board", "--backend", "sdl", "--content",
                                     std::string(TAPSHEET_SOURCE_DIR) + "/assets/content/" + kPack, "--db",
                                     fleet.HubFile().string(), "--probe", Probe("board").string(), "--locked",
                                     "no", "--windowed", "1280x800", "--lang", "en"},
            Dir() / "board.log");
    }

    // Pages the board (Right, as a facilitator does) to its totals page.
    static void ToTotals(WindowDriver& board) {
        for (int pages = 0; board.Latest().Get("page") != "totals"; pages++) {
            if (pages == 30) board.Fail("no totals page");
            const std::string from = PageKey(board.Latest());
            board.Key("Right");
            board.WaitFor([&](const ProbeFrame& f) { return PageKey(f) != from && f.Get("settled") == "1"; },
                          "the next page after " + from);
        }
    }
};

TEST_F(FleetWindow, AVisitTappedOnAKioskReachesTheHubsBoardReportAndExport) {
    const Pack pack = LoadShippedPack(kPack);
    XInput x;
    ASSERT_TRUE(x.Ok()) << "cannot open the test's X display";
    FleetRun fleet({"kiosk-1"});
    ASSERT_TRUE(fleet.StartHub()) << fleet.Hub().Log();

    // The board first, on the hub's file, showing its totals: the kiosk's
    // window opens above it and takes the taps.
    auto board = StartBoard(fleet);
    WindowDriver board_window(x, *board, Probe("board"), "board");
    board_window.Attach();
    ToTotals(board_window);
    Truth truth;
    BoardExpectation expect{pack, truth, "en", {}};
    const std::string completed = expect.T(pack.board.completed);
    ASSERT_EQ(TotalOf(board_window.Latest(), completed), "0");

    auto kiosk = StartApp("kiosk", "sdl", kPack, {"--windowed", "800x480", "--config", KioskConfig(fleet)});
    WindowDriver kiosk_window(x, *kiosk, Probe("kiosk"), "kiosk");
    kiosk_window.Attach();
    KioskDriver k(kiosk_window, pack, truth, 120, 15);
    TapAVisit(k);
    k.Tap("next");
    const ProbeFrame thanks = kiosk_window.WaitFor(
        [](const ProbeFrame& f) { return f.Get("screen") == "thanks"; }, "the thank-you screen");
    truth.Current().status = "complete";

    // Thank-you to the room's board: the finished visit counted there.
    ProbeFrame shown;
    try {
        shown = board_window.WaitFor(
            [&](const ProbeFrame& f) { return f.Get("page") == "totals" && TotalOf(f, completed) == "1"; },
            "'1' completed on the board's totals page");
    } catch (const E2eFailure& failure) {
        FAIL() << failure.what() << "\nthe hub's log:\n"
               << fleet.Hub().Log() << "\nthe kiosk's log:\n"
               << kiosk->Log();
    }
    std::printf("fleet window: thank-you screen to the board's figure: %.0f ms\n",
                (shown.time - thanks.time) * 1000);

    // The kiosk's own file is the truth: the hub's file holds exactly its
    // rows, and the kiosk has heard the hub commit its last change.
    const std::filesystem::path hub = fleet.HubFile();
    auto delivered = [&] {
        const std::vector<std::string> rows = fleet_test::ResultRows(Db());
        return !rows.empty() && fleet_test::ResultRows(hub) == rows &&
               fleet_test::HeardAck(Db()) >= fleet_test::LastChange(Db());
    };
    EXPECT_TRUE(fleet_test::WaitUntil(delivered, 30s)) << "the hub's log:\n"
                                                       << fleet.Hub().Log() << "\nthe kiosk's log:\n"
                                                       << kiosk->Log();
    std::printf(
        "fleet window: thank-you screen to the kiosk's file holding the hub's acknowledgement: %.0f ms\n",
        (SteadyNow() - thanks.time) * 1000);
    k.Done();
    ASSERT_TRUE(kiosk->Stop()) << "the kiosk did not stop cleanly on SIGTERM:\n" << kiosk->Log();
    const std::vector<std::string> kiosk_rows = fleet_test::ResultRows(Db());
    EXPECT_FALSE(kiosk_rows.empty()) << "nothing in the kiosk's own file";
    EXPECT_EQ(fleet_test::ResultRows(hub), kiosk_rows);
    EXPECT_EQ(fleet_test::HeardAck(Db()), fleet_test::LastChange(Db()));
    EXPECT_GT(fleet_test::LastChange(Db()), 0);
    EXPECT_EQ(fleet_test::QueryText(hub, "SELECT count(*) || ' ' || group_concat(kiosk_id) FROM visits"),
              "1 kiosk-1");

    // Exported, the kiosk's file is the script's visit, and the hub's file
    // exports the same rows.
    std::map<std::string, std::vector<ExportRow>> exports;
    for (const auto& [name, db] : {std::pair{"kiosk", Db()}, std::pair{"hub", hub}}) {
        const auto out = Dir() / (std::string(name) + ".csv");
        const CommandResult exported =
            RunTapsheet({"export", "--db", db.string(), "--format", "csv", "--out", out.string()});
        ASSERT_EQ(exported.exit_code, 0) << exported.output;
        std::string error;
        exports[name] = ParseCsv(ReadAll(out), &error);
        ASSERT_TRUE(error.empty()) << name << ": " << error;
        ExpectNone(CompareExport(exports[name], pack, truth),
                   "the export of the " + std::string(name) + "'s file");
    }
    EXPECT_EQ(exports["hub"], exports["kiosk"]);

    // Every page of the board on the hub's file (the kiosk's window gone,
    // so the facilitator's taps reach the board).
    BoardDriver b(board_window, expect);
    b.CheckEveryPage("level", "system");
    for (const char* kind : {"poll", "sheet", "domains", "totals", "crosstab:sheet", "crosstab:domains"})
        EXPECT_GE(b.Checked().count(kind), 1u) << "the board never showed a " << kind << " page";
    ASSERT_TRUE(board->Stop()) << board->Log();

    const CommandResult report = RunTapsheet(
        {"report", "--db", hub.string(), "--lang", "en", "--out", (Dir() / "report.html").string()});
    ASSERT_EQ(report.exit_code, 0) << report.output;
    ExpectNone(CompareReport(ReadAll(Dir() / "report.html"), pack, "en", truth, {}), "the hub's report");
}

} // namespace
} // namespace tapsheet::e2e
