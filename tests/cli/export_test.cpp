// `tapsheet export` against golden files: the known database
// (known_results.h) exports byte for byte as tests/cli/data/export.csv and
// export.json.
#include "tests/cli/cli_test_util.h"
#include "tests/cli/known_results.h"

#include "app/core/answer.h"
#include "app/store/reader.h"

#include <gtest/gtest.h>

namespace tapsheet {
namespace {

using cli_test::Contains;
using cli_test::MakeKnownResults;
using cli_test::Result;
using cli_test::Source;
using cli_test::Tapsheet;
using cli_test::TempDir;

std::string ReadAll(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

class ExportTest : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = TempDir("export");
        db_ = (dir_ / "results.db").string();
        MakeKnownResults(db_, Source("tests/cli/data/export_pack.toml"));
        ASSERT_FALSE(HasFatalFailure());
    }

    // Compares with a golden file; TAPSHEET_UPDATE_GOLDEN=1 rewrites it instead.
    void ExpectGolden(const std::filesystem::path& produced, const std::string& golden_name) {
        const std::string golden = Source("tests/cli/data/" + golden_name);
        if (std::getenv("TAPSHEET_UPDATE_GOLDEN"))
            std::filesystem::copy_file(produced, golden, std::filesystem::copy_options::overwrite_existing);
        EXPECT_EQ(ReadAll(produced), ReadAll(golden)) << "differs from " << golden;
    }

