// A results file written by tapsheet 0.1's kiosk (data/kiosk-0.1.sql: its
// chosen options and benefits carry value "1") counts on the board, in the
// report, the export, the staff panel's figures and after `merge` exactly as
// a file of today's kiosk does. Before app/core/answer.h defined what a row
// means, the board and the report counted 0 for every one of them.
#include "app/core/answer.h"
#include "app/store/export_reader.h"
#include "app/store/merge.h"
#include "app/store/report_reader.h"
#include "app/store/tally_reader.h"
#include "store_test_util.h"

#include <fstream>
#include <sstream>

namespace tapsheet::test {
namespace {

// The dump, restored into a real file in WAL mode as the kiosk left it.
std::string RestoreLegacy(const TempDir& dir) {
    std::ifstream in(std::string(TAPSHEET_TEST_DATA) + "/kiosk-0.1.sql");
    std::stringstream text;
    text << in.rdbuf();
    const std::string path = dir.Path("kiosk-0.1.db");
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* message = nullptr;
    EXPECT_EQ(sqlite3_exec(db, text.str().c_str(), nullptr, nullptr, &message), SQLITE_OK)
        << (message ? message : "");
    sqlite3_free(message);
    EXPECT_EQ(sqlite3_exec(db, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    return path;
}

// What the two visits of the dump chose (see its header).
const std::vector<std::pair<std::string, std::string>> kChosen01 = {
    {"level", "system"},
    {"level", "organisation"},
    {"aim", "enabling-conditions"},
    {"aim", "service-goal"},
    {"improvement", "patient-experience"},
    {"improvement", "population-health"},
    {"benefits", "workplace-culture"},
    {"benefits", "safety-quality"},
};

TEST(LegacyFile, TheDumpReallyHoldsOldStyleRows) {
    TempDir dir;
    const std::string path = RestoreLegacy(dir);
    EXPECT_EQ(QueryOne(path, "SELECT count(*) FROM answers WHERE value = '1'"), "8");
    EXPECT_EQ(QueryOne(path, "SELECT count(*) FROM visits"), "2");
}

TEST(LegacyFile, TheBoardCountsEveryChoice) {
    TempDir dir;
    TallyReader reader(RestoreLegacy(dir));
    Tallies tallies;
    ASSERT_TRUE(reader.Refresh(0, &tallies)) << reader.Error();
    for (const auto& [step, item] : kChosen01) {
        ASSERT_NE(tallies.Step(step), nullptr) << step;
        EXPECT_EQ(tallies.Step(step)->Count(item), 1) << step << "/" << item;
    }
    EXPECT_EQ(tallies.Step("level")->respondents, 2);
    EXPECT_EQ(tallies.Step("domains")->Count("vision-leadership", kFocusValue), 1);
    EXPECT_EQ(tallies.Step("domains")->Count("targeted-innovation", kLeastValue), 1);
    EXPECT_EQ(tallies.completed, 1);
    // The cross-tab by a legacy choice finds its visit too.
    TallyQuery query;
    query.round = 0;
    query.cross_step = "level";
    query.cross_item = "system";
    reader.Invalidate();
    ASSERT_TRUE(reader.Refresh(query, &tallies)) << reader.Error();
    EXPECT_EQ(tallies.cross.visits, 1);
}

TEST(LegacyFile, TheReportCountsEveryChoice) {
    TempDir dir;
    ReportFacts facts;
    std::string error;
    ASSERT_TRUE(ReadReportCounts(RestoreLegacy(dir), 0, {{"level", "system"}}, &facts, &error)) << error;
    for (const auto& [step, item] : kChosen01) {
        const StepTally* counts = facts.Step(step);
        ASSERT_NE(counts, nullptr) << step;
        EXPECT_EQ(counts->Count(item), 1) << step << "/" << item;
    }
    ASSERT_EQ(facts.crosses.size(), 1u);
    EXPECT_EQ(facts.crosses[0].visits, 1);
}

TEST(LegacyFile, TheExportShowsChoicesAsTodaysKioskWritesThem) {
    TempDir dir;
    ExportData data;
    std::string error;
    ASSERT_TRUE(ReadExport(RestoreLegacy(dir), 0, &data, &error)) << error;
    int chosen = 0;
    for (const ExportRow& row : data.rows) {
        EXPECT_NE(row.value, "1") << row.step_id << "/" << row.item_id;
        chosen += row.value == kChosen;
    }
    EXPECT_EQ(chosen, 8);
}

TEST(LegacyFile, MergedIntoOneFileItCountsTheSame) {
    TempDir dir;
    const std::string target = dir.Path("all.db");
    MergeCounts counts;
    std::string error;
    ASSERT_TRUE(MergeInto(target, RestoreLegacy(dir), &counts, &error)) << error;
    EXPECT_EQ(counts.visits_added, 2);
    EXPECT_EQ(QueryOne(target, "SELECT count(*) FROM answers WHERE value = '1'"), "0");
    TallyReader reader(target);
    Tallies tallies;
    ASSERT_TRUE(reader.Refresh(0, &tallies)) << reader.Error();
    for (const auto& [step, item] : kChosen01)
        EXPECT_EQ(tallies.Step(step)->Count(item), 1) << step << "/" << item;
}

} // namespace
} // namespace tapsheet::test
