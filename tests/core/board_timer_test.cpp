// The activity timers of the seed slides read across start, pause, resume,
// reset and over-run; the drop-in rotation's timing; page transitions.
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

BoardPage P(BoardPageKind kind, std::string step_id = {}, std::size_t index = 0) {
    return BoardPage::Of(kind, std::move(step_id), index);
}

using K = BoardPageKind;
using I = BoardIntent::Kind;

void Apply(BoardState& state, const Pack& pack, I kind, double now, std::size_t index = 0) {
    BoardIntent intent = BoardIntent::Of(kind);
    intent.index = index;
    ApplyBoardIntent(state, pack, intent, now);
}

// Every field, so a failure shows them all.
void ExpectReading(const TimerReading& reading, int phase, double phase_left, double total_left, bool over) {
    EXPECT_EQ(reading.phase, phase);
    EXPECT_DOUBLE_EQ(reading.phase_left, phase_left);
    EXPECT_DOUBLE_EQ(reading.total_left, total_left);
    EXPECT_EQ(reading.over, over);
}

TEST(ReadTimer, ThirteenMinutesAsFourPlusNine) {
    const Pack pack = LoadShipped("default.toml");
    const ActivityTimer& timer = pack.timers.at(0);
    ASSERT_EQ(timer.TotalMinutes(), 13);
    BoardState state = NewBoardState(pack, 0);
    ExpectReading(ReadTimer(timer, state.timer, 0), 0, 240, 780, false); // not started: full time
    Apply(state, pack, I::TimerStart, 1000);
    ExpectReading(ReadTimer(timer, state.timer, 1000), 0, 240, 780, false);
    ExpectReading(ReadTimer(timer, state.timer, 1100), 0, 140, 680, false);
    ExpectReading(ReadTimer(timer, state.timer, 1239.5), 0, 0.5, 540.5, false);
    // The discussion begins at 4:00.
    ExpectReading(ReadTimer(timer, state.timer, 1240), 1, 540, 540, false);
    Apply(state, pack, I::TimerPause, 1300);
    // Paused: the clock stands still.
    ExpectReading(ReadTimer(timer, state.timer, 5000), 1, 480, 480, false);
    Apply(state, pack, I::TimerStart, 6000); // resume
    ExpectReading(ReadTimer(timer, state.timer, 6060), 1, 420, 420, false);
    ExpectReading(ReadTimer(timer, state.timer, 6479.75), 1, 0.25, 0.25, false);
    ExpectReading(ReadTimer(timer, state.timer, 6480), 1, 0, 0, true);
    // Over-run: zero, in the last phase.
    ExpectReading(ReadTimer(timer, state.timer, 9000), 1, 0, 0, true);
    Apply(state, pack, I::TimerReset, 9001);
    ExpectReading(ReadTimer(timer, state.timer, 9500), 0, 240, 780, false);
}

TEST(ReadTimer, EighteenMinutesInOnePhase) {
    const Pack pack = LoadShipped("default.toml");
    const ActivityTimer& timer = pack.timers.at(1);
    ASSERT_EQ(timer.TotalMinutes(), 18);
    BoardState state = NewBoardState(pack, 0);
    Apply(state, pack, I::TimerChoose, 0, 1);
    ExpectReading(ReadTimer(timer, state.timer, 10), 0, 1080, 1080, false);
    Apply(state, pack, I::TimerStart, 10);
    ExpectReading(ReadTimer(timer, state.timer, 610), 0, 480, 480, false);
    Apply(state, pack, I::TimerPause, 700);
    Apply(state, pack, I::TimerStart, 800);
    ExpectReading(ReadTimer(timer, state.timer, 900), 0, 290, 290, false);
    ExpectReading(ReadTimer(timer, state.timer, 1190), 0, 0, 0, true);
    ExpectReading(ReadTimer(timer, state.timer, 5000), 0, 0, 0, true);
    Apply(state, pack, I::TimerReset, 5001);
    EXPECT_FALSE(state.timer.running);
    ExpectReading(ReadTimer(timer, state.timer, 6000), 0, 1080, 1080, false);
}

