#include "app/core/fleet_view.h"

#include <algorithm>
#include <cstdio>

namespace tapsheet {

namespace {

const char* const kDot = " \xC2\xB7 ";

std::string Plural(std::int64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

int CountState(const FleetView& view, const char* state) {
    return static_cast<int>(std::count_if(view.kiosks.begin(), view.kiosks.end(),
                                          [&](const FleetKioskRow& row) { return row.state == state; }));
}

// One kiosk in trouble is named; more are counted by state.
std::string TroubleText(const FleetView& view) {
    std::vector<const FleetKioskRow*> troubled;
    for (const FleetKioskRow& row : view.kiosks)
        if (Troubled(row)) troubled.push_back(&row);
    if (troubled.empty()) return {};
    if (troubled.size() == 1) {
        const FleetKioskRow& row = *troubled.front();
        if (row.duplicate) return row.id + " used twice";
        if (row.state == "online") return row.id + " refused";
        return row.id + " " + row.state;
    }
    std::string text;
    for (const char* state : {"lost", "silent", "offline", "never seen"}) {
        const int n = CountState(view, state);
        if (n > 0) text += kDot + std::to_string(n) + " " + state;
    }
    return text.empty() ? Plural(static_cast<std::int64_t>(troubled.size()), "needs a look", "need a look")
                        : text.substr(std::string(kDot).size());
}

} // namespace

bool Troubled(const FleetKioskRow& row) {
    return row.state != "online" || row.duplicate || row.refused > 0;
}

FleetTag FleetTagOf(const FleetView& view) {
    FleetTag tag;
    if (!view.problem.empty()) return {"fleet: cannot read the hub's file", FleetTone::Bad};
    if (view.hub_silent)
        return {view.hub_heard_ago < 0 ? "hub never heard: is tapsheet-hub running?"
                                       : "hub silent: last heard " + AgoText(view.hub_heard_ago),
                FleetTone::Bad};
    const auto kiosks = static_cast<std::int64_t>(view.kiosks.size());
    const int online = CountState(view, "online");
    std::int64_t waiting = 0;
    for (const FleetKioskRow& row : view.kiosks)
        waiting += row.waiting;
    tag.text = Plural(kiosks, "kiosk", "kiosks") + kDot + std::to_string(online) + " online";
    const std::string trouble = TroubleText(view);
    if (!trouble.empty()) {
        tag.text += kDot + trouble;
        tag.tone = FleetTone::Bad;
    }
    if (waiting > 0) {
        tag.text += kDot + std::to_string(waiting) + " waiting";
        if (tag.tone == FleetTone::Good) tag.tone = FleetTone::Warning;
    }
    return tag;
}

std::string AgoText(double seconds) {
    if (seconds < 0) return "-";
    if (seconds < 120) return std::to_string(static_cast<int>(seconds)) + " s ago";
    if (seconds < 7200) return std::to_string(static_cast<int>(seconds / 60)) + " min ago";
    return std::to_string(static_cast<int>(seconds / 3600)) + " h ago";
}

std::string ClockOffsetText(std::int64_t offset_ms) {
    char text[32];
    std::snprintf(text, sizeof text, "%+.1f s", static_cast<double>(offset_ms) / 1000.0);
    return text;
}

} // namespace tapsheet
