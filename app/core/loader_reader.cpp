#include "app/core/loader_reader.h"

#include <algorithm>

namespace tapsheet::loader_internal {

namespace {

// Edit distance, to suggest the key a typo meant (`optoins` -> `options`).
int EditDistance(std::string_view a, std::string_view b) {
    std::vector<int> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); j++)
        row[j] = int(j);
    for (std::size_t i = 1; i <= a.size(); i++) {
        int diagonal = row[0];
        row[0] = int(i);
        for (std::size_t j = 1; j <= b.size(); j++) {
            const int substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
            diagonal = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
        }
    }
    return row[b.size()];
}

std::string UnknownKeyMessage(std::string_view key, std::span<const std::string_view> allowed,
                              std::string_view what) {
    std::string message = "unknown key " + Quote(key) + " in " + std::string(what);
    std::string_view nearest;
    int nearest_distance = 3; // further than this is not a typo
    for (std::string_view candidate : allowed) {
        const int distance = EditDistance(key, candidate);
        if (distance < nearest_distance) {
            nearest = candidate;
            nearest_distance = distance;
        }
    }
    if (!nearest.empty()) return message + "; did you mean " + Quote(nearest) + "?";
    message += "; allowed keys:";
    for (std::string_view candidate : allowed)
        message += " " + std::string(candidate);
    return message;
}

std::string LanguageList(const std::vector<Language>& languages) {
    std::string list;
    for (const Language& language : languages)
        list += (list.empty() ? "" : ", ") + language.code;
    return list;
}

bool IsDeclared(const std::vector<Language>& languages, std::string_view code) {
    for (const Language& language : languages)
        if (language.code == code) return true;
    return false;
}

} // namespace

bool IsValidId(std::string_view id) {
    if (id.empty()) return false;
    for (std::size_t i = 0; i < id.size(); i++) {
        const char c = id[i];
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum && (i == 0 || (c != '-' && c != '_'))) return false;
    }
    return true;
}

const char* TypeName(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::table:
        return "a table";
    case toml::node_type::array:
        return "an array";
    case toml::node_type::string:
        return "a string";
    case toml::node_type::integer:
        return "an integer";
    case toml::node_type::floating_point:
        return "a floating-point number";
    case toml::node_type::boolean:
        return "a boolean";
    case toml::node_type::date:
        return "a date";
    case toml::node_type::time:
        return "a time";
    case toml::node_type::date_time:
        return "a date-time";
    case toml::node_type::none:
        break;
    }
    return "nothing";
}

std::string Quote(std::string_view text) {
    return "'" + std::string(text) + "'";
}

LocalText PlainText(std::string_view default_lang, std::string_view text) {
    LocalText local;
    local.by_lang.emplace_back(std::string(default_lang), std::string(text));
    return local;
}

void PackReader::Error(const toml::source_region& where, std::string message) {
    errors_.push_back({file_, int(where.begin.line), int(where.begin.column), std::move(message)});
}

