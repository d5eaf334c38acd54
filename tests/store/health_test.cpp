// Storage failures: the store goes out of service with words for staff,
// refuses later writes, and keeps everything it acknowledged before.
//
// How each failure is produced, given that CI runs as root (chmod does not
// stop root, and mounting a small or read-only file system needs privileges
// CI may not have):
// - FULL: `PRAGMA max_page_count` through WriterTestHooks caps the file, so
//   SQLite fails with SQLITE_FULL on the same code path as a full disk.
// - READ-ONLY: WriterTestHooks opens the file with SQLITE_OPEN_READONLY (what
//   SQLite falls back to by itself when the file or file system cannot be
//   written), or turns on `PRAGMA query_only` mid-run. Both bind root too.
// - CORRUPT: real damage, written by the test: garbage bytes for a whole
//   file, or garbage over some pages of a good database.
#include "app/store/health.h"
#include "app/store/reader.h"
#include "store_test_util.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <thread>

namespace tapsheet::test {
namespace {

bool Contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::shared_ptr<WriterTestHooks> Hooks() {
    return std::make_shared<WriterTestHooks>();
}

// Writes a visit with `count` answers through its own writer; returns the visit.
std::string WriteGoodVisit(const std::string& path, int count) {
    Waker waker;
    VisitWriter writer(Options(path, waker), MakePack());
    const std::string visit = NewVisitId();
    EXPECT_TRUE(Committed(writer, waker, writer.BeginVisit(visit, "en")));
    for (int i = 0; i < count; ++i)
        EXPECT_TRUE(
            Committed(writer, waker, writer.SaveAnswer(Answer(visit, "s" + std::to_string(i), {{"x", ""}}))));
    return visit;
}

void ExpectAllThere(const std::string& path, const std::string& visit,
                    const std::vector<std::string>& steps) {
    StoreReader reader(path);
    ASSERT_TRUE(reader.Ok()) << reader.Error();
    EXPECT_EQ(reader.IntegrityCheck(), "ok");
    ASSERT_TRUE(reader.Visit(visit).has_value());
    std::vector<std::string> stored;
    for (const StoredAnswer& answer : reader.Answers(visit))
        stored.push_back(answer.step_id);
    for (const std::string& step : steps)
        EXPECT_NE(std::find(stored.begin(), stored.end(), step), stored.end()) << "acked but lost: " << step;
}

std::string RandomBytes(std::size_t size, unsigned seed) {
    std::mt19937 random(seed);
    std::string bytes(size, '\0');
    for (char& byte : bytes)
        byte = static_cast<char>(random() & 0xff);
    return bytes;
}

TEST(HealthTest, FullDiskStopsWritesAndKeepsWhatWasAcked) {
    TempDir dir;
    const std::string path = dir.Path("results.db");
    auto hooks = Hooks();
    hooks->extra_pages = 12;
    const std::string visit = NewVisitId();
    std::vector<std::string> acked;
    {
        Waker waker;
        VisitWriter writer(Options(path, waker, hooks), MakePack());
        ASSERT_TRUE(Committed(writer, waker, writer.BeginVisit(visit, "en")));
        const std::string long_text(3000, 'x'); // about a page per answer
        for (int i = 0; i < 200; ++i) {
            const std::string step = "s" + std::to_string(i);
            if (!Committed(writer, waker, writer.SaveAnswer(Answer(visit, step, {{"own", long_text}}))))
                break;
            acked.push_back(step);
        }
        ASSERT_GT(acked.size(), 2u);
        ASSERT_LT(acked.size(), 200u) << "the disk never filled up";
        const StoreHealth health = writer.Health();
        EXPECT_FALSE(health.ok);
        EXPECT_TRUE(Contains(health.problem, "full")) << health.problem;
        EXPECT_TRUE(Contains(health.problem, path)) << health.problem;
        EXPECT_TRUE(Contains(health.advice, "Free some disk space")) << health.advice;
        EXPECT_TRUE(Contains(health.advice, "kept")) << health.advice;
        // Refused, not attempted: even a write small enough to fit.
        EXPECT_FALSE(Committed(writer, waker, writer.EndVisit(visit, VisitEnd::Complete)));
    }
    ExpectAllThere(path, visit, acked);
    EXPECT_EQ(StoreReader(path).Answers(visit).size(), acked.size());
}

TEST(HealthTest, ReadOnlyFileAtOpenIsReportedAndKept) {
    TempDir dir;
    const std::string path = dir.Path("results.db");
    const std::string visit = WriteGoodVisit(path, 3);
    auto hooks = Hooks();
    hooks->read_only_after_writes = 0;
    {
        Waker waker;
        VisitWriter writer(Options(path, waker, hooks), MakePack());
        ASSERT_TRUE(WaitReady(writer, waker));
        const StoreHealth health = writer.Health();
        EXPECT_FALSE(health.ok);
        EXPECT_TRUE(Contains(health.problem, "read-only")) << health.problem;
        EXPECT_TRUE(Contains(health.problem, path)) << health.problem;
        EXPECT_TRUE(Contains(health.advice, "writable")) << health.advice;
        EXPECT_FALSE(Committed(writer, waker, writer.BeginVisit(NewVisitId(), "en")));
        EXPECT_FALSE(Committed(writer, waker, writer.SaveAnswer(Answer(visit, "late", {{"x", ""}}))));
    }
    ExpectAllThere(path, visit, {"s0", "s1", "s2"});
}

TEST(HealthTest, DiskTurningReadOnlyMidRunIsReportedAndKept) {
    TempDir dir;
    const std::string path = dir.Path("results.db");
    auto hooks = Hooks();
    hooks->read_only_after_writes = 4; // the begin and three answers get through
    const std::string visit = NewVisitId();
    std::vector<std::string> acked;
    {
        Waker waker;
        VisitWriter writer(Options(path, waker, hooks), MakePack());
        ASSERT_TRUE(Committed(writer, waker, writer.BeginVisit(visit, "en")));
        for (int i = 0; i < 6; ++i) {
            const std::string step = "s" + std::to_string(i);
            if (Committed(writer, waker, writer.SaveAnswer(Answer(visit, step, {{"x", ""}}))))
                acked.push_back(step);
        }
        EXPECT_EQ(acked, (std::vector<std::string>{"s0", "s1", "s2"}));
        EXPECT_FALSE(writer.Health().ok);
        EXPECT_TRUE(Contains(writer.Health().problem, "read-only")) << writer.Health().problem;
    }
    ExpectAllThere(path, visit, acked);
    EXPECT_EQ(StoreReader(path).Answers(visit).size(), 3u);
    // Once the disk is writable again, a restart carries on with the same file.
    Waker waker;
    VisitWriter writer(Options(path, waker), MakePack());
    EXPECT_TRUE(Committed(writer, waker, writer.SaveAnswer(Answer(visit, "s9", {{"x", ""}}))));
}

TEST(HealthTest, GarbageFileIsDamagedAndLeftAsItWas) {
    TempDir dir;
    const std::string path = dir.Path("results.db");
    const std::string garbage = RandomBytes(4 * 4096, 7);
    std::ofstream(path, std::ios::binary) << garbage;
    {
        Waker waker;
        VisitWriter writer(Options(path, waker), MakePack());
        ASSERT_TRUE(WaitReady(writer, waker));
        const StoreHealth health = writer.Health();
        EXPECT_FALSE(health.ok);
        EXPECT_TRUE(Contains(health.problem, "damaged")) << health.problem;
        EXPECT_TRUE(Contains(health.problem, path)) << health.problem;
        EXPECT_TRUE(Contains(health.advice, "Move the damaged file aside")) << health.advice;
        EXPECT_FALSE(Committed(writer, waker, writer.BeginVisit(NewVisitId(), "en")));
    }
    EXPECT_EQ(ReadBytes(path), garbage);
}

TEST(HealthTest, DamagedPagesAreFoundAtOpen) {
    TempDir dir;
    const std::string path = dir.Path("results.db");
    WriteGoodVisit(path, 200);
    {
        // Garbage over pages 3 to 5; page 1 (the header) stays valid, so
        // only quick_check, not the open itself, can notice.
        std::fstream file(path, std::ios::binary | std::ios::in | std::ios::out);
        file.seekp(2 * 4096);
        file << RandomBytes(3 * 4096, 11);
    }
    const std::string damaged = ReadBytes(path);
    {
        Waker waker;
        VisitWriter writer(Options(path, waker), MakePack());
        ASSERT_TRUE(WaitReady(writer, waker));
        EXPECT_FALSE(writer.Health().ok);
        EXPECT_TRUE(Contains(writer.Health().problem, "damaged")) << writer.Health().problem;
        EXPECT_FALSE(Committed(writer, waker, writer.BeginVisit(NewVisitId(), "en")));
    }
    EXPECT_EQ(ReadBytes(path), damaged);
    EXPECT_NE(StoreReader(path).IntegrityCheck(), "ok");
}

TEST(HealthTest, PathThatCannotBeOpenedIsReported) {
    TempDir dir;
    const std::string path = dir.Path("a-folder");
    std::filesystem::create_directories(path); // a folder where the file should be
    Waker waker;
    VisitWriter writer(Options(path, waker), MakePack());
    ASSERT_TRUE(WaitReady(writer, waker));
    EXPECT_FALSE(writer.Health().ok);
    EXPECT_TRUE(Contains(writer.Health().problem, "cannot be opened")) << writer.Health().problem;
    EXPECT_TRUE(Contains(writer.Health().problem, path)) << writer.Health().problem;
    EXPECT_FALSE(Committed(writer, waker, writer.BeginVisit(NewVisitId(), "en")));
}

TEST(HealthTest, LockHeldForAWhileOnlyDelaysTheCommit) {
    TempDir dir;
    const std::string path = dir.Path("results.db");
    auto hooks = Hooks();
    hooks->busy_timeout_ms = 50;
    const std::string visit = NewVisitId();
    Waker waker;
    VisitWriter writer(Options(path, waker, hooks), MakePack());
    ASSERT_TRUE(Committed(writer, waker, writer.BeginVisit(visit, "en")));
    sqlite3* other = nullptr;
    ASSERT_EQ(sqlite3_open_v2(path.c_str(), &other, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    Ticket ticket = writer.SaveAnswer(Answer(visit, "s0", {{"x", ""}}));
    // Several busy timeouts pass with the lock held: no ack, still in service.
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    EXPECT_EQ(writer.Pending(), 1u);
    EXPECT_TRUE(writer.Health().ok);
    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(other);
    EXPECT_TRUE(Committed(writer, waker, ticket));
    EXPECT_TRUE(writer.Health().ok);
    ExpectAllThere(path, visit, {"s0"});
}

TEST(HealthTest, LockHeldForeverIsReportedAndKept) {
    TempDir dir;
    const std::string path = dir.Path("results.db");
    auto hooks = Hooks();
    hooks->busy_timeout_ms = 50;
    hooks->busy_give_up_ms = 300;
    const std::string visit = NewVisitId();
    Waker waker;
    VisitWriter writer(Options(path, waker, hooks), MakePack());
    ASSERT_TRUE(Committed(writer, waker, writer.BeginVisit(visit, "en")));
    sqlite3* other = nullptr;
    ASSERT_EQ(sqlite3_open_v2(path.c_str(), &other, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    EXPECT_FALSE(Committed(writer, waker, writer.SaveAnswer(Answer(visit, "s0", {{"x", ""}}))));
    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(other);
    EXPECT_FALSE(writer.Health().ok);
    EXPECT_TRUE(Contains(writer.Health().problem, "locked")) << writer.Health().problem;
    EXPECT_FALSE(Committed(writer, waker, writer.SaveAnswer(Answer(visit, "s1", {{"x", ""}}))));
    ExpectAllThere(path, visit, {});
}

TEST(HealthTest, EveryFailureNamesTheFileAndWhatToDo) {
    const std::string path = "/media/usb/tapsheet.db";
    struct Case {
        int rc;
        int system_errno;
        const char* problem;
        const char* advice;
    };
    const Case cases[] = {
        {SQLITE_FULL, 0, "full", "Free some disk space"},
        {SQLITE_IOERR_WRITE, ENOSPC, "full", "Free some disk space"},
        {SQLITE_IOERR_WRITE, EFBIG, "full", "Free some disk space"},
        {SQLITE_READONLY, 0, "read-only", "writable"},
        {SQLITE_READONLY_DBMOVED, 0, "read-only", "writable"},
        {SQLITE_PERM, 0, "read-only", "writable"},
        {SQLITE_IOERR_WRITE, EROFS, "read-only", "writable"}, // stick remounted read-only
        {SQLITE_CANTOPEN, EACCES, "read-only", "writable"},
        {SQLITE_IOERR_FSYNC, EIO, "disk reported an error", "firmly connected"},
        {SQLITE_IOERR_WRITE, 0, "disk reported an error", "firmly connected"},
        {SQLITE_CORRUPT, 0, "damaged", "Move the damaged file aside"},
        {SQLITE_NOTADB, 0, "damaged", "Move the damaged file aside"},
        {SQLITE_CANTOPEN, ENOENT, "cannot be opened", "connected"},
        {SQLITE_BUSY, 0, "locked", "Close any other program"},
        {SQLITE_INTERNAL, 0, "stopped working", "Restart"},
    };
    for (const Case& each : cases) {
        SCOPED_TRACE("code " + std::to_string(each.rc) + ", errno " + std::to_string(each.system_errno));
        const StoreHealth health = DescribeFailure(each.rc, path, sqlite3_errstr(each.rc), each.system_errno);
        EXPECT_FALSE(health.ok);
        EXPECT_TRUE(Contains(health.problem, each.problem)) << health.problem;
        EXPECT_TRUE(Contains(health.problem, path)) << health.problem;
        EXPECT_TRUE(Contains(health.advice, each.advice)) << health.advice;
        EXPECT_TRUE(Contains(health.advice, "kept")) << health.advice;
        EXPECT_FALSE(IsRequestError(each.rc));
    }
    EXPECT_TRUE(IsRequestError(SQLITE_CONSTRAINT_FOREIGNKEY));
}

} // namespace
} // namespace tapsheet::test
