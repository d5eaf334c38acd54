#include "app/shell/loop_windows.h"

#include "imgui.h"

namespace tapsheet {

BoardLoopWindow::BoardLoopWindow(Window& window, BoardSession& session, const Theme& theme, std::string lang)
    : window_(window), session_(session), theme_(theme), lang_(std::move(lang)) {}

// New figures, a rotation and anything moving want a few frames; the
// running timer wants one frame a second.
int BoardLoopWindow::Update(double now) {
    const bool refreshed = session_.Refresh(now);
    const bool rotated = session_.Tick(now);
    if (refreshed || rotated || session_.Animating(now)) return 3;
    return clock_due_ > 0 && now >= clock_due_ ? 1 : 0;
}

bool BoardLoopWindow::Draw(double now) {
    window_.BeginFrame();
    UiFrame ui{theme_, lang_, now, probe_ ? probe_->Targets() : nullptr, probe_ ? probe_->Texts() : nullptr};
    BoardIntents intents = DrawBoard(ui, session_.View());
    window_.EndFrame();
    if (probe_) probe_->Write(now, BoardProbeState(session_.State(), session_.HaveData(), now));
    return !intents.empty() && session_.Apply(intents, now);
}

double BoardLoopWindow::NextWake(double now) {
    // The store poll draws only when Refresh finds a change; the timer's
    // second always does.
    clock_due_ = session_.NextClockTick(now);
    return session_.NextWake(now);
}

} // namespace tapsheet
