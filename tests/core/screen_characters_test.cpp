#include "app/core/screen_characters.h"

#include "app/core/loader.h"

#include <gtest/gtest.h>

namespace tapsheet {
namespace {

bool Has(const std::string& all, const char* text) {
    return all.find(text) != std::string::npos;
}

TEST(ScreenCharacters, EveryLanguageOfThePackWithItsEscapesDecoded) {
    constexpr const char* kPack = R"(id = "p"
title = { en = "Day", pl = "Dzie\u0144" }
languages = [{ code = "en", name = "English" }, { code = "pl", name = "Polski" }]

[[steps]]
id = "role"
kind = "poll"
prompt = { en = "Where?", pl = "Gdzie? \u0141\u00f3d\u017a" }
options = [{ id = "ward", label = { en = "Ward", pl = "Oddzia\u0142" } }]
)";
    LoadResult loaded = LoadPackText(kPack, "p.toml");
    ASSERT_TRUE(loaded.pack) << loaded.errors.front().ToString();
    const std::string all = ScreenCharacters(*loaded.pack);
    EXPECT_TRUE(Has(all, "Dzie\xC5\x84")); // Dzień
    EXPECT_TRUE(Has(all, "\xC5\x81\xC3\xB3"
                         "d\xC5\xBA"));      // Łódź
    EXPECT_TRUE(Has(all, "Oddzia\xC5\x82")); // Oddział
    EXPECT_FALSE(Has(all, "\\u0144")) << "the escape, not its text";
}

TEST(ScreenCharacters, TapsheetsOwnWordsAndTheKeyboardEvenForAPackBuiltInCode) {
    Pack pack;
    pack.languages = {{"en", "English"}, {"xx", "Ελληνικά"}};
    const std::string all = ScreenCharacters(pack);
    EXPECT_TRUE(Has(all, "Ελληνικά")) << "the languages' names";
    EXPECT_TRUE(Has(all, "Tap to start"));
    EXPECT_TRUE(Has(all, "Cyffyrddwch i ddechrau"));         // Welsh
    EXPECT_TRUE(Has(all, "Tap\xC3\xA1il chun tos\xC3\xBA")); // Irish: Tapáil chun tosú
    EXPECT_TRUE(Has(all, "\xC5\xB4")) << "the keyboard's Ŵ";
}

} // namespace
} // namespace tapsheet
