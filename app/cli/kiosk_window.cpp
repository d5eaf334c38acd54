#include "app/cli/loop_windows.h"

#include "imgui.h"

#include <algorithm>
#include <cmath>

namespace tapsheet {

namespace {

// When the loop has to wake up even without input: the next flow timeout,
// the next whole second of a visible countdown, or soon while a save is
// pending (the "Saving…" state appears after a short delay).
double FlowWake(const Flow& flow, double now) {
    double wake = now + 60;
    double deadline = flow.NextDeadline(now);
    if (deadline > 0) wake = std::min(wake, deadline);
    bool countdown = flow.StillThereShown() || flow.Screen() == FlowScreen::Thanks;
    if (countdown) {
        double left = flow.Screen() == FlowScreen::Thanks ? flow.ThanksLeft(now) : flow.StillThereLeft(now);
        // Just past the next whole second, so the number shown is never stale.
        double frac = left - std::floor(left);
        wake = std::min(wake, now + frac + 0.002);
    }
    if (flow.Saving()) wake = std::min(wake, now + 0.05);
    return wake;
}

// A finger (or mouse, or key) did something this frame. Window events such
// as an expose also wake the loop, but they are not a person being there,
// so they must not hold off "Still there?".
bool PersonTouched() {
    const ImGuiIO& io = ImGui::GetIO();
    bool moved = io.MouseDelta.x != 0 || io.MouseDelta.y != 0;
    bool pressed = ImGui::IsMouseDown(ImGuiMouseButton_Left) || ImGui::IsMouseReleased(ImGuiMouseButton_Left);
    return moved || pressed || !io.InputQueueCharacters.empty() || io.MouseWheel != 0;
}

struct FlowSignature {
    FlowScreen screen;
    std::size_t step;
    bool still_there;
    bool operator==(const FlowSignature&) const = default;
};

FlowSignature SignatureOf(const Flow& flow) {
    return {flow.Screen(), flow.StepIndex(), flow.StillThereShown()};
}

} // namespace

KioskLoopWindow::KioskLoopWindow(Window& window, KioskSession& session, const Theme& theme)
    : window_(window), session_(session), theme_(theme) {
    const Pack& pack = session.GetFlow().GetPack();
    default_lang_ = pack.languages.empty() ? "en" : pack.languages.front().code;
}

int KioskLoopWindow::Update(double now) {
    Flow& flow = session_.GetFlow();
    const FlowSignature before = SignatureOf(flow);
    flow.Tick(now);
    if (session_.Pump(now) || !(SignatureOf(flow) == before)) return 3;
    return now >= next_wake_ ? 1 : 0;
}

bool KioskLoopWindow::Draw(double now) {
    Flow& flow = session_.GetFlow();
    window_.BeginFrame();
    if (PersonTouched()) flow.Touch(now);
    UiFrame ui{theme_, flow.Lang().empty() ? default_lang_ : flow.Lang(), now, nullptr};
    Intents intents = DrawKiosk(ui, session_.View());
    window_.EndFrame();
    if (intents.empty()) return false;
    session_.Apply(intents, now);
    session_.Pump(now);
    return true;
}

double KioskLoopWindow::NextWake(double now) {
    next_wake_ = FlowWake(session_.GetFlow(), now);
    // Until the writer has opened the database we do not know whether to
    // show the out-of-service notice: look again soon.
    if (session_.Writer() && !session_.Writer()->Ready()) next_wake_ = std::min(next_wake_, now + 0.1);
    return next_wake_;
}

// Stopped by the service manager or the window: a visit in progress ends
// as abandoned (the writer drains its queue before the program exits).
void KioskLoopWindow::Finish(double now) {
    session_.GetFlow().StartOver(now);
    session_.Pump(now);
}

} // namespace tapsheet
