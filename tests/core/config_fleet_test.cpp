// The [fleet] table (app/core/config_fleet.cpp): read whole, or, with any
// problem, named at file:line:column and left off (the kiosk works alone).
#include "app/core/config.h"

#include <gtest/gtest.h>

namespace tapsheet {
namespace {

constexpr const char* kFleet = R"([fleet]
broker = "hub.local:8884"
event = "expo-2026"
password_file = "/etc/tapsheet/fleet/k.password"
ca = "/etc/tapsheet/fleet/ca.crt"
cert = "/etc/tapsheet/fleet/k.crt"
key = "/etc/tapsheet/fleet/k.key"
kiosks = ["kiosk-1", "kiosk_2"]
)";

TEST(ConfigFleet, AWholeTableIsRead) {
    const ConfigResult result = LoadConfigText(kFleet, "t.toml");
    EXPECT_TRUE(result.Ok());
    EXPECT_TRUE(result.warnings.empty());
    const FleetConfig& fleet = result.config.fleet;
    EXPECT_TRUE(fleet.enabled);
    EXPECT_EQ(fleet.host, "hub.local");
    EXPECT_EQ(fleet.port, 8884);
    EXPECT_EQ(fleet.event, "expo-2026");
    EXPECT_EQ(fleet.kiosks, (std::vector<std::string>{"kiosk-1", "kiosk_2"}));
}

TEST(ConfigFleet, WithoutItTheKioskWorksAlone) {
    EXPECT_FALSE(LoadConfigText("[kiosk]\nid = \"a\"\n", "t.toml").config.fleet.enabled);
}

TEST(ConfigFleet, AProblemIsNamedAndTheFleetStaysOff) {
    const std::pair<std::string, std::string> cases[] = {
        {"event = \"expo-2026\"", "event = \"expo/2026\""},
        {"broker = \"hub.local:8884\"", "broker = \"hub.local:99999\""},
        {"key = \"/etc/tapsheet/fleet/k.key\"\n", ""},
        {"kiosks = [\"kiosk-1\", \"kiosk_2\"]", "kiosks = [\"kiosk+1\"]"},
    };
    for (const auto& [from, to] : cases) {
        std::string text = kFleet;
        text.replace(text.find(from), from.size(), to);
        const ConfigResult result = LoadConfigText(text, "t.toml");
        EXPECT_TRUE(result.Ok()) << "a kiosk keeps taking answers: " << to;
        ASSERT_FALSE(result.warnings.empty()) << to;
        EXPECT_GT(result.warnings[0].line, 0) << to;
        EXPECT_FALSE(result.config.fleet.enabled) << to;
    }
}

TEST(ConfigFleet, TopicIdsKeepTopicsWhole) {
    EXPECT_TRUE(IsTopicId("kiosk-1_A"));
    for (const char* bad : {"", "a/b", "a+", "#", "a b"})
        EXPECT_FALSE(IsTopicId(bad)) << bad;
    EXPECT_FALSE(IsTopicId(std::string(65, 'a')));
}

} // namespace
} // namespace tapsheet