    std::filesystem::path dir_;
    std::string db_;
};

// The row a kiosk's flow builds for (step, item, value), by app/core/answer.h.
AnswerRow RowTheFlowBuilds(const Step& step, const std::string& item, const std::string& value) {
    if (step.kind == StepKind::Domains)
        return MarkRow(item, value == kFocusValue ? DomainMark::Focus : DomainMark::Least);
    if (item == kProjectItem) return ProjectRow(value);
    if (item == kOwnItem) return OwnRow(value);
    return ChosenRow(item);
}

// The golden files' visits are written in plain SQL (fixed ids and times make
// stable files): every row must be exactly what a kiosk writes, or the golden
// files would test an answer no kiosk gives.
TEST_F(ExportTest, TheKnownRowsAreRowsAKioskWrites) {
    LoadResult loaded = LoadPackFile(Source("tests/cli/data/export_pack.toml"));
    ASSERT_TRUE(loaded.pack);
    StoreReader reader(db_);
    int rows = 0;
    for (const char* visit : {"v1", "v2", "v3"})
        for (const StoredAnswer& answer : reader.Answers(visit)) {
            const Step* step = nullptr;
            for (const Step& each : loaded.pack->steps)
                if (each.id == answer.step_id) step = &each;
            ASSERT_NE(step, nullptr) << answer.step_id;
            const AnswerRow built = RowTheFlowBuilds(*step, answer.item_id, answer.value);
            EXPECT_EQ(answer.item_id, built.item_id);
            EXPECT_EQ(answer.value, built.value) << visit << " " << answer.step_id << "/" << answer.item_id;
            rows++;
        }
    EXPECT_EQ(rows, 11);
}

TEST_F(ExportTest, CsvMatchesTheGoldenFile) {
    const auto out = dir_ / "answers.csv";
    Result run = Tapsheet("export --db " + db_ + " --out " + out.string());
    ASSERT_EQ(run.exit_code, 0) << run.output;
    EXPECT_TRUE(Contains(run.output, "11 answers to")) << run.output;
    ExpectGolden(out, "export.csv");
    const std::string csv = ReadAll(out);
    EXPECT_TRUE(Contains(csv, "\"Falls clinic, \"\"phase 2\"\"\"")) << "RFC 4180 quoting";
    EXPECT_TRUE(Contains(csv, "\"Line one\nline two\"")) << "a newline inside a quoted field";
    EXPECT_TRUE(Contains(csv, "System level")) << "labels from the stored pack";
    EXPECT_FALSE(std::filesystem::exists(out.string() + ".partial"));
}

TEST_F(ExportTest, JsonMatchesTheGoldenFileAndRoundsFilter) {
    const auto out = dir_ / "answers.json";
    Result run = Tapsheet("export --format json --db " + db_ + " --out " + out.string());
    ASSERT_EQ(run.exit_code, 0) << run.output;
    ExpectGolden(out, "export.json");
    const std::string json = ReadAll(out);
    EXPECT_TRUE(Contains(json, "\"Line one\\nline two\"")) << json;
    EXPECT_TRUE(Contains(json, "\"filtered\": true"));
    Result round_two = Tapsheet("export --format json --round 2 --db " + db_);
    ASSERT_EQ(round_two.exit_code, 0) << round_two.output;
    EXPECT_TRUE(Contains(round_two.output, "Gwell gofal ŵyr"));
    EXPECT_FALSE(Contains(round_two.output, "\"v1\"")) << "round 1 left out";
}

// A file merged twice into another exports exactly as the file itself.
TEST_F(ExportTest, MergedTwiceExportsTheSame) {
    const std::string all = (dir_ / "all.db").string();
    Result first = Tapsheet("merge --into " + all + " " + db_);
    ASSERT_EQ(first.exit_code, 0) << first.output;
    EXPECT_TRUE(Contains(first.output, "3 visits added, 0 updated, 0 already there; 11 answers copied"))
        << first.output;
    Result again = Tapsheet("merge --into " + all + " " + db_ + " " + db_);
    ASSERT_EQ(again.exit_code, 0) << again.output;
    EXPECT_TRUE(Contains(again.output, "0 visits added, 0 updated, 3 already there; 0 answers copied"))
        << again.output;
    const auto out = dir_ / "merged.csv";
    ASSERT_EQ(Tapsheet("export --db " + all + " --out " + out.string()).exit_code, 0);
    EXPECT_EQ(ReadAll(out), ReadAll(Source("tests/cli/data/export.csv")));
    Result bad = Tapsheet("merge --into " + all + " " + (dir_ / "none.db").string());
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_TRUE(Contains(bad.output, "none.db")) << bad.output;
}

// A skipped step is in the export: a row with the step, its question and
// value "skipped", in the visit's order, written by the real writer.
TEST(ExportSkips, ASkippedStepIsARow) {
    const auto dir = TempDir("export-skips");
    const std::string db = (dir / "skips.db").string();
    LoadResult loaded = LoadPackFile(Source("tests/cli/data/export_pack.toml"));
    ASSERT_TRUE(loaded.pack);
    {
        WriterOptions options;
        options.db_path = db;
        options.kiosk_id = "kiosk-s";
        VisitWriter writer(options, *loaded.pack);
        writer.BeginVisit("s1", "en");
        writer.SaveAnswer({"s1", "level", false, {{"system", ""}}});
        writer.SaveAnswer({"s1", "aim", true, {}});
        writer.SaveAnswer({"s1", "improvement", true, {}});
        writer.SaveAnswer({"s1", "improvement", false, {{"staff", ""}}}); // went back and answered it
        writer.EndVisit("s1", VisitEnd::Complete);
    } // drained on destruction
    const auto csv_path = dir / "skips.csv";
    Result run = Tapsheet("export --db " + db + " --out " + csv_path.string());
    ASSERT_EQ(run.exit_code, 0) << run.output;
    EXPECT_TRUE(Contains(run.output, "2 answers and 1 skipped step to")) << run.output;
    const std::string csv = ReadAll(csv_path);
    EXPECT_TRUE(Contains(csv, ",aim,Are you working to…,,,skipped,")) << csv;
    EXPECT_FALSE(
        Contains(csv, ",improvement,Are you aiming to achieve an improvement in terms of…,,,skipped,"))
        << "answered after all: no longer skipped\n"
        << csv;
    // In the visit's step order: aim (skipped) before improvement and level.
    EXPECT_LT(csv.find(",aim,"), csv.find(",improvement,")) << csv;
    Result json = Tapsheet("export --format json --db " + db);
    ASSERT_EQ(json.exit_code, 0) << json.output;
    EXPECT_TRUE(Contains(json.output,
                         "\"step_id\": \"aim\", \"question\": \"Are you working to…\", \"item_id\": "
                         "\"\", \"option\": \"\", \"value\": \"skipped\""))
        << json.output;
}

TEST_F(ExportTest, BadOptionsAndMissingDatabaseAreClear) {
    Result format = Tapsheet("export --format xml --db " + db_);
    EXPECT_EQ(format.exit_code, 2);
    EXPECT_TRUE(Contains(format.output, "--format takes csv or json")) << format.output;
    Result round = Tapsheet("export --round zero --db " + db_);
    EXPECT_EQ(round.exit_code, 2);
    const std::string missing = (dir_ / "none.db").string();
    Result none = Tapsheet("export --db " + missing);
    EXPECT_EQ(none.exit_code, 2);
    EXPECT_TRUE(Contains(none.output, missing)) << none.output;
    EXPECT_FALSE(std::filesystem::exists(missing)) << "export never creates a database";
}

} // namespace
} // namespace tapsheet
