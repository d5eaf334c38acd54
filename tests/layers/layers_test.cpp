// Every #include in app/ against the one table of allowed edges
// (app/layers.txt), which the build also uses for each library's include
// path; and the check itself, on files that break the rules.
#include "tests/layers/layers.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace tapsheet::layers {
namespace {

namespace fs = std::filesystem;

const fs::path kApp = fs::path(TAPSHEET_SOURCE_DIR) / "app";

std::string ReadFile(const fs::path& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<Layer> Table() {
    std::vector<std::string> problems;
    std::vector<Layer> table = ReadTable(ReadFile(kApp / "layers.txt"), &problems);
    for (const std::string& problem : problems)
        ADD_FAILURE() << problem;
    return table;
}

bool IsSource(const fs::path& path) {
    return path.extension() == ".h" || path.extension() == ".cpp";
}

TEST(Layers, TheTableNamesEveryFolderOfApp) {
    const std::vector<Layer> table = Table();
    EXPECT_GE(table.size(), 8u);
    for (const auto& entry : fs::recursive_directory_iterator(kApp)) {
        if (!entry.is_regular_file() || !IsSource(entry.path()) || entry.path().parent_path() == kApp)
            continue;
        const std::string path = "app/" + fs::relative(entry.path(), kApp).generic_string();
        EXPECT_FALSE(FolderOf(table, path).empty()) << path << " is in no layer of app/layers.txt";
    }
}

TEST(Layers, EveryIncludeInAppIsAllowed) {
    const std::vector<Layer> table = Table();
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(kApp)) {
        if (!entry.is_regular_file() || !IsSource(entry.path()) || entry.path().parent_path() == kApp)
            continue;
        const std::string path = "app/" + fs::relative(entry.path(), kApp).generic_string();
        for (const std::string& violation : Violations(table, path, ReadFile(entry.path())))
            ADD_FAILURE() << violation;
        ++files;
    }
    EXPECT_GT(files, 150) << "the walk found app/'s sources";
}

TEST(Layers, MainUsesOnlyTheCommandLine) {
    const std::vector<Layer> table = Table();
    const std::string main = ReadFile(kApp / "main.cpp");
    EXPECT_TRUE(Violations(table, "app/cli/main.cpp", main).empty()) << "as if it were part of cli";
    EXPECT_NE(main.find("#include \"app/cli/"), std::string::npos);
}

// The check can fail: each rule, broken once.
TEST(Layers, AUiFileIncludingTheStoreIsRefused) {
    const std::vector<Layer> table = Table();
    const std::vector<std::string> found = Violations(table, "app/ui/kiosk/kiosk_poll.cpp",
                                                      "#include \"app/core/flow.h\"\n"
                                                      "#include \"app/store/tally_reader.h\"\n");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0],
              "app/ui/kiosk/kiosk_poll.cpp:2: includes app/store/tally_reader.h: ui/kiosk may not use store");
}

TEST(Layers, ALowerLayerIncludingAHigherOneIsRefused) {
    const std::vector<Layer> table = Table();
    EXPECT_EQ(Violations(table, "app/core/flow.cpp", "#include \"app/ui/kiosk/kiosk_view.h\"\n").size(), 1u);
    EXPECT_EQ(Violations(table, "app/store/writer.cpp", "#include \"app/session/kiosk_session.h\"\n").size(),
              1u);
    EXPECT_EQ(Violations(table, "app/ui/board/board.cpp", "#include \"app/ui/kiosk/kiosk_view.h\"\n").size(),
              1u)
        << "the board's screens and the kiosk's are siblings";
}

TEST(Layers, ThirdPartyHeadersOnlyWhereTheTableAllows) {
    const std::vector<Layer> table = Table();
    EXPECT_EQ(Violations(table, "app/core/flow.cpp", "#include \"imgui.h\"\n").size(), 1u)
        << "core never sees ImGui";
    EXPECT_EQ(Violations(table, "app/store/writer.cpp", "#include <imgui.h>\n").size(), 1u)
        << "nor does store";
    EXPECT_EQ(Violations(table, "app/ui/common/theme.cpp", "#include <sqlite3.h>\n").size(), 1u);
    EXPECT_TRUE(
        Violations(table, "app/store/writer.cpp", "#include <sqlite3.h>\n#include <vector>\n").empty());
    // libsodium (the admin PIN's hash) is core's alone: one place decides how PINs are kept.
    EXPECT_TRUE(Violations(table, "app/core/admin_pin.cpp", "#include <sodium.h>\n").empty());
    EXPECT_EQ(Violations(table, "app/session/pin_check.cpp", "#include <sodium.h>\n").size(), 1u)
        << "an angle-bracket include is still recognised as libsodium";
}

TEST(Layers, AnIncludeThatDodgesTheIncludePathIsRefused) {
    const std::vector<Layer> table = Table();
    EXPECT_EQ(Violations(table, "app/ui/board/board.cpp", "#include \"../../store/store.h\"\n").size(), 1u);
    EXPECT_EQ(Violations(table, "app/ui/board/board.cpp", "  #  include \"app/store/store.h\"\n").size(), 1u)
        << "spaces in the directive change nothing";
}

} // namespace
} // namespace tapsheet::layers
