#include "app/shell/loop_windows.h"

#include "imgui.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

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

KioskLoopWindow::KioskLoopWindow(Window& window, KioskSession& session, const Theme& theme,
                                 AdminSession* admin)
    : window_(window), session_(session), theme_(theme), admin_(admin) {
    trace_ = InputTraceRequested();
    const Pack& pack = session.GetFlow().GetPack();
    default_lang_ = pack.languages.empty() ? "en" : pack.languages.front().code;
}

int KioskLoopWindow::Update(double now) {
    Flow& flow = session_.GetFlow();
    const FlowSignature before = SignatureOf(flow);
    flow.Tick(now);
    if (admin_ != nullptr) admin_->Tick(now);
    if (session_.Pump(now) || !(SignatureOf(flow) == before)) return 3;
    return now >= next_wake_ ? 1 : 0;
}

bool KioskLoopWindow::Idle() const {
    const Flow& flow = session_.GetFlow();
    return session_.OutOfService() || (flow.Screen() == FlowScreen::Attract && !flow.Busy());
}

// The PIN pad or the admin panel instead of the kiosk's screens.
bool KioskLoopWindow::DrawAdminFrame(double now, bool touched) {
    if (touched) admin_->Touched(now);
    UiFrame ui{theme_, "en", now, probe_ ? probe_->Targets() : nullptr};
    const AdminIntents intents = DrawAdmin(ui, admin_->View());
    window_.EndFrame();
    if (probe_) probe_->Write(now, AdminProbeState(admin_->State(), now));
    admin_->Apply(intents, now);
    session_.Pump(now);
    return !intents.empty();
}

bool KioskLoopWindow::Draw(double now) {
    Flow& flow = session_.GetFlow();
    window_.BeginFrame();
    const bool touched = PersonTouched();
    if (admin_ != nullptr && admin_->Open()) return DrawAdminFrame(now, touched);
    const bool idle = Idle();
    const bool asleep = admin_ != nullptr && admin_->Asleep(now, idle);
    // A touch on a sleeping screen only wakes it: until that finger lifts,
    // nothing under it may count as a tap (it would start a visit). A mouse
    // merely moving does not wake it.
    const bool pressed =
        ImGui::IsMouseDown(ImGuiMouseButton_Left) || ImGui::IsMouseReleased(ImGuiMouseButton_Left);
    if (asleep && pressed) {
        admin_->Sleep().Touched(now);
        swallow_touch_ = true;
    }
    const bool inert = asleep || swallow_touch_;
    if (touched && !inert) flow.Touch(now);
    UiFrame ui{theme_, flow.Lang().empty() ? default_lang_ : flow.Lang(), now,
               probe_ ? probe_->Targets() : nullptr};
    KioskView view = session_.View();
    const Drift drift = AttractDrift(static_cast<double>(std::time(nullptr)));
    view.drift_x = drift.x;
    view.drift_y = drift.y;
    ImGui::BeginDisabled(inert);
    Intents intents = DrawKiosk(ui, view);
    ImGui::EndDisabled();
    if (asleep) DrawSleepCover(admin_->SleepBlank());
    if (swallow_touch_ && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) swallow_touch_ = false;
    // The staff gesture: a finger held in the top-left corner of the start
    // screen or of the out-of-service notice, never during a visit.
    if (admin_ != nullptr && idle) {
        const bool held = ImGui::IsMouseDown(ImGuiMouseButton_Left) &&
                          AdminCorner(theme_).Contains(ImGui::GetIO().MousePos);
        admin_->CornerHeld(held, now);
    }
    // The gesture just opened the PIN pad: draw it now, while the finger is
    // still down (it moves nothing, so no event would ask for the frame).
    const bool pad_opened = admin_ != nullptr && admin_->Open();
    window_.EndFrame();
    if (probe_) probe_->Write(now, KioskProbeState(flow, view.keyboard, view.out_of_service, now));
    if (trace_ && (!intents.empty() || pressed))
        std::fprintf(
            stderr,
            "tapsheet input: kiosk at %.3f: %zu intent(s), first kind %d; inert %d; guard until %.3f\n", now,
            intents.size(), intents.empty() ? -1 : static_cast<int>(intents.front().kind), inert ? 1 : 0,
            flow.GuardUntil());
    if (inert || intents.empty()) return (inert && pressed) || pad_opened;
    session_.Apply(intents, now);
    session_.Pump(now);
    return true;
}

double KioskLoopWindow::NextWake(double now) {
    next_wake_ = FlowWake(session_.GetFlow(), now);
    // Until the writer has opened the database we do not know whether to
    // show the out-of-service notice: look again soon.
    if (session_.Writer() && !session_.Writer()->Ready()) next_wake_ = std::min(next_wake_, now + 0.1);
    if (admin_ != nullptr) next_wake_ = std::min(next_wake_, admin_->NextWake(now));
    return next_wake_;
}

// Stopped by the service manager or the window: a visit in progress ends
// as abandoned (the writer drains its queue before the program exits).
void KioskLoopWindow::Finish(double now) {
    session_.GetFlow().StartOver(now);
    session_.Pump(now);
}

} // namespace tapsheet
