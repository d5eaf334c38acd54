// A real "disk full" from the operating system, without root or a special
// file system: kill_writer runs under RLIMIT_FSIZE, so the kernel refuses
// its writes past the limit (EFBIG), for root as for anyone. The writer must
// go out of service saying the disk is full, and keep every acked write.
#include "kill_writer_client.h"

namespace tapsheet::test {
namespace {

bool Contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

TEST(DiskFullTest, FileSizeLimitStopsWritesAndKeepsWhatWasAcked) {
    TempDir dir;
    const std::string path = dir.Path("full.db");
    KillWriterArgs args{path, 5, 0, 1024 * 1024};
    const ChildRun run = RunKillWriter(args, std::chrono::milliseconds(-1), false);
    ASSERT_TRUE(run.spawned);
    ASSERT_TRUE(WIFEXITED(run.status) && WEXITSTATUS(run.status) == 2) << "expected a failed write:\n"
                                                                       << run.output;
    Promised promised;
    Parse(run.output, promised);
    ASSERT_EQ(promised.failures.size(), 1u) << run.output;
    EXPECT_TRUE(Contains(promised.failures[0], "full")) << promised.failures[0];
    EXPECT_TRUE(Contains(promised.failures[0], path)) << promised.failures[0];
    EXPECT_GE(promised.row_count, 20); // it filled up while working, not at open
    ExpectKept(path, promised);

    // Space freed (no limit): a restart carries on with the same file.
    const ChildRun again = RunKillWriter({path, 6, 3, 0}, std::chrono::milliseconds(-1), false);
    ASSERT_TRUE(WIFEXITED(again.status) && WEXITSTATUS(again.status) == 0) << again.output;
    Parse(again.output, promised);
    ExpectKept(path, promised);
}

} // namespace
} // namespace tapsheet::test
