// Fault injection under the real writer: a VFS shim (fault_vfs.h) fails a
// write, a sync, a truncate or a lock at the Nth call, for every N over one
// kiosk visit, once (a glitch) or from then on (a dying disk). Whatever N:
// no answer is acknowledged that is not in the file afterwards, the file
// passes integrity_check, and a failure that persists puts the store out
// of service, with a reason, instead of crashing or hanging.
#include "store_test_util.h"
#include "tests/store/fault_vfs.h"

#include <string>
#include <vector>

namespace tapsheet::test {
namespace {

// What one acknowledged ticket promises is in the file.
struct Promise {
    Ticket ticket = 0;
    std::string check; // SQL giving "1" when it is there
};

// One visit as a kiosk writes it: begun, three steps answered (one with
// free text), one skipped, an answer changed, ended.
std::vector<Promise> Visit(VisitWriter& writer, const std::string& id) {
    const std::string v = "'" + id + "'";
    auto has = [&](const std::string& where) {
        return "SELECT count(*) > 0 FROM answers WHERE visit_id = " + v + " AND " + where;
    };
    std::vector<Promise> out;
    out.push_back({writer.BeginVisit(id, "en"), "SELECT count(*) FROM visits WHERE id = " + v});
    // "level" is answered again below, which replaces this answer.
    out.push_back(
        {writer.SaveAnswer(Answer(id, "level", {{"team", ""}})), has("item_id IN ('team', 'system')")});
    out.push_back(
        {writer.SaveAnswer(Answer(id, "aim", {{"goal", ""}, {"cost", ""}})), has("item_id = 'cost'")});
    out.push_back({writer.SaveAnswer(Skip(id, "reflect")),
                   "SELECT count(*) FROM skips WHERE visit_id = " + v + " AND step_id = 'reflect'"});
    out.push_back({writer.SaveAnswer(Answer(id, "benefits", {{"safety", ""}, {"own", "Fewer falls"}})),
                   has("value = 'Fewer falls'")});
    out.push_back({writer.SaveAnswer(Answer(id, "level", {{"system", ""}})), has("item_id = 'system'")});
    out.push_back({writer.EndVisit(id, VisitEnd::Complete),
                   "SELECT count(*) FROM visits WHERE id = " + v + " AND status = 'complete'"});
    return out;
}

struct RunResult {
    int acked = 0, committed = 0;
    bool injected = false; // the armed call came, and failed
    bool all_acked = false;
    bool healthy = true;
    std::string problem;
    std::vector<std::string> broken; // promises not kept
    std::string integrity;
};

// One visit with the fault armed at call `nth` (0: never); afterwards the
// file is read without faults.
RunResult RunVisit(FaultKind kind, int nth, bool persist, int* calls) {
    TempDir dir;
    const std::string path = dir.Path("results.db");
    RunResult result;
    std::vector<Promise> promises;
    std::vector<Ack> acks;
    {
        Waker waker;
        VisitWriter writer(Options(path, waker), MakePack());
        EXPECT_TRUE(WaitReady(writer, waker));
        EXPECT_TRUE(writer.Health().ok) << writer.Health().problem;
        FaultVfs::Arm(kind, nth, persist);
        promises = Visit(writer, "visit-1");
        // Every ticket is answered, committed or not: a hang fails here.
        acks = CollectAcks(writer, waker, promises.size());
        result.all_acked = acks.size() == promises.size();
        result.healthy = writer.Health().ok;
        result.problem = writer.Health().problem;
    } // closing checkpoints the WAL: its writes, syncs and truncates count too
    *calls = FaultVfs::Calls();
    result.injected = FaultVfs::Failures() > 0;
    FaultVfs::Disarm();
    for (const Ack& ack : acks) {
        result.acked++;
        if (!ack.committed) continue;
        result.committed++;
        for (const Promise& promise : promises)
            if (promise.ticket == ack.ticket && QueryOne(path, promise.check) != "1")
                result.broken.push_back(promise.check);
    }
    result.integrity = QueryOne(path, "PRAGMA integrity_check");
    return result;
}

class FaultInjectionTest : public ::testing::TestWithParam<FaultKind> {
  protected:
    void SetUp() override { FaultVfs::Install(); }
    void TearDown() override { FaultVfs::Disarm(); }
};

TEST_P(FaultInjectionTest, EveryCallOfAVisitFailsOnceAndForGood) {
    const FaultKind kind = GetParam();
    int total = 0;
    const RunResult clean = RunVisit(kind, 0, false, &total);
    ASSERT_EQ(clean.committed, 7) << "without faults every write commits";
    ASSERT_TRUE(clean.broken.empty()) << clean.broken.front();
    ASSERT_GT(total, 0) << "a visit makes no " << FaultName(kind) << " call: nothing would be tested";
    int failed_runs = 0, injected_runs = 0;
    for (bool persist : {false, true}) {
        for (int nth = 1; nth <= total; ++nth) {
            SCOPED_TRACE(std::string(FaultName(kind)) + " call " + std::to_string(nth) + " of " +
                         std::to_string(total) + (persist ? ", and every one after" : ", once"));
            int calls = 0;
            const RunResult run = RunVisit(kind, nth, persist, &calls);
            EXPECT_TRUE(run.all_acked) << "a write was never answered (" << run.acked << " of 7)";
            EXPECT_TRUE(run.broken.empty()) << "acknowledged but not in the file: " << run.broken.front();
            EXPECT_EQ(run.integrity, "ok");
            if (persist && run.committed < 7) {
                EXPECT_FALSE(run.healthy) << "a disk that keeps failing must put the store out of service";
                EXPECT_FALSE(run.problem.empty());
            }
            failed_runs += run.committed < 7 ? 1 : 0;
            injected_runs += run.injected ? 1 : 0;
        }
    }
    EXPECT_EQ(injected_runs, 2 * total) << "the armed call did not come in every run";
    std::printf("%s: %d calls over a visit and the close, %d of %d runs with a write refused (never "
                "acknowledged), no acknowledged write lost\n",
                FaultName(kind), total, failed_runs, 2 * total);
}

// Opening a new file (creating the schema, recording the pack) with a fault
// at every call: the writer becomes ready, in service or out of service
// with a reason, never crashes or hangs, and what it made passes integrity_check.
TEST_P(FaultInjectionTest, OpeningWithAFaultAtEveryCall) {
    const FaultKind kind = GetParam();
    auto open = [&](int nth, bool* healthy, std::string* integrity) {
        TempDir dir;
        const std::string path = dir.Path("results.db");
        FaultVfs::Arm(kind, nth, true);
        {
            Waker waker;
            VisitWriter writer(Options(path, waker), MakePack());
            EXPECT_TRUE(WaitReady(writer, waker)) << "opening hung";
            *healthy = writer.Health().ok;
            if (!*healthy) {
                EXPECT_FALSE(writer.Health().problem.empty());
            }
        }
        const int calls = FaultVfs::Calls();
        FaultVfs::Disarm();
        *integrity = std::filesystem::exists(path) ? QueryOne(path, "PRAGMA integrity_check") : "ok";
        return calls;
    };
    bool healthy = false;
    std::string integrity;
    const int total = open(0, &healthy, &integrity);
    ASSERT_TRUE(healthy);
    int refused = 0;
    for (int nth = 1; nth <= total; ++nth) {
        SCOPED_TRACE(std::string(FaultName(kind)) + " call " + std::to_string(nth) + " of " +
                     std::to_string(total));
        open(nth, &healthy, &integrity);
        EXPECT_EQ(integrity, "ok");
        refused += healthy ? 0 : 1;
    }
    std::printf("%s: %d calls opening a new file, %d of them out of service\n", FaultName(kind), total,
                refused);
}

INSTANTIATE_TEST_SUITE_P(Kinds, FaultInjectionTest,
                         ::testing::Values(FaultKind::Write, FaultKind::Sync, FaultKind::Truncate,
                                           FaultKind::Lock),
                         [](const auto& info) { return std::string(FaultName(info.param)); });

} // namespace
} // namespace tapsheet::test
