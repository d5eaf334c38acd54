// Fonts, sizes and palette. Every size on screen is a multiple of the body
// font size (one "unit"); the only physical size is the touch target minimum,
// 15 mm at the configured screen DPI.
#pragma once

#include "app/core/content.h"

#include "imgui.h"

#include <string>

namespace tapsheet {

struct Palette {
    // All text/background pairs below meet WCAG AA (4.5:1) or better; the
    // numbers are checked in tests/ui/theme_test.cpp.
    ImU32 background = IM_COL32(247, 245, 240, 255); // warm off-white
    ImU32 surface = IM_COL32(255, 255, 255, 255);
    ImU32 text = IM_COL32(27, 27, 31, 255);
    ImU32 text_muted = IM_COL32(74, 74, 85, 255);
    ImU32 border = IM_COL32(110, 110, 122, 255);
    ImU32 primary = IM_COL32(11, 95, 165, 255); // blue; white text on it
    ImU32 primary_pressed = IM_COL32(7, 66, 115, 255);
    ImU32 on_primary = IM_COL32(255, 255, 255, 255);
    ImU32 selected_fill = IM_COL32(11, 95, 165, 255);
    ImU32 least = IM_COL32(166, 60, 0, 255); // orange-brown, distinct from blue for colour-blind eyes
    ImU32 pressed_surface = IM_COL32(226, 232, 240, 255);
    ImU32 track = IM_COL32(135, 135, 145, 255); // unfilled progress: 3:1 against the page
    ImU32 card = IM_COL32(232, 238, 245, 255);  // static text cards: tinted, no border
    ImU32 scrim = IM_COL32(20, 20, 28, 200);
    ImU32 danger_bg = IM_COL32(40, 10, 10, 255);
    ImU32 danger_text = IM_COL32(255, 235, 230, 255);
    ImU32 warning = IM_COL32(255, 196, 0, 255);
};

struct Theme {
    ImFont* body = nullptr;
    ImFont* body_bold = nullptr;
    ImFont* heading = nullptr;
    ImFont* title = nullptr;
    ImFont* figures = nullptr; // board only: digits for big numbers (totals), 3 units
    ImFont* clock = nullptr;   // board only: digits for the activity timer, 7 units
    float unit = 20;           // body font size in pixels
    float target_min = 57;     // 15 mm at the screen DPI, in pixels
    float dpi = 96;
    Palette colors;
    // The characters of the fonts (the pack's and tapsheet's; the body font
    // every Latin letter too); they must outlive the atlas build.
    ImVector<ImWchar> glyph_ranges;
    ImVector<ImWchar> body_ranges;

    // Sizes in font units.
    float U(float units) const { return units * unit; }
    // Height of any touch target: at least 15 mm, and at least 2.4 lines.
    float TargetHeight() const { return target_min > U(2.4f) ? target_min : U(2.4f); }
    float Gap() const { return U(0.6f); }
    float Margin() const { return U(1.0f); }
};

// Picks the body size for a screen of width x height pixels at `dpi`, loads
// Noto Sans (DejaVu Sans as fallback) into the current ImGui context's atlas
// and styles it. The fonts hold the glyphs `pack` and tapsheet itself can
// show (core/screen_characters.h) and no others. Fails (with what to
// install) only when no font file exists.
bool SetupTheme(Theme& theme, int width, int height, float dpi, const Pack& pack, std::string* error);

// Body font size in pixels for a screen: readable at arm's length, fitting
// the shorter side. Exposed for tests.
float BodyFontSize(int width, int height, float dpi);

// The board (a TV or projector read from across a room): body text at
// least 1/30 of the screen height, so it is legible from 10 m on 1080p.
// Loads the same fonts as the kiosk plus large digits (figures, clock).
bool SetupBoardTheme(Theme& theme, int width, int height, const Pack& pack, std::string* error);
float BoardFontSize(int width, int height);

// WCAG 2 contrast ratio of two colours (1..21).
float ContrastRatio(ImU32 a, ImU32 b);

} // namespace tapsheet
