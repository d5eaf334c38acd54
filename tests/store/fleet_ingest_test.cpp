// The fleet's batches (app/store/fleet_batch.h, fleet_ingest.h) without a
// network: batches read out of kiosks' files written by the real writer and
// ingested into a hub's file land as `merge` would put them, once, with the
// committed point moving only without a gap; hostile payloads are refused
// by reason and change nothing.
#include "app/store/fleet_batch.h"
#include "app/store/fleet_ingest.h"
#include "tests/store/merge_test_util.h"

#include <sqlite3.h>

namespace tapsheet::test {
namespace {

class FleetIngest : public MergeTest {
  protected:
    // The next batch of `kiosk_file` after `from`.
    Batch Read(const std::string& kiosk_file, const std::string& kiosk, std::int64_t from, int max_visits,
               bool packs = true) {
        OutboxFile file;
        std::string error;
        EXPECT_TRUE(file.Open(kiosk_file, &error)) << error;
        std::string stream;
        EXPECT_EQ(ReadStreamId(file.Db(), &stream), SQLITE_OK);
        stream_ = stream;
        Batch batch;
        EXPECT_EQ(ReadBatch(file.Db(), BatchHeader{"ev", kiosk, stream}, from, max_visits, packs, &batch),
                  SQLITE_OK);
        return batch;
    }

    IngestResult Ingest(const std::string& kiosk, const std::string& payload) {
        if (!hub_.Db()) {
            std::string error;
            EXPECT_TRUE(hub_.Open(target_, &error)) << error;
        }
        IngestResult result;
        EXPECT_EQ(IngestBatch(hub_.Db(), IngestContext{"ev", kiosk, {}}, payload, &result), SQLITE_OK);
        return result;
    }

