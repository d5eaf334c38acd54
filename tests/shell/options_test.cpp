// Where the command line puts the results when no --db is given: the only
// folder tapsheet ever creates for a database (the writer refuses a missing
// folder anywhere else; tests/store/schema_test.cpp).
#include "app/shell/options.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace tapsheet {
namespace {

TEST(Options, TheDefaultDatabaseFolderIsCreated) {
    char pattern[] = "/tmp/tapsheet-options-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    const std::filesystem::path home(pattern);
    const char* saved = std::getenv("XDG_DATA_HOME");
    const std::string saved_value = saved ? saved : "";
    setenv("XDG_DATA_HOME", (home / "data").c_str(), 1);
    const std::string path = DefaultDatabasePath();
    if (saved)
        setenv("XDG_DATA_HOME", saved_value.c_str(), 1);
    else
        unsetenv("XDG_DATA_HOME");
    EXPECT_EQ(path, (home / "data" / "tapsheet" / "tapsheet.db").string());
    EXPECT_TRUE(std::filesystem::is_directory(home / "data" / "tapsheet"));
    std::filesystem::remove_all(home);
}

} // namespace
} // namespace tapsheet
