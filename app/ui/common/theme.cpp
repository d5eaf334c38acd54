#include "app/ui/common/theme.h"

#include "app/core/screen_characters.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace tapsheet {

namespace {

const char* const kRegularFonts[] = {
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
};
const char* const kBoldFonts[] = {
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
};

template <std::size_t N> std::string FirstExisting(const char* const (&paths)[N]) {
    for (const char* path : paths)
        if (std::filesystem::exists(path)) return path;
    return {};
}

// The characters tapsheet's own labels use besides the pack's and its own
// words (core/screen_characters.h): ASCII, Latin-1 (the no-break space, the
// middle dot, the multiplication sign, the accents of western Europe), the
// Welsh w and y with every accent, typographic punctuation (dashes, quotes,
// bullet, ellipsis, angle quotes), the euro and arrows.
// tests/ui/atlas_glyphs_test.cpp checks every non-ASCII character in the
// strings of app/ui, app/session and app/core against the built fonts.
const ImWchar kProgramRanges[] = {
    0x0020, 0x007E, // ASCII
    0x00A0, 0x00FF, // Latin-1
    0x0174, 0x0177, // Ŵ ŵ Ŷ ŷ
    0x1E80, 0x1E85, // Ẁ ẁ Ẃ ẃ Ẅ ẅ
    0x1EF2, 0x1EF3, // Ỳ ỳ
    0x2010, 0x2027, // dashes, quotes, bullet, ellipsis
    0x2030, 0x203A, // per mille, angle quotes
    0x20AC, 0x20AC, // euro
    0x2190, 0x2193, // arrows
    0,
};

// The body font also draws what comes from outside the pack (the staff
// panel's file, folder and other packs' names, a broken pack's error): it
// keeps every Latin letter, which costs little at the body size.
const ImWchar kLatinRanges[] = {
    0x0100, 0x017F, // Latin Extended-A
    0x0180, 0x024F, // Latin Extended-B
    0x1E00, 0x1EFF, // Latin Extended Additional
    0,
};

// Only what can be shown, so the atlas stays small: at the heading and
// title sizes every glyph costs kilobytes.
void BuildGlyphRanges(const std::string& characters, const ImWchar* more, ImVector<ImWchar>& out) {
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(kProgramRanges);
    if (more) builder.AddRanges(more);
    builder.AddText(characters.data(), characters.data() + characters.size());
    out.clear();
    builder.BuildRanges(&out);
}

ImFontConfig SizeConfig() {
    ImFontConfig config;
    config.OversampleH = 1; // FreeType hinting makes oversampling unnecessary
    config.OversampleV = 1;
    return config;
}

ImFont* AddFont(const std::string& path, float size, const ImWchar* ranges) {
    ImFontConfig config = SizeConfig();
    return ImGui::GetIO().Fonts->AddFontFromFileTTF(path.c_str(), size, &config, ranges);
}

// Another size of a font already added: the file is read once and its data
// shared (the atlas frees it once, with the font that read it).
ImFont* AddSize(const ImFontConfig& loaded, float size, const ImWchar* ranges) {
    ImFontConfig config = SizeConfig();
    config.FontDataOwnedByAtlas = false;
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(loaded.FontData, loaded.FontDataSize, size, &config,
                                                      ranges);
}

ImVec4 ToVec4(ImU32 c) {
    return ImGui::ColorConvertU32ToFloat4(c);
}

void ApplyStyle(const Theme& theme) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(theme.Margin(), theme.Margin());
    style.ItemSpacing = ImVec2(theme.Gap(), theme.Gap());
    style.FramePadding = ImVec2(theme.U(0.6f), theme.U(0.4f));
    style.WindowRounding = 0;
    style.FrameRounding = theme.U(0.4f);
    style.ScrollbarSize = theme.U(0.6f); // a gutter: the bar sits at its outer edge, clear of the cards
    style.ScrollbarRounding = theme.U(0.25f);
    style.WindowBorderSize = 0;
    style.TouchExtraPadding = ImVec2(0, 0);
    ImVec4* colors = style.Colors;
    colors[ImGuiCol_WindowBg] = ToVec4(theme.colors.background);
    colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    colors[ImGuiCol_Text] = ToVec4(theme.colors.text);
    colors[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    // ImGui's scrollbar only reserves the gutter; ScrollFade() draws a quiet
    // position marker there, and only when there is something to scroll.
    colors[ImGuiCol_ScrollbarGrab] = ImVec4(0, 0, 0, 0);
    colors[ImGuiCol_ScrollbarGrabHovered] = ImVec4(0, 0, 0, 0);
    colors[ImGuiCol_ScrollbarGrabActive] = ImVec4(0, 0, 0, 0);
}

float Linear(float channel) {
    return channel <= 0.03928f ? channel / 12.92f : std::pow((channel + 0.055f) / 1.055f, 2.4f);
}

float Luminance(ImU32 c) {
    ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    return 0.2126f * Linear(v.x) + 0.7152f * Linear(v.y) + 0.0722f * Linear(v.z);
}

// Digits only (and what numbers are written with): big sizes stay cheap in the atlas.
const ImWchar kDigitRanges[] = {0x0020, 0x0020, 0x0025, 0x0025, 0x002C, 0x003A, 0};

bool LoadFonts(Theme& theme, const Pack& pack, bool board, std::string* error) {
    std::string regular = FirstExisting(kRegularFonts);
    std::string bold = FirstExisting(kBoldFonts);
    if (regular.empty() || bold.empty()) {
        if (error)
            *error = "No Noto Sans or DejaVu Sans font found; run deploy/install-deps.sh (fonts-noto-core).";
        return false;
    }
    const std::string characters = ScreenCharacters(pack);
    BuildGlyphRanges(characters, kLatinRanges, theme.body_ranges);
    BuildGlyphRanges(characters, nullptr, theme.glyph_ranges);
    const ImWchar* ranges = theme.glyph_ranges.Data;
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    atlas->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight; // GL ES 3 and GL 3 take any size
    theme.body = AddFont(regular, theme.unit, theme.body_ranges.Data);
    theme.body_bold = AddFont(bold, theme.unit, ranges);
    if (!theme.body || !theme.body_bold) return false;
    const ImFontConfig bold_file = atlas->ConfigData.back(); // a copy: the list grows
    theme.heading = AddSize(bold_file, std::round(theme.unit * 1.35f), ranges);
    theme.title = AddSize(bold_file, std::round(theme.unit * 1.9f), ranges);
    theme.figures = board ? AddSize(bold_file, std::round(theme.unit * 3.0f), kDigitRanges) : nullptr;
    theme.clock = board ? AddSize(bold_file, std::round(theme.unit * 7.0f), kDigitRanges) : nullptr;
    ImGui::GetIO().FontDefault = theme.body;
    ApplyStyle(theme);
    bool digits = !board || (theme.figures && theme.clock);
    return theme.heading && theme.title && digits;
}

} // namespace

