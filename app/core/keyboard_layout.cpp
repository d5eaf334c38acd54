#include "app/core/keyboard_layout.h"

#include <algorithm>
#include <cctype>

namespace tapsheet {

namespace {

const char* const kLayers[kKeyboardLayers][kKeyboardRows] = {
    {"q w e r t y u i o p", "a s d f g h j k l '", "z x c v b n m"},
    {"â ê î ô û ŵ ŷ á é í", "ó ú ý à è ì ò ù ẁ ỳ", "ä ë ï ö ü ẅ ÿ"},
    {"1 2 3 4 5 6 7 8 9 0", "- / : ; ( ) & @ \" '", "? ! # % = * +"},
};

const char* const kUpper[][2] = {
    {"â", "Â"}, {"ê", "Ê"}, {"î", "Î"}, {"ô", "Ô"}, {"û", "Û"}, {"ŵ", "Ŵ"}, {"ŷ", "Ŷ"},
    {"á", "Á"}, {"é", "É"}, {"í", "Í"}, {"ó", "Ó"}, {"ú", "Ú"}, {"ý", "Ý"}, {"à", "À"},
    {"è", "È"}, {"ì", "Ì"}, {"ò", "Ò"}, {"ù", "Ù"}, {"ẁ", "Ẁ"}, {"ỳ", "Ỳ"}, {"ä", "Ä"},
    {"ë", "Ë"}, {"ï", "Ï"}, {"ö", "Ö"}, {"ü", "Ü"}, {"ẅ", "Ẅ"}, {"ÿ", "Ÿ"},
};

const char* const kLayerLabels[kKeyboardLayers] = {"abc", "\xC3\xA2\xC5\xB5\xC3\xA1", "123"};

} // namespace

const char* KeyboardRow(int layer, int row) {
    return kLayers[std::clamp(layer, 0, kKeyboardLayers - 1)][std::clamp(row, 0, kKeyboardRows - 1)];
}

const char* KeyboardLayerLabel(int layer) {
    return kLayerLabels[std::clamp(layer, 0, kKeyboardLayers - 1)];
}

std::string KeyboardUpper(const std::string& key) {
    if (key.size() == 1)
        return std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(key[0]))));
    for (const auto& pair : kUpper)
        if (key == pair[0]) return pair[1];
    return key;
}

std::string KeyboardCharacters() {
    std::string all = ", . "; // the bottom row, on every layer
    for (const auto& layer : kLayers) {
        for (const char* row : layer) {
            all += row;
            all += ' ';
        }
    }
    std::string upper;
    std::string key;
    for (char c : all + ' ') {
        if (c != ' ') {
            key += c;
            continue;
        }
        if (!key.empty()) upper += KeyboardUpper(key);
        key.clear();
    }
    return all + upper;
}

} // namespace tapsheet
