// The board's reader as it really runs: one TallyReader kept for the whole
// session, catching up after every few visits through the change sequence,
// while rounds change, visits are flagged late, answers are backdated in raw
// SQL, free text is moderated and the query switches between rounds and
// cross-tabs. Every refresh is checked against the test's own record, so a
// change the sequence missed shows up as a wrong figure.
#include "app/store/schema.h"
#include "tally_test_util.h"

namespace tapsheet::test {
namespace {

TallyQuery Query(int round, std::string cross_step = "", std::string cross_item = "") {
    TallyQuery query;
    query.round = round;
    query.cross_step = std::move(cross_step);
    query.cross_item = std::move(cross_item);
    return query;
}

class TallyLiveTest : public TallyTest {
  protected:
    void WaitAll() {
        const std::vector<Ack> acks = CollectAcks(*writer_, waker_, tickets_.size());
        ASSERT_EQ(acks.size(), tickets_.size());
        for (const Ack& ack : acks)
            ASSERT_TRUE(ack.committed) << "ticket " << ack.ticket;
        tickets_.clear();
    }

    // Returns how many visits the cross-tab counted (so the test can tell
    // the cross-tab checks were not vacuous).
    int Check(TallyReader& reader, const TallyQuery& query, int current_round, const std::string& midnight,
              std::chrono::system_clock::time_point now) {
        Tallies tallies;
        reader.Invalidate(); // the query may be the same as last time; still read
        EXPECT_TRUE(reader.Refresh(query, &tallies, now)) << reader.Error();
        const int round = query.round == kCurrentRound ? current_round : query.round;
        EXPECT_EQ(tallies.round, round);
        EXPECT_EQ(tallies.current_round, current_round);
        const std::string recent = UtcStamp(now - std::chrono::minutes(10));
        const Figures expected = FromRecord(visits_, round);
        EXPECT_EQ(FromTallies(tallies), expected);
        EXPECT_EQ(FromSql(path_, round, midnight, recent), expected);
        EXPECT_EQ(FreeTextOf(tallies), FreeTextFromRecord(visits_, round));
        if (query.cross_step.empty()) {
            EXPECT_EQ(tallies.cross.visits, 0);
            EXPECT_TRUE(tallies.cross.steps.empty());
            return 0;
        }
        EXPECT_EQ(tallies.cross.step_id, query.cross_step);
        EXPECT_EQ(FromCross(tallies.cross),
                  CrossFromRecord(visits_, round, query.cross_step, query.cross_item));
        return tallies.cross.visits;
    }

