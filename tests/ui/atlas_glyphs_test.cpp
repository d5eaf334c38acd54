// The fonts are built with only the glyphs a pack and tapsheet can show, so
// the atlas stays small (app/ui/common/theme.cpp). These fail when a
// character that can be shown has no glyph and would be drawn as '?': every
// text of each shipped pack in every language (a language switch at run
// time needs nothing more), tapsheet's own words in English, Welsh and
// Irish, everything the on-screen keyboard types, and every non-ASCII
// character in the program's own string literals.
#include "glyph_check.h"
#include "kiosk_harness.h"

#include "app/core/keyboard_layout.h"
#include "app/core/loader.h"
#include "app/core/program_words.h"
#include "app/ui/common/theme.h"

#include "imgui.h"

#include <gtest/gtest.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace tapsheet {
namespace {

namespace fs = std::filesystem;

// An ImGui context with a pack's fonts built, as the kiosk or board has.
class Fonts {
  public:
    Fonts(const Pack& pack, bool board, int width, int height) : context_(ImGui::CreateContext()) {
        std::string error;
        ok_ = board ? SetupBoardTheme(theme_, width, height, pack, &error)
                    : SetupTheme(theme_, width, height, 96, pack, &error);
        ok_ = ok_ && ImGui::GetIO().Fonts->Build();
        EXPECT_TRUE(ok_) << error;
    }
    ~Fonts() { ImGui::DestroyContext(context_); }
    Fonts(const Fonts&) = delete;
    Fonts& operator=(const Fonts&) = delete;

    std::string Missing(std::string_view text) const {
        return ok_ ? MissingGlyphs(theme_, text) : "no fonts";
    }

  private:
    ImGuiContext* context_;
    Theme theme_;
    bool ok_ = false;
};

std::string ReadFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Every string value of a TOML document, read here with toml++ rather than
// with the program's own collection of them (core/screen_characters.cpp).
void Strings(const toml::node& node, std::string& out) {
    if (const auto* text = node.as_string()) out += text->get() + "\n";
    if (const toml::table* table = node.as_table())
        for (auto&& [key, value] : *table)
            Strings(value, out);
    if (const toml::array* array = node.as_array())
        for (const toml::node& element : *array)
            Strings(element, out);
}

std::vector<fs::path> ShippedPacks() {
    std::vector<fs::path> packs;
    for (const fs::directory_entry& entry :
         fs::directory_iterator(fs::path(TAPSHEET_SOURCE_DIR) / "assets/content"))
        if (entry.path().extension() == ".toml") packs.push_back(entry.path());
    std::sort(packs.begin(), packs.end());
    return packs;
}

Pack Load(const fs::path& path) {
    LoadResult loaded = LoadPackFile(path.string());
    EXPECT_TRUE(loaded.pack) << path;
    return loaded.pack ? *loaded.pack : Pack{};
}

int HexDigit(char c) {
    return std::isdigit(static_cast<unsigned char>(c))
               ? c - '0'
               : std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
}

// The non-ASCII characters in the string literals of C++ source (raw UTF-8
// or \x escapes), comments and character literals left out.
std::string LiteralCharacters(const std::string& code) {
    enum class In { Code, LineComment, BlockComment, String, Char } in = In::Code;
    std::string out;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        const char next = i + 1 < code.size() ? code[i + 1] : '\0';
        if (in == In::Code) {
            if (c == '/' && next == '/') in = In::LineComment;
            if (c == '/' && next == '*') in = In::BlockComment;
            if (c == '"') in = In::String;
            if (c == '\'') in = In::Char;
        } else if (in == In::LineComment) {
            if (c == '\n') in = In::Code;
        } else if (in == In::BlockComment) {
            if (c == '*' && next == '/') in = In::Code, ++i;
        } else if (in == In::Char) {
            if (c == '\\')
                ++i;
            else if (c == '\'')
                in = In::Code;
        } else if (c == '\\' && next == 'x') {
            unsigned value = 0;
            for (i += 2; i < code.size() && std::isxdigit(static_cast<unsigned char>(code[i])); ++i)
                value = value * 16 + static_cast<unsigned>(HexDigit(code[i]));
            --i;
            if ((value & 0xFF) >= 0x80) out += static_cast<char>(value & 0xFF);
        } else if (c == '\\') {
            ++i;
        } else if (c == '"') {
            in = In::Code;
        } else if (static_cast<unsigned char>(c) >= 0x80) {
            out += c;
        }
    }
    return out;
}

TEST(AtlasGlyphs, EveryTextOfEachShippedPackInEveryLanguage) {
    ASSERT_GE(ShippedPacks().size(), 2u);
    for (const fs::path& file : ShippedPacks()) {
        std::string texts;
        Strings(toml::parse(ReadFile(file), file.string()), texts);
        const Pack pack = Load(file);
        EXPECT_EQ(Fonts(pack, false, 800, 480).Missing(texts), "") << file << " on the kiosk";
        EXPECT_EQ(Fonts(pack, true, 1920, 1080).Missing(texts), "") << file << " on the board";
    }
}

