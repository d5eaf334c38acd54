// FileWatch: a commit by any connection wakes the board; the board's own
// reads do not, so a static board sleeps.
#include "app/store/file_watch.h"
#include "app/store/tally_reader.h"
#include "store_test_util.h"

#include <thread>

namespace tapsheet::test {
namespace {

TEST(FileWatchTest, CommitsWakeAndReadsDoNot) {
    TempDir dir;
    const std::string path = dir.Path("results.db");
    Waker counter;
    FileWatch watch(path, counter.Function()); // before the file exists, as a board started first
    ASSERT_TRUE(watch.Ok());

    Waker waker;
    VisitWriter writer(Options(path, waker), MakePack());
    ASSERT_TRUE(WaitReady(writer, waker));
    const int after_open = counter.WaitForMore(0, 5s);
    EXPECT_GT(after_open, 0) << "creating the database was not noticed";

    TallyReader reader(path);
    Tallies tallies;
    ASSERT_TRUE(reader.Refresh(0, &tallies)) << reader.Error();
    const int settled = counter.WaitForMore(1000, 300ms); // let the open's events drain
    for (int i = 0; i < 20; ++i) {
        reader.Invalidate();
        reader.Refresh(0, &tallies);
    }
    EXPECT_EQ(counter.WaitForMore(settled, 300ms), settled) << "the board's own reads woke it";

    const std::string visit = NewVisitId();
    ASSERT_TRUE(Committed(writer, waker, writer.BeginVisit(visit, "en")));
    EXPECT_GT(counter.WaitForMore(settled, 5s), settled) << "a commit did not wake the board";
}

TEST(FileWatchTest, AWatchWhoseFolderWentAwaySaysSo) {
    TempDir dir;
    const std::filesystem::path folder = dir.Path("kiosk");
    std::filesystem::create_directories(folder);
    Waker counter;
    FileWatch watch((folder / "results.db").string(), counter.Function());
    ASSERT_TRUE(watch.Ok());
    std::filesystem::remove_all(folder);
    counter.WaitForMore(0, 5s);
    for (int i = 0; i < 100 && watch.Ok(); ++i) // the callback comes just before the flag is read
        std::this_thread::sleep_for(10ms);
    EXPECT_FALSE(watch.Ok()) << "a dead watch must let the board fall back to polling";
}

TEST(FileWatchTest, NoFolderMeansNoWatchAndTheCallerPolls) {
    TempDir dir;
    Waker counter;
    FileWatch watch(dir.Path("missing/results.db"), counter.Function());
    EXPECT_FALSE(watch.Ok());
}

} // namespace
} // namespace tapsheet::test
