// The config file through the real binary: set-pin, validate --config, and a
// kiosk started on a bad one.
#include "app/core/admin_pin.h"
#include "app/core/config.h"
#include "tests/cli/cli_test_util.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <sys/stat.h>
#include <vector>

namespace tapsheet {
namespace {

using cli_test::Contains;
using cli_test::Source;
using cli_test::Tapsheet;
using cli_test::TempDir;

std::string ReadFile(const std::filesystem::path& path) {
    std::ifstream file(path);
    return std::string(std::istreambuf_iterator<char>(file), {});
}

void WriteFile(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path) << text;
}

// The example config, pointed at this checkout's pack and a test database.
std::filesystem::path ExampleConfig(const std::filesystem::path& dir) {
    std::string text = ReadFile(Source("config/tapsheet.toml"));
    text = SetConfigString(text, "kiosk", "content", Source("assets/content/default.toml"));
    text = SetConfigString(text, "kiosk", "database", (dir / "results.db").string());
    const auto path = dir / "tapsheet.toml";
    WriteFile(path, text);
    chmod(path.c_str(), 0640);
    return path;
}

// `set-pin … < file`: the PIN as a script would pipe it in.
std::string PinInput(const std::filesystem::path& dir, const std::string& pin) {
    WriteFile(dir / "pin.txt", pin + "\n");
    return " < " + (dir / "pin.txt").string();
}

TEST(SetPin, WritesOnlyASaltedHashAndKeepsTheRest) {
    const auto dir = TempDir("set-pin");
    const auto config = ExampleConfig(dir);
    const std::string before = ReadFile(config);
    const auto run = Tapsheet("set-pin --config " + config.string() + PinInput(dir, "918273"));
    ASSERT_EQ(run.exit_code, 0) << run.output;
    const std::string after = ReadFile(config);
    EXPECT_FALSE(Contains(after, "918273")) << "the PIN itself is never written";
    EXPECT_TRUE(Contains(after, "pin = \"$argon2id$")) << after;
    const ConfigResult loaded = LoadConfigFile(config.string());
    ASSERT_TRUE(loaded.Ok());
    EXPECT_TRUE(loaded.warnings.empty());
    EXPECT_TRUE(VerifyPin("918273", loaded.config.admin_pin_hash));
    EXPECT_FALSE(VerifyPin("918274", loaded.config.admin_pin_hash));
    EXPECT_EQ(SetConfigString(after, "admin", "pin", ""), SetConfigString(before, "admin", "pin", ""))
        << "only the pin line changed";
    struct stat info {};
    ASSERT_EQ(stat(config.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0640u) << "the file keeps its mode";
    EXPECT_FALSE(std::filesystem::exists(config.string() + ".partial"));
}

// The system calls set-pin makes, as strace prints them, one a line.
std::vector<std::string> TraceSetPin(const std::filesystem::path& dir, const std::filesystem::path& config) {
    const auto trace = dir / "trace.txt";
    const std::string command =
        "strace -f -qq -o " + trace.string() +
        " -e trace=openat,open,fchmod,chmod,fsync,fdatasync,rename,renameat,renameat2 " + TAPSHEET_BINARY +
        " set-pin --config " + config.string() + PinInput(dir, "5173") + " > /dev/null 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    std::vector<std::string> lines;
    std::ifstream file(trace);
    for (std::string line; std::getline(file, line);)
        lines.push_back(line);
    return lines;
}

// The number a call returned ("… = 4"), or -1.
int Returned(const std::string& line) {
    const std::size_t at = line.rfind(" = ");
    return at == std::string::npos ? -1 : std::atoi(line.c_str() + at + 3);
}

std::size_t FindLine(const std::vector<std::string>& lines, std::size_t from,
                     const std::vector<std::string>& parts) {
    for (std::size_t i = from; i < lines.size(); i++)
        if (std::all_of(parts.begin(), parts.end(),
                        [&](const std::string& part) { return Contains(lines[i], part); }))
            return i;
    return lines.size();
}

// The new hash is never in a file others can read, not even for a moment,
// and a power cut after set-pin said so cannot bring the old PIN back:
// the temporary file is created with the config's own mode (never an old
// one: O_EXCL), flushed before the rename, and the folder after it.
TEST(SetPin, TheNewFileIsCreatedWithItsFinalModeAndFlushedAroundTheRename) {
    if (std::system("strace -qq -o /dev/null true > /dev/null 2>&1") != 0)
        GTEST_SKIP() << "strace cannot trace here (deploy/install-deps.sh installs it; ptrace may be denied)";
    const auto dir = TempDir("set-pin-trace");
    const auto config = ExampleConfig(dir);
    const std::string partial = "\"" + config.string() + ".partial\"";
    WriteFile(config.string() + ".partial", "left by a run that died"); // must not be reused
    const std::vector<std::string> lines = TraceSetPin(dir, config);
    std::string all;
    for (const std::string& line : lines)
        all += line + "\n";
    const std::size_t create = FindLine(lines, 0, {partial, "O_CREAT"});
    ASSERT_LT(create, lines.size()) << all;
    EXPECT_TRUE(Contains(lines[create], "O_EXCL")) << lines[create];
    EXPECT_TRUE(Contains(lines[create], ", 0640)")) << "created with the config's mode: " << lines[create];
    const int fd = Returned(lines[create]);
    ASSERT_GE(fd, 0) << lines[create];
    const std::size_t rename = FindLine(lines, create, {"rename", partial, "\"" + config.string() + "\""});
    ASSERT_LT(rename, lines.size()) << all;
    EXPECT_LT(FindLine(lines, create, {"fsync(" + std::to_string(fd) + ")"}), rename)
        << "the file is flushed before the rename\n"
        << all;
    const std::size_t folder = FindLine(lines, rename, {"\"" + dir.string() + "\"", "O_DIRECTORY"});
    ASSERT_LT(folder, lines.size()) << "the folder is opened after the rename\n" << all;
    EXPECT_LT(FindLine(lines, folder, {"fsync(" + std::to_string(Returned(lines[folder])) + ")"}),
              lines.size())
        << "and flushed\n"
        << all;
    EXPECT_TRUE(VerifyPin("5173", LoadConfigFile(config.string()).config.admin_pin_hash));
}

TEST(SetPin, RefusesABadPinAndChangesNothing) {
    const auto dir = TempDir("set-pin-bad");
    const auto config = ExampleConfig(dir);
    const std::string before = ReadFile(config);
    for (const char* pin : {"12", "123456789", "12a4", ""}) {
        const auto run = Tapsheet("set-pin --config " + config.string() + PinInput(dir, pin));
        EXPECT_EQ(run.exit_code, 2) << pin;
        EXPECT_TRUE(Contains(run.output, "4 to 8 digits")) << run.output;
    }
    EXPECT_EQ(ReadFile(config), before);
    const auto missing = Tapsheet("set-pin --config " + (dir / "none.toml").string() + PinInput(dir, "1234"));
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_FALSE(std::filesystem::exists(dir / "none.toml"));
}

TEST(ValidateConfig, GoodBadAndWarnings) {
    const auto dir = TempDir("validate-config");
    const auto config = ExampleConfig(dir);
    const auto good = Tapsheet("validate --config " + config.string());
    EXPECT_EQ(good.exit_code, 0) << good.output;
    EXPECT_TRUE(Contains(good.output, "tapsheet.toml: ok"));

    WriteFile(dir / "soft.toml", "[screen]\ndpi = 9000\n");
    const auto soft = Tapsheet("validate --config " + (dir / "soft.toml").string());
    EXPECT_EQ(soft.exit_code, 2);
    EXPECT_TRUE(Contains(soft.output, "soft.toml:2:7:")) << soft.output;
    EXPECT_TRUE(Contains(soft.output, "would use the default")) << soft.output;

    WriteFile(dir / "fatal.toml", "[kiosk]\nid = \"a\"\ndatabse = \"/x.db\"\n");
    const auto fatal = Tapsheet("validate --config " + (dir / "fatal.toml").string());
    EXPECT_EQ(fatal.exit_code, 2);
    EXPECT_TRUE(Contains(fatal.output, "fatal.toml:3:1: unknown key 'databse'")) << fatal.output;
    EXPECT_TRUE(Contains(fatal.output, "no answers")) << fatal.output;
}

TEST(KioskConfig, AFatalProblemShowsTheNoticeAndWritesNothing) {
    const auto dir = TempDir("kiosk-bad-config");
    const auto db = dir / "results.db";
    WriteFile(dir / "bad.toml", "[kiosk]\ndatabase = \"" + db.string() + "\"\nid = 7\n");
    const auto run = Tapsheet("kiosk --config " + (dir / "bad.toml").string() +
                              " --windowed 800x480 --frames 3 --locked no");
    EXPECT_EQ(run.exit_code, 0) << run.output;
    EXPECT_TRUE(Contains(run.output, "bad.toml:3:6:")) << run.output;
    EXPECT_FALSE(std::filesystem::exists(db)) << "no answers are taken on a bad config";
}

TEST(KioskConfig, TheConfigsDatabaseAndIdAreUsed) {
    const auto dir = TempDir("kiosk-config");
    const auto config = ExampleConfig(dir);
    WriteFile(config, SetConfigString(ReadFile(config), "kiosk", "id", "booth-7"));
    const auto run = Tapsheet("kiosk --config " + config.string() + " --windowed 800x480 --frames 3");
    EXPECT_EQ(run.exit_code, 0) << run.output;
    EXPECT_TRUE(std::filesystem::exists(dir / "results.db")) << run.output;
    EXPECT_TRUE(Contains(run.output, (dir / "results.db").string())) << run.output;
}

} // namespace
} // namespace tapsheet
