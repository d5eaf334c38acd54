// The board speaks the pack's language: with the Welsh pack in Welsh, every
// page draws the [board] table's Welsh words and none of the English
// defaults they replace.
#include "board_harness.h"

#include <gtest/gtest.h>

namespace tapsheet {
namespace {

// The longest run of a pattern outside its placeholders: " people answered"
// of "{n} people answered", what a reader would recognise as English.
std::string LongestLiteral(const std::string& pattern) {
    std::string best, run;
    bool in_placeholder = false;
    for (char c : pattern) {
        if (c == '{' || c == '}') {
            if (run.size() > best.size()) best = run;
            run.clear();
            in_placeholder = c == '{';
        } else if (!in_placeholder) {
            run += c;
        }
    }
    return run.size() > best.size() ? run : best;
}

// Board words the Welsh pack translates, whose English must not show in Welsh.
const LocalText BoardStrings::*const kTranslated[] = {
    &BoardStrings::answered,      &BoardStrings::nobody_yet,          &BoardStrings::multi_note,
    &BoardStrings::hidden_notice, &BoardStrings::added_by_room,       &BoardStrings::cross_title,
    &BoardStrings::cross_header,  &BoardStrings::totals_title,        &BoardStrings::visits_today,
    &BoardStrings::completed,     &BoardStrings::answers_last_10_min, &BoardStrings::filtered,
    &BoardStrings::round,         &BoardStrings::all_rounds,          &BoardStrings::timer_title,
    &BoardStrings::timer_ready,   &BoardStrings::timer_then,          &BoardStrings::timer_total,
    &BoardStrings::frozen,        &BoardStrings::hidden_tag,
};

// The Welsh pack, with its sheet taking own benefits so "added by the room" shows.
Pack WelshWithOwnBenefits() {
    Pack pack = LoadShippedPack("welsh-demo.toml");
    for (Step& step : pack.steps)
        if (step.kind == StepKind::Sheet) step.sheet.allow_own = true;
    return pack;
}

TEST(BoardWords, WelshPagesDrawWelshWords) {
    Pack pack = WelshWithOwnBenefits();
    BoardHarness board(pack, 1920, 1080, "cy");
    board.State().controls = false;
    board.Show(BoardPage::Of(BoardPageKind::Totals));
    for (const char* welsh : {"Yr ystafell hyd yma", "Ymweliadau heddiw", "Rownd 2"})
        EXPECT_TRUE(board.Drew(welsh)) << welsh;
    for (const char* english : {"The room so far", "Visits today", "Round 2"})
        EXPECT_FALSE(board.Drew(english)) << english;

    board.Show(BoardPage::Of(BoardPageKind::Sheet, "gains"));
    const StepTally* tally = board.Figures().Step("gains");
    ASSERT_NE(tally, nullptr);
    EXPECT_TRUE(board.Drew(Thousands(tally->respondents) + " o bobl wedi ateb"));
    EXPECT_TRUE(board.Drew("Ychwanegwyd gan yr ystafell"));
    EXPECT_FALSE(board.Drew("people answered"));
    EXPECT_FALSE(board.Drew("Added by the room"));

    board.State().hidden.insert("gains");
    board.State().frozen = true;
    board.Frame();
    EXPECT_TRUE(board.Drew("Canlyniadau ynghudd"));
    EXPECT_TRUE(board.Drew("Wedi rhewi"));
    EXPECT_FALSE(board.Drew("Results hidden"));
    EXPECT_FALSE(board.Drew("Frozen"));
}

TEST(BoardWords, WelshTimerAndWaiting) {
    Pack pack = LoadShippedPack("welsh-demo.toml");
    BoardHarness board(pack, 1920, 1080, "cy");
    board.State().controls = false;
    board.State().timer = TimerRun{};
    board.State().timer.timer = 0;
    board.Show(BoardPage::Of(BoardPageKind::Timer));
    EXPECT_TRUE(board.Drew("Yn barod i ddechrau"));
    EXPECT_TRUE(board.Drew("Rhan 1 o 2"));
    EXPECT_TRUE(board.Drew("Yna: Cytunwch ar un cam nesaf (7 munud)"));
    EXPECT_FALSE(board.Drew("Ready to start"));
    EXPECT_FALSE(board.Drew("Then:"));
    board.State().timer.elapsed_before = 10 * 60 + 1;
    board.Frame();
    EXPECT_TRUE(board.Drew("Mae'r amser ar ben"));
    EXPECT_TRUE(board.Drew("10 munud i gyd"));
    board.have_data = false;
    board.Frame();
    EXPECT_TRUE(board.Drew("Yn aros am gronfa ddata'r ciosg"));
    EXPECT_FALSE(board.Drew("Waiting for the kiosk"));
}

// Every public page, with and without the strip: none of the English a
// Welsh word replaces is drawn.
TEST(BoardWords, NoEnglishDefaultOnAWelshPage) {
    Pack pack = WelshWithOwnBenefits();
    BoardHarness board(pack, 1920, 1080, "cy");
    board.State().timer.timer = 0;
    for (const auto word : kTranslated) {
        const LocalText& text = pack.board.*word;
        ASSERT_NE(text.Get("cy"), text.Get("en")) << text.Get("en") << ": not translated";
    }
    for (bool controls : {false, true}) {
        board.State().controls = controls;
        for (const BoardPage& page : PublicPages(board.State())) {
            SCOPED_TRACE(Describe(page) + (controls ? " with controls" : ""));
            board.Show(page);
            for (const auto word : kTranslated) {
                std::string english = LongestLiteral((pack.board.*word).Get("en"));
                EXPECT_FALSE(board.Drew(english)) << "'" << english << "'";
            }
        }
    }
}

// The English pack still reads as before: the defaults come from the loader.
TEST(BoardWords, EnglishPackKeepsTheDefaults) {
    Pack pack = LoadShippedPack("default.toml");
    BoardHarness board(pack, 1920, 1080);
    board.State().controls = false;
    board.Show(BoardPage::Of(BoardPageKind::Totals));
    EXPECT_TRUE(board.Drew("The room so far"));
    EXPECT_TRUE(board.Drew("Answers in the last 10 minutes"));
    EXPECT_EQ(LongestLiteral("{n} people answered"), " people answered");
    EXPECT_EQ(LongestLiteral("Then: {phase} ({m} min)"), "Then: ");
}

} // namespace
} // namespace tapsheet
