// Merge sources as an attacker or bad luck would make them: a file name a
// URI would misread, a view that never ends, rows no kiosk writes. Each is
// refused by name with the reason, the target left exactly as it was, and
// a kiosk's own file still merges.
#include "tests/store/merge_test_util.h"

#include <chrono>
#include <filesystem>
#include <fstream>

namespace tapsheet::test {
namespace {

class MergeHostileTest : public MergeTest {
  protected:
    void SetUp() override {
        Kiosk(good_, "kiosk-a", 3);
        Merge(good_);
    }

    // Everything the target holds, to prove a refusal changed nothing.
    std::string Everything() {
        return Count("SELECT (SELECT group_concat(id || kiosk_id || round || status || filtered, ',') FROM "
                     "(SELECT * FROM visits ORDER BY id)) || '|' || (SELECT count(*) || total(length(value)) "
                     "FROM answers) || '|' || (SELECT count(*) FROM packs) || '|' || "
                     "(SELECT value FROM meta WHERE key = 'round')");
    }

    // A copy of a kiosk's own file, then `sql` run on it as an attacker would.
    std::string Hostile(const std::string& name, const std::string& sql) {
        const std::string path = dir_.Path(name);
        Kiosk(path, "kiosk-h", 2);
        // An attacker edits the file with any tool, past its CHECK constraints.
        EXPECT_EQ(ExecRaw(path, "PRAGMA ignore_check_constraints = ON; " + sql), SQLITE_OK) << sql;
        return path;
    }

    // Refused, naming the source and saying `reason`; the target untouched.
    void ExpectRefused(const std::string& source, const std::string& reason) {
        const std::string before = Everything();
        MergeCounts counts;
        std::string error;
        EXPECT_FALSE(MergeInto(target_, source, &counts, &error)) << source;
        EXPECT_NE(error.find(source), std::string::npos) << error;
        EXPECT_NE(error.find(reason), std::string::npos) << error;
        EXPECT_NE(error.find("Nothing was merged from it"), std::string::npos) << error;
        EXPECT_EQ(error.find("not an error"), std::string::npos) << error;
        EXPECT_EQ(counts.visits_added, 0);
        EXPECT_EQ(Everything(), before) << error;
    }

    std::string good_ = dir_.Path("good.db");
};

// '#', '?' and '%' are part of a file's name, not of a URI.
TEST_F(MergeHostileTest, AFileNameIsTakenAsItIs) {
    Kiosk(dir_.Path("res"), "kiosk-res", 2);
    for (const char* name : {"res#2.db", "res?mode=rw", "100%25.db", "a b.db"}) {
        Kiosk(dir_.Path(name), "kiosk-odd", 1);
        EXPECT_EQ(Merge(dir_.Path(name)).visits_added, 1) << name;
    }
    EXPECT_EQ(Count("SELECT count(*) FROM visits WHERE kiosk_id = 'kiosk-res'"), "0")
        << "res#2.db must not merge the file res";
    EXPECT_EQ(Count("SELECT count(*) FROM visits WHERE kiosk_id = 'kiosk-odd'"), "4");
}

// A view in place of a table runs a query of the file's choosing: this one
// never ends. It is refused at once, the target never locked for it.
TEST_F(MergeHostileTest, AViewForATableIsRefusedWithoutRunningIt) {
    const std::string source = Hostile("view.db", R"sql(
        DROP TRIGGER visits_seq_on_insert; DROP TRIGGER visits_seq_on_update;
        ALTER TABLE visits RENAME TO kept_visits;
        CREATE VIEW visits AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
            SELECT 'v' || i AS id, 'k' AS kiosk_id, '' AS pack_hash, 'en' AS lang, 1 AS round,
                   '' AS started_at, NULL AS ended_at, 'open' AS status, 0 AS filtered FROM n;
    )sql");
    const auto start = std::chrono::steady_clock::now();
    ExpectRefused(source, "its 'visits' is not a plain table");
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60)) << "the view was run";
    EXPECT_EQ(ExecRaw(target_, "BEGIN IMMEDIATE; COMMIT;"), SQLITE_OK) << "the target is not left locked";
}

