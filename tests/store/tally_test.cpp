// TallyReader: the board's figures against two independent truths (the
// test's own record of what it wrote, and a plain SQL query), and the rule
// that nothing is recomputed while nothing changed.
#include "tally_test_util.h"

#include <filesystem>

namespace tapsheet::test {
namespace {

TEST_F(TallyTest, RandomVisitsMatchTheRecordAndSql) {
    const auto now = std::chrono::system_clock::now(); // before any write: midnight cannot slip past
    std::mt19937 random(20240411);
    std::vector<VisitRecord> visits;
    int round = 1;
    for (int i = 0; i < 300; ++i) {
        if (i % 60 == 0 && i > 0) { // rounds alternate, so both hold visits from early and late
            round = round == 1 ? 2 : 1;
            tickets_.push_back(writer_->SetRound(round));
        }
        visits.push_back(WriteVisit(round, random));
    }
    const std::vector<Ack> acks = CollectAcks(*writer_, waker_, tickets_.size());
    ASSERT_EQ(acks.size(), tickets_.size());
    for (const Ack& ack : acks)
        ASSERT_TRUE(ack.committed) << "ticket " << ack.ticket;
    Backdate(visits, random);

    TallyReader reader(path_);
    Tallies tallies;
    const std::string midnight =
        QueryOne(path_, "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', " +
                            std::to_string(std::chrono::system_clock::to_time_t(now)) +
                            ", 'unixepoch', 'localtime', 'start of day', 'utc')");
    const std::string recent = UtcStamp(now - std::chrono::minutes(10));
    for (int which : {1, 2, 0}) {
        SCOPED_TRACE("round " + std::to_string(which));
        ASSERT_TRUE(reader.Refresh(which, &tallies, now)) << reader.Error();
        const Figures expected = FromRecord(visits, which);
        EXPECT_EQ(FromSql(path_, which, midnight, recent), expected);
        EXPECT_EQ(FromTallies(tallies), expected);
        // Sanity of the data itself, so the comparison is not vacuous.
        EXPECT_GT(expected.at("filtered"), 5);
        EXPECT_GT(expected.at("completed"), 5);
        EXPECT_GT(expected.at("recent"), 5);
        EXPECT_GT(tallies.Step("domains")->Count("vision", "least"), 0);
        EXPECT_EQ(tallies.Step("sheet")->Count("project"), 0); // free text is never a tally
    }
}

TEST_F(TallyTest, RefreshOnlyWhenAnotherConnectionCommitted) {
    const std::string visit = NewVisitId();
    ASSERT_TRUE(Committed(*writer_, waker_, writer_->BeginVisit(visit, "en")));
    ASSERT_TRUE(Committed(*writer_, waker_, writer_->SaveAnswer(Answer(visit, "level", {{"system", ""}}))));

    TallyReader reader(path_);
    Tallies tallies;
    ASSERT_TRUE(reader.Refresh(1, &tallies)) << reader.Error();
    EXPECT_EQ(tallies.Step("level")->Count("system"), 1);
    const std::int64_t version = tallies.data_version;
    tallies.visits_today = -1; // a marker: an idle Refresh must leave *out alone
    for (int i = 0; i < 3; ++i)
        EXPECT_FALSE(reader.Refresh(1, &tallies));
    EXPECT_EQ(tallies.visits_today, -1);
    EXPECT_TRUE(reader.Ok()) << reader.Error();

    // One more answer through the writer's own connection (as another process would).
    ASSERT_TRUE(Committed(*writer_, waker_, writer_->SaveAnswer(Answer(visit, "aim", {{"goal", ""}}))));
    ASSERT_TRUE(reader.Refresh(1, &tallies));
    EXPECT_NE(tallies.data_version, version);
    EXPECT_EQ(tallies.visits_today, 1);
    EXPECT_EQ(tallies.Step("aim")->Count("goal"), 1);
    EXPECT_EQ(tallies.answers_last_10_min, 2);
    EXPECT_FALSE(reader.Refresh(1, &tallies));

    // Another round, or an explicit Invalidate(), recomputes without a commit.
    ASSERT_TRUE(reader.Refresh(2, &tallies));
    EXPECT_TRUE(tallies.steps.empty());
    EXPECT_FALSE(reader.Refresh(2, &tallies));
    reader.Invalidate();
    EXPECT_TRUE(reader.Refresh(2, &tallies));
}

TEST(TallyReaderTest, BoardMayStartBeforeTheKiosk) {
    TempDir dir;
    const std::string path = dir.Path("results.db");
    TallyReader reader(path);
    Tallies tallies;
    EXPECT_FALSE(reader.Refresh(0, &tallies));
    EXPECT_FALSE(reader.Ok());
    EXPECT_NE(reader.Error().find(path), std::string::npos) << reader.Error();
    EXPECT_FALSE(std::filesystem::exists(path)); // never created by the board

    Waker waker;
    VisitWriter writer(Options(path, waker), MakePack());
    ASSERT_TRUE(WaitReady(writer, waker));
    const std::string visit = NewVisitId();
    ASSERT_TRUE(Committed(writer, waker, writer.BeginVisit(visit, "en")));
    ASSERT_TRUE(Committed(writer, waker, writer.SaveAnswer(Answer(visit, "level", {{"team", ""}}))));
    ASSERT_TRUE(reader.Refresh(0, &tallies)) << reader.Error();
    EXPECT_TRUE(reader.Ok());
    EXPECT_EQ(tallies.Step("level")->respondents, 1);
}

// A visit no kiosk would write (an edited or damaged file) is in no figure
// and counted apart, on the first read and on an incremental one; the rest
// of the file is counted as ever.
TEST_F(TallyTest, AVisitNoKioskWritesIsLeftOutAndCounted) {
    std::vector<std::string> ids;
    for (int i = 0; i < 3; ++i) {
        ids.push_back(NewVisitId());
        ASSERT_TRUE(Committed(*writer_, waker_, writer_->BeginVisit(ids.back(), "en")));
        ASSERT_TRUE(
            Committed(*writer_, waker_, writer_->SaveAnswer(Answer(ids.back(), "level", {{"system", ""}}))));
    }
    ASSERT_EQ(ExecRaw(path_, "PRAGMA ignore_check_constraints = ON; UPDATE visits SET status = 'haunted' "
                             "WHERE id = '" +
                                 ids[0] + "'"),
              SQLITE_OK);
    TallyReader reader(path_);
    Tallies tallies;
    ASSERT_TRUE(reader.Refresh(0, &tallies)) << reader.Error();
    EXPECT_EQ(tallies.Step("level")->Count("system"), 2);
    EXPECT_EQ(tallies.left_out, 1);
    ASSERT_EQ(ExecRaw(path_, "UPDATE visits SET round = 'abc' WHERE id = '" + ids[1] + "'"), SQLITE_OK);
    ASSERT_TRUE(reader.Refresh(0, &tallies)) << reader.Error();
    EXPECT_EQ(tallies.Step("level")->Count("system"), 1) << "a visit broken after the first read";
    EXPECT_EQ(tallies.left_out, 2);
    EXPECT_EQ(tallies.rounds, std::vector<int>{1});
    ASSERT_EQ(ExecRaw(path_, "UPDATE visits SET status = 'open', round = 1 WHERE id IN ('" + ids[0] + "', '" +
                                 ids[1] + "')"),
              SQLITE_OK);
    ASSERT_TRUE(reader.Refresh(0, &tallies)) << reader.Error();
    EXPECT_EQ(tallies.Step("level")->Count("system"), 3) << "mended, they count again";
    EXPECT_EQ(tallies.left_out, 0);
}

} // namespace
} // namespace tapsheet::test
