// Every failure of `export`, `report` and `merge` names what went wrong and
// what to do, never SQLite's "not an error" (which it says once a later
// call has replaced the failure's message): files that are not results
// files, a newer schema, a missing file, a full disk.
#include "tests/cli/cli_test_util.h"

#include "app/core/loader.h"
#include "app/session/demo_figures.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>

namespace tapsheet {
namespace {

using cli_test::Contains;
using cli_test::Result;
using cli_test::Source;
using cli_test::Tapsheet;
using cli_test::TempDir;

void Sql(const std::string& path, const char* sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
}

// The command in bash with the file size limited to `kib` KiB: the kernel
// refuses writes past it (EFBIG) as a full disk would, for root too.
Result UnderSizeLimit(int kib, const std::string& args) {
    const std::string command = "bash -c \"trap '' XFSZ; ulimit -f " + std::to_string(kib) + "; " +
                                TAPSHEET_BINARY + " " + args + "\" 2>&1";
    Result run;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return run;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
        run.output.append(buffer, n);
    const int status = pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

class FailuresTest : public ::testing::Test {
  protected:
    void SetUp() override { dir_ = TempDir("failures"); }

    std::string Path(const std::string& name) { return (dir_ / name).string(); }

    // Exit 2, the file named, something to do, and no "not an error".
    void ExpectExplained(const Result& run, const std::string& file, const std::string& what,
                         const std::string& to_do) {
        EXPECT_EQ(run.exit_code, 2) << run.output;
        EXPECT_TRUE(Contains(run.output, file)) << run.output;
        EXPECT_TRUE(Contains(run.output, what)) << run.output;
        EXPECT_TRUE(Contains(run.output, to_do)) << run.output;
        EXPECT_FALSE(Contains(run.output, "not an error")) << run.output;
    }

    // Each reading command, and merge, on `file`.
    void ExpectEachExplains(const std::string& file, const std::string& what, const std::string& to_do) {
        ExpectExplained(Tapsheet("export --db " + file + " --out " + Path("out.csv")), file, what, to_do);
        ExpectExplained(Tapsheet("report --db " + file + " --out " + Path("out.html")), file, what, to_do);
        ExpectExplained(Tapsheet("merge --into " + Path("all.db") + " " + file), file, what, to_do);
    }

    std::filesystem::path dir_;
};

TEST_F(FailuresTest, AnotherProgramsDatabase) {
    const std::string other = Path("other.db");
    Sql(other, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
    ExpectEachExplains(other, "not a tapsheet results file", "Give the .db file a kiosk wrote");
}

TEST_F(FailuresTest, AFileThatIsNotADatabase) {
    const std::string notes = Path("notes.db");
    std::ofstream(notes) << "these are my notes, not a database\n";
    ExpectEachExplains(notes, "not an SQLite database at all", "Give the .db file a kiosk wrote");
}

TEST_F(FailuresTest, ANewerTapsheetsFile) {
    const std::string newer = Path("newer.db");
    Sql(newer, "CREATE TABLE visits (id TEXT); PRAGMA user_version = 99;");
    ExpectEachExplains(newer, "made by a newer tapsheet (schema 99", "Install the newer tapsheet");
}

TEST_F(FailuresTest, AMissingFile) {
    const std::string missing = Path("missing.db");
    ExpectExplained(Tapsheet("export --db " + missing), missing, "cannot be opened", "run the command again");
    ExpectExplained(Tapsheet("report --db " + missing + " --out " + Path("r.html")), missing,
                    "cannot be opened", "run the command again");
    EXPECT_FALSE(std::filesystem::exists(missing)) << "reading commands create nothing";
}

// A target on a full disk: merge says so, and the target keeps what it had.
TEST_F(FailuresTest, MergeOntoAFullDisk) {
    LoadResult loaded = LoadPackFile(Source("assets/content/default.toml"));
    ASSERT_TRUE(loaded.pack);
    const std::string demo = Path("demo.db"), all = Path("all.db");
    std::string error;
    ASSERT_TRUE(WriteDemoFigures(*loaded.pack, demo, DemoFigures{}, &error)) << error;
    ASSERT_EQ(Tapsheet("merge --into " + all + " " + Path("none.db")).exit_code, 2); // creates the target
    const auto size_kib = static_cast<int>(std::filesystem::file_size(all) / 1024) + 8;
    const Result run = UnderSizeLimit(size_kib, "merge --into " + all + " " + demo);
    ExpectExplained(run, all, "disk holding the database is full", "Free some disk space");
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open_v2(all.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* count = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT count(*) FROM visits", -1, &count, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_step(count), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int(count, 0), 0) << "the failed merge left nothing half done";
    sqlite3_finalize(count);
    sqlite3_close(db);
    const Result after = Tapsheet("merge --into " + all + " " + demo);
    EXPECT_EQ(after.exit_code, 0) << "with space again, the same merge works: " << after.output;
}

// One bad visit never refuses a whole file: the report and the export leave
// it out, say how many, and count the rest (here, an edited file whose latest
// visit names no stored pack, and another with a round that is not a number).
TEST_F(FailuresTest, BadVisitsAreLeftOutAndCounted) {
    LoadResult loaded = LoadPackFile(Source("assets/content/default.toml"));
    ASSERT_TRUE(loaded.pack);
    const std::string demo = Path("demo.db");
    std::string error;
    ASSERT_TRUE(WriteDemoFigures(*loaded.pack, demo, DemoFigures{}, &error)) << error;
    Sql(demo, "PRAGMA ignore_check_constraints = ON;"
              "UPDATE visits SET pack_hash = 'no-such-pack' WHERE rowid = (SELECT max(rowid) FROM visits);"
              "UPDATE visits SET round = 'abc' WHERE rowid = (SELECT min(rowid) FROM visits);");
    const Result report = Tapsheet("report --db " + demo + " --out " + Path("report.html"));
    EXPECT_EQ(report.exit_code, 0) << report.output;
    EXPECT_TRUE(Contains(report.output, "2 visits left out: not as a kiosk writes them")) << report.output;
    EXPECT_TRUE(Contains(report.output, "55 visits to")) << report.output;
    const Result export_run = Tapsheet("export --db " + demo + " --out " + Path("all.csv"));
    EXPECT_EQ(export_run.exit_code, 0) << export_run.output;
    EXPECT_TRUE(Contains(export_run.output, "2 visits left out")) << export_run.output;
}

} // namespace
} // namespace tapsheet
