// Runs the real `tapsheet` binary: exit codes, messages, and the PNG the
// screenshot command writes.
#include "tests/cli/cli_test_util.h"

#include <gtest/gtest.h>

#include <fstream>

namespace {

using namespace tapsheet::cli_test;

TEST(Validate, GoodPacksExitZero) {
    Result run = Tapsheet("validate " + Source("assets/content/default.toml") + " " +
                          Source("assets/content/welsh-demo.toml"));
    EXPECT_EQ(run.exit_code, 0) << run.output;
    EXPECT_NE(run.output.find("default.toml: ok"), std::string::npos) << run.output;
    EXPECT_NE(run.output.find("welsh-demo.toml: ok"), std::string::npos) << run.output;
}

TEST(Validate, AnUntranslatedTextIsAWarningNotAFailure) {
    auto dir = TempDir("validate-warning");
    auto pack = dir / "half-welsh.toml";
    std::ofstream(pack)
        << ("id = \"half\"\n"
            "title = { en = \"Day\", cy = \"Diwrnod\" }\n"
            "languages = [{ code = \"en\", name = \"English\" }, { code = \"cy\", name = \"Cymraeg\" }]\n"
            "[[steps]]\n"
            "id = \"welcome\"\n"
            "kind = \"info\"\n"
            "body = \"Hello\"\n");
    ASSERT_TRUE(std::filesystem::exists(pack));
    Result run = Tapsheet("validate " + pack.string());
    EXPECT_EQ(run.exit_code, 0) << run.output;
    EXPECT_NE(run.output.find("half-welsh.toml: ok"), std::string::npos) << run.output;
    EXPECT_NE(
        run.output.find(pack.string() + ":7:8: warning: 'steps[welcome].body' has no Cymraeg (cy) text"),
        std::string::npos)
        << run.output;
}

TEST(Validate, BadPackExitsTwoNamingFileLineAndColumn) {
    std::string bad = Source("tests/core/data/unknown_key.toml");
    Result run = Tapsheet("validate " + bad);
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.output.find(bad + ":8:1: unknown key 'optoins'"), std::string::npos) << run.output;
}

// A pack with a sheet of `benefits` benefits, every label `chars` long.
std::string SheetPack(int benefits, int chars) {
    std::string pack = "id = \"big\"\ntitle = \"Big\"\n\n[[steps]]\nid = \"level\"\nkind = \"poll\"\n"
                       "prompt = \"Which?\"\noptions = [{ id = \"a\", label = \"A\" }]\n\n"
                       "[[steps]]\nid = \"benefits\"\nkind = \"sheet\"\nproject_prompt = \"Your project:\"\n"
                       "allow_own = true\n\n[[steps.groups]]\nid = \"all\"\ntitle = \"Benefits\"\n"
                       "place = \"bottom\"\nitems = [\n";
    for (int i = 0; i < benefits; ++i) {
        std::string label = "Benefit " + std::to_string(i + 1) + " for the people we serve every day";
        label.resize(static_cast<std::size_t>(chars), 'x');
        pack += "  { id = \"b" + std::to_string(i) + "\", label = \"" + label + "\" },\n";
    }
    return pack + "]\n";
}

// A sheet too big for the board's full-size type is a warning at the
// sheet's id, not an error: the pack is good, the exit code 0.
TEST(Validate, ASheetTooBigForTheBoardIsAWarning) {
    auto dir = TempDir("validate-sheet");
    auto write = [&](const std::string& name, const std::string& text) {
        std::ofstream(dir / name) << text;
        return (dir / name).string();
    };
    const std::string big = write("big.toml", SheetPack(40, 45));
    Result run = Tapsheet("validate " + big);
    EXPECT_EQ(run.exit_code, 0) << run.output;
    EXPECT_NE(run.output.find(big + ":11:6: warning: sheet 'benefits' does not fit the board at full size"),
              std::string::npos)
        << run.output;
    EXPECT_NE(run.output.find("big.toml: ok"), std::string::npos) << run.output;
    const std::string fits = write("fits.toml", SheetPack(20, 30));
    Result quiet = Tapsheet("validate " + fits + " " + Source("assets/content/default.toml") + " " +
                            Source("assets/content/welsh-demo.toml"));
    EXPECT_EQ(quiet.exit_code, 0) << quiet.output;
    EXPECT_EQ(quiet.output.find("warning"), std::string::npos) << quiet.output;
}

TEST(Validate, MissingFileAndMissingArgument) {
    Result missing = Tapsheet("validate /nonexistent/pack.toml");
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.output.find("/nonexistent/pack.toml"), std::string::npos) << missing.output;
    Result none = Tapsheet("validate");
    EXPECT_EQ(none.exit_code, 2);
    EXPECT_NE(none.output.find("usage"), std::string::npos) << none.output;
}

TEST(Commands, HelpDocumentsTheSharedOptions) {
    Result run = Tapsheet("kiosk --help");
    EXPECT_EQ(run.exit_code, 0);
    for (const char* option : {"--content", "--db", "--backend", "--windowed", "--dpi"})
        EXPECT_NE(run.output.find(option), std::string::npos) << option;
    Result unknown = Tapsheet("kiosk --frobnicate 1");
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_NE(unknown.output.find("--frobnicate"), std::string::npos);
    Result bad_size = Tapsheet("kiosk --windowed huge");
    EXPECT_EQ(bad_size.exit_code, 2);
    EXPECT_NE(bad_size.output.find("WIDTHxHEIGHT"), std::string::npos);
    EXPECT_EQ(Tapsheet("no-such-command").exit_code, 2);
}

TEST(Screenshot, WritesAPngOfTheAskedSize) {
    auto dir = TempDir("shot");
    for (const char* size : {"800x480", "720x1280"}) {
        auto out = dir / (std::string("benefits-") + size + ".png");
        Result run = Tapsheet(std::string("screenshot --role kiosk --screen benefits --size ") + size +
                              " --out " + out.string());
        ASSERT_EQ(run.exit_code, 0) << run.output;
        int w = 0, h = 0;
        ASSERT_TRUE(PngSize(out, w, h));
        EXPECT_EQ(std::to_string(w) + "x" + std::to_string(h), size);
        EXPECT_GT(std::filesystem::file_size(out), 10000u) << "a real picture, not an empty frame";
    }
}

TEST(Screenshot, UnknownScreenIsAClearError) {
    auto dir = TempDir("bad-shot");
    Result run =
        Tapsheet("screenshot --role kiosk --screen nowhere --size 800x480 --out " + (dir / "x.png").string());
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.output.find("nowhere"), std::string::npos) << run.output;
    EXPECT_FALSE(std::filesystem::exists(dir / "x.png"));
}

TEST(Kiosk, BadPackIsNamedAndTheKioskStaysUp) {
    // The kiosk prints the problem with file, line and column, and keeps
    // running (showing staff the notice) instead of crashing: `timeout`
    // has to stop it, and says so with 124.
    Result run =
        Tapsheet("kiosk --windowed 800x480 --content " + Source("tests/core/data/duplicate_id.toml") +
                 " --db " + (TempDir("bad-pack") / "x.db").string() + " & pid=$!; sleep 3; " +
                 "if kill -0 $pid 2>/dev/null; then echo still-running; kill -9 $pid; fi");
    EXPECT_NE(run.output.find("duplicate_id.toml:11:6: duplicate step id 'level'"), std::string::npos)
        << run.output;
    EXPECT_NE(run.output.find("still-running"), std::string::npos) << run.output;
}

} // namespace
