// `tapsheet export` against golden files: a database with known visits
// (fixed ids and times, written in plain SQL after the real writer created
// and migrated it and recorded a small test pack) exports byte for byte as
// tests/cli/data/export.csv and export.json.
#include "app/core/loader.h"
#include "app/store/store.h"
#include "tests/cli/cli_test_util.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace tapsheet {
namespace {

using cli_test::Contains;
using cli_test::Result;
using cli_test::Source;
using cli_test::Tapsheet;
using cli_test::TempDir;

std::string ReadAll(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Free text with a comma, quotes, a newline and Welsh letters: the cases
// RFC 4180 and JSON escaping are about.
constexpr const char* kKnownVisits = R"sql(
INSERT INTO visits (id, kiosk_id, pack_hash, lang, round, started_at, ended_at, status, filtered) VALUES
  ('v1', 'kiosk-a', '{hash}', 'en', 1, '2024-04-11T09:00:00.000Z', '2024-04-11T09:01:10.000Z', 'complete', 0),
  ('v2', 'kiosk-a', '{hash}', 'en', 1, '2024-04-11T09:05:00.000Z', NULL, 'open', 1),
  ('v3', 'kiosk-b', '{hash}', 'cy', 2, '2024-04-11T10:00:00.000Z', '2024-04-11T10:00:40.000Z', 'abandoned', 0);
INSERT INTO answers (visit_id, step_id, item_id, value, answered_at) VALUES
  ('v1', 'level', 'system', '', '2024-04-11T09:00:05.000Z'),
  ('v1', 'improvement', 'patients', '', '2024-04-11T09:00:20.000Z'),
  ('v1', 'improvement', 'staff', '', '2024-04-11T09:00:20.000Z'),
  ('v1', 'benefits', 'workplace-culture', '', '2024-04-11T09:00:40.000Z'),
  ('v1', 'benefits', 'project', 'Falls clinic, "phase 2"', '2024-04-11T09:00:40.000Z'),
  ('v1', 'benefits', 'own', 'Line one
line two', '2024-04-11T09:00:40.000Z'),
  ('v1', 'domains', 'vision', 'focus', '2024-04-11T09:01:00.000Z'),
  ('v1', 'domains', 'innovation', 'least', '2024-04-11T09:01:00.000Z'),
  ('v2', 'level', 'team', '', '2024-04-11T09:05:04.000Z'),
  ('v3', 'aim', 'conditions', '', '2024-04-11T10:00:10.000Z'),
  ('v3', 'benefits', 'own', 'Gwell gofal ŵyr', '2024-04-11T10:00:30.000Z');
)sql";

class ExportTest : public ::testing::Test {
  protected:
    void SetUp() override {
        LoadResult loaded = LoadPackFile(Source("tests/cli/data/export_pack.toml"));
        ASSERT_TRUE(loaded.pack);
        dir_ = TempDir("export");
        db_ = (dir_ / "results.db").string();
        CreateWithPack(*loaded.pack);
        std::string sql = kKnownVisits;
        for (std::size_t at; (at = sql.find("{hash}")) != std::string::npos;)
            sql.replace(at, 6, loaded.pack->source_hash);
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
        char* message = nullptr;
        EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message), SQLITE_OK) << message;
        sqlite3_free(message);
        sqlite3_close(db);
    }

    // The real writer makes the schema and stores the pack's text and hash.
    void CreateWithPack(const Pack& pack) {
        std::mutex mutex;
        std::condition_variable changed;
        WriterOptions options;
        options.db_path = db_;
        options.wake = [&] {
            { std::lock_guard lock(mutex); }
            changed.notify_all();
        };
        VisitWriter writer(options, pack);
        std::unique_lock lock(mutex);
        ASSERT_TRUE(changed.wait_for(lock, std::chrono::seconds(20), [&] { return writer.Ready(); }));
        ASSERT_TRUE(writer.Health().ok) << writer.Health().problem;
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
