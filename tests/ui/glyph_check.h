// Whether the fonts can draw a text: the atlas holds only the glyphs a pack
// and tapsheet can show, and a character without one is drawn as '?'.
#pragma once

#include "app/ui/common/theme.h"

#include <string>
#include <string_view>

namespace tapsheet {

// The characters of `text` (UTF-8) that one of the theme's text fonts
// (body, body_bold, heading, title) has no glyph for, each once, as
// "U+0142 'ł' (heading)"; empty when every one is there. Control
// characters are not drawn and not checked. The atlas must be built.
std::string MissingGlyphs(const Theme& theme, std::string_view text);

} // namespace tapsheet
