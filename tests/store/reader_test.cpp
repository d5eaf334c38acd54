// StoreReader: read-only, never creates, sees every commit.
#include "app/store/reader.h"
#include "store_test_util.h"

#include <atomic>
#include <filesystem>
#include <thread>

namespace tapsheet::test {
namespace {

TEST(ReaderTest, MissingFileIsAnErrorAndIsNotCreated) {
    TempDir dir;
    const std::string path = dir.Path("nothing-here.db");
    StoreReader reader(path);
    EXPECT_FALSE(reader.Ok());
    EXPECT_NE(reader.Error().find(path), std::string::npos) << reader.Error();
    EXPECT_EQ(reader.CountVisits().Total(), 0);
    EXPECT_TRUE(reader.Answers("x").empty());
    EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(ReaderTest, DataVersionMovesWhenTheWriterCommits) {
    TempDir dir;
    const std::string path = dir.Path("results.db");
    Waker waker;
    VisitWriter writer(Options(path, waker), MakePack());
    ASSERT_TRUE(WaitReady(writer, waker));
    StoreReader reader(path);
    const std::int64_t before = reader.DataVersion();
    EXPECT_EQ(reader.DataVersion(), before); // nothing happened
    ASSERT_TRUE(Committed(writer, waker, writer.BeginVisit(NewVisitId(), "en")));
    EXPECT_NE(reader.DataVersion(), before);
    EXPECT_TRUE(reader.Ok()) << reader.Error();
}

TEST(ReaderTest, ReadsWhileTheWriterWrites) {
    TempDir dir;
    const std::string path = dir.Path("results.db");
    Waker waker;
    VisitWriter writer(Options(path, waker), MakePack());
    ASSERT_TRUE(WaitReady(writer, waker));
    std::atomic<bool> done{false};
    std::atomic<int> errors{0};
    // The board reads constantly; in WAL mode it never blocks or fails the writer.
    std::thread board([&] {
        StoreReader reader(path);
        while (!done) {
            reader.CountVisits();
            reader.CountItems("level");
            if (!reader.Ok()) ++errors;
        }
    });
    for (int i = 0; i < 40; ++i) {
        const std::string visit = NewVisitId();
        writer.BeginVisit(visit, "en");
        writer.SaveAnswer(Answer(visit, "level", {{i % 2 ? "system" : "team", ""}}));
        writer.EndVisit(visit, VisitEnd::Complete);
    }
    auto acks = CollectAcks(writer, waker, 120);
    done = true;
    board.join();
    EXPECT_EQ(errors.load(), 0);
    ASSERT_EQ(acks.size(), 120u);
    for (const Ack& ack : acks)
        EXPECT_TRUE(ack.committed);
    StoreReader reader(path);
    EXPECT_EQ(reader.CountVisits().complete, 40);
    auto counts = reader.CountItems("level");
    ASSERT_EQ(counts.size(), 2u);
    EXPECT_EQ(counts[0].count, 20);
    EXPECT_EQ(reader.IntegrityCheck(), "ok");
}

} // namespace
} // namespace tapsheet::test
