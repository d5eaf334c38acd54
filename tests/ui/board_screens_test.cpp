// What the board's pages say and what the facilitator's clicks and keys ask:
// private text never reaches the room, hidden results show no figures, the
// timer reads right, and every control gives the intent it names.
#include "board_harness.h"

#include <gtest/gtest.h>

namespace tapsheet {
namespace {

using Kind = BoardIntent::Kind;

BoardPage PageOf(BoardPageKind kind, std::string step_id = {}, std::size_t index = 0) {
    return BoardPage::Of(kind, std::move(step_id), index);
}

bool Has(const BoardIntents& intents, Kind kind) {
    for (const BoardIntent& intent : intents)
        if (intent.kind == kind) return true;
    return false;
}

const BoardIntent* First(const BoardIntents& intents, Kind kind) {
    for (const BoardIntent& intent : intents)
        if (intent.kind == kind) return &intent;
    return nullptr;
}

bool AnyTargetLabel(const BoardHarness& board, const std::string& text) {
    for (const TapTarget& target : board.Targets())
        if (target.label.find(text) != std::string::npos) return true;
    return false;
}

TEST(BoardScreens, UnapprovedTextNeverOnAPublicPage) {
    for (const char* file : {"default.toml", "welsh-demo.toml"}) {
        Pack pack = LoadShippedPack(file);
        BoardHarness board(pack, 1920, 1080);
        for (bool controls : {false, true}) {
            board.State().controls = controls;
            for (const BoardPage& page : PublicPages(board.State())) {
                SCOPED_TRACE(std::string(file) + " " + Describe(page));
                board.Show(page);
                for (const char* secret : {kPendingText, kPendingOwn, kRejectedText}) {
                    EXPECT_FALSE(board.Drew(secret)) << secret;
                    EXPECT_FALSE(AnyTargetLabel(board, secret)) << secret;
                }
            }
        }
        // The moderation list itself shows nothing while the strip is hidden.
        board.State().controls = false;
        board.Show(PageOf(BoardPageKind::Moderation));
        EXPECT_FALSE(board.Drew(kPendingText));
    }
}

TEST(BoardScreens, SheetShowsApprovedTextAndTheMostTapped) {
    Pack pack = LoadShippedPack("default.toml");
    BoardHarness board(pack, 1920, 1080);
    board.State().controls = false;
    board.Show(PageOf(BoardPageKind::Sheet, "benefits"));
    EXPECT_TRUE(board.Drew(kApprovedProject));
    EXPECT_TRUE(board.Drew(kApprovedOwn));
    EXPECT_TRUE(board.Drew("Your improvement project or goal:"));
    EXPECT_TRUE(board.Drew("Improved safety and outcomes"));
    EXPECT_TRUE(board.Drew("Added by the room"));
    const StepTally* tally = board.Figures().Step("benefits");
    ASSERT_NE(tally, nullptr);
    EXPECT_TRUE(board.Drew(Thousands(tally->Count("safety-outcomes")))); // true counts, with separators
    EXPECT_TRUE(board.Drew(Thousands(tally->respondents) + " people answered"));
}

TEST(BoardScreens, PollShowsCountsPercentagesAndMulti) {
    Pack pack = LoadShippedPack("default.toml");
    BoardHarness board(pack, 1920, 1080);
    board.State().controls = false;
    board.Show(PageOf(BoardPageKind::Poll, "improvement"));
    const StepTally* tally = board.Figures().Step("improvement");
    ASSERT_NE(tally, nullptr);
    EXPECT_TRUE(board.Drew(Thousands(tally->respondents) + " people answered"));
    EXPECT_TRUE(board.Drew("More than one answer allowed"));
    int count = tally->Count("patient-experience");
    EXPECT_TRUE(board.Drew(Thousands(count) + " (" + PercentOf(count, tally->respondents) + ")"));
    EXPECT_TRUE(board.Drew("Are you aiming to achieve an improvement in terms of"));
    board.Show(PageOf(BoardPageKind::Poll, "level"));
    EXPECT_FALSE(board.Drew("More than one answer allowed"));
}

TEST(BoardScreens, HiddenResultsShowNoFigures) {
    Pack pack = LoadShippedPack("default.toml");
    BoardHarness board(pack, 1920, 1080);
    board.State().controls = false;
    board.State().hidden = {"level", "benefits", "domains"};
    const StepTally* level = board.Figures().Step("level");
    ASSERT_NE(level, nullptr);
    board.Show(PageOf(BoardPageKind::Poll, "level"));
    EXPECT_TRUE(board.Drew("Results hidden until the facilitator reveals them"));
    EXPECT_TRUE(board.Drew(Thousands(level->respondents) + " people have answered so far"));
    EXPECT_FALSE(board.Drew("System level"));
    EXPECT_FALSE(board.Drew("%"));
    EXPECT_FALSE(board.Drew(Thousands(level->Count("system"))));
    board.Show(PageOf(BoardPageKind::Sheet, "benefits"));
    EXPECT_TRUE(board.Drew("Results hidden"));
    EXPECT_FALSE(board.Drew("Improved safety and outcomes"));
    EXPECT_FALSE(board.Drew(kApprovedProject));
    board.Show(PageOf(BoardPageKind::CrossTab, "benefits"));
    EXPECT_TRUE(board.Drew("Results hidden"));
    board.Show(PageOf(BoardPageKind::Domains, "domains"));
    EXPECT_FALSE(board.Drew("We focus on this"));
}

TEST(BoardScreens, CrossTabSaysWhoseFiguresAndChangesFilter) {
    Pack pack = LoadShippedPack("default.toml");
    BoardHarness board(pack, 1920, 1080);
    board.Show(PageOf(BoardPageKind::CrossTab, "benefits"));
    EXPECT_TRUE(board.Drew("Only those who answered: System level (n = 4,321)"));
    board.apply = false;
    board.Click("cross-answer");
    BoardIntents intents = board.Click("Organisational level");
    const BoardIntent* cross = First(intents, Kind::CrossBy);
    ASSERT_NE(cross, nullptr);
    EXPECT_EQ(cross->cross.poll_step_id, "level");
    EXPECT_EQ(cross->cross.item_id, "organisation");
    EXPECT_EQ(cross->page.step_id, "benefits");
    board.Click("cross-target");
    intents = board.Click("domains");
    cross = First(intents, Kind::CrossBy);
    ASSERT_NE(cross, nullptr);
    EXPECT_EQ(cross->page.step_id, "domains");
    EXPECT_EQ(cross->cross.item_id, "system");
}

TEST(BoardScreens, ModerationApprovesAndRejectsTheRowClicked) {
    Pack pack = LoadShippedPack("default.toml");
    BoardHarness board(pack, 1920, 1080);
    board.apply = false;
    board.Show(PageOf(BoardPageKind::Moderation));
    EXPECT_TRUE(board.Drew(kPendingText));
    EXPECT_TRUE(board.Drew("Project name"));
    EXPECT_TRUE(board.Drew("Own benefit"));
    auto button_beside = [&](const std::string& text, const std::string& id) -> const TapTarget* {
        for (const DrawnText& drawn : board.Texts()) {
            if (drawn.text != text) continue;
            float y = (drawn.min.y + drawn.max.y) * 0.5f;
            for (const TapTarget& target : board.Targets())
                if (target.id == id && target.min.y <= y + 40 && target.max.y >= y - 40) return &target;
        }
        return nullptr;
    };
    const TapTarget* approve = button_beside(kPendingText, "approve");
    ASSERT_NE(approve, nullptr);
    BoardIntents intents = board.Click(*approve);
    const BoardIntent* decision = First(intents, Kind::Approve);
    ASSERT_NE(decision, nullptr);
    EXPECT_EQ(decision->id, "benefits");
    EXPECT_EQ(decision->item, "project");
    EXPECT_EQ(decision->text, kPendingText);
    const TapTarget* reject = button_beside(kApprovedOwn, "reject");
    ASSERT_NE(reject, nullptr);
    intents = board.Click(*reject);
    decision = First(intents, Kind::Reject);
    ASSERT_NE(decision, nullptr);
    EXPECT_EQ(decision->item, "own");
    EXPECT_EQ(decision->text, kApprovedOwn);
    // Already approved: Approve does nothing; rejected text can be approved again.
    const TapTarget* again = button_beside(kApprovedOwn, "approve");
    ASSERT_NE(again, nullptr);
    EXPECT_FALSE(again->enabled);
    const TapTarget* undo = button_beside(kRejectedText, "approve");
    ASSERT_NE(undo, nullptr);
    EXPECT_TRUE(undo->enabled);
}

TEST(BoardScreens, KeysGiveTheirIntents) {
    Pack pack = LoadShippedPack("default.toml");
    BoardHarness board(pack, 1280, 720);
    board.apply = false;
    board.Show(PageOf(BoardPageKind::Poll, "level"));
    EXPECT_TRUE(Has(board.Key(ImGuiKey_RightArrow), Kind::NextPage));
    EXPECT_TRUE(Has(board.Key(ImGuiKey_PageDown), Kind::NextPage));
    EXPECT_TRUE(Has(board.Key(ImGuiKey_LeftArrow), Kind::PreviousPage));
    EXPECT_TRUE(Has(board.Key(ImGuiKey_PageUp), Kind::PreviousPage));
    BoardIntents digit = board.Key(ImGuiKey_3);
    ASSERT_TRUE(Has(digit, Kind::ShowPage));
    EXPECT_EQ(First(digit, Kind::ShowPage)->page, board.State().pages[2]);
    EXPECT_TRUE(Has(board.Key(ImGuiKey_Space), Kind::TimerStart));
    EXPECT_TRUE(Has(board.Key(ImGuiKey_F), Kind::ToggleFreeze));
    BoardIntents hide = board.Key(ImGuiKey_H);
    ASSERT_TRUE(Has(hide, Kind::Hide));
    EXPECT_EQ(First(hide, Kind::Hide)->id, "level");
    EXPECT_TRUE(Has(board.Key(ImGuiKey_D), Kind::ToggleDropIn));
    EXPECT_TRUE(Has(board.Key(ImGuiKey_C), Kind::ToggleControls));
    BoardIntents moderation = board.Key(ImGuiKey_M);
    ASSERT_TRUE(Has(moderation, Kind::ShowPage));
    EXPECT_EQ(First(moderation, Kind::ShowPage)->page.kind, BoardPageKind::Moderation);
    BoardIntents timer = board.Key(ImGuiKey_T);
    ASSERT_TRUE(Has(timer, Kind::ShowPage));
    EXPECT_EQ(First(timer, Kind::ShowPage)->page.kind, BoardPageKind::Timer);
    board.State().hidden.insert("level");
    EXPECT_TRUE(Has(board.Key(ImGuiKey_H), Kind::Reveal));
    board.State().timer.running = true;
    EXPECT_TRUE(Has(board.Key(ImGuiKey_Space), Kind::TimerPause));
}

TEST(BoardScreens, StripButtonsAndTheNewRoundConfirmation) {
    Pack pack = LoadShippedPack("default.toml");
    BoardHarness board(pack, 1920, 1080);
    board.apply = false;
    board.Show(PageOf(BoardPageKind::Poll, "aim"));
    BoardIntents hide = board.Click("hide");
    ASSERT_TRUE(Has(hide, Kind::Hide));
    EXPECT_EQ(First(hide, Kind::Hide)->id, "aim");
    EXPECT_TRUE(Has(board.Click("freeze"), Kind::ToggleFreeze));
    EXPECT_TRUE(Has(board.Click("drop-in"), Kind::ToggleDropIn));
    EXPECT_TRUE(Has(board.Click("next"), Kind::NextPage));
    EXPECT_TRUE(Has(board.Click("timer-go"), Kind::TimerStart));
    EXPECT_TRUE(Has(board.Click("hide-controls"), Kind::ToggleControls));
    BoardIntents moderation = board.Click("moderation");
    ASSERT_TRUE(Has(moderation, Kind::ShowPage));
    EXPECT_TRUE(board.Find("Moderation (2 waiting)"));
    // A new round needs a second, confirming click.
    EXPECT_FALSE(Has(board.Click("new-round"), Kind::NewRound));
    ASSERT_NE(board.Find("new-round-confirm"), nullptr);
    EXPECT_TRUE(board.Drew("Start round 3?"));
    EXPECT_TRUE(Has(board.Click("new-round-confirm"), Kind::NewRound));
    // Earlier rounds can be shown.
    board.Click("round");
    BoardIntents round = board.Click("Round 1");
    ASSERT_TRUE(Has(round, Kind::ShowRound));
    EXPECT_EQ(First(round, Kind::ShowRound)->index, 1u);
    board.Click("round");
    EXPECT_TRUE(Has(board.Click("round-all"), Kind::ShowAllRounds));
    // Hidden strip: the corner button brings it back.
    board.State().controls = false;
    board.Frame();
    EXPECT_EQ(board.Find("hide"), nullptr);
    EXPECT_TRUE(Has(board.Click("show-controls"), Kind::ToggleControls));
}

TEST(BoardScreens, TimerReadsThePhasesAndItsState) {
    Pack pack = LoadShippedPack("default.toml");
    BoardHarness board(pack, 1920, 1080);
    board.State().controls = false;
    board.State().timer = TimerRun{};
    board.State().timer.timer = 0;
    board.Show(PageOf(BoardPageKind::Timer));
    EXPECT_TRUE(board.Drew("Identify the potential benefits"));
    EXPECT_TRUE(board.Drew("4:00"));
    EXPECT_TRUE(board.Drew("Ready to start"));
    EXPECT_TRUE(board.Drew("Then: Discuss the reflection questions (9 min)"));
    EXPECT_TRUE(board.Drew("Reflecting on new or existing work"));
    board.State().timer.running = true;
    board.State().timer.started_at = board.Now();
    board.Advance(60);
    board.Frame();
    EXPECT_TRUE(board.Drew("3:00"));
    EXPECT_FALSE(board.Drew("Ready to start"));
    board.Advance(5 * 60); // 6 min in: 2 min into the 9-min second part
    board.Frame();
    EXPECT_TRUE(board.Drew("Discuss the reflection questions"));
    EXPECT_TRUE(board.Drew("Part 2 of 2"));
    EXPECT_TRUE(board.Drew("7:00"));
    ApplyBoardIntent(board.State(), pack, BoardIntent::Of(Kind::TimerPause), board.Now());
    board.Frame();
    EXPECT_TRUE(board.Drew("Paused"));
    board.State().timer.elapsed_before = 13 * 60 + 1;
    board.Frame();
    EXPECT_TRUE(board.Drew("Time is up"));
    EXPECT_TRUE(board.Drew("0:00"));
}

TEST(BoardScreens, TotalsEvidenceAndStatus) {
    Pack pack = LoadShippedPack("default.toml");
    BoardHarness board(pack, 1920, 1080);
    board.State().controls = false;
    board.Show(PageOf(BoardPageKind::Totals));
    for (const char* figure : {"12,345", "10,987", "1,234", "2,345", "Round 2"})
        EXPECT_TRUE(board.Drew(figure)) << figure;
    board.Show(PageOf(BoardPageKind::Evidence, {}, 2));
    EXPECT_TRUE(board.Drew("Reliable safety and quality"));
    EXPECT_TRUE(board.Drew("hip fracture"));
    board.State().frozen = true;
    board.Frame();
    EXPECT_TRUE(board.Drew("Frozen"));
    board.store_problem = "tapsheet.db: disk I/O error";
    board.Frame();
    EXPECT_TRUE(board.Drew("Figures not updating: tapsheet.db: disk I/O error"));
    board.have_data = false;
    board.Frame();
    EXPECT_TRUE(board.Drew("Waiting for the kiosk's database"));
}

TEST(BoardScreens, NumbersAreTrueWhileBarsGlide) {
    Pack pack = LoadShippedPack("default.toml");
    BoardHarness board(pack, 1280, 720);
    board.State().controls = false;
    const StepTally* level = board.Figures().Step("level");
    ASSERT_NE(level, nullptr);
    int count = level->Count("system");
    board.Anim().Retarget(BarKey("level", "system"), 0, board.Now());
    board.Anim().Retarget(BarKey("level", "system"), count, board.Now());
    board.Show(PageOf(BoardPageKind::Poll, "level"));
    EXPECT_FALSE(board.Anim().Settled(board.Now()));
    EXPECT_TRUE(board.Drew(Thousands(count) + " ("));
    EXPECT_NE(BarKey("level", "system"), CrossBarKey("level", "system"));
    EXPECT_NE(BarKey("a", "b", "c"), BarKey("a", "bc"));
}

} // namespace
} // namespace tapsheet

namespace tapsheet {
namespace {

TEST(BoardScreens, TransitionFadesTheOldPageOutThenTheNewOneIn) {
    Pack pack = LoadShippedPack("default.toml");
    BoardHarness board(pack, 1280, 720);
    board.State().controls = false;
    board.Show(BoardPage{BoardPageKind::Totals, {}, 0});
    BoardPage evidence{BoardPageKind::Evidence, {}, 0};
    BoardIntent show = BoardIntent::Of(BoardIntent::Kind::ShowPage);
    show.page = evidence;
    ApplyBoardIntent(board.State(), pack, show, board.Now());
    board.Frame(); // early in the transition: still the old page, fading
    EXPECT_TRUE(board.Drew("The room so far"));
    EXPECT_FALSE(board.Drew("Improved workplace culture"));
    board.Advance(kBoardTransitionSeconds * 0.6);
    board.Frame(); // later: the new page, fading in
    EXPECT_TRUE(board.Drew("Improved workplace culture"));
    EXPECT_FALSE(board.Drew("The room so far"));
    EXPECT_LT(TransitionProgress(board.State(), board.Now()), 1.0);
}

} // namespace
} // namespace tapsheet