// A computed (generated) column runs an expression of the file's choosing
// on every read: a 20 KB file whose answers compute 100 MB each kept merge
// busy for half a minute, writing gigabytes of temporary rows. Refused
// before any row is read. Found while making the merge fuzz target's seeds.
TEST_F(MergeHostileTest, AComputedColumnIsRefusedWithoutComputingIt) {
    const std::string source = Hostile("computed.db", R"sql(
        DROP TRIGGER answers_seq_on_insert; DROP TRIGGER answers_seq_on_delete;
        DROP TRIGGER answers_seq_on_update;
        ALTER TABLE answers RENAME TO kept_answers;
        CREATE TABLE answers (visit_id, step_id, item_id, answered_at,
                              value AS (printf('%.*c', 100000000, 'x')));
        INSERT INTO answers SELECT visit_id, step_id, item_id, answered_at FROM kept_answers;
    )sql");
    ExpectRefused(source, "its 'answers' has a computed column");
}

// A copy cut short (a stick pulled mid-copy) is damaged: refused as the
// source's damage, never reported as the target's (whose advice is to move
// the kiosk's file aside). Found by the merge fuzz target.
TEST_F(MergeHostileTest, ADamagedSourceIsRefusedAsTheSourcesDamage) {
    const std::string whole = dir_.Path("whole.db"), cut = dir_.Path("cut short.db");
    Kiosk(whole, "kiosk-cut", 3);
    const std::string bytes = ReadBytes(whole);
    std::ofstream(cut, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size() / 4));
    ExpectRefused(cut, "it is damaged");
    MergeCounts counts;
    std::string error;
    MergeInto(target_, cut, &counts, &error);
    EXPECT_EQ(error.find(target_), std::string::npos) << error;
    // A header no SQLite reads (schema format 113): refused when attached.
    std::string odd = bytes;
    odd[47] = 113;
    std::ofstream(dir_.Path("odd.db"), std::ios::binary)
        .write(odd.data(), static_cast<std::streamsize>(odd.size()));
    ExpectRefused(dir_.Path("odd.db"), "it cannot be read as a tapsheet results file");
}

TEST_F(MergeHostileTest, RowsNoKioskWritesAreRefusedByName) {
    const std::string first = "(SELECT min(rowid) FROM visits)";
    struct Case {
        const char* name;
        std::string sql;
        const char* reason;
    };
    const Case cases[] = {
        {"blob-id.db", "UPDATE visits SET id = X'00FF' WHERE rowid = " + first, "its id is not text"},
        {"round-abc.db", "UPDATE visits SET round = 'abc' WHERE rowid = " + first,
         "its round is not a whole number"},
        {"round-huge.db", "UPDATE visits SET round = 9223372036854775807 WHERE rowid = " + first,
         "its round is not a whole number from 1 to 100000"},
        {"filtered-yes.db", "UPDATE visits SET filtered = 'yes' WHERE rowid = " + first,
         "its filtered mark is not 0 or 1"},
        {"no-pack.db", "UPDATE visits SET pack_hash = 'no-such-pack' WHERE rowid = " + first,
         "its content pack is not stored in the file"},
        {"status.db", "UPDATE visits SET status = 'haunted' WHERE rowid = " + first,
         "its status is not open, complete or abandoned"},
        {"start.db", "UPDATE visits SET started_at = 'yesterday' WHERE rowid = " + first,
         "its start is not a time"},
        {"ghost.db",
         "INSERT INTO answers (visit_id, step_id, item_id, value, answered_at) VALUES "
         "('ghost', 'level', 'team', '', '2026-12-05T10:00:00.000Z')",
         "an answer of a visit the file does not hold"},
        {"twice.db",
         "INSERT INTO answers SELECT visit_id, step_id, item_id, value, answered_at FROM answers "
         "WHERE rowid = (SELECT min(rowid) FROM answers)",
         "an option counted twice in one visit"},
        {"megabyte.db",
         "UPDATE answers SET item_id = 'own', value = hex(zeroblob(500000)) "
         "WHERE rowid = (SELECT min(rowid) FROM answers)",
         "at most 80 characters"},
        {"moderation.db",
         "INSERT INTO moderation VALUES ('sheet', 'own', 'x', 'published', '2026-12-05T10:00:00.000Z')",
         "approved or rejected"},
        {"meta.db", "UPDATE meta SET value = '-3' WHERE key = 'round'", "the current round"},
    };
    for (const Case& each : cases) {
        SCOPED_TRACE(each.name);
        ExpectRefused(Hostile(each.name, each.sql), each.reason);
    }
    EXPECT_EQ(Merge(good_).visits_added, 0) << "the kiosk's own file still merges (already there)";
    Kiosk(dir_.Path("next.db"), "kiosk-b", 2);
    EXPECT_EQ(Merge(dir_.Path("next.db")).visits_added, 2);
}

} // namespace
} // namespace tapsheet::test
