// Acks: one per write, in order, and only once the write is committed.
#include "app/store/reader.h"
#include "app/store/stamp.h"
#include "store_test_util.h"

#include <map>
#include <set>
#include <thread>

namespace tapsheet::test {
namespace {

TEST(AcksTest, ComeInOrderAndOnlyAfterCommit) {
    TempDir dir;
    const std::string path = dir.Path("results.db");
    Waker waker;
    VisitWriter writer(Options(path, waker), MakePack());
    const std::string visit = NewVisitId();
    std::map<Ticket, std::string> step_of; // ticket -> step it saved
    const Ticket begin = writer.BeginVisit(visit, "en");
    ASSERT_TRUE(Committed(writer, waker, begin)); // the file exists from here on
    for (int i = 0; i < 150; ++i) {
        const std::string step = "step" + std::to_string(i);
        step_of[writer.SaveAnswer(Answer(visit, step, {{"item", ""}}))] = step;
    }
    Ticket expected = begin + 1;
    std::size_t seen = 0;
    StoreReader reader(path); // opened while the writer is busy: must still see every commit
    waker.WaitFor([&] {
        for (const Ack& ack : writer.TakeAcks()) {
            EXPECT_EQ(ack.ticket, expected++);
            EXPECT_TRUE(ack.committed);
            ++seen;
            // Acked, so another connection must already see it.
            const std::string step = step_of[ack.ticket];
            bool found = false;
            for (const StoredAnswer& answer : reader.Answers(visit))
                found = found || answer.step_id == step;
            EXPECT_TRUE(found) << "acked before visible: " << step;
        }
        return seen == step_of.size();
    });
    EXPECT_EQ(seen, step_of.size());
    EXPECT_TRUE(reader.Ok()) << reader.Error();
    EXPECT_EQ(writer.Pending(), 0u);
}

TEST(AcksTest, WakeIsCalledForOpeningAndEveryAck) {
    TempDir dir;
    Waker waker;
    VisitWriter writer(Options(dir.Path("results.db"), waker), MakePack());
    ASSERT_TRUE(WaitReady(writer, waker));
    const int after_open = waker.Wakes();
    EXPECT_GE(after_open, 1);
    const std::string visit = NewVisitId();
    writer.BeginVisit(visit, "en");
    for (int i = 0; i < 9; ++i)
        writer.SaveAnswer(Answer(visit, "s" + std::to_string(i), {{"x", ""}}));
    auto acks = CollectAcks(writer, waker, 10);
    EXPECT_EQ(acks.size(), 10u);
    EXPECT_EQ(waker.Wakes(), after_open + 10);
    for (const Ack& ack : acks)
        EXPECT_GT(ack.transaction_ms, 0.0);
}

TEST(AcksTest, DestructorDrainsTheQueue) {
    TempDir dir;
    const std::string path = dir.Path("results.db");
    const std::string visit = NewVisitId();
    {
        Waker waker;
        VisitWriter writer(Options(path, waker), MakePack());
        writer.BeginVisit(visit, "en");
        for (int i = 0; i < 300; ++i)
            writer.SaveAnswer(Answer(visit, "s" + std::to_string(i), {{"x", ""}}));
        writer.EndVisit(visit, VisitEnd::Complete);
        EXPECT_GT(writer.Pending(), 0u); // still queued when the writer goes away
    }
    StoreReader reader(path);
    EXPECT_EQ(reader.Answers(visit).size(), 300u);
    EXPECT_EQ(reader.Visit(visit)->status, "complete");
}

TEST(AcksTest, TicketsAreUniqueAcrossThreads) {
    TempDir dir;
    Waker waker;
    VisitWriter writer(Options(dir.Path("results.db"), waker), MakePack());
    const std::string visit = NewVisitId();
    ASSERT_TRUE(Committed(writer, waker, writer.BeginVisit(visit, "en")));
    std::vector<Ticket> tickets[2];
    std::thread others([&] {
        for (int i = 0; i < 50; ++i)
            tickets[0].push_back(writer.SaveAnswer(Answer(visit, "a" + std::to_string(i), {{"x", ""}})));
    });
    for (int i = 0; i < 50; ++i)
        tickets[1].push_back(writer.SaveAnswer(Answer(visit, "b" + std::to_string(i), {{"x", ""}})));
    others.join();
    std::set<Ticket> unique(tickets[0].begin(), tickets[0].end());
    unique.insert(tickets[1].begin(), tickets[1].end());
    EXPECT_EQ(unique.size(), 100u);
    auto acks = CollectAcks(writer, waker, 100);
    ASSERT_EQ(acks.size(), 100u);
    for (std::size_t i = 1; i < acks.size(); ++i)
        EXPECT_LT(acks[i - 1].ticket, acks[i].ticket);
}

TEST(AcksTest, VisitIdsAreRandomHex) {
    std::set<std::string> ids;
    for (int i = 0; i < 2000; ++i) {
        const std::string id = NewVisitId();
        ASSERT_EQ(id.size(), 32u);
        ASSERT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos) << id;
        ids.insert(id);
    }
    EXPECT_EQ(ids.size(), 2000u);
}

TEST(AcksTest, StampsAreUtcWithMilliseconds) {
    using std::chrono::milliseconds;
    using std::chrono::system_clock;
    EXPECT_EQ(UtcStamp(system_clock::time_point{}), "1970-01-01T00:00:00.000Z");
    EXPECT_EQ(UtcStamp(system_clock::time_point{milliseconds{1712827805123}}), "2024-04-11T09:30:05.123Z");
    EXPECT_EQ(UtcStamp(system_clock::time_point{milliseconds{-1}}), "1969-12-31T23:59:59.999Z");
}

} // namespace
} // namespace tapsheet::test
