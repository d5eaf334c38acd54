#include "app/shell/probe.h"

#include "imgui.h"
#include "imgui_internal.h"

#include <cstdio>
#include <fstream>

namespace tapsheet {

namespace {

std::string Escaped(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '\t')
            out += "\\t";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\\')
            out += "\\\\";
        else
            out += c;
    }
    return out;
}

std::string Number(float value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", static_cast<double>(value));
    return text;
}

void WriteTarget(std::ofstream& out, const TapTarget& t) {
    out << "target\t" << Escaped(t.id) << '\t' << Escaped(t.label) << '\t' << Number(t.min.x) << '\t'
        << Number(t.min.y) << '\t' << Number(t.max.x) << '\t' << Number(t.max.y) << '\t'
        << (t.enabled ? 1 : 0) << '\t' << (t.visible ? 1 : 0) << '\t' << t.layer << '\t'
        << Number(t.clip_min.x) << '\t' << Number(t.clip_min.y) << '\t' << Number(t.clip_max.x) << '\t'
        << Number(t.clip_max.y) << '\n';
}

void WriteText(std::ofstream& out, const DrawnText& t) {
    out << "text\t" << Escaped(t.text) << '\t' << Number(t.min.x) << '\t' << Number(t.min.y) << '\t'
        << Number(t.max.x) << '\t' << Number(t.max.y) << '\t' << Number(t.size) << '\n';
}

// Where ImGui has the pointer, whether it is down, from which source, the
// window and item under it, and how many input events ImGui has yet to
// take (it takes one press or release a frame): what a test reads when a
// tap did not land, or to know its input has all been taken.
void WritePointer(std::ofstream& out) {
    const ImGuiIO& io = ImGui::GetIO();
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    out << "pointer\t" << Number(io.MousePos.x) << '\t' << Number(io.MousePos.y) << '\t'
        << (io.MouseDown[0] ? 1 : 0) << '\t' << static_cast<int>(io.MouseSource) << '\t'
        << Escaped(g.HoveredWindow ? g.HoveredWindow->Name : "") << '\t' << g.HoveredIdPreviousFrame << '\t'
        << g.ActiveId << '\t' << g.InputEventsQueue.Size << '\n';
}

} // namespace

void Probe::Write(double now, const ProbeState& state) {
    frame_++;
    const std::string tmp = path_ + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        char time[40];
        std::snprintf(time, sizeof time, "%.4f", now);
        const ImVec2 size = ImGui::GetIO().DisplaySize;
        out << "frame\t" << frame_ << "\ntime\t" << time << "\ndisplay\t" << Number(size.x) << '\t'
            << Number(size.y) << '\n';
        WritePointer(out);
        for (const auto& [key, value] : state)
            out << "state\t" << Escaped(key) << '\t' << Escaped(value) << '\n';
        for (const TapTarget& target : targets_)
            WriteTarget(out, target);
        for (const DrawnText& text : texts_)
            WriteText(out, text);
        out << "end\n";
        if (!out.flush() && !warned_) {
            std::fprintf(stderr, "tapsheet: cannot write the probe file %s\n", tmp.c_str());
            warned_ = true;
        }
    }
    std::rename(tmp.c_str(), path_.c_str());
    targets_.clear();
    texts_.clear();
}

} // namespace tapsheet
