// The reflection sheet on the board: every group where its `place` says,
// the room's type at 1/30 of the screen height for every sheet up to the
// largest the README promises, and never a row behind the control strip.
#include "board_harness.h"
#include "sheet_packs.h"

#include <gtest/gtest.h>

namespace tapsheet {
namespace {

BoardPage SheetPage() {
    return BoardPage::Of(BoardPageKind::Sheet, "benefits");
}

// More approved names and own benefits than the sheet has room for.
void MoreFreeText(Tallies& figures) {
    for (int i = 0; i < 3; ++i)
        figures.free_text.push_back({"benefits", "project",
                                     "Approved project number " + std::to_string(i + 1), 900 - i, "",
                                     Moderation::Approved});
    for (int i = 0; i < 6; ++i)
        figures.free_text.push_back({"benefits", "own", "Approved own benefit " + std::to_string(i + 1),
                                     800 - i, "", Moderation::Approved});
}

const DrawnText* TextOf(const BoardHarness& board, const std::string& text) {
    for (const DrawnText& drawn : board.Texts())
        if (drawn.text == text) return &drawn;
    return nullptr;
}

bool Overlap(const DrawnText& a, const DrawnText& b) {
    float eps = 0.5f;
    return a.min.x < b.max.x - eps && b.min.x < a.max.x - eps && a.min.y < b.max.y - eps &&
           b.min.y < a.max.y - eps;
}

// Every text at least `min_size`, on the screen, none over another.
void CheckRoomCanRead(const BoardHarness& board, float min_size) {
    const auto& texts = board.Texts();
    ASSERT_FALSE(texts.empty());
    for (const DrawnText& t : texts) {
        SCOPED_TRACE("'" + t.text + "'");
        EXPECT_GE(t.size + 0.01f, min_size) << "smaller than the promise";
        EXPECT_GE(t.min.x, -0.5f);
        EXPECT_GE(t.min.y, -0.5f);
        EXPECT_LE(t.max.x, board.Width() + 0.5f);
        EXPECT_LE(t.max.y, board.Height() + 0.5f) << "runs off the bottom";
    }
    for (std::size_t i = 0; i < texts.size(); ++i)
        for (std::size_t j = i + 1; j < texts.size(); ++j)
            EXPECT_FALSE(Overlap(texts[i], texts[j]))
                << "'" << texts[i].text << "' overlaps '" << texts[j].text << "'";
}

// A group's title: "Priorities for group N of the sheet" (sheet_packs.cpp).
const DrawnText* GroupTitle(const BoardHarness& board, int group) {
    return TextOf(board, "Priorities for group " + std::to_string(group + 1) + " of the sheet");
}

// top above the box and the sides, left and right beside the box, bottom
// under all of them: on landscape screens, as on paper.
TEST(BoardSheet, EveryPlaceIsWhereThePackSaysOnLandscapeScreens) {
    Pack pack = SheetPack({{"top", 4}, {"left", 3}, {"right", 3}, {"bottom", 4}}, 28);
    for (auto [width, height] : {std::pair{1920, 1080}, {1280, 720}, {960, 540}}) {
        SCOPED_TRACE(std::to_string(width) + "x" + std::to_string(height));
        BoardHarness board(pack, width, height);
        board.State().controls = false;
        board.Show(SheetPage());
        const DrawnText* top = GroupTitle(board, 0);
        const DrawnText* left = GroupTitle(board, 1);
        const DrawnText* right = GroupTitle(board, 2);
        const DrawnText* bottom = GroupTitle(board, 3);
        const DrawnText* box = TextOf(board, "Your improvement project or goal:");
        ASSERT_TRUE(top && left && right && bottom && box);
        EXPECT_LT(top->max.y, left->min.y) << "top above the left group";
        EXPECT_LT(top->max.y, box->min.y) << "top above the centre box";
        EXPECT_NEAR(left->min.y, right->min.y, 1.0f) << "left and right side by side";
        EXPECT_LT(left->max.x, box->min.x) << "left of the box";
        EXPECT_GT(right->min.x, box->max.x) << "right of the box";
        EXPECT_GT(bottom->min.y, box->max.y) << "bottom under the box";
        const DrawnText* last_left = TextOf(board, BenefitLabel(6, 28)); // group 2's last benefit
        ASSERT_NE(last_left, nullptr);
        EXPECT_GT(bottom->min.y, last_left->max.y) << "bottom under the side groups";
        CheckRoomCanRead(board, height / 30.0f);
    }
}

// Portrait: no room beside the box; top groups still come first.
TEST(BoardSheet, TopGroupsComeFirstOnAPortraitScreen) {
    Pack pack = SheetPack({{"left", 3}, {"bottom", 3}, {"top", 3}}, 24);
    BoardHarness board(pack, 720, 1280);
    board.State().controls = false;
    board.Show(SheetPage());
    const DrawnText* left = GroupTitle(board, 0);
    const DrawnText* bottom = GroupTitle(board, 1);
    const DrawnText* top = GroupTitle(board, 2);
    const DrawnText* box = TextOf(board, "Your improvement project or goal:");
    ASSERT_TRUE(top && left && bottom && box);
    EXPECT_LT(top->max.y, box->min.y);
    EXPECT_LT(box->max.y, left->min.y);
    EXPECT_LT(left->max.y, bottom->min.y) << "then the pack's order";
}

// The README's promise: up to kFullSizeSheetBenefits benefits with labels of
// up to kFullSizeSheetLabelChars characters, in up to three places, keep the
// room's type at 1/30 of the screen height, with counts in the thousands
// and more approved text than fits.
TEST(BoardSheet, TheLargestPromisedSheetKeepsFullSizeType) {
    int spread_index = 0;
    for (const auto& spread : Spreads(kFullSizeSheetBenefits)) {
        ++spread_index;
        bool four_places = spread.size() >= 4;
        if (four_places) continue; // the README promises up to three
        Pack pack = SheetPack(spread, kFullSizeSheetLabelChars);
        for (auto [width, height] : {std::pair{1920, 1080}, {1280, 720}}) {
            SCOPED_TRACE("spread " + std::to_string(spread_index) + " at " + std::to_string(width) + "x" +
                         std::to_string(height));
            BoardHarness board(pack, width, height);
            MoreFreeText(board.Figures());
            board.State().controls = false;
            board.Show(SheetPage());
            CheckRoomCanRead(board, height / 30.0f);
            EXPECT_TRUE(board.Drew(BenefitLabel(kFullSizeSheetBenefits - 1, kFullSizeSheetLabelChars)));
            EXPECT_TRUE(board.Drew("Added by the room \xC2\xB7 + "))
                << "the room's own benefits beyond one row are counted";
        }
    }
}

// Where a screen's strip starts: the top of its first row of buttons.
float StripTop(const BoardHarness& board) {
    float top = static_cast<float>(board.Height());
    for (const char* id : {"prev", "pages", "next"})
        if (const TapTarget* target = board.Find(id)) top = std::min(top, target->min.y);
    return top - board.GetTheme().U(0.5f);
}

bool InStrip(const BoardHarness& board, const DrawnText& text) {
    if (text.text.starts_with("Keys:")) return true;
    for (const TapTarget& target : board.Targets())
        if (ImRect(target.min, target.max).Contains(ImRect(text.min, text.max))) return true;
    return false;
}

// With the control strip showing, the page shrinks into the room above it:
// no row of any page is drawn behind the strip, however big the sheet.
TEST(BoardSheet, NothingBehindTheControlStrip) {
    std::vector<std::pair<std::string, Pack>> packs;
    packs.emplace_back("default.toml", LoadShippedPack("default.toml"));
    packs.emplace_back("welsh-demo.toml", LoadShippedPack("welsh-demo.toml"));
    packs.emplace_back("20 benefits", SheetPack(Spreads(20).front(), 36));
    packs.emplace_back("40 benefits", SheetPack({{"left", 3}, {"right", 3}, {"bottom", 34}}, 40));
    packs.emplace_back("all four places",
                       SheetPack({{"top", 8}, {"left", 6}, {"right", 6}, {"bottom", 10}}, 36));
    for (const auto& [name, pack] : packs)
        for (auto [width, height] : {std::pair{960, 540}, {1280, 720}, {1920, 1080}}) {
            BoardHarness board(pack, width, height);
            MoreFreeText(board.Figures());
            board.State().controls = true;
            for (const BoardPage& page : PublicPages(board.State())) {
                SCOPED_TRACE(name + " " + Describe(page) + " at " + std::to_string(width) + "x" +
                             std::to_string(height));
                board.Show(page);
                const float strip_top = StripTop(board);
                for (const DrawnText& text : board.Texts()) {
                    if (InStrip(board, text)) continue;
                    EXPECT_LE(text.max.y, strip_top + 0.5f) << "'" << text.text << "' is behind the strip";
                }
            }
        }
}

} // namespace
} // namespace tapsheet
