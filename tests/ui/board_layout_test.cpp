// Every board page with the longest texts of both shipped packs (the Welsh
// one in Welsh and in Irish) and counts in the thousands: text at least 1/30
// of the screen height on 1080p and 720p, nothing outside the screen, no two
// labels or targets overlapping.
#include "board_harness.h"

#include <gtest/gtest.h>

namespace tapsheet {
namespace {

struct Size {
    int width, height;
    bool strict; // the room's text at 1/30 of the height (landscape TVs)
};

const Size kSizes[] = {{1920, 1080, true}, {1280, 720, true}, {800, 480, false}, {720, 1280, false}};

bool Overlap(ImVec2 a_min, ImVec2 a_max, ImVec2 b_min, ImVec2 b_max) {
    float eps = 0.5f;
    return a_min.x < b_max.x - eps && b_min.x < a_max.x - eps && a_min.y < b_max.y - eps &&
           b_min.y < a_max.y - eps;
}

void CheckTexts(const BoardHarness& board, float min_size) {
    const auto& texts = board.Texts();
    ASSERT_FALSE(texts.empty());
    for (const DrawnText& t : texts) {
        SCOPED_TRACE("'" + t.text + "'");
        EXPECT_GE(t.size + 0.01f, min_size) << "text too small to read across the room";
        EXPECT_GE(t.min.x, -0.5f);
        EXPECT_GE(t.min.y, -0.5f);
        EXPECT_LE(t.max.x, board.Width() + 0.5f) << "runs off the right edge";
        EXPECT_LE(t.max.y, board.Height() + 0.5f) << "runs off the bottom";
    }
    for (std::size_t i = 0; i < texts.size(); ++i)
        for (std::size_t j = i + 1; j < texts.size(); ++j)
            EXPECT_FALSE(Overlap(texts[i].min, texts[i].max, texts[j].min, texts[j].max))
                << "'" << texts[i].text << "' overlaps '" << texts[j].text << "'";
}

// A label lies inside its own target or clear of every target.
void CheckLabelsClearOfTargets(const BoardHarness& board) {
    for (const DrawnText& text : board.Texts())
        for (const TapTarget& target : board.Targets()) {
            if (!target.visible) continue;
            ImRect box(target.min, target.max);
            bool inside = box.Contains(ImRect(text.min, text.max));
            EXPECT_TRUE(inside || !Overlap(text.min, text.max, target.min, target.max))
                << "'" << text.text << "' runs into target " << target.id;
        }
}

void CheckTargets(const BoardHarness& board) {
    const auto& targets = board.Targets();
    for (const TapTarget& t : targets) {
        if (!t.visible) continue; // scrolled out of its list
        SCOPED_TRACE(t.id + " '" + t.label + "'");
        EXPECT_GE(t.min.x, -0.5f);
        EXPECT_LE(t.max.x, board.Width() + 0.5f);
        EXPECT_LE(t.max.y, board.Height() + 0.5f);
        EXPECT_GE(t.max.y - t.min.y + 0.5f, board.GetTheme().target_min) << "target shorter than 15 mm";
    }
    for (std::size_t i = 0; i < targets.size(); ++i)
        for (std::size_t j = i + 1; j < targets.size(); ++j)
            if (targets[i].layer == targets[j].layer && targets[i].visible && targets[j].visible) {
                EXPECT_FALSE(Overlap(targets[i].min, targets[i].max, targets[j].min, targets[j].max))
                    << targets[i].id << " overlaps " << targets[j].id;
            }
}

// Each public page, with and without the control strip.
void CheckPack(const Pack& pack, const std::string& file, const std::string& lang, const Size& size) {
    BoardHarness board(pack, size.width, size.height, lang);
    float unit = board.GetTheme().unit;
    for (bool controls : {false, true}) {
        board.State().controls = controls;
        for (const BoardPage& page : PublicPages(board.State())) {
            SCOPED_TRACE(file + " " + lang + " " + std::to_string(size.width) + "x" +
                         std::to_string(size.height) + " " + Describe(page) +
                         (controls ? " with controls" : ""));
            board.Show(page);
            // The room's pages keep full size; with the strip showing a page may
            // shrink, never below kMinScale of it.
            float min_size = !controls && size.strict ? size.height / 30.0f : unit * kMinScale;
            CheckTexts(board, min_size);
            CheckTargets(board);
            CheckLabelsClearOfTargets(board);
        }
    }
}

TEST(BoardLayout, DefaultPackAtEverySize) {
    Pack pack = LoadShippedPack("default.toml");
    for (const Size& size : kSizes)
        CheckPack(pack, "default.toml", "en", size);
}

// In Welsh and in Irish, with own benefits allowed so the sheet shows its
// "added by the room" group too.
TEST(BoardLayout, WelshPackAtEverySize) {
    Pack pack = LoadShippedPack("welsh-demo.toml");
    for (Step& step : pack.steps)
        if (step.kind == StepKind::Sheet) step.sheet.allow_own = true;
    for (const char* lang : {"cy", "ga"})
        for (const Size& size : kSizes)
            CheckPack(pack, "welsh-demo.toml", lang, size);
}

// A shipped pack in one of its languages.
struct PackLang {
    const char* file;
    const char* lang;
};
const PackLang kPackLangs[] = {{"default.toml", "en"}, {"welsh-demo.toml", "cy"}, {"welsh-demo.toml", "ga"}};

TEST(BoardLayout, HiddenResultsAtEverySize) {
    for (const PackLang& pack_lang : kPackLangs) {
        Pack pack = LoadShippedPack(pack_lang.file);
        for (const Size& size : kSizes) {
            BoardHarness board(pack, size.width, size.height, pack_lang.lang);
            for (const Step& step : pack.steps)
                board.State().hidden.insert(step.id);
            board.State().controls = false;
            for (const BoardPage& page : PublicPages(board.State())) {
                SCOPED_TRACE(std::string(pack_lang.lang) + " " + Describe(page) + " " +
                             std::to_string(size.width));
                board.Show(page);
                CheckTexts(board, size.strict ? size.height / 30.0f : board.GetTheme().unit);
            }
        }
    }
}

TEST(BoardLayout, ModerationListAndNotices) {
    for (const PackLang& pack_lang : kPackLangs) {
        Pack pack = LoadShippedPack(pack_lang.file);
        for (const Size& size : kSizes) {
            SCOPED_TRACE(std::string(pack_lang.lang) + " " + std::to_string(size.width) + "x" +
                         std::to_string(size.height));
            BoardHarness board(pack, size.width, size.height, pack_lang.lang);
            BoardPage moderation;
            moderation.kind = BoardPageKind::Moderation;
            board.Show(moderation);
            CheckTargets(board);
            // The figures stop updating (a line along the bottom), then the database goes.
            board.store_problem = "tapsheet.db: unable to open database file";
            board.State().controls = false;
            board.Show(board.State().pages.front());
            CheckTexts(board, size.strict ? size.height / 30.0f : board.GetTheme().unit);
            board.have_data = false;
            board.Frame();
            CheckTexts(board, size.strict ? size.height / 30.0f : board.GetTheme().unit);
        }
    }
}

TEST(BoardTheme, BodyIsAThirtiethOfTheHeight) {
    EXPECT_GE(BoardFontSize(1920, 1080), 36.0f);
    EXPECT_GE(BoardFontSize(1280, 720), 24.0f);
    EXPECT_GE(BoardFontSize(3840, 2160), 72.0f);
    EXPECT_GE(BoardFontSize(800, 480), 16.0f);
    EXPECT_LE(BoardFontSize(720, 1280), 720 / 27.0f); // portrait: lines of a sensible length
}

TEST(BoardTheme, PaletteMeetsWcagAA) {
    Palette p;
    // Text on everything the board puts text on.
    for (ImU32 ground : {p.background, p.surface, p.card, p.warning})
        EXPECT_GE(ContrastRatio(p.text, ground), 4.5f);
    for (ImU32 ground : {p.background, p.surface, p.card})
        EXPECT_GE(ContrastRatio(p.text_muted, ground), 4.5f);
    EXPECT_GE(ContrastRatio(p.primary, p.background), 4.5f); // group titles, the cross-tab header
    EXPECT_GE(ContrastRatio(p.primary, p.card), 4.5f);
    EXPECT_GE(ContrastRatio(p.on_primary, p.primary), 4.5f);
    EXPECT_GE(ContrastRatio(p.on_primary, p.least), 4.5f);
    EXPECT_GE(ContrastRatio(p.danger_text, p.danger_bg), 4.5f);
    // Bars and their tracks against what they sit on (WCAG 1.4.11: 3:1).
    for (ImU32 bar : {p.primary, p.least, p.track})
        EXPECT_GE(ContrastRatio(bar, p.surface), 3.0f);
    EXPECT_GE(ContrastRatio(p.border, p.background), 3.0f);
    // Focus (blue) and least (orange) are alike in lightness: they differ on
    // the blue-yellow axis that red-green colour blindness keeps, and the
    // domains page also tells them apart by place, label and stripes.
}

} // namespace
} // namespace tapsheet
