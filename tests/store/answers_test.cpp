// What a visit's writes leave in the database.
#include "app/store/reader.h"
#include "store_test_util.h"

#include <regex>

namespace tapsheet::test {
namespace {

class AnswersTest : public ::testing::Test {
  protected:
    void SetUp() override {
        path_ = dir_.Path("results.db");
        writer_ = std::make_unique<VisitWriter>(Options(path_, waker_), MakePack());
        ASSERT_TRUE(WaitReady(*writer_, waker_));
        ASSERT_TRUE(writer_->Health().ok) << writer_->Health().problem;
    }

    bool Ok(Ticket ticket) { return Committed(*writer_, waker_, ticket); }

    std::string Begin() {
        std::string visit = NewVisitId();
        EXPECT_TRUE(Ok(writer_->BeginVisit(visit, "en")));
        return visit;
    }

    // (step, item, value) rows of a visit, in stored order.
    std::vector<std::string> RowsOf(const std::string& visit) {
        std::vector<std::string> rows;
        for (const StoredAnswer& answer : StoreReader(path_).Answers(visit))
            rows.push_back(answer.step_id + "/" + answer.item_id + "=" + answer.value);
        return rows;
    }

    TempDir dir_;
    std::string path_;
    Waker waker_; // declared before the writer: it must outlive it
    std::unique_ptr<VisitWriter> writer_;
};

using Rows = std::vector<std::string>;

TEST_F(AnswersTest, VisitRunsFromBeginToComplete) {
    const std::string visit = Begin();
    ASSERT_TRUE(Ok(writer_->SaveAnswer(Answer(visit, "level", {{"system", ""}}))));
    ASSERT_TRUE(
        Ok(writer_->SaveAnswer(Answer(visit, "sheet", {{"safety", ""}, {"project", "Ward 7 flow"}}))));
    ASSERT_TRUE(Ok(writer_->EndVisit(visit, VisitEnd::Complete)));

    StoreReader reader(path_);
    auto stored = reader.Visit(visit);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->status, "complete");
    EXPECT_EQ(stored->kiosk_id, "kiosk-test");
    EXPECT_EQ(stored->lang, "en");
    EXPECT_EQ(stored->round, 1);
    EXPECT_FALSE(stored->filtered);
    const std::regex stamp(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)");
    EXPECT_TRUE(std::regex_match(stored->started_at, stamp)) << stored->started_at;
    EXPECT_TRUE(std::regex_match(stored->ended_at, stamp)) << stored->ended_at;
    EXPECT_LE(stored->started_at, stored->ended_at);
    EXPECT_EQ(RowsOf(visit), (Rows{"level/system=", "sheet/safety=", "sheet/project=Ward 7 flow"}));
}

TEST_F(AnswersTest, OpenVisitKeepsWhatWasAnswered) {
    const std::string visit = Begin();
    ASSERT_TRUE(Ok(writer_->SaveAnswer(Answer(visit, "level", {{"team", ""}}))));
    auto stored = StoreReader(path_).Visit(visit);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->status, "open");
    EXPECT_EQ(stored->ended_at, "");
    EXPECT_EQ(RowsOf(visit), (Rows{"level/team="}));
}

TEST_F(AnswersTest, SavingAStepAgainReplacesItsRows) {
    const std::string visit = Begin();
    ASSERT_TRUE(Ok(writer_->SaveAnswer(Answer(visit, "sheet", {{"a", ""}, {"b", ""}, {"c", ""}}))));
    ASSERT_TRUE(Ok(writer_->SaveAnswer(Answer(visit, "level", {{"system", ""}}))));
    ASSERT_TRUE(Ok(writer_->SaveAnswer(Answer(visit, "sheet", {{"d", ""}}))));
    EXPECT_EQ(RowsOf(visit), (Rows{"level/system=", "sheet/d="}));
}

TEST_F(AnswersTest, SkipIsRecordedAndReplacedBothWays) {
    const std::string visit = Begin();
    ASSERT_TRUE(Ok(writer_->SaveAnswer(Answer(visit, "aim", {{"costs", ""}}))));
    ASSERT_TRUE(Ok(writer_->SaveAnswer(Skip(visit, "aim"))));
    StoreReader reader(path_);
    EXPECT_EQ(reader.SkippedSteps(visit), (std::vector<std::string>{"aim"}));
    EXPECT_TRUE(RowsOf(visit).empty());

    ASSERT_TRUE(Ok(writer_->SaveAnswer(Answer(visit, "aim", {{"staff", ""}}))));
    EXPECT_TRUE(reader.SkippedSteps(visit).empty());
    EXPECT_EQ(RowsOf(visit), (Rows{"aim/staff="}));
    ASSERT_TRUE(Ok(writer_->SaveAnswer(Skip(visit, "aim")))); // skipping twice is fine too
    ASSERT_TRUE(Ok(writer_->SaveAnswer(Skip(visit, "aim"))));
    EXPECT_EQ(reader.SkippedSteps(visit), (std::vector<std::string>{"aim"}));
}

