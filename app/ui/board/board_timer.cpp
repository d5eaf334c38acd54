// The activity timer, large enough to read from any table: the part of the
// activity the room is in, the time left in it, and what comes next.
#include "app/ui/board/board_widgets.h"

#include <algorithm>
#include <cmath>

namespace tapsheet {

namespace {

// Whole seconds, rounded up: a countdown shows 0:00 only when time is up.
std::string Clock(double seconds) {
    long total = static_cast<long>(std::ceil(std::max(0.0, seconds) - 1e-6));
    std::string ss = std::to_string(total % 60);
    if (ss.size() < 2) ss = "0" + ss;
    return std::to_string(total / 60) + ":" + ss;
}

struct TimerLines {
    std::string tag;   // Ready / Paused / Time is up; empty while running
    bool over = false; // time is up: the tag stands out
    std::string phase; // the part of the activity now
    std::string part;  // "Part 1 of 2"
    std::string clock;
    std::string next; // "Then: …" or "13 min in all"
};

TimerLines Lines(const UiFrame& ui, const BoardStrings& words, const ActivityTimer& timer,
                 const TimerRun& run, const TimerReading& reading) {
    TimerLines lines;
    lines.over = reading.over;
    std::size_t phase = static_cast<std::size_t>(std::max(0, reading.phase));
    std::size_t phases = timer.phases.size();
    if (reading.over)
        lines.tag = ui.T(words.timer_up);
    else if (!run.running)
        lines.tag = ui.T(run.elapsed_before > 0 ? words.timer_paused : words.timer_ready);
    if (phase < phases) lines.phase = ui.T(timer.phases[phase].name);
    if (phases > 1) {
        lines.part = Format(ui.T(words.timer_part), "n", std::to_string(phase + 1));
        lines.part = Format(lines.part, "total", std::to_string(phases));
    }
    lines.clock = Clock(reading.over ? 0 : reading.phase_left);
    if (phase + 1 < phases && !reading.over) {
        lines.next = Format(ui.T(words.timer_then), "phase", ui.T(timer.phases[phase + 1].name));
        lines.next = Format(lines.next, "m", std::to_string(timer.phases[phase + 1].minutes));
    } else {
        lines.next = Format(ui.T(words.timer_total), "m", std::to_string(timer.TotalMinutes()));
    }
    return lines;
}

// One segment per part, as long as its minutes, filled as time passes.
void DrawProgress(const BoardLook& look, const ActivityTimer& timer, double elapsed, const ImRect& bb) {
    const Palette& p = look.theme.colors;
    double total = std::max(1, timer.TotalMinutes()) * 60.0;
    float gap = look.U(0.3f);
    float usable = bb.GetWidth() - gap * static_cast<float>(timer.phases.size() - 1);
    float x = bb.Min.x;
    double start = 0;
    for (const TimerPhase& phase : timer.phases) {
        double length = phase.minutes * 60.0;
        float w = usable * static_cast<float>(length / total);
        double done = length > 0 ? (elapsed - start) / length : 1.0;
        DrawBar(ImGui::GetWindowDrawList(), look, ImRect(ImVec2(x, bb.Min.y), ImVec2(x + w, bb.Max.y)), done,
                p.primary);
        x += w + gap;
        start += length;
    }
}

float Layout(UiFrame& ui, const BoardLook& look, const ActivityTimer& timer, const TimerLines& lines,
             double elapsed, ImVec2 pos, float width, bool draw) {
    const Theme& t = ui.theme;
    const Palette& p = t.colors;
    float y = pos.y;
    if (!lines.tag.empty()) {
        ImVec2 tag = TagSize(look, lines.tag);
        if (draw)
            PutTag(ui, look, ImVec2(pos.x + (width - tag.x) * 0.5f, y), lines.tag,
                   lines.over ? p.warning : p.card, p.text);
        y += tag.y + look.U(0.6f);
    }
    float phase_h = TextSize(t.title, look.Px(t.title), lines.phase, width).y;
    if (draw) PutTextCentred(ui, t.title, look.Px(t.title), p.text, ImVec2(pos.x, y), width, lines.phase);
    y += phase_h + look.U(0.2f);
    if (!lines.part.empty()) {
        if (draw)
            PutTextCentred(ui, t.body, look.Px(t.body), p.text_muted, ImVec2(pos.x, y), width, lines.part);
        y += look.Px(t.body);
    }
    if (draw) PutTextCentred(ui, t.clock, look.Px(t.clock), p.text, ImVec2(pos.x, y), width, lines.clock);
    y += look.Px(t.clock) + look.U(0.4f);
    if (draw)
        DrawProgress(look, timer, elapsed, ImRect(ImVec2(pos.x, y), ImVec2(pos.x + width, y + look.U(0.8f))));
    y += look.U(0.8f) + look.U(0.8f);
    if (draw) PutTextCentred(ui, t.body, look.Px(t.body), p.text, ImVec2(pos.x, y), width, lines.next);
    y += TextSize(t.body, look.Px(t.body), lines.next, width).y;
    return y - pos.y;
}

void DrawNoTimer(UiFrame& ui, const BoardView& view, const ImRect& area) {
    float h = ui.theme.heading->FontSize;
    PutTextCentred(ui, ui.theme.heading, h, ui.theme.colors.text_muted,
                   ImVec2(area.Min.x, area.Min.y + (area.GetHeight() - h) * 0.5f), area.GetWidth(),
                   ui.T(view.pack.board.timer_none));
}

} // namespace

void DrawBoardTimer(UiFrame& ui, const BoardView& view, const ImRect& area) {
    const TimerRun& run = view.state.timer;
    if (run.timer < 0 || run.timer >= static_cast<int>(view.pack.timers.size())) {
        DrawNoTimer(ui, view, area);
        return;
    }
    const ActivityTimer& timer = view.pack.timers[static_cast<std::size_t>(run.timer)];
    TimerLines lines = Lines(ui, view.pack.board, timer, run, ReadTimer(timer, run, ui.now));
    double elapsed = run.Elapsed(ui.now);
    float width = std::min(area.GetWidth(), ui.theme.U(44));
    float x = area.Min.x + (area.GetWidth() - width) * 0.5f;
    float scale = FitScale(area.GetHeight(), [&](float s) {
        return Layout(ui, BoardLook{ui.theme, s}, timer, lines, elapsed, ImVec2(x, area.Min.y), width, false);
    });
    BoardLook look{ui.theme, scale};
    float height = Layout(ui, look, timer, lines, elapsed, ImVec2(x, area.Min.y), width, false);
    float top = area.Min.y + std::max(0.0f, (area.GetHeight() - height) * 0.5f);
    Layout(ui, look, timer, lines, elapsed, ImVec2(x, top), width, true);
}

} // namespace tapsheet
