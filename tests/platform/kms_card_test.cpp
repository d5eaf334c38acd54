// Finding the DRM device of a connector in a fake /sys/class/drm laid out
// like a Raspberry Pi 5's with the Touch Display: the DSI panel on a device
// of its own beside the HDMI outputs.
#include "app/platform/kms_card.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace tapsheet::platform {
namespace {

namespace fs = std::filesystem;

class KmsCardTest : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "tapsheet-drm-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
    }
    void TearDown() override { fs::remove_all(dir_); }

    void Add(const std::string& name) { fs::create_directory(fs::path(dir_) / name); }

    std::string dir_;
};

TEST_F(KmsCardTest, FindsTheDeviceOfEachConnector) {
    for (const char* name : {"card0", "card0-DSI-1", "card1", "card1-HDMI-A-1", "card1-HDMI-A-2",
                             "card1-Writeback-1", "renderD128", "version"})
        Add(name);
    EXPECT_EQ(KmsCardWithConnector(dir_, "DSI-1"), 0);
    EXPECT_EQ(KmsCardWithConnector(dir_, "HDMI-A-1"), 1);
    EXPECT_EQ(KmsCardWithConnector(dir_, "HDMI-A-2"), 1);
}

TEST_F(KmsCardTest, MatchesTheWholeConnectorNameOnly) {
    for (const char* name : {"card2-DSI-10", "card3-DSI", "cardX-DSI-1", "card-DSI-1", "card12DSI-1"})
        Add(name);
    EXPECT_EQ(KmsCardWithConnector(dir_, "DSI-1"), -1);
    Add("card12-DSI-1");
    EXPECT_EQ(KmsCardWithConnector(dir_, "DSI-1"), 12);
}

TEST_F(KmsCardTest, NothingFoundIsMinusOne) {
    Add("card0-HDMI-A-1");
    EXPECT_EQ(KmsCardWithConnector(dir_, ""), -1);
    EXPECT_EQ(KmsCardWithConnector(dir_, "DSI-1"), -1);
    EXPECT_EQ(KmsCardWithConnector(dir_ + "/missing", "HDMI-A-1"), -1);
    EXPECT_EQ(KmsCardWithConnector(dir_, "HDMI-A-1"), 0);
}

} // namespace
} // namespace tapsheet::platform
