#include "app/fleet/topics.h"

#include "app/core/fleet_config.h"

#include <fstream>
#include <random>
#include <vector>

namespace tapsheet {

std::string KioskTopic(const std::string& event, const std::string& kiosk, std::string_view kind) {
    return "tapsheet/" + event + "/kiosk/" + kiosk + "/" + std::string(kind);
}

std::string HubStatusTopic(const std::string& event) {
    return "tapsheet/" + event + "/hub/status";
}

bool ParseKioskTopic(std::string_view topic, KioskTopicParts* parts) {
    std::vector<std::string_view> levels;
    std::size_t start = 0;
    while (levels.size() < 6) {
        const std::size_t slash = topic.find('/', start);
        levels.push_back(topic.substr(start, slash == std::string_view::npos ? slash : slash - start));
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    if (levels.size() != 5 || levels[0] != "tapsheet" || levels[2] != "kiosk") return false;
    if (!IsTopicId(levels[1]) || !IsTopicId(levels[3])) return false;
    *parts = {std::string(levels[1]), std::string(levels[3]), std::string(levels[4])};
    return true;
}

std::string NewBootId() {
    std::random_device device;
    const char* digits = "0123456789abcdef";
    std::string id;
    for (int i = 0; i < 16; ++i)
        id += digits[device() % 16];
    return id;
}

bool ReadPasswordFile(const std::string& path, std::string* password) {
    std::ifstream in(path);
    if (!in || !std::getline(in, *password)) return false;
    if (!password->empty() && password->back() == '\r') password->pop_back();
    return !password->empty();
}

} // namespace tapsheet
