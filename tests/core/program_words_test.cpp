// tapsheet's own words in Welsh and Irish: every word of [ui], [board] and
// [report] has both, packs that translate none of them get them, and
// `validate`'s check finds the texts a pack left untranslated.
#include "app/core/loader.h"
#include "app/core/program_words.h"
#include "app/core/translation_check.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

namespace tapsheet {
namespace {

std::set<std::string> Placeholders(std::string_view text) {
    std::set<std::string> found;
    std::string s(text);
    std::regex token("\\{[a-z]+\\}");
    for (auto it = std::sregex_iterator(s.begin(), s.end(), token); it != std::sregex_iterator(); ++it)
        found.insert(it->str());
    return found;
}

// Words that read the same in any language: placeholders and symbols only.
bool IsLanguageFree(std::string_view text) {
    std::string letters = std::regex_replace(std::string(text), std::regex("\\{[a-z]+\\}|[^A-Za-z]"), "");
    return letters.size() <= 1; // "n = {n}"
}

TEST(ProgramWords, EveryWordHasWelshAndIrishWithTheSamePlaceholders) {
    for (std::string_view table : {"ui", "board", "report"}) {
        std::vector<std::string_view> keys = ProgramWordKeys(table);
        EXPECT_GT(keys.size(), 20u) << table;
        for (std::string_view key : keys) {
            SCOPED_TRACE(std::string(table) + "." + std::string(key));
            std::string_view english = ProgramWord(table, key, "en");
            ASSERT_FALSE(english.empty());
            for (const char* lang : {"cy", "ga"}) {
                std::string_view word = ProgramWord(table, key, lang);
                EXPECT_FALSE(word.empty()) << lang << " missing";
                EXPECT_EQ(Placeholders(word), Placeholders(english)) << lang << ": " << word;
                if (!IsLanguageFree(english)) {
                    EXPECT_NE(word, english) << lang << " is the English";
                }
            }
        }
    }
    EXPECT_TRUE(ProgramWord("ui", "back", "fr").empty());
    EXPECT_TRUE(ProgramWord("ui", "no_such_key", "cy").empty());
    EXPECT_TRUE(HasProgramWords("ga"));
    EXPECT_FALSE(HasProgramWords("fr"));
}

constexpr const char* kThreeLanguages = R"(id = "three"
title = { en = "Day", cy = "Diwrnod", ga = "Lá" }
languages = [
    { code = "en", name = "English" },
    { code = "cy", name = "Cymraeg" },
    { code = "ga", name = "Gaeilge" },
]
)";

constexpr const char* kOneStep = R"(
[[steps]]
id = "welcome"
kind = "info"
body = { en = "Hello", cy = "Helo", ga = "Dia duit" }
)";

Pack Load(const std::string& text) {
    LoadResult result = LoadPackText(text, "pack.toml");
    EXPECT_TRUE(result.pack) << (result.errors.empty() ? "" : result.errors.front().ToString());
    return result.pack ? *result.pack : Pack{};
}

TEST(ProgramWords, APackThatTranslatesNoneOfThemGetsThemAll) {
    Pack pack = Load(std::string(kThreeLanguages) + kOneStep);
    EXPECT_EQ(pack.ui.back.Get("cy"), "Yn ôl");
    EXPECT_EQ(pack.ui.back.Get("ga"), "Ar ais");
    EXPECT_EQ(pack.ui.step_of.Get("cy"), "Cam {n} o {total}");
    EXPECT_EQ(pack.ui.still_there.Get("ga"), "An bhfuil tú ann fós?");
    EXPECT_EQ(pack.ui.needs_answer.Get("en"), "Choose at least one to go on");
    EXPECT_EQ(pack.board.totals_title.Get("cy"), "Yr ystafell hyd yma");
    EXPECT_EQ(pack.report.heading.Get("ga"), "Torthaí");
    EXPECT_EQ(pack.attract_prompt.Get("cy"), "Cyffyrddwch i ddechrau"); // from [ui] start
    // Default language first, then the others as declared.
    ASSERT_EQ(pack.ui.next.by_lang.size(), 3u);
    EXPECT_EQ(pack.ui.next.by_lang[0].first, "en");
    EXPECT_EQ(pack.ui.next.by_lang[2].first, "ga");
}

TEST(ProgramWords, APacksPartialTranslationKeepsTapsheetsForTheRest) {
    Pack pack =
        Load(std::string(kThreeLanguages) + "[ui]\nskip = { en = \"Skip\", cy = \"Neidio\" }\n" + kOneStep);
    EXPECT_EQ(pack.ui.skip.Get("cy"), "Neidio");   // the pack's
    EXPECT_EQ(pack.ui.skip.Get("ga"), "Scipeáil"); // not the pack's English
}

