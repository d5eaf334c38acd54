// Touch widgets. A tap counts on release inside the target, and not at all
// when the finger slid (a swipe over chips scrolls, it does not toggle).
#pragma once

#include "app/core/content.h"
#include "app/ui/common/theme.h"

#include "imgui.h"
#include "imgui_internal.h" // ImRect

#include <cstdint>
#include <string>
#include <vector>

namespace tapsheet {

// Every window the screens open: touch only, without ImGui's keyboard
// navigation. With it, ImGui gave a window's first item the navigation
// focus in the window's second frame, and a tap on that item in that frame
// counted as a keyboard activation and was dropped (ImGui 1.90.1): the
// first tap on Start after the kiosk started or the staff panel closed,
// wherever frames are slow enough for a finger to land in the second one
// (seen on KMSDRM in a QEMU guest).
inline constexpr ImGuiWindowFlags kTouchWindow = ImGuiWindowFlags_NoNav;

// Where a tappable thing was drawn this frame: lets tests (and the screenshot
// tool) tap targets by their label instead of by pixel.
struct TapTarget {
    std::string id;    // the ImGui id string
    std::string label; // the visible text
    ImVec2 min, max;
    bool enabled = true;
    bool visible = true;       // wholly inside its (scrolled) window: a finger can reach it
    ImVec2 clip_min, clip_max; // the visible part of its window
    unsigned int layer = 0;    // id of its top-level window: overlays are other layers
    bool text = true;          // label drawn as text (false: an icon stands for it)
};

// A text drawn this frame, where and at what size: the board records its
// texts so tests can check what the room sees (sizes, overlaps, no private
// free text). The kiosk does not record them.
struct DrawnText {
    std::string text;
    ImVec2 min, max;
    float size = 0; // font size in pixels
};

// What a screen needs besides its view: the theme, the visit's language and
// the current time. Passed by reference; it owns no data.
struct UiFrame {
    const Theme& theme;
    std::string lang;
    double now = 0;
    std::vector<TapTarget>* targets = nullptr;
    std::vector<DrawnText>* texts = nullptr; // board: every text drawn, when a test asks

    const std::string& T(const LocalText& text) const { return text.Get(lang); }
};

// Key: a keyboard key, one character drawn large so ", ' . read at a glance.
enum class ButtonKind { Primary, Secondary, Option, Quiet, Danger, Placeholder, Key };

// A tap on release inside `bb` for item `id`, unless the finger moved further
// than a drag threshold. Adds the item to ImGui's layout itself.
bool TapBehavior(const ImRect& bb, ImGuiID id, bool enabled, bool* held);
// The same for an item that takes no room in the layout (drawn over others).
bool TapOver(const ImRect& bb, ImGuiID id, bool* held);
// Whether the finger down now (or lifted this frame) slid past `threshold`
// pixels from where it went down. ImGui stops measuring at the lift, and
// a frame slow enough to take the last of a slide and the lift together
// (they come in one batch) would lose that last part of it.
bool SlidPast(float threshold);

bool TapButton(UiFrame& ui, const char* id, const std::string& text, ImVec2 size,
               ButtonKind kind = ButtonKind::Secondary, bool enabled = true);

// Drawn with shapes, since Noto Sans has no arrow glyphs.
enum class Icon { Shift, Backspace, Space };
bool TapIconButton(UiFrame& ui, const char* id, Icon icon, const std::string& label, ImVec2 size,
                   ButtonKind kind = ButtonKind::Secondary);

// A selectable chip with wrapped text; its height grows with the text.
bool Chip(UiFrame& ui, const char* id, const std::string& text, bool selected, float width, float height);
float ChipHeight(const UiFrame& ui, const std::string& text, float width);

// Text helpers (wrapped to `width`, drawn at the cursor, advancing it).
void TextBlock(ImFont* font, ImU32 color, const std::string& text, float width);
void TextCentered(ImFont* font, ImU32 color, const std::string& text, float width);
float TextHeight(ImFont* font, const std::string& text, float width);

// Scrolls the current child window when a finger drags inside it.
void DragToScroll();
// Call first in a scrolling child, before its content (so it wins where the
// marker lies over a card): the round "more below" marker that ScrollFade
// draws is a button that scrolls down most of a page.
void MoreBelowButton(UiFrame& ui);
// Call last in a scrolling child: fades the edges that hide more content
// and shows a "more below" marker while there is some.
void ScrollFade(const Theme& theme, ImU32 background);
// Call before BeginChild/Begin of a window that scrolls: it starts at its top
// when `serial` is new (a new screen), and keeps its place while it is not.
void StartAtTopWhenNew(const char* id, std::uint64_t serial);

// Records a text drawn this frame, for tests (when the frame asks for texts).
void RecordShownText(UiFrame& ui, const std::string& text, ImVec2 min, ImVec2 max, float size);
// TextBlock and TextCentered, recorded.
void TextBlock(UiFrame& ui, ImFont* font, ImU32 color, const std::string& text, float width);
void TextCentered(UiFrame& ui, ImFont* font, ImU32 color, const std::string& text, float width);

// Draws a QR code of `text` with its top-left at the cursor, `size` square.
void QrCode(const std::string& text, float size, ImU32 dark, ImU32 light);

// Fills "{n}" and "{total}" style placeholders.
std::string Format(std::string pattern, const char* key, const std::string& value);

void Record(UiFrame& ui, const char* id, const std::string& label, const ImRect& bb, bool enabled,
            bool text = true);

} // namespace tapsheet
