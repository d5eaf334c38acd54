// The [fleet] table: read here, beside config.cpp, which calls ReadFleet.
#include "app/core/config_fleet.h"

#include <algorithm>

namespace tapsheet {

using loader_internal::PackReader;
using loader_internal::Quote;

bool IsTopicId(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
               c == '_';
    });
}

namespace {

// "host" or "host:port" (an IPv6 address in brackets: "[::1]:8883").
bool ReadBroker(PackReader& reader, const toml::table& fleet, FleetConfig* out) {
    std::string broker;
    if (!reader.ReadString(fleet, "broker", &broker, true)) return false;
    std::string host = broker;
    int port = 8883;
    const std::size_t colon = broker.rfind(':');
    const bool bracketed = !broker.empty() && broker.front() == '[';
    if (colon != std::string::npos && (!bracketed || broker[colon - 1] == ']')) {
        host = broker.substr(0, colon);
        const std::string digits = broker.substr(colon + 1);
        const bool numeric =
            !digits.empty() && digits.size() <= 5 &&
            std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
        port = numeric ? std::stoi(digits) : 0;
    }
    if (bracketed && host.size() > 2 && host.back() == ']') host = host.substr(1, host.size() - 2);
    if (host.empty() || port < 1 || port > 65535) {
        reader.Error(*fleet.get("broker"),
                     "'broker' must be a host and port like \"hub.local:8883\", not " + Quote(broker));
        return false;
    }
    out->host = host;
    out->port = port;
    return true;
}

bool ReadTopicId(PackReader& reader, const toml::table& fleet, std::string_view key, bool required,
                 std::string* out) {
    std::string id;
    if (!reader.ReadString(fleet, key, &id, required)) return !required;
    if (IsTopicId(id)) {
        *out = id;
        return true;
    }
    reader.Error(*fleet.get(key),
                 Quote(key) + " must be 1 to 64 letters, digits, '-' or '_', not " + Quote(id));
    return false;
}

bool ReadKioskList(PackReader& reader, const toml::table& fleet, FleetConfig* out) {
    const toml::node* node = fleet.get("kiosks");
    if (node == nullptr) return true;
    const toml::array* list = node->as_array();
    if (list == nullptr) {
        reader.Error(*node, "'kiosks' must be a list of kiosk ids like [\"kiosk-1\", \"kiosk-2\"]");
        return false;
    }
    for (const toml::node& item : *list) {
        const auto* id = item.as_string();
        if (id == nullptr || !IsTopicId(id->get())) {
            reader.Error(item, "each of 'kiosks' must be a kiosk id: 1 to 64 letters, digits, '-' or '_'");
            return false;
        }
        out->kiosks.push_back(id->get());
    }
    return true;
}

} // namespace

void ReadFleet(PackReader& reader, const toml::table& fleet, FleetConfig* out) {
    reader.CheckKeys(fleet, {"broker", "event", "user", "password_file", "ca", "cert", "key", "kiosks"},
                     "[fleet]");
    const std::size_t errors_before = reader.ErrorCount();
    FleetConfig read;
    ReadBroker(reader, fleet, &read);
    ReadTopicId(reader, fleet, "event", true, &read.event);
    ReadTopicId(reader, fleet, "user", false, &read.user);
    // A broker that lets anyone in would let anyone count answers: the
    // password and the event CA's certificates are required.
    for (auto [key, value] : {std::pair{"password_file", &read.password_file},
                              {"ca", &read.ca},
                              {"cert", &read.cert},
                              {"key", &read.key}})
        reader.ReadString(fleet, key, value, true);
    ReadKioskList(reader, fleet, &read);
    if (reader.ErrorCount() != errors_before) return; // the kiosk works alone, and says why
    read.enabled = true;
    *out = read;
}

} // namespace tapsheet
