#include "app/platform/kms_card.h"

#include <cctype>
#include <filesystem>
#include <system_error>

namespace tapsheet::platform {

namespace {

// "card1-DSI-1" with connector "DSI-1": 1. Anything else: -1.
int CardOfEntry(std::string_view entry, std::string_view connector) {
    constexpr std::string_view kPrefix = "card";
    if (entry.substr(0, kPrefix.size()) != kPrefix) return -1;
    std::size_t end = kPrefix.size();
    while (end < entry.size() && std::isdigit(static_cast<unsigned char>(entry[end])) != 0)
        end++;
    const std::size_t digits = end - kPrefix.size();
    // Nine digits at most: SDL takes the index as an int.
    if (digits == 0 || digits > 9 || end >= entry.size() || entry[end] != '-') return -1;
    if (entry.substr(end + 1) != connector) return -1;
    return std::stoi(std::string(entry.substr(kPrefix.size(), digits)));
}

} // namespace

int KmsCardWithConnector(const std::string& sysfs_drm, std::string_view connector) {
    if (connector.empty()) return -1;
    // error_code overloads throughout: a kiosk starting up must not throw.
    std::error_code ec;
    std::filesystem::directory_iterator it(sysfs_drm, ec);
    for (; !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
        const int card = CardOfEntry(it->path().filename().string(), connector);
        if (card >= 0) return card;
    }
    return -1; // no such folder, or no such connector
}

} // namespace tapsheet::platform
