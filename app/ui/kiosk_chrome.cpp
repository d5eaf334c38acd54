#include "app/ui/kiosk_view.h"

#include "imgui_internal.h"

namespace tapsheet {

namespace {

// Segments that fill as the attendee goes, plus "Step n of total" in words.
void DrawProgress(UiFrame& ui, const KioskView& view, float width) {
    const Flow& flow = view.flow;
    std::size_t total = flow.GetPack().steps.size();
    std::size_t current = flow.StepIndex();
    std::string label = Format(ui.T(flow.GetPack().ui.step_of), "n", std::to_string(current + 1));
    label = Format(label, "total", std::to_string(total));
    TextBlock(ui.theme.body, ui.theme.colors.text_muted, label, width);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float gap = ui.theme.U(0.3f);
    float seg_w = (width - gap * static_cast<float>(total - 1)) / static_cast<float>(total);
    float seg_h = ui.theme.U(0.35f);
    for (std::size_t i = 0; i < total; ++i) {
        ImVec2 a(pos.x + static_cast<float>(i) * (seg_w + gap), pos.y);
        ImU32 color = i <= current ? ui.theme.colors.primary : ui.theme.colors.pressed_surface;
        draw->AddRectFilled(a, ImVec2(a.x + seg_w, a.y + seg_h), color, seg_h * 0.5f);
    }
    ImGui::Dummy(ImVec2(width, seg_h));
}

} // namespace

float DrawStepHeader(UiFrame& ui, const KioskView& view, float width) {
    float start = ImGui::GetCursorPosY();
    DrawProgress(ui, view, width);
    const Step& step = view.flow.CurrentStep();
    if (!step.title.Empty()) TextBlock(ui.theme.body_bold, ui.theme.colors.primary, ui.T(step.title), width);
    if (!step.prompt.Empty()) TextBlock(ui.theme.heading, ui.theme.colors.text, ui.T(step.prompt), width);
    return ImGui::GetCursorPosY() - start;
}

float StepFooterHeight(const UiFrame& ui) { return ui.theme.TargetHeight(); }

void DrawStepFooter(UiFrame& ui, const KioskView& view, float width, Intents& out) {
    const Flow& flow = view.flow;
    const UiStrings& s = flow.GetPack().ui;
    float h = ui.theme.TargetHeight();
    float gap = ui.theme.Gap();
    float button_w = (width - 2 * gap) / 3.0f;
    float x0 = ImGui::GetCursorPosX();
    float y0 = ImGui::GetCursorPosY();
    bool accepts = flow.Accepts(ui.now);
    if (flow.CanGoBack()) {
        if (TapButton(ui, "back", "\xE2\x80\xB9 " + ui.T(s.back), ImVec2(button_w, h), ButtonKind::Secondary, accepts))
            out.push_back(Intent::Of(Intent::Kind::Back));
    }
    if (flow.CurrentStep().skippable) {
        ImGui::SetCursorPos(ImVec2(x0 + button_w + gap, y0));
        if (TapButton(ui, "skip", ui.T(s.skip), ImVec2(button_w, h), ButtonKind::Quiet, accepts))
            out.push_back(Intent::Of(Intent::Kind::Skip));
    }
    // A single-choice poll answers on tap; Next appears there only when
    // coming back to an answered poll.
    const Step& step = flow.CurrentStep();
    bool single_poll = step.kind == StepKind::Poll && !step.poll.multi;
    if (single_poll && !flow.CanProceed() && !flow.Saving()) return;
    ImGui::SetCursorPos(ImVec2(x0 + 2 * (button_w + gap), y0));
    // "Saving…" shows only if the disk is slow, so a fast commit never flickers.
    bool slow = flow.Saving() && ui.now - flow.SavingSince() > 0.15;
    std::string label = slow ? ui.T(s.saving) : (flow.IsLastStep() ? ui.T(s.finish) : ui.T(s.next) + " \xE2\x80\xBA");
    bool enabled = accepts && flow.CanProceed();
    if (TapButton(ui, "next", label, ImVec2(button_w, h), ButtonKind::Primary, enabled || flow.Saving()) && enabled)
        out.push_back(Intent::Of(Intent::Kind::Next));
}

} // namespace tapsheet
