// Loads a content pack: reads the file, parses the TOML, then walks it with a
// PackReader (loader_reader.h) that collects every problem. The sections live
// in loader_steps.cpp, loader_ui.cpp and loader_extras.cpp.
#include "app/core/loader.h"

#include "app/core/loader_reader.h"
#include "app/core/sha256.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <memory>

namespace tapsheet {

using namespace loader_internal;

namespace {

const Language kEnglish = {"en", "English"};

void ReadLanguage(PackReader& reader, const toml::table& table, IdScope& scope) {
    reader.CheckKeys(table, kLanguageKeys, "a language");
    Language language;
    if (!reader.ReadString(table, "code", &language.code, true) ||
        !reader.ReadString(table, "name", &language.name, true))
        return;
    const toml::node& code_node = *table.get("code");
    if (!IsValidId(language.code)) {
        reader.Error(code_node,
                     "bad language code " + Quote(language.code) + ": use a code like \"en\" or \"cy\"");
        return;
    }
    if (language.name.empty())
        reader.Error(*table.get("name"), "the name of language " + Quote(language.code) + " is empty");
    scope.Add(reader, code_node, language.code);
    reader.languages.push_back(std::move(language));
}

// Languages come first: every text after them is checked against them.
// Without a `languages` key a pack is in English alone.
void ReadLanguages(PackReader& reader, const toml::table& root) {
    const toml::array* array = reader.ReadArray(root, "languages", false,
                                                "list at least the default language, like { code = \"en\", "
                                                "name = \"English\" }");
    IdScope scope("language");
    if (array != nullptr)
        for (const toml::node& element : *array)
            if (const toml::table* table = reader.AsTable(element, "a language"))
                ReadLanguage(reader, *table, scope);
    // Keep checking the rest of the pack against something sensible.
    if (reader.languages.empty()) reader.languages.push_back(kEnglish);
}

void ReadKiosk(PackReader& reader, const toml::table& root, KioskSettings* kiosk) {
    const toml::node* node = root.get("kiosk");
    if (node == nullptr) return;
    const toml::table* table = node->as_table();
    if (table == nullptr) {
        reader.Error(*node, std::string("'kiosk' must be a table ([kiosk] section), not ") + TypeName(*node));
        return;
    }
    reader.CheckKeys(*table, kKioskKeys, "[kiosk]");
    reader.ReadInt(*table, "idle_seconds", 5, 3600, &kiosk->idle_seconds, false);
    reader.ReadInt(*table, "still_there_seconds", 3, 600, &kiosk->still_there_seconds, false);
    reader.ReadInt(*table, "thanks_seconds", 3, 600, &kiosk->thanks_seconds, false);
    reader.ReadInt(*table, "cooldown_seconds", 0, 60, &kiosk->cooldown_seconds, false);
}

void ReadHeader(PackReader& reader, const toml::table& root, Pack* pack) {
    IdScope scope("pack");
    reader.ReadId(root, scope, &pack->id);
    reader.ReadText(root, "title", &pack->title, true);
    reader.ReadText(root, "subtitle", &pack->subtitle, false);
    if (!reader.ReadText(root, "attract_prompt", &pack->attract_prompt, false) ||
        pack->attract_prompt.Empty())
        pack->attract_prompt = pack->ui.start;
}

void ReadPack(PackReader& reader, const toml::table& root, Pack* pack) {
    reader.CheckKeys(root, kPackKeys, "the pack");
    ReadLanguages(reader, root);
    ReadUiStrings(reader, root, pack);
    ReadBoardStrings(reader, root, pack);
    ReadReportStrings(reader, root, pack);
    ReadHeader(reader, root, pack);
    ReadKiosk(reader, root, &pack->kiosk);
    ReadSteps(reader, root, pack);
    ReadTimers(reader, root, pack);
    ReadEvidence(reader, root, pack);
    ReadResources(reader, root, pack);
    pack->languages = reader.languages;
}

LoadResult LoadPackTextOrThrow(std::string_view text, const std::string& file_name) {
    LoadResult result;
    PackReader reader(file_name);
    toml::table root;
    try {
        root = toml::parse(text, std::string_view(file_name));
    } catch (const toml::parse_error& error) {
        reader.Error(error.source(), "TOML syntax error: " + std::string(error.description()));
        result.errors = reader.TakeErrors();
        return result;
    }
    Pack pack;
    ReadPack(reader, root, &pack);
    if (reader.HasErrors()) {
        result.errors = reader.TakeErrors();
        return result;
    }
    pack.source_path = file_name;
    pack.source_text = std::string(text);
    pack.source_hash = Sha256Hex(text);
    result.pack = std::move(pack);
    return result;
}

bool ReadWholeFile(const std::string& path, std::string* text, std::string* error) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (file == nullptr) {
        *error = std::string("cannot open the file: ") + std::strerror(errno);
        return false;
    }
    char buffer[16384];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof(buffer), file.get())) > 0)
        text->append(buffer, got);
    // A directory opens fine and fails on read, with errno saying why.
    if (std::ferror(file.get()) != 0) {
        *error = std::string("cannot read the file: ") + std::strerror(errno);
        return false;
    }
    return true;
}

LoadResult WholeFileError(const std::string& file_name, std::string message) {
    LoadResult result;
    result.errors.push_back({file_name, 0, 0, std::move(message)});
    return result;
}

} // namespace

std::string LoadError::ToString() const {
    if (line == 0) return file + ": " + message;
    return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
}

LoadResult LoadPackText(std::string_view text, const std::string& file_name) {
    // Callers (the kiosk at 8am, a fuzzer) get errors, never an exception.
    try {
        return LoadPackTextOrThrow(text, file_name);
    } catch (const std::exception& exception) {
        return WholeFileError(file_name, std::string("could not load the pack: ") + exception.what());
    } catch (...) {
        return WholeFileError(file_name, "could not load the pack");
    }
}

LoadResult LoadPackFile(const std::string& path) {
    try {
        std::string text;
        std::string error;
        if (!ReadWholeFile(path, &text, &error)) return WholeFileError(path, std::move(error));
        return LoadPackText(text, path);
    } catch (...) {
        return WholeFileError(path, "cannot read the file: out of memory");
    }
}

} // namespace tapsheet
