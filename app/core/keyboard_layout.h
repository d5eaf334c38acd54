// The keys of the kiosk's on-screen keyboard, as data: what a visitor can
// type. The kiosk draws them (ui/kiosk/kiosk_keyboard.cpp); the fonts are
// built with every character here, so whatever is typed can be shown on the
// kiosk and, once approved, on the board.
#pragma once

#include <string>

namespace tapsheet {

constexpr int kKeyboardLayers = 3; // letters, accents, figures and symbols
constexpr int kKeyboardRows = 3;   // the third row sits between shift and backspace

// Row `row` of layer `layer`: UTF-8 keys separated by spaces. The accent
// layer carries the Welsh to bach (â ê î ô û ŵ ŷ) and the Irish fada
// (á é í ó ú).
const char* KeyboardRow(int layer, int row);

// The label of the key that switches to `layer` ("abc", "âŵá", "123").
const char* KeyboardLayerLabel(int layer);

// What a key types with shift held: its capital, or the key itself.
std::string KeyboardUpper(const std::string& key);

// Every character the keyboard can type, with and without shift (the
// bottom row's space, comma and full stop too), in UTF-8; some more than once.
std::string KeyboardCharacters();

} // namespace tapsheet
