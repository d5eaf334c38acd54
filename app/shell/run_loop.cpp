#include "app/shell/run_loop.h"
#include "app/core/clock.h"

#include "app/shell/service_notify.h"
#include "app/shell/stop_signals.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace tapsheet {

namespace {

constexpr int kSettleFrames = 3;

struct WindowRun {
    LoopWindow* window = nullptr;
    int frames = kSettleFrames; // owed frames; a new window draws a few at once
    int drawn = 0;
    double next_wake = 0;
};

bool AnyClosing(const std::vector<WindowRun>& runs) {
    return std::any_of(runs.begin(), runs.end(),
                       [](const WindowRun& run) { return run.window->GetWindow().CloseRequested(); });
}

int ExitCodeOf(const std::vector<WindowRun>& runs) {
    for (const WindowRun& run : runs)
        if (run.window->ExitCode() >= 0) return run.window->ExitCode();
    return -1;
}

bool ShouldStop(const std::vector<WindowRun>& runs, const LoopOptions& options) {
    if (options.stop != nullptr && options.stop->Requested()) return true;
    if (ExitCodeOf(runs) >= 0) return true;
    return !options.locked && AnyClosing(runs);
}

// A stop signal ends the one wait the loop is in.
void WakeOnStop(const std::vector<WindowRun>& runs, const LoopOptions& options) {
    if (options.stop == nullptr) return;
    std::vector<Window*> windows;
    for (const WindowRun& run : runs)
        windows.push_back(&run.window->GetWindow());
    options.stop->SetWake([windows] {
        for (Window* window : windows)
            window->Wake();
    });
}

// How long the one wait may last: not at all while any window owes a frame
// (or every frame is drawn, the comparison mode of the benchmarks), and
// never past the watchdog's next feed (`feed_due`): a loop that is alive
// says so in time, one that hangs stops saying it.
double WaitTimeout(const std::vector<WindowRun>& runs, const LoopOptions& options, double now,
                   double feed_due) {
    if (options.redraw_always) return 0;
    double timeout = std::min(60.0, feed_due - now);
    for (const WindowRun& run : runs)
        timeout = std::min(timeout, run.frames > 0 ? 0.0 : run.next_wake - now);
    return std::max(0.0, timeout);
}

// The first window waits; SDL and GLFW each have one event queue per
// process, so that wait ends on any window's event or Wake(), and the
// others then only collect what was routed to them.
void WaitForEvents(std::vector<WindowRun>& runs, double timeout) {
    for (std::size_t i = 0; i < runs.size(); i++) {
        const int events = runs[i].window->GetWindow().WaitEvents(i == 0 ? timeout : 0);
        if (events > 0) runs[i].frames = kSettleFrames;
    }
}

// One pass for one window: its work, then a frame if one is owed.
bool Pass(WindowRun& run, const LoopOptions& options, double now) {
    run.frames = std::max(run.frames, run.window->Update(now));
    if (options.redraw_always) run.frames = std::max(run.frames, 1);
    if (options.quit_after_frames > 0 && run.drawn < options.quit_after_frames)
        run.frames = std::max(run.frames, 1);
    bool drew = false;
    if (run.frames > 0) {
        run.frames--;
        if (run.window->Draw(now)) run.frames = kSettleFrames;
        run.drawn++;
        drew = true;
    }
    run.next_wake = run.window->NextWake(now);
    return drew;
}

bool AllDrawn(const std::vector<WindowRun>& runs, int frames) {
    return std::all_of(runs.begin(), runs.end(), [&](const WindowRun& run) { return run.drawn >= frames; });
}

} // namespace

int RunWindows(const std::vector<LoopWindow*>& windows, const LoopOptions& options) {
    std::vector<WindowRun> runs;
    for (LoopWindow* window : windows)
        runs.push_back({window});
    ServiceNotifier systemd(ReadNotifyEnvironment());
    bool announced = false;
    WakeOnStop(runs, options);
    while (!ShouldStop(runs, options)) {
        WaitForEvents(runs, WaitTimeout(runs, options, LoopSeconds(), systemd.NextFeed()));
        const double now = LoopSeconds();
        systemd.Feed(now);
        for (WindowRun& run : runs)
            Pass(run, options, now);
        if (!announced && AllDrawn(runs, 1)) {
            std::fprintf(stderr, "tapsheet: first frame presented\n");
            systemd.Ready(LoopSeconds());
            announced = true;
        }
        if (options.quit_after_frames > 0 && AllDrawn(runs, options.quit_after_frames)) break;
    }
    systemd.Stopping();
    if (options.stop != nullptr) options.stop->SetWake(nullptr); // the windows go before the signal thread
    const double now = LoopSeconds();
    for (WindowRun& run : runs)
        run.window->Finish(now);
    return std::max(0, ExitCodeOf(runs));
}

} // namespace tapsheet
