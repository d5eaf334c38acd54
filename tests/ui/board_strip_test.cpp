// The facilitator's control strip at the sizes a board meets (960x540,
// 1280x720, 1920x1080) in its longest states: every label whole on one line
// inside its own button, none ending in "…" (read as cut text), the page
// number a real one on the moderation list, and the page never drawn
// behind the strip.
#include "board_harness.h"

#include <gtest/gtest.h>

namespace tapsheet {
namespace {

struct Size {
    int width, height;
};
const Size kSizes[] = {{960, 540}, {1280, 720}, {1920, 1080}};

const char* const kStripIds[] = {"prev",      "pages",      "next",         "hide",        "freeze",
                                 "drop-in",   "timer",      "timer-go",     "timer-reset", "round",
                                 "new-round", "moderation", "hide-controls"};

// A label as drawn: the target's label without the no-break spaces a menu
// button keeps for its caret.
std::string Drawn(std::string label) {
    const std::string nbsp = "\xC2\xA0";
    while (label.ends_with(nbsp))
        label.resize(label.size() - nbsp.size());
    return label;
}

const DrawnText* TextOf(const BoardHarness& board, const std::string& text) {
    for (const DrawnText& drawn : board.Texts())
        if (drawn.text == text) return &drawn;
    return nullptr;
}

void CheckStripLabels(const BoardHarness& board) {
    const float unit = board.GetTheme().unit;
    for (const char* id : kStripIds) {
        const TapTarget* target = board.Find(id);
        ASSERT_NE(target, nullptr) << id;
        SCOPED_TRACE(std::string(id) + " '" + target->label + "'");
        EXPECT_TRUE(target->visible) << "the strip scrolls: a button is out of sight";
        const std::string label = Drawn(target->label);
        EXPECT_FALSE(label.ends_with("\xE2\x80\xA6")) << "an ellipsis reads as a cut label";
        const DrawnText* text = TextOf(board, label);
        ASSERT_NE(text, nullptr) << "label not drawn";
        EXPECT_LE(text->max.y - text->min.y, unit * 1.5f) << "wrapped onto a second line";
        EXPECT_GE(text->min.x, target->min.x) << "runs out of its button on the left";
        EXPECT_LE(text->max.x, target->max.x) << "runs out of its button on the right";
        EXPECT_GE(text->min.y, target->min.y);
        EXPECT_LE(text->max.y, target->max.y);
        EXPECT_LE(target->max.x, static_cast<float>(board.Width()) + 0.5f) << "off the screen";
    }
}

// The longest labels the strip has: results hidden, frozen, drop-in on,
// the 18-minute timer running, an earlier round shown, many texts waiting.
void LongestLabels(BoardHarness& board) {
    BoardState& state = board.State();
    state.controls = true;
    state.frozen = true;
    state.drop_in = true;
    state.timer.timer = static_cast<int>(board.GetPack().timers.size()) - 1;
    state.timer.running = true;
    state.timer.started_at = board.Now();
    state.round_shown = 1;
    for (const BoardPage& page : state.pages)
        if (!page.step_id.empty()) state.hidden.insert(page.step_id);
    Tallies& figures = board.Figures();
    figures.round = 1;
    for (int i = 0; i < 1234; ++i)
        figures.free_text.push_back(
            {"benefits", "own", "text " + std::to_string(i), 1, "", Moderation::Pending});
}

TEST(BoardStrip, LabelsWholeInTheirButtonsAtEverySize) {
    for (const char* file : {"default.toml", "welsh-demo.toml"}) {
        Pack pack = LoadShippedPack(file);
        for (const Size& size : kSizes) {
            SCOPED_TRACE(std::string(file) + " " + std::to_string(size.width) + "x" +
                         std::to_string(size.height));
            BoardHarness board(pack, size.width, size.height);
            board.State().controls = true;
            board.Show(board.State().pages.front());
            CheckStripLabels(board);
            LongestLabels(board);
            board.Show(board.State().pages.back()); // "Page 12 of 12"
            CheckStripLabels(board);
        }
    }
}

TEST(BoardStrip, ModerationSaysTheRealPageNumber) {
    Pack pack = LoadShippedPack("default.toml");
    BoardHarness board(pack, 1280, 720);
    board.State().controls = true;
    board.Show(BoardPage::Of(BoardPageKind::Sheet, "benefits"));
    const std::string of = " of " + std::to_string(board.State().pages.size());
    ASSERT_NE(board.Find("pages"), nullptr);
    EXPECT_EQ(Drawn(board.Find("pages")->label), "Page 4" + of);
    board.Click("moderation");
    board.Advance(1);
    board.Frame();
    ASSERT_EQ(board.State().page.kind, BoardPageKind::Moderation);
    ASSERT_NE(board.Find("pages"), nullptr);
    EXPECT_EQ(Drawn(board.Find("pages")->label), "Page 4" + of) << "the page moderation was opened from";
    board.Click("next");
    EXPECT_EQ(board.State().page, BoardPage::Of(BoardPageKind::Domains, "domains"));
}

} // namespace
} // namespace tapsheet
