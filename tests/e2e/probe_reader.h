// Reads what a `tapsheet kiosk` or `tapsheet board` process wrote with
// --probe FILE after its last frame (app/shell/probe.h has the format).
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace tapsheet::e2e {

struct ProbeTarget {
    std::string id, label;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool enabled = false, visible = false;
    unsigned long layer = 0;
    float clip_x0 = 0, clip_y0 = 0, clip_x1 = 0, clip_y1 = 0;
    float CentreX() const { return (x0 + x1) * 0.5f; }
    float CentreY() const { return (y0 + y1) * 0.5f; }
};

struct ProbeText {
    std::string text;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0, size = 0;
    float CentreX() const { return (x0 + x1) * 0.5f; }
    float CentreY() const { return (y0 + y1) * 0.5f; }
};

struct ProbeFrame {
    long frame = 0;
    double time = 0; // the frame's steady clock, as SteadyNow()
    float width = 0, height = 0;
    // Where ImGui had the pointer (below -1e30: nowhere), whether it was
    // down, and how many input events ImGui had yet to take (-1: not said).
    double pointer_x = 0, pointer_y = 0;
    bool pointer_down = false;
    int input_queue = -1;
    std::vector<std::pair<std::string, std::string>> state;
    std::vector<ProbeTarget> targets;
    std::vector<ProbeText> texts;

    std::string Get(const std::string& key) const; // the first value, or ""
    std::vector<std::string> All(const std::string& key) const;
    // Every target drawn with this id, in drawing order.
    std::vector<const ProbeTarget*> Targets(const std::string& id) const;
    // The last one drawn with this id (overlays are drawn last); null when none.
    const ProbeTarget* Target(const std::string& id) const;
    std::string Summary() const; // the state and target ids, for failure messages
};

// False while the file is not there yet or not complete.
bool ReadProbe(const std::filesystem::path& path, ProbeFrame* frame);

// The steady clock the program's frames carry (CLOCK_MONOTONIC), in seconds.
double SteadyNow();

} // namespace tapsheet::e2e
