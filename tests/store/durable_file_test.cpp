// Replacing a small file atomically and durably (app/store/durable_file.h):
// the set-pin config and the PIN lock-out record.
#include "app/store/durable_file.h"
#include "store_test_util.h"

#include <sys/stat.h>

namespace tapsheet {
namespace {

using test::TempDir;

std::string Read(const std::filesystem::path& path) {
    std::ifstream file(path);
    return std::string(std::istreambuf_iterator<char>(file), {});
}

mode_t ModeOf(const std::filesystem::path& path) {
    struct stat info {};
    stat(path.c_str(), &info);
    return info.st_mode & 07777;
}

TEST(DurableFile, ReplacesTheTextWithExactlyTheModeAskedWhateverTheUmask) {
    TempDir dir;
    const auto path = std::filesystem::path(dir.Path("secret.txt"));
    std::ofstream(path) << "old";
    std::string error;
    const mode_t saved = umask(0);
    EXPECT_TRUE(ReplaceFileDurably(path.string(), "new", DurableFileOptions{0640}, &error)) << error;
    EXPECT_EQ(ModeOf(path), 0640u) << "an open umask adds nothing";
    umask(077);
    EXPECT_TRUE(ReplaceFileDurably(path.string(), "newer", DurableFileOptions{0640}, &error)) << error;
    EXPECT_EQ(ModeOf(path), 0640u) << "a closed umask takes nothing away";
    umask(saved);
    EXPECT_EQ(Read(path), "newer");
    EXPECT_FALSE(std::filesystem::exists(path.string() + ".partial"));
}

TEST(DurableFile, AFileLeftByARunThatDiedIsNeverWrittenInto) {
    TempDir dir;
    const auto path = std::filesystem::path(dir.Path("record.txt"));
    const auto stale = std::filesystem::path(dir.Path("record.txt.partial"));
    const auto elsewhere = std::filesystem::path(dir.Path("elsewhere.txt"));
    std::ofstream(elsewhere) << "not ours";
    std::filesystem::create_symlink(elsewhere, stale); // whatever is there is removed, not followed
    std::string error;
    EXPECT_TRUE(ReplaceFileDurably(path.string(), "fresh", DurableFileOptions{}, &error)) << error;
    EXPECT_EQ(Read(path), "fresh");
    EXPECT_EQ(ModeOf(path), 0600u) << "readable by its owner only, unless asked";
    EXPECT_EQ(Read(elsewhere), "not ours");
    EXPECT_FALSE(std::filesystem::exists(std::filesystem::symlink_status(stale)));
}

TEST(DurableFile, AFolderThatIsNotThereIsAnErrorNamingIt) {
    TempDir dir;
    const auto path = std::filesystem::path(dir.Path("missing/record.txt"));
    std::string error;
    EXPECT_FALSE(ReplaceFileDurably(path.string(), "x", DurableFileOptions{}, &error));
    EXPECT_NE(error.find("missing/record.txt.partial"), std::string::npos) << error;
}

} // namespace
} // namespace tapsheet
