// Kiosk and board as two real processes on one database: the kiosk side is
// kill_writer (a VisitWriter in a child process), the board side a
// TallyReader here. The board starts first, before the file exists; the
// kiosk is SIGKILLed mid-visit and started again; the board is restarted
// too. After each, the board's figures must equal plain SQL over the file
// and include every answer the kiosk acknowledged.
#include "kill_writer_client.h"
#include "tally_test_util.h"

#include <atomic>
#include <thread>

namespace tapsheet::test {
namespace {

// Refreshes `reader` every few milliseconds while `run` runs in a thread;
// returns how many refreshes brought new figures (live updates seen).
int FollowWhileRunning(TallyReader& reader, Tallies& tallies, const KillWriterArgs& args,
                       std::chrono::milliseconds kill_after, Promised& promised) {
    std::atomic<bool> done = false;
    ChildRun run;
    std::thread kiosk([&] {
        run = RunKillWriter(args, kill_after, false);
        done = true;
    });
    int updates = 0;
    while (!done) {
        updates += reader.Refresh(0, &tallies) ? 1 : 0;
        std::this_thread::sleep_for(std::chrono::milliseconds(3));
    }
    kiosk.join();
    EXPECT_TRUE(run.spawned);
    Parse(run.output, promised);
    reader.Refresh(0, &tallies);
    return updates;
}

// Every acked row is counted: per step and item, at least as many visits
// as the kiosk was promised (a kill may leave a commit it never acked).
void ExpectPromisedCounted(const Tallies& tallies, const Promised& promised) {
    std::map<std::string, int> promised_counts;
    for (const auto& [visit, rows] : promised.rows)
        for (const std::string& row : rows)
            ++promised_counts[row];
    for (const auto& [row, count] : promised_counts) {
        const std::string step = row.substr(0, row.find('/'));
        const StepTally* tally = tallies.Step(step);
        ASSERT_NE(tally, nullptr) << step;
        EXPECT_GE(tally->Count(row.substr(row.find('/') + 1)), count) << row;
    }
}

TEST(TwoProcessTest, BoardFollowsAKioskProcessThroughKillsAndRestarts) {
    TempDir dir;
    const std::string path = dir.Path("results.db");
    const auto now = std::chrono::system_clock::now() + std::chrono::minutes(1); // after every write
    auto truth = [&] {
        const std::string midnight =
            QueryOne(path, "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now', 'localtime', "
                           "'start of day', 'utc')");
        return FromSql(path, 0, midnight, UtcStamp(now - std::chrono::minutes(10)));
    };

    TallyReader board(path); // the board first: no file yet
    Tallies tallies;
    EXPECT_FALSE(board.Refresh(0, &tallies));

    Promised promised;
    const int first_updates =
        FollowWhileRunning(board, tallies, {path, 3, 0, 0}, std::chrono::milliseconds(400), promised);
    ASSERT_TRUE(board.Ok()) << board.Error();
    ASSERT_GT(promised.row_count, 20) << "the kiosk process wrote too little to test anything";
    EXPECT_GT(first_updates, 2) << "the board saw the kiosk's answers only at the end";
    board.Invalidate();
    ASSERT_TRUE(board.Refresh(0, &tallies, now));
    EXPECT_EQ(FromTallies(tallies), truth());
    ExpectPromisedCounted(tallies, promised);

    // The kiosk restarted (after its SIGKILL) on the same file, to its end.
    FollowWhileRunning(board, tallies, {path, 4, 25, 0}, std::chrono::milliseconds(-1), promised);
    board.Invalidate();
    ASSERT_TRUE(board.Refresh(0, &tallies, now));
    EXPECT_EQ(FromTallies(tallies), truth());
    ExpectPromisedCounted(tallies, promised);

    // The board restarted: a new reader reads the same figures from scratch.
    TallyReader restarted(path);
    Tallies fresh;
    ASSERT_TRUE(restarted.Refresh(0, &fresh, now)) << restarted.Error();
    EXPECT_EQ(FromTallies(fresh), FromTallies(tallies));
}

} // namespace
} // namespace tapsheet::test
