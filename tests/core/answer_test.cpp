// The one definition of an answer row (app/core/answer.h): what the flow
// writes for each step kind, and what every reader counts it as.
#include "app/core/answer.h"
#include "app/core/flow.h"

#include <gtest/gtest.h>

namespace tapsheet {
namespace {

TEST(AnswerRows, EachKindHasItsShape) {
    EXPECT_EQ(ChosenRow("system").item_id, "system");
    EXPECT_EQ(ChosenRow("system").value, kChosen);
    EXPECT_EQ(ProjectRow("Falls clinic").item_id, kProjectItem);
    EXPECT_EQ(OwnRow("Less agency spend").value, "Less agency spend");
    EXPECT_EQ(MarkRow("vision", DomainMark::Focus).value, kFocusValue);
    EXPECT_EQ(MarkRow("vision", DomainMark::Least).value, kLeastValue);
}

TEST(AnswerRows, AChoiceCountsAsChosenWhateverAnEarlierVersionStored) {
    EXPECT_EQ(CountedValue("system", ""), kChosen);
    EXPECT_EQ(CountedValue("system", "1"), kChosen); // tapsheet 0.1's kiosk
    EXPECT_EQ(CountedValue("vision", "focus"), kFocusValue);
    EXPECT_EQ(CountedValue("vision", "least"), kLeastValue);
    // Free text is the text itself, even when it looks like a mark or "1".
    EXPECT_EQ(CountedValue(kOwnItem, "1"), "1");
    EXPECT_EQ(CountedValue(kProjectItem, "focus"), "focus");
    EXPECT_TRUE(IsFreeTextItem("own"));
    EXPECT_TRUE(IsFreeTextItem("project"));
    EXPECT_FALSE(IsFreeTextItem("system"));
}

// The flow's saved rows read back as the choices tapped: every row the flow
// emits for a choice counts as kChosen.
TEST(AnswerRows, TheFlowWritesRowsAsDefined) {
    Pack pack;
    Step poll;
    poll.id = "improvement";
    poll.kind = StepKind::Poll;
    poll.poll.multi = true;
    poll.poll.options = {Option{"a", {}}, Option{"b", {}}};
    pack.steps.push_back(poll);
    Flow flow(pack);
    ASSERT_TRUE(flow.Start("en", "visit", 0));
    ASSERT_TRUE(flow.Toggle("a", 1));
    ASSERT_TRUE(flow.Toggle("b", 2));
    std::vector<StoreCommand> commands = flow.TakeCommands();
    ASSERT_FALSE(commands.empty());
    const StepAnswer& last = commands.back().answer;
    ASSERT_EQ(last.rows.size(), 2u);
    for (const AnswerRow& row : last.rows) {
        EXPECT_EQ(row.value, kChosen);
        EXPECT_EQ(CountedValue(row.item_id, row.value), kChosen);
    }
}

} // namespace
} // namespace tapsheet