    std::vector<VisitRecord> visits_;
};

TEST_F(TallyLiveTest, EveryRefreshAlongTheWayMatchesTheRecord) {
    const auto now = std::chrono::system_clock::now();
    const std::string midnight =
        QueryOne(path_, "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', " +
                            std::to_string(std::chrono::system_clock::to_time_t(now)) +
                            ", 'unixepoch', 'localtime', 'start of day', 'utc')");
    const std::vector<TallyQuery> queries = {Query(kCurrentRound),
                                             Query(0),
                                             Query(1),
                                             Query(2, "level", "system"),
                                             Query(kCurrentRound, "aim", "goal"),
                                             Query(0, "level", "team")};
    std::mt19937 random(11042024);
    TallyReader reader(path_); // opened once, before any visit, as a board would be
    int round = 1;
    int crosses_seen = 0;
    for (int batch = 0; batch < 24; ++batch) {
        SCOPED_TRACE("batch " + std::to_string(batch));
        if (batch % 8 == 7) {
            round = round == 1 ? 2 : 1;
            tickets_.push_back(writer_->SetRound(round));
        }
        for (int i = 0; i < 12; ++i)
            visits_.push_back(WriteVisit(round, random));
        // Anti-stuffing may flag (or clear) a visit long after it ended.
        VisitRecord& late = visits_[random() % visits_.size()];
        late.filtered = !late.filtered;
        tickets_.push_back(writer_->SetFiltered(late.id, late.filtered));
        // An attendee the board already counted goes back and skips a step
        // (its rows are only deleted) or answers it again.
        VisitRecord& back = visits_[random() % visits_.size()];
        const std::string& step = kSteps[random() % kSteps.size()];
        back.rows.erase(step);
        tickets_.push_back(writer_->SaveAnswer(Skip(back.id, step)));
        Save(visits_[random() % visits_.size()], kSteps[random() % kSteps.size()], random);
        WaitAll();
        if (batch % 6 == 5) Backdate(visits_, random);
        const TallyQuery& query = queries[static_cast<std::size_t>(batch) % queries.size()];
        crosses_seen += Check(reader, query, round, midnight, now) > 0;
    }
    EXPECT_GT(crosses_seen, 4); // the cross-tabs had visits to count
    EXPECT_GT(FromRecord(visits_, 0).at("filtered"), 5);
}

TEST_F(TallyLiveTest, ModerationAndHiddenStepsReachTheBoard) {
    const std::string first = NewVisitId(), second = NewVisitId();
    for (const std::string& visit : {first, second}) {
        tickets_.push_back(writer_->BeginVisit(visit, "en"));
        tickets_.push_back(writer_->SaveAnswer(
            Answer(visit, "sheet", {{"b1", ""}, {"project", "Falls clinic"}, {"own", "Calmer wards"}})));
    }
    tickets_.push_back(
        writer_->SaveAnswer(Answer(second, "sheet", {{"own", "Calmer wards"}, {"own", "Less paper"}})));
    WaitAll();
    TallyReader reader(path_);
    Tallies tallies;
    ASSERT_TRUE(reader.Refresh(Query(kCurrentRound), &tallies)) << reader.Error();
    EXPECT_EQ(FreeTextOf(tallies), (Figures{{"sheet/own/Calmer wards", 2},
                                            {"sheet/own/Less paper", 1},
                                            {"sheet/project/Falls clinic", 1}}));
    for (const FreeText& text : tallies.free_text)
        EXPECT_EQ(text.status, Moderation::Pending) << text.text;
    EXPECT_TRUE(tallies.hidden_steps.empty());

    tickets_.push_back(writer_->Moderate("sheet", "own", "Calmer wards", true));
    tickets_.push_back(writer_->Moderate("sheet", "project", "Falls clinic", false));
    tickets_.push_back(writer_->SetHiddenSteps({"level", "improve"}));
    WaitAll();
    ASSERT_TRUE(reader.Refresh(Query(kCurrentRound), &tallies)) << reader.Error();
    ASSERT_EQ(tallies.free_text.size(), 3u);
    EXPECT_EQ(tallies.free_text[0].text, "Less paper"); // the only one pending: first
    EXPECT_EQ(tallies.free_text[0].status, Moderation::Pending);
    for (const FreeText& text : tallies.free_text) {
        if (text.text == "Calmer wards") {
            EXPECT_EQ(text.status, Moderation::Approved);
        }
        if (text.text == "Falls clinic") {
            EXPECT_EQ(text.status, Moderation::Rejected);
        }
    }
    EXPECT_EQ(tallies.hidden_steps, (std::vector<std::string>{"level", "improve"}));

    // A decision can be changed, and the list empties of hidden steps again.
    tickets_.push_back(writer_->Moderate("sheet", "own", "Calmer wards", false));
    tickets_.push_back(writer_->SetHiddenSteps({}));
    WaitAll();
    ASSERT_TRUE(reader.Refresh(Query(kCurrentRound), &tallies));
    for (const FreeText& text : tallies.free_text)
        EXPECT_NE(text.status, Moderation::Approved) << text.text;
    EXPECT_TRUE(tallies.hidden_steps.empty());
}

TEST_F(TallyLiveTest, NewRoundIsFollowedAndEarlierRoundsStay) {
    std::mt19937 random(7);
    for (int i = 0; i < 20; ++i)
        visits_.push_back(WriteVisit(1, random));
    tickets_.push_back(writer_->SetRound(2));
    WaitAll();
    TallyReader reader(path_);
    Tallies tallies;
    ASSERT_TRUE(reader.Refresh(Query(kCurrentRound), &tallies));
    EXPECT_EQ(tallies.current_round, 2);
    EXPECT_EQ(tallies.round, 2);
    EXPECT_TRUE(tallies.steps.empty()); // nobody has answered in round 2 yet
    EXPECT_EQ(tallies.rounds, std::vector<int>{1});
    visits_.push_back(WriteVisit(2, random));
    WaitAll();
    ASSERT_TRUE(reader.Refresh(Query(kCurrentRound), &tallies));
    EXPECT_EQ(tallies.rounds, (std::vector<int>{1, 2}));
    EXPECT_EQ(FromTallies(tallies), FromRecord(visits_, 2));
    ASSERT_TRUE(reader.Refresh(Query(1), &tallies));
    EXPECT_EQ(FromTallies(tallies), FromRecord(visits_, 1));
}

// A file written by schema v1 (before the change sequence) is migrated by
// the kiosk and then read in full, and caught up incrementally after.
TEST(TallyMigrationTest, VersionOneFileIsMigratedAndCounted) {
    TempDir dir;
    const std::string path = dir.Path("results.db");
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    int found = -1;
    ASSERT_EQ(sql::Migrate(db, &found, 1), SQLITE_OK);
    ASSERT_EQ(
        sqlite3_exec(db,
                     "INSERT INTO packs VALUES ('h', 'p', '', '2024-04-11T09:00:00.000Z');"
                     "INSERT INTO visits (id, kiosk_id, pack_hash, lang, started_at) VALUES "
                     "('a', 'k', 'h', 'en', '2024-04-11T09:00:00.000Z'),"
                     "('b', 'k', 'h', 'en', '2024-04-11T09:01:00.000Z');"
                     "INSERT INTO answers VALUES ('a', 'level', 'system', '', '2024-04-11T09:00:01.000Z'),"
                     "('b', 'level', 'system', '', '2024-04-11T09:01:01.000Z');",
                     nullptr, nullptr, nullptr),
        SQLITE_OK);
    sqlite3_close(db);
    Waker waker;
    VisitWriter writer(Options(path, waker), MakePack());
    ASSERT_TRUE(WaitReady(writer, waker));
    ASSERT_TRUE(writer.Health().ok) << writer.Health().problem;
    EXPECT_EQ(QueryOne(path, "SELECT count(DISTINCT seq) FROM visits WHERE seq > 0"), "2");
    TallyReader reader(path);
    Tallies tallies;
    ASSERT_TRUE(reader.Refresh(Query(0), &tallies)) << reader.Error();
    EXPECT_EQ(tallies.Step("level")->Count("system"), 2);
    ASSERT_TRUE(Committed(writer, waker, writer.SaveAnswer(Answer("a", "level", {{"team", ""}}))));
    ASSERT_TRUE(reader.Refresh(Query(0), &tallies)) << reader.Error();
    EXPECT_EQ(tallies.Step("level")->Count("system"), 1);
    EXPECT_EQ(tallies.Step("level")->Count("team"), 1);
}

} // namespace
} // namespace tapsheet::test
