// The loader's errors: one bad pack per kind of mistake in tests/core/data,
// each reported with its file, line, column and what is wrong.
#include "app/core/loader.h"
#include "app/core/sha256.h"

#include <gtest/gtest.h>

#include <string>

namespace tapsheet {
namespace {

std::string DataPath(const std::string& name) {
    return std::string(TAPSHEET_TEST_DATA) + "/" + name;
}

// A valid pack to build small variants from in the text-level tests.
constexpr const char* kMinimalPack = R"(id = "mini"
title = "Mini"
[[steps]]
id = "welcome"
kind = "info"
body = "Hello"
)";

struct BadPack {
    const char* file;
    int error_count;
    int line;
    int column;
    const char* message; // a substring of the error at line:column
};

const BadPack kBadPacks[] = {
    {"syntax_error.toml", 1, 6, 13, "TOML syntax error"},
    {"invalid_utf8.toml", 1, 2, 13, "invalid utf-8"},
    {"unknown_key.toml", 2, 8, 1, "unknown key 'optoins' in poll step 'level'; did you mean 'options'?"},
    {"unknown_ui_key.toml", 1, 6, 1, "unknown key 'nxet' in [ui]; did you mean 'next'?"},
    {"unknown_board_key.toml", 1, 6, 1, "unknown key 'timer_upp' in [board]; did you mean 'timer_up'?"},
    {"duplicate_id.toml", 1, 11, 6, "duplicate step id 'level' (first used at line 5)"},
    {"duplicate_benefit.toml", 1, 16, 56, "duplicate benefit id 'safety' (first used at line 11)"},
    {"empty_options.toml", 1, 8, 11, "a poll needs at least one option"},
    {"empty_group.toml", 1, 11, 9, "a sheet group needs at least one item"},
    {"empty_domains.toml", 1, 11, 1, "a domain set needs at least one domain"},
    {"no_steps.toml", 1, 1, 1, "a pack needs at least one step"},
    {"wrong_type.toml", 1, 8, 9, "'multi' must be true or false, not a string"},
    {"missing_key.toml", 1, 8, 39, "missing required key 'label'"},
    {"unknown_kind.toml", 1, 6, 8, "unknown step kind 'quiz'"},
    {"bad_id.toml", 1, 5, 6, "bad id 'Level 1'"},
    {"unknown_language.toml", 1, 9, 44, "unknown language 'fr' in 'label'; declared languages: en, cy"},
    {"missing_default_text.toml", 1, 8, 10, "'prompt' has no text in the default language 'en'"},
};

class BadPackTest : public testing::TestWithParam<BadPack> {};

TEST_P(BadPackTest, NamesFileLineColumnAndProblem) {
    const BadPack& bad = GetParam();
    const LoadResult result = LoadPackFile(DataPath(bad.file));
    EXPECT_FALSE(result.pack.has_value());
    ASSERT_EQ(int(result.errors.size()), bad.error_count);
    const LoadError* found = nullptr;
    for (const LoadError& error : result.errors)
        if (error.line == bad.line && error.column == bad.column) found = &error;
    ASSERT_NE(found, nullptr) << "no error at " << bad.line << ":" << bad.column << "; first is "
                              << result.errors.front().ToString();
    EXPECT_EQ(found->file, DataPath(bad.file));
    EXPECT_NE(found->message.find(bad.message), std::string::npos) << found->message;
}

INSTANTIATE_TEST_SUITE_P(Loader, BadPackTest, testing::ValuesIn(kBadPacks),
                         [](const testing::TestParamInfo<BadPack>& info) {
                             const std::string file = info.param.file;
                             return file.substr(0, file.find('.'));
                         });

TEST(Loader, CollectsEveryErrorInFileOrder) {
    const LoadResult result = LoadPackFile(DataPath("many_errors.toml"));
    EXPECT_FALSE(result.pack.has_value());
    ASSERT_EQ(result.errors.size(), 6u);
    const int lines[] = {6, 12, 13, 16, 23, 23};
    for (int i = 0; i < 6; i++)
        EXPECT_EQ(result.errors[i].line, lines[i]) << result.errors[i].ToString();
    EXPECT_NE(result.errors[0].message.find("'idle_seconds' must be between 5 and 3600"), std::string::npos);
    EXPECT_NE(result.errors[5].message.find("did you mean 'minutes'"), std::string::npos);
}

TEST(Loader, MissingFileIsOneErrorAtLineZero) {
    const LoadResult result = LoadPackFile(DataPath("no_such_pack.toml"));
    EXPECT_FALSE(result.pack.has_value());
    ASSERT_EQ(result.errors.size(), 1u);
    EXPECT_EQ(result.errors[0].line, 0);
    EXPECT_NE(result.errors[0].message.find("cannot open the file"), std::string::npos);
    EXPECT_EQ(result.errors[0].ToString(), DataPath("no_such_pack.toml") + ": " + result.errors[0].message);
}

TEST(Loader, DirectoryIsUnreadable) {
    const LoadResult result = LoadPackFile(TAPSHEET_TEST_DATA);
    ASSERT_EQ(result.errors.size(), 1u);
    EXPECT_EQ(result.errors[0].line, 0);
    EXPECT_NE(result.errors[0].message.find("cannot read the file"), std::string::npos);
}

TEST(Loader, ErrorToString) {
    const LoadError error{"pack.toml", 3, 7, "unknown key 'x'"};
    EXPECT_EQ(error.ToString(), "pack.toml:3:7: unknown key 'x'");
}

TEST(Loader, EmptyAndGarbageTextNeverThrow) {
    const LoadResult empty = LoadPackText("", "empty.toml");
    EXPECT_FALSE(empty.pack.has_value());
    EXPECT_EQ(empty.errors.size(), 3u); // id, title, steps
    const std::string garbage("\x00\xff[[[\"\x01", 7);
    const LoadResult bad = LoadPackText(garbage, "garbage.toml");
    EXPECT_FALSE(bad.pack.has_value());
    EXPECT_FALSE(bad.errors.empty());
}

TEST(Loader, HashIsStableAndFollowsTheBytes) {
    const LoadResult first = LoadPackText(kMinimalPack, "a.toml");
    const LoadResult again = LoadPackText(kMinimalPack, "b.toml");
    ASSERT_TRUE(first.pack && again.pack);
    EXPECT_EQ(first.pack->source_hash, again.pack->source_hash);
    EXPECT_EQ(first.pack->source_hash, Sha256Hex(kMinimalPack));
    EXPECT_EQ(first.pack->source_text, kMinimalPack);
    EXPECT_EQ(first.pack->source_path, "a.toml");
    // A comment changes nothing in the pack but is still a different file.
    const LoadResult edited = LoadPackText(std::string(kMinimalPack) + "# edited\n", "a.toml");
    ASSERT_TRUE(edited.pack);
    EXPECT_NE(edited.pack->source_hash, first.pack->source_hash);
}

TEST(Loader, UiFallsBackToEnglishDefaults) {
    const LoadResult result = LoadPackText(kMinimalPack, "mini.toml");
    ASSERT_TRUE(result.pack);
    const Pack& pack = *result.pack;
    ASSERT_EQ(pack.languages.size(), 1u);
    EXPECT_EQ(pack.languages[0].code, "en");
    EXPECT_EQ(pack.ui.back.Get("en"), "Back");
    EXPECT_EQ(pack.ui.still_there.Get("en"), "Still there?");
    EXPECT_EQ(pack.ui.step_of.Get("en"), "Step {n} of {total}");
    EXPECT_EQ(pack.attract_prompt.Get("en"), "Tap to start"); // from ui.start
    EXPECT_EQ(pack.kiosk.idle_seconds, 45);
}

TEST(Loader, BoardFallsBackToEnglishDefaults) {
    const LoadResult result = LoadPackText(kMinimalPack, "mini.toml");
    ASSERT_TRUE(result.pack) << result.errors.front().ToString();
    const BoardStrings& board = result.pack->board;
    EXPECT_EQ(board.answered.Get("en"), "{n} people answered");
    EXPECT_EQ(board.multi_note.Get("en"),
              "More than one answer allowed: percentages add up to more than 100%");
    EXPECT_EQ(board.all_rounds.Get("en"), "All rounds");
    EXPECT_EQ(board.timer_then.Get("en"), "Then: {phase} ({m} min)");
    EXPECT_EQ(board.not_updating.Get("en"), "Figures not updating: {problem}");
}

TEST(Loader, BoardTranslationsAndPlainStrings) {
    const std::string text = std::string("languages = [{ code = \"en\", name = \"English\" }, "
                                         "{ code = \"cy\", name = \"Cymraeg\" }]\n") +
                             kMinimalPack +
                             "[board]\n"
                             "all_rounds = { en = \"Every round\", cy = \"Pob rownd\" }\n"
                             "frozen = \"Paused for now\"\n";
    const LoadResult result = LoadPackText(text, "board.toml");
    ASSERT_TRUE(result.pack) << result.errors.front().ToString();
    const BoardStrings& board = result.pack->board;
    EXPECT_EQ(board.all_rounds.Get("en"), "Every round");
    EXPECT_EQ(board.all_rounds.Get("cy"), "Pob rownd");
    // No Welsh in the pack: tapsheet's own Welsh word (validate warns that
    // the pack reworded it), never the pack's English in a Welsh visit.
    EXPECT_EQ(board.frozen.Get("cy"), "Wedi rhewi");
    EXPECT_EQ(board.frozen.Get("en"), "Paused for now");
    EXPECT_EQ(board.timer_up.Get("cy"), "Mae'r amser ar ben"); // left out: tapsheet's own
}

TEST(Loader, DefaultLanguageNeedNotBeEnglish) {
    const std::string text =
        std::string("languages = [{ code = \"cy\", name = \"Cymraeg\" }]\n") + kMinimalPack;
    const LoadResult result = LoadPackText(text, "cy.toml");
    ASSERT_TRUE(result.pack) << result.errors.front().ToString();
    EXPECT_EQ(result.pack->steps[0].info.body.by_lang.front().first, "cy");
    EXPECT_EQ(result.pack->ui.back.by_lang.front().first, "cy"); // fallback under the default code
}

// Small mistakes that share an error kind with a file above, checked inline.
struct InlineCase {
    const char* text; // appended to kMinimalPack, or put before it when `top_level`
    const char* message;
    bool top_level = false;
};

TEST(Loader, MoreMistakesAreCaught) {
    const InlineCase cases[] = {
        {"[[steps]]\nid = \"a\"\nkind = \"info\"\nbody = \"x\"\noptions = []\n",
         "unknown key 'options' in info step 'a'"},
        {"languages = [{ code = \"en\", name = \"English\" }, { code = \"en\", name = \"Again\" }]\n",
         "duplicate language id 'en'", true},
        {"[ui]\nback = { en = \"Back\", xx = \"?\" }\n", "unknown language 'xx'"},
        {"[ui]\nback = \"\"\n", "'back' is empty"},
        {"[board]\nround = \"\"\n", "'round' is empty; leave it out to use the default"},
        {"[board]\nround = { en = \"Round {n}\", xx = \"?\" }\n", "unknown language 'xx'"},
        {"board = \"Round\"\n", "'board' must be a table ([board] section), not a string", true},
        {"[[resources]]\nid = \"r\"\ntitle = \"R\"\nurl = \"www.example.org\"\n", "must start with https://"},
        {"[[steps]]\nid = \"s\"\nkind = \"sheet\"\n[[steps.groups]]\nid = \"g\"\ntitle = \"G\"\nplace = "
         "\"middle\"\n"
         "items = [{ id = \"i\", label = \"I\" }]\n",
         "unknown place 'middle'"},
        {"[[steps]]\nid = \"r\"\nkind = \"reflection\"\nquestions = [\"\"]\n",
         "an entry of 'questions' is empty"},
        {"[[timers]]\nid = \"t\"\ntitle = \"T\"\nphases = [{ name = \"P\", minutes = 2.5 }]\n",
         "'minutes' must be a whole number, not a floating-point number"},
        {"[[steps]]\nid = \"p\"\nkind = \"poll\"\nprompt = { en = 3 }\noptions = [{ id = \"a\", label = "
         "\"A\" }]\n",
         "translation 'en' of 'prompt' must be a string"},
    };
    for (const InlineCase& test_case : cases) {
        const std::string text = test_case.top_level ? test_case.text + std::string(kMinimalPack)
                                                     : kMinimalPack + std::string(test_case.text);
        const LoadResult result = LoadPackText(text, "inline.toml");
        EXPECT_FALSE(result.pack.has_value()) << test_case.text;
        bool found = false;
        for (const LoadError& error : result.errors)
            found = found || (error.message.find(test_case.message) != std::string::npos && error.line > 0);
        EXPECT_TRUE(found) << "expected '" << test_case.message << "' for:\n"
                           << test_case.text << (result.errors.empty() ? "" : result.errors[0].ToString());
    }
}

} // namespace
} // namespace tapsheet
