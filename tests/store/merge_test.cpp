// Merging kiosks' databases: every visit once, however often a file is
// merged, a newer copy of a visit wins over an older one, and the merged
// file counts on the board as the kiosks did together.
#include "app/store/reader.h"
#include "app/store/tally_reader.h"
#include "tests/store/merge_test_util.h"

namespace tapsheet::test {
namespace {

TEST_F(MergeTest, TwoKiosksOnceEachAndTwiceChangesNothing) {
    const std::string a = dir_.Path("a.db"), b = dir_.Path("b.db");
    Kiosk(a, "kiosk-a", 5);
    Kiosk(b, "kiosk-b", 3);
    MergeCounts first = Merge(a);
    EXPECT_EQ(first.visits_added, 5);
    EXPECT_EQ(first.answers_copied, 10);
    EXPECT_EQ(Merge(b).visits_added, 3);
    EXPECT_EQ(Count("SELECT count(*) FROM visits"), "8");
    EXPECT_EQ(Count("SELECT count(*) FROM answers"), "16");
    const std::string before = Count("SELECT group_concat(id || status || coalesce(ended_at, ''), ',') FROM "
                                     "(SELECT * FROM visits ORDER BY id)");
    for (const std::string& again : {a, b, a}) {
        MergeCounts repeat = Merge(again);
        EXPECT_EQ(repeat.visits_added + repeat.visits_updated, 0) << again;
        EXPECT_EQ(repeat.answers_copied, 0);
        EXPECT_GT(repeat.visits_kept, 0);
    }
    EXPECT_EQ(Count("SELECT count(*) FROM answers"), "16") << "nothing counted twice";
    EXPECT_EQ(Count("SELECT group_concat(id || status || coalesce(ended_at, ''), ',') FROM "
                    "(SELECT * FROM visits ORDER BY id)"),
              before);
    EXPECT_EQ(Count("SELECT count(*) FROM packs"), "1");
    EXPECT_EQ(StoreReader(target_).IntegrityCheck(), "ok");
    TallyReader board(target_);
    Tallies tallies;
    ASSERT_TRUE(board.Refresh(0, &tallies)) << board.Error();
    EXPECT_EQ(tallies.Step("aim")->Count("goal"), 8);
    EXPECT_EQ(tallies.Step("level")->Count("system") + tallies.Step("level")->Count("team"), 8);
}

TEST_F(MergeTest, ANewerCopyWinsAndAnOlderOneLosesNothing) {
    const std::string live = dir_.Path("live.db"), morning = dir_.Path("morning.db");
    const std::vector<std::string> ids = Kiosk(live, "kiosk-a", 2);
    std::filesystem::copy_file(live, morning); // a copy taken at lunch (WAL checkpointed on close)
    {
        Waker waker;
        WriterOptions options = Options(live, waker);
        options.kiosk_id = "kiosk-a";
        VisitWriter writer(options, MakePack());
        ASSERT_TRUE(WaitReady(writer, waker));
        ASSERT_TRUE(Committed(writer, waker, writer.SaveAnswer(Answer(ids[0], "improve", {{"staff", ""}}))));
    } // the afternoon: one more answer to a visit the copy already had
    EXPECT_EQ(Merge(morning).visits_added, 2);
    MergeCounts afternoon = Merge(live);
    EXPECT_EQ(afternoon.visits_updated, 1) << "the visit that changed";
    EXPECT_EQ(Count("SELECT count(*) FROM answers WHERE visit_id = '" + ids[0] + "'"), "3");
    MergeCounts stale = Merge(morning); // the older copy again, after the newer one
    EXPECT_EQ(stale.visits_updated, 0);
    EXPECT_EQ(Count("SELECT count(*) FROM answers WHERE visit_id = '" + ids[0] + "'"), "3") << "nothing lost";
}

TEST_F(MergeTest, WhatIsNotAResultsFileIsRefusedAndNothingChanges) {
    const std::string a = dir_.Path("a.db");
    Kiosk(a, "kiosk-a", 1);
    Merge(a);
    const std::string stranger = dir_.Path("stranger.db");
    ASSERT_EQ(ExecRaw(stranger, "CREATE TABLE t (x)"), SQLITE_OK);
    MergeCounts counts;
    std::string error;
    EXPECT_FALSE(MergeInto(target_, stranger, &counts, &error));
    EXPECT_NE(error.find("not a tapsheet results file"), std::string::npos) << error;
    EXPECT_NE(error.find(stranger), std::string::npos) << error;
    EXPECT_FALSE(MergeInto(target_, dir_.Path("missing.db"), &counts, &error));
    EXPECT_NE(error.find("missing.db"), std::string::npos) << error;
    EXPECT_FALSE(std::filesystem::exists(dir_.Path("missing.db"))) << "the source is only read";
    EXPECT_EQ(Count("SELECT count(*) FROM visits"), "1");
}

} // namespace
} // namespace tapsheet::test
