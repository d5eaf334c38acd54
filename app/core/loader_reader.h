// Internal to the loader (loader*.cpp only): walks a parsed TOML tree into the
// pack model, collecting every problem with its position instead of stopping
// at the first, so an organiser fixes a pack in one round.
#pragma once

#include "app/core/content.h"
#include "app/core/loader.h"

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <toml++/toml.h>
#include <utility>
#include <vector>

namespace tapsheet::loader_internal {

using KeyList = std::vector<std::string_view>;

// The keys each table of a pack allows: what the loader checks, and what
// docs/content-packs.md must document (PackTables(), pack_keys.h; a test
// compares the two). The [ui], [board] and [report] keys are the word
// tables of loader_ui.cpp.
inline constexpr auto kPackKeys = std::to_array<std::string_view>(
    {"id", "title", "subtitle", "attract_prompt", "resources_url", "languages", "ui", "board", "report",
     "kiosk", "steps", "timers", "evidence", "resources"});
inline constexpr auto kLanguageKeys = std::to_array<std::string_view>({"code", "name"});
inline constexpr auto kKioskKeys = std::to_array<std::string_view>(
    {"idle_seconds", "still_there_seconds", "thanks_seconds", "cooldown_seconds"});
inline constexpr auto kPollKeys =
    std::to_array<std::string_view>({"id", "kind", "title", "prompt", "skippable", "multi", "options"});
inline constexpr auto kOptionKeys = std::to_array<std::string_view>({"id", "label"});
inline constexpr auto kSheetKeys = std::to_array<std::string_view>(
    {"id", "kind", "title", "prompt", "skippable", "project_prompt", "allow_own", "own_prompt", "groups"});
inline constexpr auto kGroupKeys = std::to_array<std::string_view>({"id", "title", "place", "items"});
inline constexpr auto kDomainsKeys = std::to_array<std::string_view>(
    {"id", "kind", "title", "prompt", "skippable", "focus_label", "least_label", "sets"});
inline constexpr auto kDomainSetKeys = std::to_array<std::string_view>({"id", "title", "domains"});
inline constexpr auto kDomainKeys = std::to_array<std::string_view>({"id", "name", "expect"});
inline constexpr auto kReflectionKeys =
    std::to_array<std::string_view>({"id", "kind", "title", "prompt", "skippable", "questions"});
inline constexpr auto kInfoKeys =
    std::to_array<std::string_view>({"id", "kind", "title", "prompt", "skippable", "body"});
inline constexpr auto kTimerKeys = std::to_array<std::string_view>({"id", "title", "phases"});
inline constexpr auto kPhaseKeys = std::to_array<std::string_view>({"name", "minutes"});
inline constexpr auto kEvidenceKeys = std::to_array<std::string_view>({"id", "title", "summary", "points"});
inline constexpr auto kResourceKeys = std::to_array<std::string_view>({"id", "title", "url"});
// The values of a sheet group's `place` (the step kinds: StepKindNames()).
inline constexpr auto kSheetPlaces = std::to_array<std::string_view>({"left", "right", "top", "bottom"});

class IdScope;

class PackReader {
  public:
    explicit PackReader(std::string file) : file_(std::move(file)) {}

    void Error(const toml::source_region& where, std::string message);
    void Error(const toml::node& where, std::string message) { Error(where.source(), std::move(message)); }
    bool HasErrors() const { return !errors_.empty(); }
    std::size_t ErrorCount() const { return errors_.size(); }
    std::vector<LoadError> TakeErrors(); // in file order

    // Reports every key of `table` that is not in `allowed`; `what` names the
    // table for the message ("poll step 'level'").
    void CheckKeys(const toml::table& table, std::span<const std::string_view> allowed,
                   std::string_view what);
    void CheckKeys(const toml::table& table, const KeyList& allowed, std::string_view what) {
        CheckKeys(table, std::span<const std::string_view>(allowed), what);
    }

    // Readers: a wrong type is always an error, a missing key only when
    // `required`. They return whether a value was read.
    bool ReadBool(const toml::table& table, std::string_view key, bool* out);
    bool ReadInt(const toml::table& table, std::string_view key, int min, int max, int* out, bool required);
    bool ReadString(const toml::table& table, std::string_view key, std::string* out, bool required);
    bool ReadText(const toml::table& table, std::string_view key, LocalText* out, bool required);
    bool ReadTextNode(const toml::node& node, std::string_view what, LocalText* out);
    // Reads the table's `id`, checks its spelling and its uniqueness in `scope`.
    bool ReadId(const toml::table& table, IdScope& scope, std::string* out);

    // The array at `key`, or null (with an error when missing but `required`,
    // or when not an array). An empty array is reported with `empty_message`.
    const toml::array* ReadArray(const toml::table& table, std::string_view key, bool required,
                                 std::string_view empty_message);
    // `node` as a table, or null with an error naming `what`.
    const toml::table* AsTable(const toml::node& node, std::string_view what);
    // A text array (reflection questions, evidence points), each element a text.
    bool ReadTextList(const toml::table& table, std::string_view key, std::vector<LocalText>* out,
                      bool required, std::string_view empty_message);

    // Declared languages, default first; read before any text.
    std::vector<Language> languages;

  private:
    std::string file_;
    std::vector<LoadError> errors_;
};

// Remembers the ids used in one scope (steps of the pack, options of a step,
// benefits of a sheet…) and reports the second use of one.
class IdScope {
  public:
    explicit IdScope(std::string what) : what_(std::move(what)) {}
    void Add(PackReader& reader, const toml::node& id_node, const std::string& id);

  private:
    std::string what_;
    std::vector<std::pair<std::string, toml::source_position>> seen_;
};

// Shared spellings and helpers.
bool IsValidId(std::string_view id);
const char* TypeName(const toml::node& node); // "a string", "an integer"…
std::string Quote(std::string_view text);     // 'text'
LocalText PlainText(std::string_view default_lang, std::string_view text);

// Sections, each in its own file; all report into `reader`.
void ReadSteps(PackReader& reader, const toml::table& root, Pack* pack);         // loader_steps.cpp
void ReadUiStrings(PackReader& reader, const toml::table& root, Pack* pack);     // loader_ui.cpp
void ReadBoardStrings(PackReader& reader, const toml::table& root, Pack* pack);  // loader_ui.cpp
void ReadReportStrings(PackReader& reader, const toml::table& root, Pack* pack); // loader_ui.cpp
std::vector<std::string_view> StepKindNames();                                   // loader_steps.cpp
// The keys of [ui], [board] and [report] with their English defaults.
std::vector<std::pair<std::string_view, std::string_view>> UiWordKeys();     // loader_ui.cpp
std::vector<std::pair<std::string_view, std::string_view>> BoardWordKeys();  // loader_ui.cpp
std::vector<std::pair<std::string_view, std::string_view>> ReportWordKeys(); // loader_ui.cpp
// tapsheet's English for `key` of table "ui", "board" or "report" (program_words.h).
std::string_view EnglishWord(std::string_view table, std::string_view key);  // loader_ui.cpp
void ReadTimers(PackReader& reader, const toml::table& root, Pack* pack);    // loader_extras.cpp
void ReadEvidence(PackReader& reader, const toml::table& root, Pack* pack);  // loader_extras.cpp
void ReadResources(PackReader& reader, const toml::table& root, Pack* pack); // loader_extras.cpp

} // namespace tapsheet::loader_internal
