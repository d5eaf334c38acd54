// Anti-stuffing: bursts of identical visits are flagged as they form, and
// honest patterns (short visits, different answers, spaced out, another
// kiosk) are not.
#include "app/store/reader.h"
#include "app/store/tally_reader.h"
#include "store_test_util.h"

namespace tapsheet::test {
namespace {

class StuffingTest : public ::testing::Test {
  protected:
    void SetUp() override { path_ = dir_.Path("results.db"); }

    std::unique_ptr<VisitWriter> Open(const std::string& kiosk_id, StuffingRules rules = {}) {
        WriterOptions options = Options(path_, waker_);
        options.kiosk_id = kiosk_id;
        options.stuffing = rules;
        auto writer = std::make_unique<VisitWriter>(options, MakePack());
        EXPECT_TRUE(WaitReady(*writer, waker_));
        return writer;
    }

    // One whole visit: the given poll answers, then complete.
    std::string Visit(VisitWriter& writer, const std::vector<std::pair<std::string, std::string>>& answers) {
        const std::string id = NewVisitId();
        EXPECT_TRUE(Committed(writer, waker_, writer.BeginVisit(id, "en")));
        for (const auto& [step, item] : answers)
            EXPECT_TRUE(Committed(writer, waker_, writer.SaveAnswer(Answer(id, step, {{item, ""}}))));
        EXPECT_TRUE(Committed(writer, waker_, writer.EndVisit(id, VisitEnd::Complete)));
        return id;
    }

    bool Filtered(const std::string& id) { return StoreReader(path_).Visit(id)->filtered; }

    TempDir dir_;
    std::string path_;
    Waker waker_;
};

const std::vector<std::pair<std::string, std::string>> kSame = {
    {"level", "system"}, {"aim", "goal"}, {"improve", "costs"}, {"sheet", "b1"}};

TEST_F(StuffingTest, FourthIdenticalVisitFlagsTheWholeBurst) {
    auto writer = Open("kiosk-1");
    std::vector<std::string> ids;
    for (int i = 0; i < 3; ++i)
        ids.push_back(Visit(*writer, kSame));
    for (const std::string& id : ids)
        EXPECT_FALSE(Filtered(id)) << "three alike is not yet a burst";
    ids.push_back(Visit(*writer, kSame));
    for (const std::string& id : ids)
        EXPECT_TRUE(Filtered(id));
    const std::string fifth = Visit(*writer, kSame); // the burst goes on
    EXPECT_TRUE(Filtered(fifth));
    const std::string honest =
        Visit(*writer, {{"level", "team"}, {"aim", "goal"}, {"improve", "costs"}, {"sheet", "b1"}});
    EXPECT_FALSE(Filtered(honest));

    TallyReader reader(path_);
    Tallies tallies;
    ASSERT_TRUE(reader.Refresh(0, &tallies)) << reader.Error();
    EXPECT_EQ(tallies.filtered, 5);
    EXPECT_EQ(tallies.Step("level")->Count("system"), 0); // none of the burst is counted
    EXPECT_EQ(tallies.Step("level")->Count("team"), 1);
}

TEST_F(StuffingTest, HonestPatternsAreNeverFlagged) {
    auto writer = Open("kiosk-1");
    std::vector<std::string> ids;
    for (int i = 0; i < 6; ++i) // a table of colleagues answering the three polls alike
        ids.push_back(Visit(*writer, {{"level", "org"}, {"aim", "conditions"}, {"improve", "staff"}}));
    for (const char* item : {"system", "org", "team", "system", "org", "team"}) // different answers
        ids.push_back(Visit(*writer, {{"level", item}, {"aim", "goal"}, {"improve", item}, {"sheet", "b1"}}));
    for (const std::string& id : ids)
        EXPECT_FALSE(Filtered(id)) << id;
}

TEST_F(StuffingTest, OnlyRecentVisitsOfThisKioskCount) {
    auto first = Open("kiosk-1");
    std::vector<std::string> ids;
    for (int i = 0; i < 3; ++i)
        ids.push_back(Visit(*first, kSame));
    // Those three ended long ago: outside the window.
    ASSERT_EQ(ExecRaw(path_, "UPDATE visits SET ended_at = '2000-01-01T00:00:00.000Z'"), SQLITE_OK);
    ids.push_back(Visit(*first, kSame));
    first.reset();
    auto second = Open("kiosk-2"); // another kiosk on the same file
    for (int i = 0; i < 2; ++i)
        ids.push_back(Visit(*second, kSame));
    for (const std::string& id : ids)
        EXPECT_FALSE(Filtered(id)) << id;
}

TEST_F(StuffingTest, RulesCanTurnItOff) {
    StuffingRules off;
    off.burst_visits = 0;
    auto writer = Open("kiosk-1", off);
    std::vector<std::string> ids;
    for (int i = 0; i < 6; ++i)
        ids.push_back(Visit(*writer, kSame));
    for (const std::string& id : ids)
        EXPECT_FALSE(Filtered(id));
}

} // namespace
} // namespace tapsheet::test