TEST_F(AnswersTest, WalkAwayIsAbandonedAndCannotBeEndedTwice) {
    const std::string visit = Begin();
    ASSERT_TRUE(Ok(writer_->SaveAnswer(Answer(visit, "level", {{"system", ""}}))));
    ASSERT_TRUE(Ok(writer_->EndVisit(visit, VisitEnd::Abandoned)));
    // A late "complete" must not rewrite history; the store stays in service.
    EXPECT_FALSE(Ok(writer_->EndVisit(visit, VisitEnd::Complete)));
    EXPECT_TRUE(writer_->Health().ok);
    StoreReader reader(path_);
    EXPECT_EQ(reader.Visit(visit)->status, "abandoned");
    VisitCounts counts = reader.CountVisits();
    EXPECT_EQ(counts.abandoned, 1);
    EXPECT_EQ(counts.Total(), 1);
    EXPECT_EQ(RowsOf(visit), (Rows{"level/system="})); // an abandoned visit still counts for what it answered
}

TEST_F(AnswersTest, AnswerForAVisitNeverBegunIsRefusedAlone) {
    EXPECT_FALSE(Ok(writer_->SaveAnswer(Answer("no-such-visit", "level", {{"system", ""}}))));
    EXPECT_FALSE(Ok(writer_->SaveAnswer(Skip("no-such-visit", "level"))));
    EXPECT_FALSE(Ok(writer_->EndVisit("no-such-visit", VisitEnd::Complete)));
    EXPECT_TRUE(writer_->Health().ok);
    const std::string visit = Begin(); // and the next visit works
    EXPECT_TRUE(Ok(writer_->SaveAnswer(Answer(visit, "level", {{"system", ""}}))));
}

TEST_F(AnswersTest, FreeTextIsStoredVerbatim) {
    const std::string visit = Begin();
    const std::string text = "Llwybr cleifion – 'ward 7'; DROP TABLE answers; -- \"quoted\" \xF0\x9F\x99\x82";
    ASSERT_TRUE(Ok(writer_->SaveAnswer(Answer(visit, "sheet", {{"own", text}}))));
    EXPECT_EQ(RowsOf(visit), (Rows{"sheet/own=" + text}));
}

TEST_F(AnswersTest, RoundsAndFilteredVisitsShapeTheCounts) {
    const std::string first = Begin();
    ASSERT_TRUE(Ok(writer_->SaveAnswer(Answer(first, "level", {{"system", ""}}))));
    ASSERT_TRUE(Ok(writer_->SetRound(2)));
    const std::string second = Begin();
    const std::string stuffed = Begin();
    ASSERT_TRUE(Ok(writer_->SaveAnswer(Answer(second, "level", {{"team", ""}}))));
    ASSERT_TRUE(Ok(writer_->SaveAnswer(Answer(stuffed, "level", {{"team", ""}}))));
    ASSERT_TRUE(Ok(writer_->SetFiltered(stuffed, true)));
    EXPECT_FALSE(Ok(writer_->SetFiltered("no-such-visit", true)));

    StoreReader reader(path_);
    EXPECT_EQ(reader.Round(), 2);
    EXPECT_EQ(reader.Visit(first)->round, 1);
    EXPECT_EQ(reader.Visit(second)->round, 2);
    EXPECT_TRUE(reader.Visit(stuffed)->filtered);
    EXPECT_EQ(reader.CountVisits().open, 3);
    EXPECT_EQ(reader.CountVisits().filtered, 1);
    EXPECT_EQ(reader.CountVisits(2).Total(), 2);
    auto all = reader.CountItems("level");
    ASSERT_EQ(all.size(), 2u); // the stuffed visit's "team" is left out
    EXPECT_EQ(all[0].count + all[1].count, 2);
    auto round_two = reader.CountItems("level", 2);
    ASSERT_EQ(round_two.size(), 1u);
    EXPECT_EQ(round_two[0].item_id, "team");
    EXPECT_EQ(round_two[0].count, 1);
    EXPECT_TRUE(reader.Ok()) << reader.Error();
}

} // namespace
} // namespace tapsheet::test
