// docs/content-packs.md against the loader's own key lists (PackTables()):
// every key of every table a pack may hold is documented, under its
// table's heading, and nothing documented is unknown to the loader; the
// [ui], [board] and [report] defaults are tapsheet's own. A key added to
// the loader and not to the page fails here.
#include "app/core/pack_keys.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace tapsheet {
namespace {

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string Source(const std::string& path) {
    return std::string(TAPSHEET_SOURCE_DIR) + "/" + path;
}

// A "### " section of the page: its table rows, key -> second cell.
struct DocSection {
    std::map<std::string, std::string> rows;
    std::string text;
};

std::map<std::string, DocSection> ReadSections(const std::string& page) {
    std::map<std::string, DocSection> sections;
    std::istringstream lines(page);
    std::string line;
    DocSection* current = nullptr;
    const std::regex row(R"(^\| `([^`]+)` \| (.*?) \|)");
    while (std::getline(lines, line)) {
        if (line.starts_with("## ")) current = nullptr;
        if (line.starts_with("### ")) {
            current = &sections[line.substr(4)];
            continue;
        }
        if (current == nullptr) continue;
        current->text += line + "\n";
        std::smatch match;
        if (std::regex_search(line, match, row)) current->rows[match[1]] = match[2];
    }
    return sections;
}

const std::string kPage = "docs/content-packs.md";

TEST(PackKeys, EveryKeyTheLoaderTakesIsDocumented) {
    const std::map<std::string, DocSection> sections = ReadSections(ReadFile(Source(kPage)));
    ASSERT_FALSE(sections.empty()) << "cannot read " << kPage;
    for (const PackTable& table : PackTables()) {
        const std::string heading(table.heading);
        SCOPED_TRACE("### " + heading);
        auto section = sections.find(heading);
        ASSERT_NE(section, sections.end()) << kPage << " has no section for this table";
        std::set<std::string> loader_keys;
        for (const PackKey& key : table.keys) {
            loader_keys.insert(std::string(key.key));
            auto row = section->second.rows.find(std::string(key.key));
            EXPECT_NE(row, section->second.rows.end())
                << "'" << key.key << "' is a key the loader takes: document it in " << kPage;
            if (row != section->second.rows.end() && !key.fallback.empty()) {
                EXPECT_EQ(row->second, key.fallback) << "the default of '" << key.key << "'";
            }
        }
        for (const auto& [key, cell] : section->second.rows)
            EXPECT_TRUE(loader_keys.contains(key))
                << "'" << key << "' is documented but the loader refuses it";
    }
}

TEST(PackKeys, EverySectionIsATableOfThePack) {
    std::set<std::string> headings;
    for (const PackTable& table : PackTables())
        headings.insert(std::string(table.heading));
    for (const auto& [heading, section] : ReadSections(ReadFile(Source(kPage))))
        EXPECT_TRUE(headings.contains(heading)) << "### " << heading << ": no such table in the loader";
}

TEST(PackKeys, EveryKindAndPlaceIsDocumented) {
    const std::map<std::string, DocSection> sections = ReadSections(ReadFile(Source(kPage)));
    for (std::string_view kind : StepKinds())
        EXPECT_TRUE(sections.contains("`[[steps]]` with `kind = \"" + std::string(kind) + "\"`")) << kind;
    auto groups = sections.find("`[[steps.groups]]`");
    ASSERT_NE(groups, sections.end());
    const std::string& place = groups->second.rows.at("place");
    for (std::string_view value : SheetPlaces())
        EXPECT_NE(place.find("`\"" + std::string(value) + "\"`"), std::string::npos) << value;
}

// The loader checks keys only against the named lists PackTables() reads:
// a list written inline at a CheckKeys call would escape this page's test.
TEST(PackKeys, TheLoaderChecksOnlyNamedKeyLists) {
    const std::regex inline_list(R"(CheckKeys\([^;]*?,\s*\{)");
    for (const auto& entry : std::filesystem::directory_iterator(Source("app/core"))) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with("loader")) continue;
        const std::string text = ReadFile(entry.path().string());
        EXPECT_FALSE(std::regex_search(text, inline_list))
            << name << ": give CheckKeys a named list from loader_reader.h, documented in " << kPage;
    }
}

} // namespace
} // namespace tapsheet
