// Every kiosk screen at the reference sizes: touch targets at least 15 mm
// tall, inside the screen, not overlapping, and their labels fit them.
#include "kiosk_harness.h"

#include "app/core/loader.h"
#include "app/session/screen_driver.h"

#include <gtest/gtest.h>

namespace tapsheet {
namespace {

struct Case {
    const char* pack;
    const char* screen;
    int width, height;
    float dpi;
};

std::string Name(const Case& c) {
    return std::string(c.pack) + " " + c.screen + " " + std::to_string(c.width) + "x" +
           std::to_string(c.height) + " @" + std::to_string(static_cast<int>(c.dpi)) + "dpi";
}

bool Overlap(const TapTarget& a, const TapTarget& b) {
    float eps = 0.5f;
    return a.min.x < b.max.x - eps && b.min.x < a.max.x - eps && a.min.y < b.max.y - eps &&
           b.min.y < a.max.y - eps;
}

void CheckScreen(const Case& c) {
    SCOPED_TRACE(Name(c));
    LoadResult loaded = LoadPackFile(std::string(TAPSHEET_SOURCE_DIR) + "/assets/content/" + c.pack);
    ASSERT_TRUE(loaded.pack);
    const Pack& pack = *loaded.pack;
    KioskHarness kiosk(pack, nullptr, c.width, c.height, c.dpi);
    double now = kiosk.Now();
    std::string error;
    ASSERT_TRUE(DriveToScreen(kiosk.Session(), c.screen, pack.languages.back().code, now, &error)) << error;
    kiosk.SetNow(now);
    kiosk.Frame();
    kiosk.Frame();
    const Theme& theme = kiosk.GetTheme();
    const auto& targets = kiosk.Targets();
    ASSERT_FALSE(targets.empty());
    // Keys of the on-screen keyboard may shrink to fit four rows on a short
    // screen, never below two lines of text.
    bool keyboard = std::string(c.screen) == "keyboard";
    float min_h = keyboard ? std::min(theme.target_min, theme.U(2.0f)) : theme.target_min;
    for (const TapTarget& t : targets) {
        SCOPED_TRACE(t.id + " '" + t.label + "'");
        float w = t.max.x - t.min.x;
        float h = t.max.y - t.min.y;
        if (t.id != "still-there-scrim") {
            EXPECT_GE(h + 0.5f, min_h) << "target shorter than 15 mm";
        }
        EXPECT_GE(t.min.x, -0.5f);
        EXPECT_LE(t.max.x, c.width + 0.5f) << "target runs off the right edge";
        if (t.visible) {
            EXPECT_LE(t.max.y, c.height + 0.5f);
        }
        // The label, wrapped to the target, fits inside it.
        if (!t.text) continue;
        ImFont* font = theme.body_bold;
        ImVec2 text = font->CalcTextSizeA(font->FontSize, FLT_MAX, w - theme.U(1.6f), t.label.c_str());
        EXPECT_LE(text.y, h + 0.5f) << "label taller than its target";
    }
    for (std::size_t i = 0; i < targets.size(); ++i)
        for (std::size_t j = i + 1; j < targets.size(); ++j) {
            const TapTarget& a = targets[i];
            const TapTarget& b = targets[j];
            if (!a.visible || !b.visible || a.layer != b.layer) continue;
            // The dimmed layer under "Still there?" is meant to lie under the card.
            if (a.id == "still-there-scrim" || b.id == "still-there-scrim") continue;
            // The "more below" marker lies over the list's bottom corner by
            // design, and takes the taps there (kiosk_ux_test checks it).
            if (a.id == "more-below" || b.id == "more-below") continue;
            EXPECT_FALSE(Overlap(a, b)) << a.id << " overlaps " << b.id;
        }
}

const char* const kScreens[] = {"attract", "level",   "aim",      "improvement", "benefits",
                                "reflect", "domains", "keyboard", "still-there", "thanks"};
const int kSizes[][2] = {{800, 480}, {1280, 800}, {720, 1280}, {1920, 1080}};

TEST(KioskLayout, DefaultPackAtEverySize) {
    for (const auto& size : kSizes)
        for (const char* screen : kScreens)
            CheckScreen({"default.toml", screen, size[0], size[1], 96});
}

TEST(KioskLayout, SevenInchPiDisplayAtItsRealDpi) {
    for (const char* screen : kScreens)
        CheckScreen({"default.toml", screen, 800, 480, 133});
}

TEST(KioskLayout, WelshPackAtEverySize) {
    const char* const screens[] = {"attract",      "welcome", "workplace", "gains",
                                   "who-benefits", "effort",  "thanks"};
    for (const auto& size : kSizes)
        for (const char* screen : screens)
            CheckScreen({"welsh-demo.toml", screen, size[0], size[1], 96});
}

TEST(Theme, PaletteMeetsWcagAA) {
    Palette p;
    EXPECT_GE(ContrastRatio(p.text, p.background), 4.5f);
    EXPECT_GE(ContrastRatio(p.text, p.surface), 4.5f);
    EXPECT_GE(ContrastRatio(p.text_muted, p.background), 4.5f);
    EXPECT_GE(ContrastRatio(p.text_muted, p.surface), 4.5f);
    EXPECT_GE(ContrastRatio(p.on_primary, p.primary), 4.5f);
    EXPECT_GE(ContrastRatio(p.on_primary, p.primary_pressed), 4.5f);
    EXPECT_GE(ContrastRatio(p.on_primary, p.selected_fill), 4.5f);
    EXPECT_GE(ContrastRatio(p.on_primary, p.least), 4.5f);
    EXPECT_GE(ContrastRatio(p.primary, p.background), 4.5f);
    EXPECT_GE(ContrastRatio(p.primary, p.surface), 4.5f);
    EXPECT_GE(ContrastRatio(p.text, p.pressed_surface), 4.5f);
    EXPECT_GE(ContrastRatio(p.danger_text, p.danger_bg), 4.5f);
    EXPECT_GE(ContrastRatio(p.warning, p.danger_bg), 4.5f);
    // Non-text: the border of an unselected chip against the page (WCAG 1.4.11).
    EXPECT_GE(ContrastRatio(p.border, p.background), 3.0f);
    EXPECT_NEAR(ContrastRatio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)), 21.0f, 0.01f);
}

