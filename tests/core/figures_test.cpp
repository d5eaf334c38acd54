// The rules the board and the report share (app/core/figures.h).
#include "app/core/figures.h"

#include <gtest/gtest.h>

namespace tapsheet {
namespace {

FreeText Text(std::string step, std::string item, std::string text, Moderation status) {
    FreeText out;
    out.step_id = std::move(step);
    out.item_id = std::move(item);
    out.text = std::move(text);
    out.count = 1;
    out.status = status;
    return out;
}

TEST(Figures, OnlyApprovedTextIsPublic) {
    EXPECT_TRUE(IsPublic(Text("s", "own", "a", Moderation::Approved)));
    EXPECT_FALSE(IsPublic(Text("s", "own", "a", Moderation::Pending)));
    EXPECT_FALSE(IsPublic(Text("s", "own", "a", Moderation::Rejected)));
}

TEST(Figures, PublicTextsOfOneStepAndItemInListOrder) {
    const std::vector<FreeText> texts = {
        Text("sheet", "own", "first", Moderation::Approved),
        Text("sheet", "own", "waiting", Moderation::Pending),
        Text("sheet", "project", "a project", Moderation::Approved),
        Text("other", "own", "elsewhere", Moderation::Approved),
        Text("sheet", "own", "refused", Moderation::Rejected),
        Text("sheet", "own", "second", Moderation::Approved),
    };
    const std::vector<const FreeText*> own = PublicTexts(texts, "sheet", kOwnItem);
    ASSERT_EQ(own.size(), 2u);
    EXPECT_EQ(own[0]->text, "first");
    EXPECT_EQ(own[1]->text, "second");
    const std::vector<const FreeText*> names = PublicTexts(texts, "sheet", kProjectItem);
    ASSERT_EQ(names.size(), 1u);
    EXPECT_EQ(names[0]->text, "a project");
}

TEST(Figures, TheThreeMostTappedStandOutTiesIncluded) {
    const int threshold = StandOutThreshold({5, 1, 3, 3, 0, 2});
    EXPECT_EQ(threshold, 3) << "5, 3, 3 are the three most tapped";
    EXPECT_TRUE(StandsOut(5, threshold));
    EXPECT_TRUE(StandsOut(3, threshold));
    EXPECT_FALSE(StandsOut(2, threshold));
    EXPECT_EQ(StandOutThreshold({4, 4, 4, 4, 1}), 4) << "a tie at the third place: all four stand out";
    EXPECT_EQ(StandOutThreshold({2}), 2) << "fewer than three tapped: all of them stand out";
}

TEST(Figures, NothingStandsOutWhenNothingWasTapped) {
    const int threshold = StandOutThreshold({0, 0, 0});
    EXPECT_EQ(threshold, 0);
    EXPECT_FALSE(StandsOut(0, threshold));
    EXPECT_EQ(StandOutThreshold({}), 0);
}

TEST(Figures, StepCountsAndLookups) {
    Tallies tallies;
    tallies.steps = {{"level", 3, {{"system", std::string(kChosen), 2}, {"team", std::string(kChosen), 1}}},
                     {"domains", 2, {{"people", std::string(kFocusValue), 2}}}};
    ASSERT_NE(tallies.Step("level"), nullptr);
    EXPECT_EQ(tallies.Step("level")->Count("system"), 2);
    EXPECT_EQ(tallies.Step("level")->Count("absent"), 0);
    EXPECT_EQ(tallies.Step("domains")->Count("people", kFocusValue), 2);
    EXPECT_EQ(tallies.Step("domains")->Count("people"), 0) << "a domain mark is not a choice";
    EXPECT_EQ(tallies.Step("nobody"), nullptr);
}

} // namespace
} // namespace tapsheet
