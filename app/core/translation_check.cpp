#include "app/core/translation_check.h"

#include "app/core/program_words.h"

#include <toml++/toml.h>

#include <algorithm>
#include <string>
#include <string_view>

namespace tapsheet {

namespace {

// Strings nobody reads as words: ids, step kinds, places, addresses.
bool IsNotText(std::string_view key) {
    return key == "id" || key == "kind" || key == "place" || key == "url" || key == "resources_url";
}

bool IsWordTable(std::string_view key) {
    return key == "ui" || key == "board" || key == "report";
}

class Checker {
  public:
    explicit Checker(const Pack& pack) : pack_(pack) {}

    void Root(const toml::table& root) {
        for (auto&& [key, node] : root) {
            std::string_view name = key.str();
            if (name == "languages" || name == "kiosk" || IsNotText(name)) continue;
            if (IsWordTable(name) && node.is_table())
                Words(*node.as_table(), name);
            else
                Node(node, std::string(name));
        }
        for (std::string_view table : {"ui", "board", "report"})
            AbsentWords(root, table);
    }

    std::vector<LoadError> Take() { return std::move(warnings_); }

  private:
    void Node(const toml::node& node, const std::string& what) {
        if (node.is_string() || IsTranslations(node)) {
            Text(node, what);
        } else if (const toml::table* table = node.as_table()) {
            for (auto&& [key, value] : *table)
                if (!IsNotText(key.str())) Node(value, what + "." + std::string(key.str()));
        } else if (const toml::array* array = node.as_array()) {
            for (std::size_t i = 0; i < array->size(); ++i)
                Node(*array->get(i), what + "[" + ElementName(*array->get(i), i) + "]");
        }
    }

    // An element is named by its id where it has one: steps[gains].title.
    static std::string ElementName(const toml::node& element, std::size_t index) {
        if (const toml::table* table = element.as_table())
            if (const auto* id = table->get_as<std::string>("id")) return id->get();
        return std::to_string(index + 1);
    }

    const Language* Find(std::string_view code) const {
        for (const Language& language : pack_.languages)
            if (language.code == code) return &language;
        return nullptr;
    }

    // A table whose keys are all declared languages: one text, translated.
    bool IsTranslations(const toml::node& node) const {
        const toml::table* table = node.as_table();
        if (table == nullptr || table->empty()) return false;
        for (auto&& [key, value] : *table)
            if (!value.is_string() || Find(key.str()) == nullptr) return false;
        return true;
    }

    std::vector<const Language*> Missing(const toml::node& text) const {
        std::vector<const Language*> missing;
        const toml::table* table = text.as_table();
        for (const Language& language : pack_.languages) {
            bool has = table ? table->contains(language.code) : language.code == pack_.languages.front().code;
            if (!has) missing.push_back(&language);
        }
        return missing;
    }

    static std::string Names(const std::vector<const Language*>& languages) {
        std::string names;
        for (std::size_t i = 0; i < languages.size(); ++i) {
            if (i > 0) names += i + 1 == languages.size() ? " or " : ", ";
            names += languages[i]->name + " (" + languages[i]->code + ")";
        }
        return names;
    }

    void Warn(const toml::node& where, std::string message) {
        const toml::source_position& at = where.source().begin;
        warnings_.push_back({pack_.source_path, static_cast<int>(at.line), static_cast<int>(at.column),
                             "warning: " + std::move(message)});
    }

    void Text(const toml::node& node, const std::string& what) { Untranslated(node, what, Missing(node)); }

    void Untranslated(const toml::node& node, const std::string& what,
                      const std::vector<const Language*>& missing) {
        if (missing.empty()) return;
        Warn(node, "'" + what + "' has no " + Names(missing) + " text; " +
                       (missing.size() == 1 ? "that language shows" : "those languages show") + " it in " +
                       pack_.languages.front().name);
    }

    static std::string DefaultText(const toml::node& node, std::string_view default_lang) {
        if (const auto* text = node.as_string()) return text->get();
        if (const toml::table* table = node.as_table())
            if (const auto* text = table->get_as<std::string>(default_lang)) return text->get();
        return {};
    }

    // The pack's wording of tapsheet's own words: a language the pack left
    // out shows tapsheet's own translation, which is right only where the
    // pack kept tapsheet's wording.
    void Words(const toml::table& table, std::string_view name) {
        const std::string& default_lang = pack_.languages.front().code;
        for (auto&& [key, node] : table) {
            std::vector<const Language*> untranslated;
            std::vector<const Language*> reworded;
            bool kept = DefaultText(node, default_lang) == ProgramWord(name, key.str(), default_lang);
            for (const Language* language : Missing(node)) {
                if (ProgramWord(name, key.str(), language->code).empty())
                    untranslated.push_back(language);
                else if (!kept)
                    reworded.push_back(language);
            }
            std::string what = "[" + std::string(name) + "] " + std::string(key.str());
            Untranslated(node, what, untranslated);
            if (!reworded.empty())
                Warn(node, "'" + what + "' is reworded but has no " + Names(reworded) +
                               " text; tapsheet's own translation of its usual wording is shown there");
        }
    }

    // Words the pack does not mention at all, in a declared language
    // tapsheet has no words in: one warning per table, at the language.
    void AbsentWords(const toml::table& root, std::string_view name) {
        const toml::table* table = root[name].as_table();
        const toml::array* languages = root["languages"].as_array();
        if (languages == nullptr) return;
        std::vector<std::string_view> absent;
        for (std::string_view key : ProgramWordKeys(name))
            if (table == nullptr || !table->contains(key)) absent.push_back(key);
        if (absent.empty()) return;
        for (const toml::node& element : *languages) {
            const toml::table* declared = element.as_table();
            const auto* code = declared ? declared->get_as<std::string>("code") : nullptr;
            if (code == nullptr || HasProgramWords(code->get())) continue;
            const Language* language = Find(code->get());
            std::string some;
            for (std::size_t i = 0; i < std::min<std::size_t>(absent.size(), 4); ++i)
                some += (i ? ", " : "") + std::string(absent[i]);
            if (absent.size() > 4) some += ", …";
            Warn(element,
                 std::to_string(absent.size()) + " of tapsheet's own words have no " + Names({language}) +
                     " text (" + some + "): add them to [" + std::string(name) +
                     "], or that language shows them in " +
                     (language == &pack_.languages.front() ? "English" : pack_.languages.front().name));
        }
    }

    const Pack& pack_;
    std::vector<LoadError> warnings_;
};

} // namespace

std::vector<LoadError> MissingTranslations(const Pack& pack) {
    if (pack.languages.size() < 2 && HasProgramWords(pack.languages.front().code)) return {};
    toml::table root;
    try {
        root = toml::parse(pack.source_text, std::string_view(pack.source_path));
    } catch (const toml::parse_error&) {
        return {}; // a loaded pack parsed; a pack built in code has no source to point into
    }
    Checker checker(pack);
    checker.Root(root);
    std::vector<LoadError> warnings = checker.Take();
    std::stable_sort(warnings.begin(), warnings.end(), [](const LoadError& a, const LoadError& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return warnings;
}

} // namespace tapsheet
