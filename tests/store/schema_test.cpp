// Opening, creating and migrating the database.
#include "app/store/reader.h"
#include "store_test_util.h"

#include <filesystem>

namespace tapsheet::test {
namespace {

TEST(SchemaTest, FreshDatabaseGetsTheLatestVersionInWalMode) {
    TempDir dir;
    const std::string path = dir.Path("results.db");
    {
        Waker waker;
        VisitWriter writer(Options(path, waker), MakePack());
        ASSERT_TRUE(WaitReady(writer, waker));
        EXPECT_TRUE(writer.Health().ok) << writer.Health().problem;
    }
    StoreReader reader(path);
    ASSERT_TRUE(reader.Ok()) << reader.Error();
    EXPECT_EQ(reader.SchemaVersion(), 2);
    EXPECT_EQ(reader.Round(), 1);
    EXPECT_EQ(reader.PackCount(), 1);
    EXPECT_EQ(QueryOne(path, "PRAGMA journal_mode"), "wal");
    EXPECT_EQ(QueryOne(path, "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema "
                             "WHERE type = 'table' ORDER BY name)"),
              "answers,meta,moderation,packs,skips,visits");
}

TEST(SchemaTest, ReopeningIsIdempotentAndKeepsData) {
    TempDir dir;
    const std::string path = dir.Path("results.db");
    const std::string visit = NewVisitId();
    for (int run = 0; run < 3; ++run) {
        Waker waker;
        VisitWriter writer(Options(path, waker), MakePack());
        ASSERT_TRUE(WaitReady(writer, waker));
        ASSERT_TRUE(writer.Health().ok) << writer.Health().problem;
        if (run == 0) {
            ASSERT_TRUE(Committed(writer, waker, writer.BeginVisit(visit, "en")));
        }
    }
    StoreReader reader(path);
    EXPECT_EQ(reader.SchemaVersion(), 2);
    EXPECT_EQ(reader.PackCount(), 1);
    EXPECT_EQ(QueryOne(path, "SELECT count(*) FROM meta WHERE key = 'round'"), "1");
    ASSERT_TRUE(reader.Visit(visit).has_value());
}

TEST(SchemaTest, PackIsStoredOncePerHash) {
    TempDir dir;
    const std::string path = dir.Path("results.db");
    const Pack first = MakePack("event", "title = \"Morning\"\n");
    const Pack edited = MakePack("event", "title = \"Afternoon session\"\n");
    for (const Pack* pack : {&first, &first, &edited, &first}) {
        Waker waker;
        VisitWriter writer(Options(path, waker), *pack);
        ASSERT_TRUE(WaitReady(writer, waker));
        ASSERT_TRUE(writer.Health().ok);
    }
    EXPECT_EQ(StoreReader(path).PackCount(), 2);
    EXPECT_EQ(QueryOne(path, "SELECT source_text FROM packs WHERE hash = '" + edited.source_hash + "'"),
              edited.source_text);
}

TEST(SchemaTest, VisitRecordsThePackInUse) {
    TempDir dir;
    const std::string path = dir.Path("results.db");
    const Pack pack = MakePack("event", "x = 1\n");
    const std::string visit = NewVisitId();
    {
        Waker waker;
        VisitWriter writer(Options(path, waker), pack);
        ASSERT_TRUE(Committed(writer, waker, writer.BeginVisit(visit, "cy")));
    }
    StoreReader reader(path);
    auto stored = reader.Visit(visit);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->pack_hash, pack.source_hash);
    EXPECT_EQ(QueryOne(path, "SELECT pack_id FROM packs WHERE hash = '" + pack.source_hash + "'"), "event");
}

TEST(SchemaTest, EmptyExistingFileIsMigrated) {
    TempDir dir;
    const std::string path = dir.Path("results.db");
    { std::ofstream touch(path); } // zero bytes: a valid, empty SQLite database
    Waker waker;
    VisitWriter writer(Options(path, waker), MakePack());
    ASSERT_TRUE(WaitReady(writer, waker));
    EXPECT_TRUE(writer.Health().ok) << writer.Health().problem;
    EXPECT_EQ(StoreReader(path).SchemaVersion(), 2);
}

TEST(SchemaTest, NewerSchemaIsRefusedAndLeftUntouched) {
    TempDir dir;
    const std::string path = dir.Path("results.db");
    ASSERT_EQ(
        ExecRaw(path, "CREATE TABLE future (x); INSERT INTO future VALUES (42); PRAGMA user_version = 7;"),
        SQLITE_OK);
    const std::string before = ReadBytes(path);
    {
        Waker waker;
        VisitWriter writer(Options(path, waker), MakePack());
        ASSERT_TRUE(WaitReady(writer, waker));
        const StoreHealth health = writer.Health();
        EXPECT_FALSE(health.ok);
        EXPECT_NE(health.problem.find("newer version"), std::string::npos) << health.problem;
        EXPECT_NE(health.problem.find("schema 7"), std::string::npos) << health.problem;
        EXPECT_NE(health.problem.find(path), std::string::npos) << health.problem;
        EXPECT_NE(health.advice.find("not been changed"), std::string::npos) << health.advice;
        EXPECT_FALSE(Committed(writer, waker, writer.BeginVisit(NewVisitId(), "en")));
    }
    EXPECT_EQ(ReadBytes(path), before);
    EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
    EXPECT_EQ(QueryOne(path, "PRAGMA journal_mode"), "delete"); // not switched to WAL
}

// A database whose folder is missing (an unmounted USB stick's mount point,
// a typo in the config) is an out-of-service notice naming the folder;
// nothing is created, so no answer lands where nobody looks for it.
TEST(SchemaTest, AMissingFolderIsRefusedAndNothingIsCreated) {
    TempDir dir;
    const std::string folder = dir.Path("media/usb-stick");
    const std::string path = folder + "/results.db";
    Waker waker;
    VisitWriter writer(Options(path, waker), MakePack());
    ASSERT_TRUE(WaitReady(writer, waker));
    const StoreHealth health = writer.Health();
    EXPECT_FALSE(health.ok);
    EXPECT_NE(health.problem.find("does not exist: " + folder), std::string::npos) << health.problem;
    EXPECT_NE(health.advice.find("mounted"), std::string::npos) << health.advice;
    EXPECT_FALSE(Committed(writer, waker, writer.BeginVisit(NewVisitId(), "en")));
    EXPECT_FALSE(std::filesystem::exists(dir.Path("media"))) << "no folder is created";
}

} // namespace
} // namespace tapsheet::test