TEST(AtlasGlyphs, TapsheetsOwnWordsInEnglishWelshAndIrish) {
    std::string words;
    for (std::string_view table : {"ui", "board", "report"})
        for (std::string_view key : ProgramWordKeys(table))
            for (std::string_view lang : {"en", "cy", "ga"})
                words += std::string(ProgramWord(table, key, lang)) + "\n";
    for (const fs::path& file : ShippedPacks()) {
        const Pack pack = Load(file);
        EXPECT_EQ(Fonts(pack, false, 1280, 800).Missing(words), "") << file << " on the kiosk";
        EXPECT_EQ(Fonts(pack, true, 1280, 720).Missing(words), "") << file << " on the board";
    }
}

TEST(AtlasGlyphs, EverythingTheKeyboardTypesEvenWithAnEnglishOnlyPack) {
    const Pack english = Load(fs::path(TAPSHEET_SOURCE_DIR) / "assets/content/default.toml");
    for (const Pack& pack : {english, Pack{}}) {
        EXPECT_EQ(Fonts(pack, false, 720, 1280).Missing(KeyboardCharacters()), "") << "kiosk";
        EXPECT_EQ(Fonts(pack, true, 1920, 1080).Missing(KeyboardCharacters()), "") << "board";
    }
}

TEST(AtlasGlyphs, EveryCharacterOfTheProgramsOwnStrings) {
    std::string literals;
    for (const char* folder : {"app/ui", "app/session", "app/core"})
        for (const fs::directory_entry& entry :
             fs::recursive_directory_iterator(fs::path(TAPSHEET_SOURCE_DIR) / folder))
            if (entry.path().extension() == ".cpp" || entry.path().extension() == ".h")
                literals += LiteralCharacters(ReadFile(entry.path()));
    ASSERT_NE(literals.find("\xE2\x80\xBA"), std::string::npos) << "the scan finds the Next button's arrow";
    EXPECT_EQ(Fonts(Pack{}, false, 800, 480).Missing(literals), "") << "kiosk";
    EXPECT_EQ(Fonts(Pack{}, true, 1280, 720).Missing(literals), "") << "board";
}

// A pack in a language tapsheet has no words for brings its own letters,
// written out or as TOML escapes; a pack without them leaves them out.
TEST(AtlasGlyphs, APacksOwnLettersAndOnlyWhatCanBeShown) {
    constexpr const char* kPolish = R"(id = "polski"
title = "Zażółć gęślą jaźń"
subtitle = "Dzie\u0144 poprawy \u00b7 \u0141\u00f3d\u017a"
languages = [{ code = "pl", name = "Polski" }]

[[steps]]
id = "role"
kind = "poll"
prompt = "Gdzie pracujesz? Ωμέγα"
options = [{ id = "ward", label = "Oddział" }]
)";
    LoadResult loaded = LoadPackText(kPolish, "polski.toml");
    ASSERT_TRUE(loaded.pack) << loaded.errors.front().ToString();
    const std::string letters = "Zażółć gęślą jaźń Dzień Łódź Ωμέγα"; // written out and escaped
    EXPECT_EQ(Fonts(*loaded.pack, false, 800, 480).Missing(letters), "") << "kiosk";
    EXPECT_EQ(Fonts(*loaded.pack, true, 1920, 1080).Missing(letters), "") << "board";
    const Pack english = Load(fs::path(TAPSHEET_SOURCE_DIR) / "assets/content/default.toml");
    const std::string missing = Fonts(english, false, 800, 480).Missing("ł");
    EXPECT_NE(missing.find("(title)"), std::string::npos)
        << "an English pack's title font has no Polish: " << missing;
    EXPECT_EQ(missing.find("(body)"), std::string::npos) << "the body font keeps every Latin letter";
}

// The accent layer as the kiosk draws it, with and without shift.
TEST(AtlasGlyphs, TheKeyboardsAccentLayerAsDrawn) {
    const Pack pack = Load(fs::path(TAPSHEET_SOURCE_DIR) / "assets/content/default.toml");
    KioskHarness kiosk(pack, nullptr, 800, 480);
    ASSERT_TRUE(kiosk.TapAndSettle("Tap to start"));
    while (kiosk.GetFlow().CurrentStep().kind != StepKind::Sheet)
        ASSERT_TRUE(kiosk.TapAndSettle("skip"));
    ASSERT_TRUE(kiosk.Tap("project"));
    kiosk.Advance(0.5);
    kiosk.Frame();
    ASSERT_TRUE(kiosk.Tap(std::string("key-layer-") + KeyboardLayerLabel(1)));
    for (auto [shift, w_circumflex] :
         {std::pair{"without shift", "\xC5\xB5"}, std::pair{"with shift", "\xC5\xB4"}}) {
        std::string labels;
        for (const TapTarget& target : kiosk.Targets())
            if (target.id.rfind("key-", 0) == 0) labels += target.label + "\n";
        EXPECT_NE(labels.find(w_circumflex), std::string::npos) << "the accent layer " << shift;
        EXPECT_EQ(MissingGlyphs(kiosk.GetTheme(), labels), "") << shift;
        ASSERT_TRUE(kiosk.Tap("key-shift"));
    }
}

} // namespace
} // namespace tapsheet
