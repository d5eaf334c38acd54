#include "app/core/screen_characters.h"

#include "app/core/keyboard_layout.h"
#include "app/core/program_words.h"

#include <toml++/toml.h>

namespace tapsheet {

namespace {

void AddStrings(const toml::node& node, std::string& out) {
    if (const auto* text = node.as_string()) {
        out += text->get();
    } else if (const toml::table* table = node.as_table()) {
        for (auto&& [key, value] : *table)
            AddStrings(value, out);
    } else if (const toml::array* array = node.as_array()) {
        for (const toml::node& element : *array)
            AddStrings(element, out);
    }
}

void AddPackSource(const Pack& pack, std::string& out) {
    if (pack.source_text.empty()) return;
    try {
        AddStrings(toml::parse(pack.source_text, std::string_view(pack.source_path)), out);
    } catch (const toml::parse_error&) {
        out += pack.source_text; // a loaded pack parsed; this is only a fallback
    }
}

} // namespace

std::string ScreenCharacters(const Pack& pack) {
    std::string out = KeyboardCharacters();
    for (const Language& language : pack.languages)
        out += language.name;
    AddPackSource(pack, out);
    for (std::string_view table : {"ui", "board", "report"}) {
        for (std::string_view key : ProgramWordKeys(table)) {
            for (std::string_view lang : {"en", "cy", "ga"})
                out += ProgramWord(table, key, lang);
        }
    }
    return out;
}

} // namespace tapsheet
