#include "app/core/keyboard_layout.h"

#include <gtest/gtest.h>

namespace tapsheet {
namespace {

TEST(KeyboardLayout, ShiftGivesTheCapitalOfEveryLetter) {
    EXPECT_EQ(KeyboardUpper("q"), "Q");
    EXPECT_EQ(KeyboardUpper("\xC5\xB5"), "\xC5\xB4");         // ŵ Ŵ
    EXPECT_EQ(KeyboardUpper("\xE1\xBA\x85"), "\xE1\xBA\x84"); // ẅ Ẅ
    EXPECT_EQ(KeyboardUpper("\xC3\xBF"), "\xC5\xB8");         // ÿ Ÿ
    EXPECT_EQ(KeyboardUpper("7"), "7");
    EXPECT_EQ(KeyboardUpper("@"), "@");
}

// What the fonts are built with: every key of every layer, shifted or not.
TEST(KeyboardLayout, CharactersHoldEveryKeyAndItsCapital) {
    const std::string all = KeyboardCharacters();
    for (int layer = 0; layer < kKeyboardLayers; ++layer) {
        for (int row = 0; row < kKeyboardRows; ++row) {
            std::string key;
            for (const char* c = KeyboardRow(layer, row);; ++c) {
                if (*c != ' ' && *c != '\0') {
                    key += *c;
                    continue;
                }
                EXPECT_NE(all.find(key), std::string::npos) << key;
                EXPECT_NE(all.find(KeyboardUpper(key)), std::string::npos) << KeyboardUpper(key);
                key.clear();
                if (*c == '\0') break;
            }
        }
    }
    for (const char* welsh_and_irish :
         {"\xC5\xB5", "\xC5\xB7", "\xC3\xA1", "\xC3\xA9", "\xC3\xAD", "\xC3\xB3", "\xC3\xBA", "\xC3\x81",
          "\xC5\xB6", "\xE1\xBB\xB3", ",", ".", " "})
        EXPECT_NE(all.find(welsh_and_irish), std::string::npos) << welsh_and_irish;
}

} // namespace
} // namespace tapsheet
