#include "glyph_check.h"

#include "imgui_internal.h"

#include <cstdio>
#include <set>
#include <utility>

namespace tapsheet {

std::string MissingGlyphs(const Theme& theme, std::string_view text) {
    const std::pair<const ImFont*, const char*> fonts[] = {{theme.body, "body"},
                                                           {theme.body_bold, "body_bold"},
                                                           {theme.heading, "heading"},
                                                           {theme.title, "title"}};
    std::set<std::pair<unsigned, const char*>> missing;
    const char* at = text.data();
    const char* end = text.data() + text.size();
    while (at < end) {
        unsigned c = 0;
        at += ImTextCharFromUtf8(&c, at, end);
        if (c < 0x20 || c == 0x7F) continue;
        for (auto [font, name] : fonts)
            if (font->FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr) missing.insert({c, name});
    }
    std::string out;
    for (auto [c, name] : missing) {
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", c);
        char utf8[5] = {};
        ImTextCharToUtf8(utf8, c);
        out += std::string(out.empty() ? "" : ", ") + code + " '" + utf8 + "' (" + name + ")";
    }
    return out;
}

} // namespace tapsheet
