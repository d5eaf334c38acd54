// SIGKILL durability: kill_writer (a separate process) writes through a
// VisitWriter and prints every write it got an ack for; we kill it at a
// random moment and check that every acknowledged write is in the file and
// the file is intact. Many rounds on one file, so it grows and each start
// also recovers the previous round's hot WAL.
//
// What this can and cannot catch: SIGKILL loses what the process had not yet
// handed to the kernel, so an ack sent before COMMIT returned (or a commit
// that was not atomic) fails this test; acking before the commit was tried
// and failed it in every run. It cannot tell synchronous=FULL from OFF: that
// difference only shows on a power cut, which a test cannot make.
#include "kill_writer_client.h"

namespace tapsheet::test {
namespace {

TEST(KillTest, AcknowledgedWritesSurviveSigkill) {
    TempDir dir;
    const std::string path = dir.Path("killed.db");
    const unsigned seed = std::random_device{}();
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937 random(seed);
    Promised everything;
    int killed_while_writing = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int round = 0; round < 50; ++round) {
        SCOPED_TRACE("round " + std::to_string(round));
        const bool from_start = round % 5 == 4; // sometimes kill it while it opens
        const std::chrono::milliseconds delay(from_start ? random() % 30 : 1 + random() % 100);
        const ChildRun run = RunKillWriter({path, static_cast<unsigned>(random())}, delay, from_start);
        ASSERT_TRUE(run.spawned) << "could not start " << TAPSHEET_KILL_WRITER;
        ASSERT_TRUE(WIFSIGNALED(run.status) && WTERMSIG(run.status) == SIGKILL)
            << "kill_writer ended by itself:\n"
            << run.output;
        Promised promised;
        Parse(run.output, promised);
        EXPECT_TRUE(promised.failures.empty()) << promised.failures.front();
        ExpectKept(path, promised);
        Parse(run.output, everything);
        killed_while_writing += promised.row_count > 0;
    }
    ExpectKept(path, everything); // later rounds did not damage earlier ones
    // Guard against a vacuous pass: the kills must have hit a busy writer.
    EXPECT_GE(killed_while_writing, 20);
    EXPECT_GE(everything.row_count, 200);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("50 kills, %d acked answers checked, %zu visits, %.1f s\n", everything.row_count,
                everything.visits.size(), seconds);
}

} // namespace
} // namespace tapsheet::test
