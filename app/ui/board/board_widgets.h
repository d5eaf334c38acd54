// What the board's pages share: type sizes that may shrink to fit, recorded
// text, bars, numbers and the hidden-results notice. The board's words come
// from the pack's [board] table (ui.T(view.pack.board.…)).
#pragma once

#include "app/ui/board/board_view.h"

#include "imgui_internal.h" // ImRect

#include <string>

namespace tapsheet {

// A page's type and spacing: the theme's, shrunk by `scale` when a page does
// not fit its area (with the control strip showing, or on a small screen).
struct BoardLook {
    const Theme& theme;
    float scale = 1;
    float U(float units) const { return theme.U(units) * scale; }
    float Px(const ImFont* font) const { return font->FontSize * scale; }
};
inline constexpr float kMinScale = 0.6f;

// The largest scale (1, 0.95, … `least`) at which `height_at(scale)` fits
// `avail`; `least` when none does.
template <typename HeightAt> float FitScale(float avail, HeightAt height_at, float least = kMinScale) {
    for (float scale = 1.0f; scale > least + 0.001f; scale -= 0.05f)
        if (height_at(scale) <= avail) return scale;
    return least;
}

// Text, wrapped to `wrap` when it is > 0, recorded in ui.texts.
ImVec2 TextSize(ImFont* font, float size, const std::string& text, float wrap = 0);
ImRect PutText(UiFrame& ui, ImFont* font, float size, ImU32 color, ImVec2 pos, const std::string& text,
               float wrap = 0);
// Each wrapped line centred in [x, x + width].
ImRect PutTextCentred(UiFrame& ui, ImFont* font, float size, ImU32 color, ImVec2 pos, float width,
                      const std::string& text);
// One line, its right edge at `right`.
ImRect PutTextRight(UiFrame& ui, ImFont* font, float size, ImU32 color, ImVec2 right_top,
                    const std::string& text);
// A label on a rounded tag; returns its box.
ImRect PutTag(UiFrame& ui, const BoardLook& look, ImVec2 pos, const std::string& text, ImU32 fill, ImU32 ink);
ImVec2 TagSize(const BoardLook& look, const std::string& text);

// A tap target at `bb` with a recorded label.
bool BoardButton(UiFrame& ui, const char* id, const std::string& label, const ImRect& bb,
                 ButtonKind kind = ButtonKind::Secondary, bool enabled = true);
float BoardButtonWidth(const UiFrame& ui, const std::string& label);
// A button that opens a menu: its label and a caret pointing down.
bool BoardMenuButton(UiFrame& ui, const char* id, const std::string& label, const ImRect& bb, bool enabled);
float BoardMenuButtonWidth(const UiFrame& ui, const std::string& label);
// Height of the facilitator's buttons (strip, menus, moderation): 15 mm, or
// two lines, whichever is more; smaller than the kiosk's, as they are used
// with a mouse more often than a finger.
float ControlHeight(const Theme& theme);
// A full-width button at the cursor of a menu (an ImGui popup).
bool MenuButton(UiFrame& ui, const char* id, const std::string& label, float width, bool current = false);
// A muted line of text at the cursor of a menu.
void MenuLabel(UiFrame& ui, const std::string& text, float width);
// Opens popup `id` at `anchor` (above it when below would not fit) with a
// height limit, so long menus scroll.
bool BeginMenu(const Theme& theme, const char* id, ImVec2 anchor_top, ImVec2 anchor_bottom);

// A horizontal bar: `fraction` of it filled, the rest an outlined track.
// Hatched bars carry diagonal stripes: a second cue besides colour.
void DrawBar(ImDrawList* draw, const BoardLook& look, const ImRect& bb, double fraction, ImU32 fill,
             bool hatched = false);

// 12345 -> "12,345".
std::string Thousands(long long n);
// "56%" of respondents; "0%" when there are none.
std::string PercentOf(int count, int total);
// "12 people answered", "No answers yet".
std::string AnsweredLine(const UiFrame& ui, const BoardView& view, int respondents);

// Where a step's figures come from: the whole room, or the cross-tab's visits.
struct TallySource {
    const StepTally* tally = nullptr; // null: nobody answered yet
    bool cross = false;               // keys by CrossBarKey; free text left out (not filtered)
    std::string note = {};            // cross-tab: whose figures these are, shown with them
};
int CountOf(const TallySource& source, std::string_view item_id, std::string_view value = kChosen);
int RespondentsOf(const TallySource& source);
// A bar's animated count, as a fraction of the respondents (0..1).
double BarFraction(const UiFrame& ui, const BoardView& view, const TallySource& source,
                   const std::string& step_id, const std::string& item_id, const std::string& value = "");

// The body of the sheet and domains pages, shared with the cross-tab.
void DrawSheetFigures(UiFrame& ui, const BoardView& view, const Step& step, const TallySource& source,
                      const ImRect& area);
// The largest sheet the README promises at full-size type (1/30 of the
// height of a 16:9 screen): this many benefits with labels of up to this
// many characters, in groups on up to three sides of the centre box.
// `tapsheet validate` lays any sheet out as the board does and warns when it
// would shrink (app/cli/validate_sheet.h).
inline constexpr int kFullSizeSheetBenefits = 20;
inline constexpr int kFullSizeSheetLabelChars = 30;
void DrawDomainsFigures(UiFrame& ui, const BoardView& view, const Step& step, const TallySource& source,
                        const ImRect& area);

// The calm notice a hidden page shows instead of its figures.
void DrawHiddenNotice(UiFrame& ui, const BoardView& view, const ImRect& area, int respondents);

// Whether results of this step are hidden from the room.
bool IsHidden(const BoardView& view, const std::string& step_id);

// Title of a page (the board's title bar and the page list).
std::string PageTitle(const UiFrame& ui, const BoardView& view, const BoardPage& page);
// Short name of a page for the facilitator's page list.
std::string PageName(const UiFrame& ui, const BoardView& view, const BoardPage& page);
// "Round 2", "All rounds", "Round 1 (earlier)": the round of view.tallies.
std::string RoundLabel(const UiFrame& ui, const BoardView& view);

} // namespace tapsheet
