// What the writer promises about its connection and about visits left open
// by a kiosk that stopped without finishing them.
#include "app/store/reader.h"
#include "app/store/store.h"
#include "store_test_util.h"

#include <gtest/gtest.h>

namespace tapsheet::test {
namespace {

TEST(ReopenTest, WriterRunsWalWithSynchronousFull) {
    TempDir dir;
    Waker waker;
    VisitWriter writer(Options(dir.Path("results.db"), waker), MakePack());
    ASSERT_TRUE(WaitReady(writer, waker));
    Durability settings = writer.Settings();
    EXPECT_EQ(settings.journal_mode, "wal");
    EXPECT_EQ(settings.synchronous, 2) << "2 is FULL: every commit reaches the disk before it is acked";
}

TEST(ReopenTest, VisitsLeftOpenByThisKioskAreAbandonedOnRestart) {
    TempDir dir;
    const std::string path = dir.Path("results.db");
    const std::string mine = NewVisitId();
    const std::string theirs = NewVisitId();
    {
        Waker waker;
        WriterOptions options = Options(path, waker);
        options.kiosk_id = "kiosk-a";
        VisitWriter writer(options, MakePack());
        ASSERT_TRUE(Committed(writer, waker, writer.BeginVisit(mine, "en")));
        ASSERT_TRUE(Committed(writer, waker, writer.SaveAnswer(Answer(mine, "level", {{"system", "1"}}))));
    } // the kiosk stops mid-visit
    {
        Waker waker;
        WriterOptions options = Options(path, waker);
        options.kiosk_id = "kiosk-b";
        VisitWriter writer(options, MakePack());
        ASSERT_TRUE(Committed(writer, waker, writer.BeginVisit(theirs, "en")));
    }
    Waker waker;
    WriterOptions options = Options(path, waker);
    options.kiosk_id = "kiosk-a";
    VisitWriter restarted(options, MakePack());
    ASSERT_TRUE(WaitReady(restarted, waker));
    StoreReader reader(path);
    ASSERT_TRUE(reader.Ok()) << reader.Error();
    EXPECT_EQ(reader.Visit(mine)->status, "abandoned");
    EXPECT_FALSE(reader.Visit(mine)->ended_at.empty());
    EXPECT_EQ(reader.Answers(mine).size(), 1u) << "its answers still count";
    EXPECT_EQ(reader.Visit(theirs)->status, "open") << "another kiosk's visit is not ours to close";
}

} // namespace
} // namespace tapsheet::test