float BodyFontSize(int width, int height, float dpi) {
    // Arm's length (~60 cm) wants at least ~3.8 mm of font size on the real
    // screen; beyond that, size by the screen so layouts keep their
    // proportions (a 1080p screen shows the same amount as a 7" one, larger).
    float by_screen = std::min(height / 27.0f, width / 30.0f);
    float by_dpi = dpi * 4.2f / 25.4f;
    return std::round(std::max({by_screen, by_dpi, 22.0f}));
}

bool SetupTheme(Theme& theme, int width, int height, float dpi, const Pack& pack, std::string* error) {
    theme.dpi = dpi;
    theme.unit = BodyFontSize(width, height, dpi);
    theme.target_min = std::round(15.0f / 25.4f * dpi);
    return LoadFonts(theme, pack, false, error);
}

float BoardFontSize(int width, int height) {
    // 1/30 of the height is legible from 10 m on a 1080p screen; a portrait
    // screen is sized by its width instead, so lines keep a sensible length.
    float by_screen = std::min(height / 30.0f, width / 28.0f);
    return std::ceil(std::max(by_screen, 18.0f));
}

bool SetupBoardTheme(Theme& theme, int width, int height, const Pack& pack, std::string* error) {
    theme.dpi = 96; // a TV's DPI is unknown and does not matter: it is read from across the room
    theme.unit = BoardFontSize(width, height);
    theme.target_min = std::round(15.0f / 25.4f * theme.dpi);
    return LoadFonts(theme, pack, true, error);
}

float ContrastRatio(ImU32 a, ImU32 b) {
    float la = Luminance(a);
    float lb = Luminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

} // namespace tapsheet