TEST(ReadTimer, ResetWhileRunningStops) {
    const Pack pack = LoadShipped("default.toml");
    BoardState state = NewBoardState(pack, 0);
    Apply(state, pack, I::TimerStart, 0);
    Apply(state, pack, I::TimerReset, 30);
    EXPECT_FALSE(state.timer.running);
    ExpectReading(ReadTimer(pack.timers[0], state.timer, 100), 0, 240, 780, false);
}

TEST(TickBoard, RotatesEveryIntervalThroughTheRotation) {
    const Pack pack = LoadShipped("default.toml");
    BoardState state = NewBoardState(pack, 0);
    state.rotate_seconds = 10;
    EXPECT_FALSE(TickBoard(state, 100)) << "not in drop-in mode";
    Apply(state, pack, I::ToggleDropIn, 100);
    EXPECT_EQ(NextRotation(state), 110);
    EXPECT_FALSE(TickBoard(state, 109.9));
    EXPECT_EQ(state.page, P(K::Poll, "level"));
    EXPECT_TRUE(TickBoard(state, 110));
    EXPECT_EQ(state.page, P(K::Evidence, {}, 0));
    EXPECT_EQ(state.previous, P(K::Poll, "level"));
    EXPECT_EQ(NextRotation(state), 120);
    double now = 110;
    for (std::size_t i = 2; i < state.rotation.size() + 2; i++) {
        now += 10;
        ASSERT_TRUE(TickBoard(state, now));
        EXPECT_EQ(state.page, state.rotation[i % state.rotation.size()]) << "page " << i;
    }
}

TEST(TickBoard, ResumesWhereItLeftOffAfterAPageOutsideTheRotation) {
    const Pack pack = LoadShipped("default.toml");
    BoardState state = NewBoardState(pack, 0);
    state.rotate_seconds = 10;
    Apply(state, pack, I::ToggleDropIn, 0);
    TickBoard(state, 10); // first evidence card
    TickBoard(state, 20); // "aim"
    BoardIntent show = BoardIntent::Of(I::ShowPage);
    show.page = P(K::Timer);
    ApplyBoardIntent(state, pack, show, 25);
    EXPECT_FALSE(TickBoard(state, 34)) << "a chosen page gets a whole interval";
    EXPECT_TRUE(TickBoard(state, 35));
    EXPECT_EQ(state.page, P(K::Poll, "aim")) << "back where the rotation was";
    EXPECT_TRUE(TickBoard(state, 45));
    EXPECT_EQ(state.page, P(K::Evidence, {}, 1));
}

TEST(TickBoard, PassesOverHiddenResultsAndTwoCardsInARow) {
    const Pack pack = LoadShipped("default.toml");
    BoardState state = NewBoardState(pack, 0);
    state.rotate_seconds = 10;
    BoardIntent hide = BoardIntent::Of(I::Hide);
    hide.id = "aim";
    ApplyBoardIntent(state, pack, hide, 0);
    Apply(state, pack, I::ToggleDropIn, 0);
    TickBoard(state, 10);
    EXPECT_EQ(state.page, P(K::Evidence, {}, 0));
    TickBoard(state, 20);
    EXPECT_EQ(state.page, P(K::Poll, "improvement")) << "hidden aim and the card after it passed over";
}

TEST(TickBoard, OnePageRotationWaitsWithoutTransition) {
    Pack pack;
    BoardState state = NewBoardState(pack, 0);
    state.rotation = {state.page};
    state.drop_in = true;
    EXPECT_FALSE(TickBoard(state, 20));
    EXPECT_EQ(NextRotation(state), 40);
    EXPECT_EQ(TransitionProgress(state, 20), 1);
}

TEST(TransitionProgress, RunsFromZeroToOneOverTheTransition) {
    const Pack pack = LoadShipped("default.toml");
    BoardState state = NewBoardState(pack, 0);
    Apply(state, pack, I::NextPage, 10);
    EXPECT_DOUBLE_EQ(TransitionProgress(state, 10), 0);
    EXPECT_NEAR(TransitionProgress(state, 10 + kBoardTransitionSeconds / 2), 0.5, 1e-9);
    EXPECT_DOUBLE_EQ(TransitionProgress(state, 10 + kBoardTransitionSeconds), 1);
    EXPECT_DOUBLE_EQ(TransitionProgress(state, 1000), 1);
    EXPECT_DOUBLE_EQ(TransitionProgress(state, 5), 0) << "a clock before the change clamps";
}

} // namespace
} // namespace tapsheet