std::vector<LoadError> PackReader::TakeErrors() {
    // toml++ tables iterate in key order, so sort back into file order.
    std::stable_sort(errors_.begin(), errors_.end(), [](const LoadError& a, const LoadError& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return std::move(errors_);
}

void PackReader::CheckKeys(const toml::table& table, std::span<const std::string_view> allowed,
                           std::string_view what) {
    for (auto&& [key, value] : table) {
        const bool known = std::find(allowed.begin(), allowed.end(), key.str()) != allowed.end();
        if (!known) Error(key.source(), UnknownKeyMessage(key.str(), allowed, what));
    }
}

bool PackReader::ReadBool(const toml::table& table, std::string_view key, bool* out) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return false;
    if (const auto* value = node->as_boolean()) {
        *out = value->get();
        return true;
    }
    Error(*node, Quote(key) + " must be true or false, not " + TypeName(*node));
    return false;
}

bool PackReader::ReadInt(const toml::table& table, std::string_view key, int min, int max, int* out,
                         bool required) {
    const toml::node* node = table.get(key);
    if (node == nullptr) {
        if (required) Error(table, "missing required key " + Quote(key) + " (a whole number)");
        return false;
    }
    const auto* value = node->as_integer();
    if (value == nullptr) {
        Error(*node, Quote(key) + " must be a whole number, not " + TypeName(*node));
        return false;
    }
    if (value->get() < min || value->get() > max) {
        Error(*node, Quote(key) + " must be between " + std::to_string(min) + " and " + std::to_string(max) +
                         ", not " + std::to_string(value->get()));
        return false;
    }
    *out = int(value->get());
    return true;
}

bool PackReader::ReadString(const toml::table& table, std::string_view key, std::string* out, bool required) {
    const toml::node* node = table.get(key);
    if (node == nullptr) {
        if (required) Error(table, "missing required key " + Quote(key));
        return false;
    }
    if (const auto* value = node->as_string()) {
        *out = value->get();
        return true;
    }
    Error(*node, Quote(key) + " must be a string, not " + TypeName(*node));
    return false;
}

bool PackReader::ReadText(const toml::table& table, std::string_view key, LocalText* out, bool required) {
    const toml::node* node = table.get(key);
    if (node == nullptr) {
        if (required) Error(table, "missing required key " + Quote(key));
        return false;
    }
    if (!ReadTextNode(*node, key, out)) return false;
    if (required && out->Empty()) {
        Error(*node, Quote(key) + " must not be empty");
        return false;
    }
    return true;
}

bool PackReader::ReadTextNode(const toml::node& node, std::string_view what, LocalText* out) {
    const std::string& default_lang = languages.front().code;
    if (const auto* value = node.as_string()) {
        *out = PlainText(default_lang, value->get());
        return true;
    }
    const auto* table = node.as_table();
    if (table == nullptr) {
        Error(node, Quote(what) + " must be a string or a table of translations like { " + default_lang +
                        " = \"…\" }, not " + TypeName(node));
        return false;
    }
    bool ok = true;
    for (auto&& [key, value] : *table) {
        if (!IsDeclared(languages, key.str())) {
            Error(key.source(), "unknown language " + Quote(key.str()) + " in " + Quote(what) +
                                    "; declared languages: " + LanguageList(languages) +
                                    " (add it to languages = [...])");
            ok = false;
        } else if (!value.is_string()) {
            Error(value, "translation " + Quote(key.str()) + " of " + Quote(what) +
                             " must be a string, not " + TypeName(value));
            ok = false;
        } else if (value.as_string()->get().empty()) {
            Error(value, "translation " + Quote(key.str()) + " of " + Quote(what) +
                             " is empty; leave it out to fall back to " + Quote(default_lang));
            ok = false;
        }
    }
    if (!table->contains(default_lang)) {
        Error(node, Quote(what) + " has no text in the default language " + Quote(default_lang));
        ok = false;
    }
    if (!ok) return false;
    // Default language first, then the others in the order they are declared.
    out->by_lang.clear();
    for (const Language& language : languages)
        if (const auto* text = table->get_as<std::string>(language.code))
            out->by_lang.emplace_back(language.code, text->get());
    return true;
}

bool PackReader::ReadId(const toml::table& table, IdScope& scope, std::string* out) {
    if (!ReadString(table, "id", out, true)) return false;
    const toml::node& node = *table.get("id");
    if (!IsValidId(*out)) {
        Error(node, "bad id " + Quote(*out) +
                        ": use lower-case letters, digits, '-' and '_', starting with a letter or digit");
        return false;
    }
    scope.Add(*this, node, *out);
    return true;
}

const toml::array* PackReader::ReadArray(const toml::table& table, std::string_view key, bool required,
                                         std::string_view empty_message) {
    const toml::node* node = table.get(key);
    if (node == nullptr) {
        if (required) Error(table, "missing required key " + Quote(key) + ": " + std::string(empty_message));
        return nullptr;
    }
    const auto* array = node->as_array();
    if (array == nullptr) {
        Error(*node, Quote(key) + " must be an array, not " + TypeName(*node));
        return nullptr;
    }
    if (array->empty() && !empty_message.empty())
        Error(*node, Quote(key) + " is empty: " + std::string(empty_message));
    return array;
}

const toml::table* PackReader::AsTable(const toml::node& node, std::string_view what) {
    const auto* table = node.as_table();
    if (table == nullptr)
        Error(node, std::string(what) + " must be a table like { id = \"…\", … }, not " + TypeName(node));
    return table;
}

bool PackReader::ReadTextList(const toml::table& table, std::string_view key, std::vector<LocalText>* out,
                              bool required, std::string_view empty_message) {
    const toml::array* array = ReadArray(table, key, required, empty_message);
    if (array == nullptr) return false;
    bool ok = !array->empty();
    for (const toml::node& element : *array) {
        LocalText text;
        if (!ReadTextNode(element, key, &text)) {
            ok = false;
        } else if (text.Empty()) {
            Error(element, "an entry of " + Quote(key) + " is empty");
            ok = false;
        } else {
            out->push_back(std::move(text));
        }
    }
    return ok;
}

void IdScope::Add(PackReader& reader, const toml::node& id_node, const std::string& id) {
    for (const auto& [seen_id, position] : seen_) {
        if (seen_id == id) {
            reader.Error(id_node, "duplicate " + what_ + " id " + Quote(id) + " (first used at line " +
                                      std::to_string(position.line) + "); ids must be unique");
            return;
        }
    }
    seen_.emplace_back(id, id_node.source().begin);
}

} // namespace tapsheet::loader_internal