TEST(ProgramWords, ALanguageTapsheetHasNoWordsInShowsTheDefault) {
    Pack pack = Load(R"(id = "fr"
title = { en = "Day", fr = "Jour" }
languages = [{ code = "en", name = "English" }, { code = "fr", name = "Français" }]
[[steps]]
id = "welcome"
kind = "info"
body = { en = "Hello", fr = "Bonjour" }
)");
    EXPECT_EQ(pack.ui.back.Get("fr"), "Back");
    Pack welsh_first =
        Load(std::string("languages = [{ code = \"cy\", name = \"Cymraeg\" }, "
                         "{ code = \"en\", name = \"English\" }]\n") +
             "id = \"cy\"\ntitle = { cy = \"Diwrnod\", en = \"Day\" }\n" +
             "[[steps]]\nid = \"w\"\nkind = \"info\"\nbody = { cy = \"Helo\", en = \"Hi\" }\n");
    ASSERT_FALSE(welsh_first.ui.next.by_lang.empty());
    EXPECT_EQ(welsh_first.ui.next.by_lang.front().first, "cy");
    EXPECT_EQ(welsh_first.ui.next.Get("cy"), "Nesaf");
    EXPECT_EQ(welsh_first.ui.next.Get("en"), "Next");
}

std::string Messages(const std::vector<LoadError>& warnings) {
    std::string all;
    for (const LoadError& warning : warnings)
        all += warning.ToString() + "\n";
    return all;
}

TEST(TranslationCheck, NamesEachUntranslatedTextByLineAndColumn) {
    const std::string text = std::string(kThreeLanguages) + R"(
[[steps]]
id = "where"
kind = "poll"
prompt = { en = "Where?", cy = "Ble?" }
options = [
    { id = "here", label = "Here" },
    { id = "there", label = { en = "There", cy = "Yno", ga = "Ansin" } },
]
)";
    Pack pack = Load(text);
    std::vector<LoadError> warnings = MissingTranslations(pack);
    std::string all = Messages(warnings);
    ASSERT_EQ(warnings.size(), 2u) << all;
    EXPECT_EQ(
        warnings[0].ToString(),
        "pack.toml:12:10: warning: 'steps[where].prompt' has no Gaeilge (ga) text; that language shows it "
        "in English");
    EXPECT_EQ(warnings[1].line, 14); // the plain "Here"
    EXPECT_EQ(warnings[1].column, 28);
    EXPECT_NE(warnings[1].message.find("Cymraeg (cy) or Gaeilge (ga)"), std::string::npos) << all;
}

TEST(TranslationCheck, ProgramWordsCountWhereThePackKeptTheirWording) {
    const std::string text = std::string(kThreeLanguages) + R"([ui]
skip = { en = "Skip", cy = "Neidio" }
next = "Onwards"
[board]
frozen = { en = "Frozen", cy = "Wedi rhewi", ga = "Reoite" }
)" + kOneStep;
    std::vector<LoadError> warnings = MissingTranslations(Load(text));
    std::string all = Messages(warnings);
    // skip: its English is tapsheet's, so tapsheet's Irish is right. next: reworded.
    ASSERT_EQ(warnings.size(), 1u) << all;
    EXPECT_EQ(warnings[0].line, 10);
    EXPECT_NE(warnings[0].message.find("'[ui] next' is reworded"), std::string::npos) << all;
    EXPECT_NE(warnings[0].message.find("Cymraeg (cy) or Gaeilge (ga)"), std::string::npos) << all;
}

TEST(TranslationCheck, ALanguageWithoutTapsheetsWordsIsOneWarningPerTable) {
    Pack pack = Load(R"(id = "fr"
title = { en = "Day", fr = "Jour" }
languages = [{ code = "en", name = "English" }, { code = "fr", name = "Français" }]
[ui]
next = { en = "Next", fr = "Suivant" }
[[steps]]
id = "welcome"
kind = "info"
body = { en = "Hello", fr = "Bonjour" }
)");
    std::vector<LoadError> warnings = MissingTranslations(pack);
    std::string all = Messages(warnings);
    ASSERT_EQ(warnings.size(), 3u) << all; // [ui], [board], [report]
    for (const LoadError& warning : warnings) {
        EXPECT_EQ(warning.line, 3) << all;
        EXPECT_NE(warning.message.find("Français (fr)"), std::string::npos) << all;
    }
    EXPECT_NE(all.find("add them to [ui]"), std::string::npos) << all;
    EXPECT_NE(all.find(std::to_string(ProgramWordKeys("ui").size() - 1) + " of tapsheet's own words"),
              std::string::npos)
        << all;
}

TEST(TranslationCheck, TheShippedPacksAreWhole) {
    for (const char* name : {"default.toml", "welsh-demo.toml"}) {
        LoadResult result = LoadPackFile(std::string(TAPSHEET_SOURCE_DIR) + "/assets/content/" + name);
        ASSERT_TRUE(result.pack) << name;
        EXPECT_EQ(Messages(MissingTranslations(*result.pack)), "") << name;
    }
}

TEST(TranslationCheck, OneLanguageNeedsNoTranslation) {
    EXPECT_TRUE(MissingTranslations(Load(R"(id = "en"
title = "Day"
[[steps]]
id = "w"
kind = "info"
body = "Hello"
)"))
                    .empty());
}

} // namespace
} // namespace tapsheet
