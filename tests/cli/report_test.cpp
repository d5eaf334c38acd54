// `tapsheet report` over the known database of the export's golden files
// (known_results.h): the page byte for byte as tests/cli/data/report.html,
// the folder form with its SVG charts, options refused with clear words,
// moderation respected; and WriteResultsTo, the admin panel's one call.
#include "app/report/report_text.h"
#include "app/session/demo_figures.h"
#include "app/session/results_out.h"
#include "tests/cli/cli_test_util.h"
#include "tests/cli/known_results.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace tapsheet {
namespace {

using cli_test::Contains;
using cli_test::MakeKnownResults;
using cli_test::Result;
using cli_test::Source;
using cli_test::Tapsheet;
using cli_test::TempDir;
namespace fs = std::filesystem;

std::string ReadAll(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

int Occurrences(const std::string& text, const std::string& part) {
    int n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++n;
    return n;
}

std::vector<std::string> FilesIn(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

class ReportTest : public ::testing::Test {
  protected:
    void SetUp() override {
        // Times in the report are local: the golden file is made in UTC.
        const char* zone = std::getenv("TZ");
        had_zone_ = zone != nullptr;
        if (zone) zone_ = zone;
        setenv("TZ", "UTC", 1);
        tzset();
        dir_ = TempDir("report");
        db_ = (dir_ / "results.db").string();
        MakeKnownResults(db_, Source("tests/cli/data/export_pack.toml"));
        ASSERT_FALSE(HasFatalFailure());
    }
    void TearDown() override {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
        if (had_zone_)
            setenv("TZ", zone_.c_str(), 1);
        else
            unsetenv("TZ");
        tzset();
    }

    bool had_zone_ = false;
    std::string zone_;
    std::filesystem::path dir_;
    std::string db_;
};

TEST_F(ReportTest, HtmlMatchesTheGoldenFile) {
    const fs::path out = dir_ / "report.html";
    Result run = Tapsheet("report --db " + db_ + " --out " + out.string());
    ASSERT_EQ(run.exit_code, 0) << run.output;
    EXPECT_TRUE(Contains(run.output, "3 visits to " + out.string())) << run.output;
    const std::string golden = Source("tests/cli/data/report.html");
    if (std::getenv("TAPSHEET_UPDATE_GOLDEN"))
        fs::copy_file(out, golden, fs::copy_options::overwrite_existing);
    const std::string html = ReadAll(out);
    EXPECT_EQ(html, ReadAll(golden)) << "differs from " << golden;
    EXPECT_FALSE(fs::exists(out.string() + ".partial"));
    EXPECT_TRUE(Contains(html, "<h1>Export test</h1>"));
    EXPECT_TRUE(Contains(html, "Visits from 2024-04-11 09:00 to 10:00 (UTC)"));
    EXPECT_TRUE(Contains(html, "All rounds"));
    EXPECT_TRUE(Contains(html, "<b>1</b>Visits filtered out")) << "v2 is filtered";
    EXPECT_EQ(Occurrences(html, "<svg xmlns"), 5) << "3 polls, the domains, the visits over the day";
    // Self-contained: nothing to fetch, nothing to run.
    EXPECT_FALSE(Contains(html, "<script"));
    EXPECT_FALSE(Contains(html, "src="));
    EXPECT_FALSE(Contains(html, "href="));
    EXPECT_FALSE(Contains(html, "@import"));
    EXPECT_EQ(Occurrences(html, "url("), Occurrences(html, "url(#hatch-")) << "only the page's own patterns";
}

TEST_F(ReportTest, OnlyApprovedFreeTextAppears) {
    Result run = Tapsheet("report --db " + db_ + " --out " + (dir_ / "r.html").string());
    ASSERT_EQ(run.exit_code, 0) << run.output;
    const std::string html = ReadAll(dir_ / "r.html");
    EXPECT_TRUE(Contains(html, "Gwell gofal ŵyr")) << "approved";
    EXPECT_FALSE(Contains(html, "Line one")) << "rejected";
    EXPECT_FALSE(Contains(html, "Falls clinic")) << "pending";
    EXPECT_TRUE(Contains(html, "Free text not shown: 1 awaiting approval, 1 rejected"));
    // Filtered visits' text never counts either: v2 wrote none, but its poll answer is left out.
    EXPECT_TRUE(Contains(html, "1 person answered"));
}

TEST_F(ReportTest, FolderHoldsThePageAndEachChartAsSvg) {
    const fs::path out = dir_ / "slides";
    Result run = Tapsheet("report --db " + db_ + " --out " + out.string());
    ASSERT_EQ(run.exit_code, 0) << run.output;
    EXPECT_TRUE(Contains(run.output, "and 6 charts (.svg)")) << run.output;
    const std::vector<std::string> expected = {"domains-domains.svg", "poll-aim.svg", "poll-improvement.svg",
                                               "poll-level.svg",      "report.html",  "sheet-benefits.svg",
                                               "visits.svg"};
    EXPECT_EQ(FilesIn(out), expected);
    EXPECT_EQ(ReadAll(out / "report.html"), ReadAll(Source("tests/cli/data/report.html")));
    for (const std::string& name : expected) {
        if (name == "report.html") continue;
        const std::string svg = ReadAll(out / name);
        EXPECT_EQ(svg.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=", 0), 0u) << name;
        EXPECT_EQ(Occurrences(svg, "<svg"), 1) << name;
        EXPECT_TRUE(svg.size() > 7 && svg.compare(svg.size() - 7, 7, "</svg>\n") == 0) << name;
    }
    EXPECT_TRUE(Contains(ReadAll(out / "poll-level.svg"), ">Are you looking to achieve change at a…</text>"))
        << "a standalone chart carries its title";
    EXPECT_TRUE(Contains(ReadAll(out / "sheet-benefits.svg"), "Gwell gofal ŵyr"));
    EXPECT_FALSE(Contains(ReadAll(out / "sheet-benefits.svg"), "Line one"));
}

TEST_F(ReportTest, RoundsAndLanguages) {
    Result round = Tapsheet("report --round 2 --db " + db_ + " --out " + (dir_ / "r2.html").string());
    ASSERT_EQ(round.exit_code, 0) << round.output;
    EXPECT_TRUE(Contains(round.output, "1 visits to")) << round.output;
    const std::string html = ReadAll(dir_ / "r2.html");
    EXPECT_TRUE(Contains(html, "Round 2"));
    EXPECT_TRUE(Contains(html, "Visits from 2024-04-11 10:00 to 10:00 (UTC)"));
    EXPECT_TRUE(Contains(html, "<p class=\"muted\">No answers yet</p>") || Contains(html, "No answers yet"));
    Result all =
        Tapsheet("report --round all --lang en --db " + db_ + " --out " + (dir_ / "all.html").string());
    ASSERT_EQ(all.exit_code, 0) << all.output;
    EXPECT_EQ(ReadAll(dir_ / "all.html"), ReadAll(Source("tests/cli/data/report.html")));
    Result welsh = Tapsheet("report --lang cy --db " + db_ + " --out " + (dir_ / "cy.html").string());
    EXPECT_EQ(welsh.exit_code, 2);
    EXPECT_TRUE(Contains(welsh.output, "--lang cy: the content pack has en")) << welsh.output;
    EXPECT_FALSE(fs::exists(dir_ / "cy.html"));
}

TEST_F(ReportTest, BadOptionsAreRefusedClearly) {
    Result no_out = Tapsheet("report --db " + db_);
    EXPECT_EQ(no_out.exit_code, 2);
    EXPECT_TRUE(Contains(no_out.output, "--out is required: a folder, or a file ending in .html"))
        << no_out.output;
    Result round = Tapsheet("report --round zero --db " + db_ + " --out x.html");
    EXPECT_EQ(round.exit_code, 2);
    EXPECT_TRUE(Contains(round.output, "--round takes a round number (1, 2, …) or all, not 'zero'"))
        << round.output;
    Result unknown = Tapsheet("report --format pdf --out x.html");
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_TRUE(Contains(unknown.output, "unknown option '--format'")) << unknown.output;
    Result dangling = Tapsheet("report --out");
    EXPECT_EQ(dangling.exit_code, 2);
    EXPECT_TRUE(Contains(dangling.output, "--out needs a value")) << dangling.output;
    const std::string missing = (dir_ / "none.db").string();
    Result none = Tapsheet("report --db " + missing + " --out " + (dir_ / "n.html").string());
    EXPECT_EQ(none.exit_code, 2);
    EXPECT_TRUE(Contains(none.output, missing)) << none.output;
    EXPECT_FALSE(fs::exists(missing)) << "report never creates a database";
    Result help = Tapsheet("report --help");
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_TRUE(Contains(help.output, "--out DIR|FILE.html")) << help.output;
}

// The real packs, with the demo figures the board's screenshots use: every
// label of the pack is in the report, approved text is and other text is not.
TEST_F(ReportTest, DefaultPackWithDemoFigures) {
    LoadResult loaded = LoadPackFile(Source("assets/content/default.toml"));
    ASSERT_TRUE(loaded.pack);
    const Pack& pack = *loaded.pack;
    const std::string demo_db = (dir_ / "demo.db").string();
    std::string error;
    ASSERT_TRUE(WriteDemoFigures(pack, demo_db, DemoFigures{}, &error)) << error;
    Result run = Tapsheet("report --db " + demo_db + " --out " + (dir_ / "demo").string());
    ASSERT_EQ(run.exit_code, 0) << run.output;
    EXPECT_TRUE(Contains(run.output, "57 visits")) << run.output;
    const std::string html = ReadAll(dir_ / "demo" / "report.html");
    for (const Step& step : pack.steps) {
        for (const Option& option : step.poll.options)
            EXPECT_TRUE(Contains(html, report::Escape(option.label.Get("en")))) << option.id;
        for (const SheetGroup& group : step.sheet.groups)
            for (const Option& item : group.items)
                EXPECT_TRUE(Contains(html, report::Escape(item.label.Get("en")))) << item.id;
        for (const DomainSet& set : step.domains.sets)
            for (const Domain& domain : set.domains)
                EXPECT_TRUE(Contains(html, report::Escape(domain.name.Get("en")))) << domain.id;
    }
    // demo_figures.cpp: two own benefits and one project approved, one rejected, the rest pending.
    for (const char* shown :
         {"Shorter waits for clinic letters", "Better handovers between shifts", "Discharge before noon"})
        EXPECT_TRUE(Contains(html, shown)) << shown;
    for (const char* hidden : {"Less agency spend", "Fewer falls on the ward", "More time for teaching",
                               "Sepsis screening in ED", "Community frailty hub"})
        EXPECT_FALSE(Contains(html, hidden)) << hidden;
    EXPECT_TRUE(Contains(html, "Free text not shown: 4 awaiting approval, 1 rejected"))
        << "2 own + 2 projects";
    EXPECT_FALSE(Contains(ReadAll(dir_ / "demo" / "sheet-benefits.svg"), "Less agency spend"));
}

TEST_F(ReportTest, WelshPackInWelsh) {
    LoadResult loaded = LoadPackFile(Source("assets/content/welsh-demo.toml"));
    ASSERT_TRUE(loaded.pack);
    const std::string demo_db = (dir_ / "welsh.db").string();
    std::string error;
    ASSERT_TRUE(WriteDemoFigures(*loaded.pack, demo_db, DemoFigures{}, &error)) << error;
    Result run = Tapsheet("report --lang cy --db " + demo_db + " --out " + (dir_ / "cy.html").string());
    ASSERT_EQ(run.exit_code, 0) << run.output;
    const std::string html = ReadAll(dir_ / "cy.html");
    EXPECT_TRUE(Contains(html, "<html lang=\"cy\">"));
    EXPECT_TRUE(Contains(html, "<h1>" + report::Escape(loaded.pack->title.Get("cy")) + "</h1>"));
    EXPECT_TRUE(Contains(html, report::Escape(loaded.pack->board.all_rounds.Get("cy"))));
}

// The admin panel's call: a new folder per export, never over an earlier one.
TEST_F(ReportTest, WriteResultsToMakesANewFolderEachTime) {
    const fs::path stick = dir_ / "stick";
    fs::create_directories(stick);
    std::tm at{};
    at.tm_year = 2024 - 1900;
    at.tm_mon = 3;
    at.tm_mday = 11;
    at.tm_hour = 17;
    at.tm_min = 2;
    const auto now = std::chrono::system_clock::from_time_t(timegm(&at));
    std::string summary, error;
    ASSERT_TRUE(WriteResultsTo(stick.string(), db_, now, &summary, &error)) << error;
    const fs::path first = stick / "tapsheet-merged-20240411-1702"; // kiosk-a and kiosk-b
    EXPECT_TRUE(Contains(summary, "3 visits, 11 answers")) << summary;
    EXPECT_TRUE(Contains(summary, first.string())) << summary;
    EXPECT_EQ(FilesIn(first), (std::vector<std::string>{"report.html", "results.csv", "results.json"}));
    EXPECT_EQ(ReadAll(first / "results.csv"), ReadAll(Source("tests/cli/data/export.csv")));
    EXPECT_EQ(ReadAll(first / "results.json"), ReadAll(Source("tests/cli/data/export.json")));
    EXPECT_EQ(ReadAll(first / "report.html"), ReadAll(Source("tests/cli/data/report.html")));
    ASSERT_TRUE(WriteResultsTo(stick.string(), db_, now, &summary, &error)) << error;
    EXPECT_TRUE(Contains(summary, first.string() + "-2")) << summary;
    EXPECT_EQ(FilesIn(stick),
              (std::vector<std::string>{"tapsheet-merged-20240411-1702", "tapsheet-merged-20240411-1702-2"}));
    EXPECT_FALSE(WriteResultsTo((dir_ / "no-stick").string(), db_, now, &summary, &error));
    EXPECT_TRUE(Contains(error, "no folder")) << error;
    EXPECT_FALSE(WriteResultsTo(stick.string(), (dir_ / "none.db").string(), now, &summary, &error));
    EXPECT_TRUE(Contains(error, "none.db")) << error;
    EXPECT_EQ(FilesIn(stick).size(), 2u) << "a failed export leaves nothing behind";
}

} // namespace
} // namespace tapsheet
