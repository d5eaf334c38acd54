// The characters a kiosk or board showing a pack can draw, so the fonts can
// be built with those and no others: a font atlas with every Latin glyph at
// four sizes is several megabytes a kiosk does not need.
#pragma once

#include "app/core/content.h"

#include <string>

namespace tapsheet {

// Every string of the pack's TOML source (every language of every text, its
// escapes decoded), tapsheet's own words in every language it has them in,
// and everything the on-screen keyboard types. UTF-8; characters repeat. A
// pack built in code (no source) adds only its languages' names.
std::string ScreenCharacters(const Pack& pack);

} // namespace tapsheet
