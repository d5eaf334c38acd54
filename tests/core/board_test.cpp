// The board's state and intents against the two shipped packs: which pages
// exist, the drop-in rotation, every intent, and the activity timers of the
// seed slides (13 min as 4 + 9, and 18 min).
#include "app/core/board.h"
#include "app/core/loader.h"

#include <gtest/gtest.h>

namespace tapsheet {
namespace {

Pack LoadShipped(const char* name) {
    LoadResult result = LoadPackFile(std::string(TAPSHEET_SOURCE_DIR) + "/assets/content/" + name);
    for (const LoadError& error : result.errors)
        ADD_FAILURE() << error.ToString();
    return result.pack.value_or(Pack{});
}

Pack DefaultPack() {
    return LoadShipped("default.toml");
}

Pack WelshPack() {
    return LoadShipped("welsh-demo.toml");
}

BoardPage P(BoardPageKind kind, std::string step_id = {}, std::size_t index = 0) {
    return BoardPage::Of(kind, std::move(step_id), index);
}

BoardIntent Intent(BoardIntent::Kind kind, std::string id = {}, std::size_t index = 0) {
    BoardIntent intent = BoardIntent::Of(kind);
    intent.id = std::move(id);
    intent.index = index;
    return intent;
}

BoardIntent Show(const BoardPage& page) {
    BoardIntent intent = BoardIntent::Of(BoardIntent::Kind::ShowPage);
    intent.page = page;
    return intent;
}

using K = BoardPageKind;
using I = BoardIntent::Kind;

TEST(BoardPages, DefaultPackInContentOrderThenTheRest) {
    const std::vector<BoardPage> expected = {P(K::Poll, "level"),
                                             P(K::Poll, "aim"),
                                             P(K::Poll, "improvement"),
                                             P(K::Sheet, "benefits"),
                                             P(K::Domains, "domains"),
                                             P(K::CrossTab, "benefits"),
                                             P(K::Totals),
                                             P(K::Timer),
                                             P(K::Evidence, {}, 0),
                                             P(K::Evidence, {}, 1),
                                             P(K::Evidence, {}, 2),
                                             P(K::Evidence, {}, 3)};
    EXPECT_EQ(BoardPages(DefaultPack()), expected);
}

TEST(BoardPages, WelshPackHasNoEvidenceAndSkipsInfo) {
    const std::vector<BoardPage> expected = {P(K::Poll, "workplace"),
                                             P(K::Sheet, "gains"),
                                             P(K::Poll, "who-benefits"),
                                             P(K::Domains, "effort"),
                                             P(K::CrossTab, "gains"),
                                             P(K::Totals),
                                             P(K::Timer)};
    EXPECT_EQ(BoardPages(WelshPack()), expected);
}

TEST(BoardPages, NoCrossTabOrTimerWhenThePackHasNone) {
    Pack pack;
    Step poll;
    poll.id = "only";
    poll.kind = StepKind::Poll;
    pack.steps.push_back(poll);
    EXPECT_EQ(BoardPages(pack), (std::vector<BoardPage>{P(K::Poll, "only"), P(K::Totals)}));
    EXPECT_EQ(RotationPages(pack), (std::vector<BoardPage>{P(K::Poll, "only"), P(K::Totals)}));
}

TEST(RotationPages, EvidenceCardsBetweenResultsStartingOver) {
    const std::vector<BoardPage> expected = {P(K::Poll, "level"),
                                             P(K::Evidence, {}, 0),
                                             P(K::Poll, "aim"),
                                             P(K::Evidence, {}, 1),
                                             P(K::Poll, "improvement"),
                                             P(K::Evidence, {}, 2),
                                             P(K::Sheet, "benefits"),
                                             P(K::Evidence, {}, 3),
                                             P(K::Domains, "domains"),
                                             P(K::Evidence, {}, 0),
                                             P(K::Totals),
                                             P(K::Evidence, {}, 1)};
    EXPECT_EQ(RotationPages(DefaultPack()), expected);
}

TEST(RotationPages, WithoutEvidenceOnlyResults) {
    const std::vector<BoardPage> expected = {P(K::Poll, "workplace"), P(K::Sheet, "gains"),
                                             P(K::Poll, "who-benefits"), P(K::Domains, "effort"),
                                             P(K::Totals)};
    EXPECT_EQ(RotationPages(WelshPack()), expected);
}

TEST(BoardState, StartsOnTheFirstPageWithTheFirstTimerAndNoTransition) {
    BoardState state = NewBoardState(DefaultPack(), 100);
    EXPECT_EQ(state.page, P(K::Poll, "level"));
    EXPECT_EQ(state.timer.timer, 0);
    EXPECT_FALSE(state.timer.running);
    EXPECT_FALSE(state.drop_in);
    EXPECT_TRUE(state.controls);
    EXPECT_EQ(TransitionProgress(state, 100), 1);
    EXPECT_EQ(NextRotation(state), 0);
}

TEST(BoardIntents, ShowPageOnlyForPagesThePackHas) {
    const Pack pack = DefaultPack();
    BoardState state = NewBoardState(pack, 0);
    EXPECT_TRUE(ApplyBoardIntent(state, pack, Show(P(K::Sheet, "benefits")), 1));
    EXPECT_EQ(state.page, P(K::Sheet, "benefits"));
    EXPECT_EQ(state.previous, P(K::Poll, "level"));
    EXPECT_EQ(state.page_since, 1);
    EXPECT_FALSE(ApplyBoardIntent(state, pack, Show(P(K::Sheet, "benefits")), 2)) << "already shown";
    EXPECT_FALSE(ApplyBoardIntent(state, pack, Show(P(K::Poll, "benefits")), 2)) << "a sheet, not a poll";
    EXPECT_FALSE(ApplyBoardIntent(state, pack, Show(P(K::Poll, "nope")), 2));
    EXPECT_FALSE(ApplyBoardIntent(state, pack, Show(P(K::Sheet, "reflect")), 2));
    EXPECT_FALSE(ApplyBoardIntent(state, pack, Show(P(K::Evidence, {}, 4)), 2));
    EXPECT_FALSE(ApplyBoardIntent(state, pack, Show(P(K::CrossTab, "level")), 2));
    EXPECT_TRUE(ApplyBoardIntent(state, pack, Show(P(K::CrossTab, "domains")), 2));
    EXPECT_TRUE(ApplyBoardIntent(state, pack, Show(P(K::Evidence, {}, 3)), 3));
    EXPECT_TRUE(ApplyBoardIntent(state, pack, Show(P(K::Moderation)), 4));
    EXPECT_EQ(state.page, P(K::Moderation));
}

TEST(BoardIntents, NextAndPreviousWrapAround) {
    const Pack pack = DefaultPack();
    BoardState state = NewBoardState(pack, 0);
    EXPECT_TRUE(ApplyBoardIntent(state, pack, Intent(I::PreviousPage), 1));
    EXPECT_EQ(state.page, P(K::Evidence, {}, 3)) << "wraps round to the last page, never to moderation";
    EXPECT_TRUE(ApplyBoardIntent(state, pack, Intent(I::NextPage), 2));
    EXPECT_EQ(state.page, P(K::Poll, "level"));
    EXPECT_TRUE(ApplyBoardIntent(state, pack, Intent(I::NextPage), 3));
    EXPECT_EQ(state.page, P(K::Poll, "aim"));
    // A cross-tab on another target still counts as the cross-tab page.
    ApplyBoardIntent(state, pack, Show(P(K::CrossTab, "domains")), 4);
    EXPECT_TRUE(ApplyBoardIntent(state, pack, Intent(I::NextPage), 5));
    EXPECT_EQ(state.page, P(K::Totals));
    // Paging through every page, both ways, never shows the moderation list.
    for (int i = 0; i < 40; ++i) {
        ApplyBoardIntent(state, pack, Intent(i < 20 ? I::NextPage : I::PreviousPage), 6 + i);
        EXPECT_NE(state.page.kind, K::Moderation);
    }
}

// The moderation list is not a page of the list: it counts as the page it
// was opened from, so the strip says "Page 4 of 12" (not "Page 0") and Next
// goes on from there.
TEST(BoardIntents, ModerationCountsAsThePageItWasOpenedFrom) {
    const Pack pack = DefaultPack();
    BoardState state = NewBoardState(pack, 0);
    EXPECT_EQ(PageNumber(state), 1u);
    ApplyBoardIntent(state, pack, Show(P(K::Sheet, "benefits")), 1);
    EXPECT_EQ(PageNumber(state), 4u);
    ApplyBoardIntent(state, pack, Show(P(K::Moderation)), 2);
    EXPECT_EQ(PageNumber(state), 4u) << "opened from the sheet, page 4";
    EXPECT_TRUE(ApplyBoardIntent(state, pack, Intent(I::NextPage), 3));
    EXPECT_EQ(state.page, P(K::Domains, "domains")) << "the page after the sheet";
    ApplyBoardIntent(state, pack, Show(P(K::Moderation)), 4);
    EXPECT_TRUE(ApplyBoardIntent(state, pack, Intent(I::PreviousPage), 5));
    EXPECT_EQ(state.page, P(K::Sheet, "benefits")) << "the page before the domains";
    ApplyBoardIntent(state, pack, Show(P(K::CrossTab, "domains")), 6);
    EXPECT_EQ(PageNumber(state), 6u) << "a cross-tab on any target is the cross-tab page";
}

TEST(BoardIntents, HideAndRevealOnlyResultSteps) {
    const Pack pack = DefaultPack();
    BoardState state = NewBoardState(pack, 0);
    EXPECT_TRUE(ApplyBoardIntent(state, pack, Intent(I::Hide, "aim"), 1));
    EXPECT_FALSE(ApplyBoardIntent(state, pack, Intent(I::Hide, "aim"), 1)) << "already hidden";
    EXPECT_FALSE(ApplyBoardIntent(state, pack, Intent(I::Hide, "reflect"), 1));
    EXPECT_FALSE(ApplyBoardIntent(state, pack, Intent(I::Hide, "missing"), 1));
    EXPECT_TRUE(ApplyBoardIntent(state, pack, Intent(I::Hide, "benefits"), 1));
    EXPECT_EQ(state.hidden, (std::set<std::string>{"aim", "benefits"}));
    EXPECT_TRUE(ApplyBoardIntent(state, pack, Intent(I::Reveal, "aim"), 2));
    EXPECT_FALSE(ApplyBoardIntent(state, pack, Intent(I::Reveal, "aim"), 2));
    EXPECT_EQ(state.hidden, (std::set<std::string>{"benefits"}));
}

TEST(BoardIntents, FreezeControlsAndDropInToggle) {
    const Pack pack = DefaultPack();
    BoardState state = NewBoardState(pack, 0);
    EXPECT_TRUE(ApplyBoardIntent(state, pack, Intent(I::ToggleFreeze), 1));
    EXPECT_TRUE(state.frozen);
    EXPECT_TRUE(ApplyBoardIntent(state, pack, Intent(I::ToggleFreeze), 1));
    EXPECT_FALSE(state.frozen);
    EXPECT_TRUE(ApplyBoardIntent(state, pack, Intent(I::ToggleControls), 1));
    EXPECT_FALSE(state.controls);
    EXPECT_TRUE(ApplyBoardIntent(state, pack, Intent(I::ToggleDropIn), 50));
    EXPECT_TRUE(state.drop_in);
    EXPECT_EQ(NextRotation(state), 50 + state.rotate_seconds) << "counts from the toggle, not the page";
    EXPECT_TRUE(ApplyBoardIntent(state, pack, Intent(I::ToggleDropIn), 51));
    EXPECT_FALSE(state.drop_in);
    EXPECT_EQ(NextRotation(state), 0);
}

TEST(BoardIntents, RoundsAndTheStoreOnlyIntents) {
    const Pack pack = DefaultPack();
    BoardState state = NewBoardState(pack, 0);
    EXPECT_TRUE(ApplyBoardIntent(state, pack, Intent(I::ShowRound, {}, 2), 1));
    EXPECT_EQ(state.round_shown, 2);
    EXPECT_FALSE(ApplyBoardIntent(state, pack, Intent(I::ShowRound, {}, 2), 1));
    EXPECT_TRUE(ApplyBoardIntent(state, pack, Intent(I::ShowAllRounds), 1));
    EXPECT_EQ(state.round_shown, kAllRounds);
    EXPECT_TRUE(ApplyBoardIntent(state, pack, Intent(I::NewRound), 2));
    EXPECT_EQ(state.round_shown, 0) << "a new round shows the current round";
    EXPECT_FALSE(ApplyBoardIntent(state, pack, Intent(I::NewRound), 3)) << "the board shows it already";
    const BoardState before = state;
    EXPECT_FALSE(ApplyBoardIntent(state, pack, Intent(I::Approve, "benefits"), 4));
    EXPECT_FALSE(ApplyBoardIntent(state, pack, Intent(I::Reject, "benefits"), 4));
    EXPECT_EQ(state.page, before.page);
    EXPECT_EQ(state.round_shown, before.round_shown);
}

TEST(BoardIntents, CrossByChoosesFilterAndTarget) {
    const Pack pack = DefaultPack();
    BoardState state = NewBoardState(pack, 0);
    BoardIntent cross = BoardIntent::Of(I::CrossBy);
    cross.cross = {"level", "system"};
    cross.page = P(K::CrossTab, "domains");
    EXPECT_TRUE(ApplyBoardIntent(state, pack, cross, 1));
    EXPECT_EQ(state.cross, (CrossFilter{"level", "system"}));
    EXPECT_TRUE(state.cross.Active());
    EXPECT_EQ(state.page, P(K::CrossTab, "domains"));
    EXPECT_FALSE(ApplyBoardIntent(state, pack, cross, 2)) << "nothing new";
    cross.cross = {"level", "galaxy"};
    EXPECT_FALSE(ApplyBoardIntent(state, pack, cross, 2)) << "not an option of the poll";
    cross.cross = {"benefits", "staff-wellbeing"};
    EXPECT_FALSE(ApplyBoardIntent(state, pack, cross, 2)) << "filters come from polls";
    cross.cross = {};
    cross.page = P(K::CrossTab, "benefits");
    EXPECT_TRUE(ApplyBoardIntent(state, pack, cross, 3));
    EXPECT_FALSE(state.cross.Active());
    EXPECT_EQ(state.page, P(K::CrossTab, "benefits"));
}

TEST(BoardIntents, TimerChooseStartPauseReset) {
    const Pack pack = DefaultPack();
    BoardState state = NewBoardState(pack, 0);
    EXPECT_TRUE(ApplyBoardIntent(state, pack, Intent(I::TimerStart), 10));
    EXPECT_FALSE(ApplyBoardIntent(state, pack, Intent(I::TimerStart), 11)) << "already running";
    EXPECT_TRUE(ApplyBoardIntent(state, pack, Intent(I::TimerPause), 70));
    EXPECT_FALSE(ApplyBoardIntent(state, pack, Intent(I::TimerPause), 71));
    EXPECT_DOUBLE_EQ(state.timer.Elapsed(500), 60);
    EXPECT_TRUE(ApplyBoardIntent(state, pack, Intent(I::TimerReset), 80));
    EXPECT_FALSE(ApplyBoardIntent(state, pack, Intent(I::TimerReset), 81)) << "already reset";
    EXPECT_DOUBLE_EQ(state.timer.Elapsed(500), 0);
    ApplyBoardIntent(state, pack, Intent(I::TimerStart), 90);
    EXPECT_TRUE(ApplyBoardIntent(state, pack, Intent(I::TimerChoose, {}, 1), 100));
    EXPECT_EQ(state.timer.timer, 1);
    EXPECT_FALSE(state.timer.running) << "choosing resets";
    EXPECT_DOUBLE_EQ(state.timer.Elapsed(200), 0);
    EXPECT_FALSE(ApplyBoardIntent(state, pack, Intent(I::TimerChoose, {}, 2), 100));
    EXPECT_EQ(state.timer.timer, 1);
}

TEST(BoardIntents, NoTimerToStartWithoutTimers) {
    Pack pack;
    BoardState state = NewBoardState(pack, 0);
    EXPECT_EQ(state.timer.timer, -1);
    EXPECT_FALSE(ApplyBoardIntent(state, pack, Intent(I::TimerStart), 1));
    EXPECT_FALSE(ApplyBoardIntent(state, pack, Intent(I::TimerChoose, {}, 0), 1));
    EXPECT_FALSE(ApplyBoardIntent(state, pack, Show(P(K::Timer)), 1));
}

} // namespace
} // namespace tapsheet