TEST(Theme, TargetsAreFifteenMillimetresAtTheDpi) {
    ImGuiContext* context = ImGui::CreateContext();
    Theme theme;
    std::string error;
    ASSERT_TRUE(SetupTheme(theme, 800, 480, 133, Pack{}, &error)) << error;
    EXPECT_NEAR(theme.target_min, 15.0f / 25.4f * 133, 1.0f);
    EXPECT_GE(theme.TargetHeight(), theme.target_min);
    EXPECT_GE(BodyFontSize(800, 480, 96), 20.0f);
    EXPECT_GT(BodyFontSize(1920, 1080, 96), BodyFontSize(800, 480, 96));
    ImGui::DestroyContext(context);
}

TEST(Theme, FontsCoverWelshAndIrish) {
    ImGuiContext* context = ImGui::CreateContext();
    Theme theme;
    std::string error;
    ASSERT_TRUE(SetupTheme(theme, 1280, 800, 96, Pack{}, &error)) << error;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    // ŵ ŷ Ŵ Ŷ â (Welsh to bach), ẁ ẃ ỳ (Welsh), á é í ó ú Á (Irish fada),
    // and the typography the packs use: … ’ “ ” – —
    const ImWchar needed[] = {0x0175, 0x0177, 0x0174, 0x0176, 0x00E2, 0x1E81, 0x1E83, 0x1EF3, 0x00E1, 0x00E9,
                              0x00ED, 0x00F3, 0x00FA, 0x00C1, 0x2026, 0x2019, 0x201C, 0x201D, 0x2013, 0x2014};
    for (ImFont* font : {theme.body, theme.body_bold, theme.heading, theme.title})
        for (ImWchar c : needed)
            EXPECT_NE(font->FindGlyphNoFallback(c), nullptr) << "U+" << std::hex << static_cast<int>(c);
    ImGui::DestroyContext(context);
}

} // namespace
} // namespace tapsheet