    HubFile hub_;
    std::string stream_;
};

TEST_F(FleetIngest, BatchesInOrderLandOnceAndMoveTheCommittedPoint) {
    const std::string a = dir_.Path("a.db");
    Kiosk(a, "kiosk-a", 5);
    const Batch first = Read(a, "kiosk-a", 0, 2);
    EXPECT_EQ(first.visits, 2);
    EXPECT_EQ(first.answers, 4);
    const IngestResult one = Ingest("kiosk-a", first.json);
    ASSERT_TRUE(one.accepted) << one.why;
    EXPECT_EQ(one.committed, first.to);
    EXPECT_EQ(one.counts.visits_added, 2);
    const Batch rest = Read(a, "kiosk-a", first.to, 100, false);
    EXPECT_EQ(rest.visits, 3);
    const IngestResult two = Ingest("kiosk-a", rest.json);
    ASSERT_TRUE(two.accepted) << two.why;
    EXPECT_EQ(two.committed, rest.to);
    EXPECT_EQ(Read(a, "kiosk-a", rest.to, 100).to, rest.to) << "nothing after the last change";
    // Replayed: nothing changes, the point stays.
    const IngestResult again = Ingest("kiosk-a", first.json);
    EXPECT_TRUE(again.accepted);
    EXPECT_EQ(again.counts.visits_added + again.counts.visits_updated, 0);
    EXPECT_EQ(again.committed, rest.to);
    EXPECT_EQ(Count("SELECT count(*) FROM visits"), "5");
    EXPECT_EQ(Count("SELECT count(*) FROM answers"), "10");
}

TEST_F(FleetIngest, ABatchAfterAGapIsKeptButNotAcknowledged) {
    const std::string a = dir_.Path("a.db");
    Kiosk(a, "kiosk-a", 4);
    const Batch first = Read(a, "kiosk-a", 0, 2);
    const Batch second = Read(a, "kiosk-a", first.to, 2);
    const IngestResult late = Ingest("kiosk-a", second.json);
    EXPECT_TRUE(late.accepted) << late.why;
    EXPECT_EQ(late.committed, 0) << "the first batch never came: the point stays at 0";
    const IngestResult filled = Ingest("kiosk-a", first.json);
    EXPECT_EQ(filled.committed, first.to);
    EXPECT_EQ(Ingest("kiosk-a", second.json).committed, second.to);
}

// Two changes of one visit within a millisecond (a fast writer): the times
// cannot tell the copies apart, the kiosk's change order can. A replay of
// the older copy then changes nothing.
TEST_F(FleetIngest, TheKiosksChangeOrderWinsWhereTheTimesTie) {
    const std::string a = dir_.Path("a.db");
    Waker waker;
    WriterOptions options = Options(a, waker);
    options.kiosk_id = "kiosk-a";
    VisitWriter writer(options, MakePack());
    ASSERT_TRUE(WaitReady(writer, waker));
    const std::string visit = NewVisitId();
    ASSERT_TRUE(Committed(writer, waker, writer.BeginVisit(visit, "en")));
    const Batch begun = Read(a, "kiosk-a", 0, 10);
    ASSERT_TRUE(Committed(writer, waker, writer.SaveAnswer(Answer(visit, "aim", {{"goal", ""}}))));
    ASSERT_TRUE(Committed(writer, waker, writer.EndVisit(visit, VisitEnd::Complete)));
    std::string answered = Read(a, "kiosk-a", begun.to, 10).json;
    // Every time of the newer copy set to the start: the same millisecond.
    const std::string start = QueryOne(a, "SELECT started_at FROM visits");
    for (const std::string& time :
         {QueryOne(a, "SELECT answered_at FROM answers"), QueryOne(a, "SELECT ended_at FROM visits")})
        for (std::size_t at = answered.find(time); at != std::string::npos; at = answered.find(time))
            answered.replace(at, time.size(), start);
    ASSERT_TRUE(Ingest("kiosk-a", begun.json).accepted);
    const IngestResult newer = Ingest("kiosk-a", answered);
    ASSERT_TRUE(newer.accepted) << newer.why;
    EXPECT_EQ(newer.counts.visits_updated, 1);
    EXPECT_EQ(Count("SELECT count(*) FROM answers"), "1");
    EXPECT_EQ(Count("SELECT status FROM visits"), "complete");
    const IngestResult replay = Ingest("kiosk-a", begun.json);
    EXPECT_EQ(replay.counts.visits_updated, 0);
    EXPECT_EQ(Count("SELECT count(*) FROM answers"), "1") << "the older copy, replayed, lost nothing";
    EXPECT_EQ(Count("SELECT status FROM visits"), "complete");
}

TEST_F(FleetIngest, AVisitWithoutItsPackAsksForThePacks) {
    const std::string a = dir_.Path("a.db");
    Kiosk(a, "kiosk-a", 1);
    const IngestResult result = Ingest("kiosk-a", Read(a, "kiosk-a", 0, 10, false).json);
    EXPECT_FALSE(result.accepted);
    EXPECT_TRUE(result.needs_packs) << result.why;
    EXPECT_EQ(Count("SELECT count(*) FROM visits"), "0");
}

TEST_F(FleetIngest, HostilePayloadsAreRefusedByReasonAndChangeNothing) {
    const std::string a = dir_.Path("a.db");
    Kiosk(a, "kiosk-a", 2);
    const std::string good = Read(a, "kiosk-a", 0, 10).json;
    auto replace = [&](const std::string& from, const std::string& to) {
        std::string text = good;
        const std::size_t at = text.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        return text.replace(at, from.size(), to);
    };
    const std::pair<std::string, std::string> cases[] = {
        {"not json {", "not JSON"},
        {"[1,2]", "not a JSON object"},
        {replace("\"v\":1", "\"v\":2"), "schema version is 2"},
        {replace("\"v\":1", "\"v\":\"1\""), "no schema version"},
        {replace("\"event\":\"ev\"", "\"event\":\"other\""), "for event 'other'"},
        {replace("\"kiosk\":\"kiosk-a\"", "\"kiosk\":\"kiosk-b\""), "from kiosk 'kiosk-b'"},
        {replace("\"kiosk_id\":\"kiosk-a\"", "\"kiosk_id\":\"kiosk-b\""), "a visit of kiosk 'kiosk-b'"},
        {replace("\"status\":\"complete\"", "\"status\":7"), "its status is not"},
        {replace("\"round\":1", "\"round\":\"1\""), "its round is not"},
        {replace("\"visits\":[", "\"visits\":[[1],"), "not an object of plain values"},
        {replace("\"answers\":[", "\"answers\":[{\"visit_id\":{\"a\":1}},"), "not an object of plain values"},
        {replace("\"from\":0", "\"from\":-3"), "'from' and 'to'"},
        {replace("\"skips\":[]", "\"skips\":{}"), "lacks one of its lists"},
        {std::string(kMaxBatchBytes + 1, ' '), "KB, more than any batch"},
    };
    for (const auto& [payload, why] : cases) {
        const IngestResult result = Ingest("kiosk-a", payload);
        EXPECT_FALSE(result.accepted) << why;
        EXPECT_NE(result.why.find(why), std::string::npos) << "expected '" << why << "', got: " << result.why;
    }
    EXPECT_EQ(Count("SELECT count(*) FROM visits"), "0");
    EXPECT_EQ(Count("SELECT count(*) FROM fleet_streams"), "0");
    EXPECT_TRUE(Ingest("kiosk-a", good).accepted) << "the hub still takes a good batch after all that";
    EXPECT_EQ(Count("SELECT count(*) FROM visits"), "2");
}

TEST_F(FleetIngest, AnUnknownKioskIsRefused) {
    const std::string a = dir_.Path("a.db");
    Kiosk(a, "kiosk-z", 1);
    std::string error;
    ASSERT_TRUE(hub_.Open(target_, &error)) << error;
    IngestResult result;
    ASSERT_EQ(IngestBatch(hub_.Db(), IngestContext{"ev", "kiosk-z", {"kiosk-a", "kiosk-b"}},
                          Read(a, "kiosk-z", 0, 10).json, &result),
              SQLITE_OK);
    EXPECT_FALSE(result.accepted);
    EXPECT_NE(result.why.find("not one of this event's kiosks"), std::string::npos) << result.why;
}

TEST_F(FleetIngest, TheHubsFileEqualsAMergeOfTheKiosksFiles) {
    const std::string a = dir_.Path("a.db"), b = dir_.Path("b.db");
    Kiosk(a, "kiosk-a", 7);
    Kiosk(b, "kiosk-b", 4);
    for (const auto& [file, kiosk] : {std::pair{a, "kiosk-a"}, {b, "kiosk-b"}}) {
        std::int64_t from = 0;
        for (;;) {
            const Batch batch = Read(file, kiosk, from, 3, from == 0);
            if (batch.to == from) break;
            ASSERT_TRUE(Ingest(kiosk, batch.json).accepted);
            from = batch.to;
        }
    }
    const std::string merged = dir_.Path("merged.db");
    MergeCounts counts;
    std::string error;
    ASSERT_TRUE(MergeInto(merged, a, &counts, &error)) << error;
    ASSERT_TRUE(MergeInto(merged, b, &counts, &error)) << error;
    const char* rows =
        "SELECT group_concat(r, '|') FROM (SELECT id || kiosk_id || pack_hash || lang || round || "
        "started_at || coalesce(ended_at, '-') || status || filtered AS r FROM visits UNION ALL "
        "SELECT visit_id || step_id || item_id || value || answered_at FROM answers UNION ALL "
        "SELECT visit_id || step_id || skipped_at FROM skips ORDER BY 1)";
    EXPECT_EQ(QueryOne(target_, rows), QueryOne(merged, rows));
    EXPECT_EQ(QueryOne(target_, "SELECT count(*) FROM visits"), "11");
}

// The hub's status as a kiosk's outbox reads it (a live "online" makes it
// resend): the hub's own payload is read; anything else is not a state.
TEST(FleetHubState, TheHubsStatusIsReadAndAnythingElseRefused) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
    std::string state;
    EXPECT_TRUE(ParseHubState(db, R"({"v":1,"boot":"0a1b","state":"online"})", &state));
    EXPECT_EQ(state, "online");
    EXPECT_TRUE(ParseHubState(db, R"({"v":1,"boot":"0a1b","state":"lost"})", &state));
    EXPECT_EQ(state, "lost");
    for (const char* other : {R"({"v":2,"state":"online"})", R"({"v":1,"state":1})", R"({"v":1})",
                              R"(["online"])", "not json", ""})
        EXPECT_FALSE(ParseHubState(db, other, &state)) << other;
    sqlite3_close(db);
}

} // namespace
} // namespace tapsheet::test
