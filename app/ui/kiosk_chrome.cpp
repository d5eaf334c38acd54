#include "app/ui/kiosk_view.h"

#include "imgui_internal.h"

namespace tapsheet {

namespace {

// One line: the step's title on the left, "Step n of total" on the right;
// under it segments that fill as the attendee goes.
void DrawProgress(UiFrame& ui, const KioskView& view, float width) {
    const Flow& flow = view.flow;
    std::size_t total = flow.GetPack().steps.size();
    std::size_t current = flow.StepIndex();
    std::string label = Format(ui.T(flow.GetPack().ui.step_of), "n", std::to_string(current + 1));
    label = Format(label, "total", std::to_string(total));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float label_w = ui.theme.body->CalcTextSizeA(ui.theme.unit, FLT_MAX, 0, label.c_str()).x;
    draw->AddText(ui.theme.body, ui.theme.unit, ImVec2(pos.x + width - label_w, pos.y),
                  ui.theme.colors.text_muted, label.c_str());
    const Step& step = flow.CurrentStep();
    float title_w = width - label_w - ui.theme.Gap();
    // One line, cut with an ellipsis if long, so the header never changes height.
    if (!step.title.Empty()) {
        const std::string& title = ui.T(step.title);
        ImGui::PushFont(ui.theme.body_bold);
        ImGui::PushStyleColor(ImGuiCol_Text, ui.theme.colors.primary);
        ImVec2 max(pos.x + title_w, pos.y + ui.theme.unit);
        ImGui::RenderTextEllipsis(draw, pos, max, max.x, max.x, title.c_str(), nullptr, nullptr);
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }
    float row_h = ui.theme.unit;
    float gap = ui.theme.U(0.25f);
    float seg_w = (width - gap * static_cast<float>(total - 1)) / static_cast<float>(total);
    float seg_h = ui.theme.U(0.3f);
    float bar_y = pos.y + row_h + ui.theme.U(0.3f);
    for (std::size_t i = 0; i < total; ++i) {
        ImVec2 a(pos.x + static_cast<float>(i) * (seg_w + gap), bar_y);
        if (i <= current)
            draw->AddRectFilled(a, ImVec2(a.x + seg_w, a.y + seg_h), ui.theme.colors.primary, seg_h * 0.5f);
        else
            draw->AddRect(a, ImVec2(a.x + seg_w, a.y + seg_h), ui.theme.colors.track, seg_h * 0.5f, 0,
                          ui.theme.U(0.06f));
    }
    ImGui::Dummy(ImVec2(width, bar_y + seg_h - pos.y));
}

} // namespace

float DrawStepHeader(UiFrame& ui, const KioskView& view, float width) {
    float start = ImGui::GetCursorPosY();
    DrawProgress(ui, view, width);
    return ImGui::GetCursorPosY() - start;
}

void DrawStepPrompt(UiFrame& ui, const KioskView& view, float width) {
    const Step& step = view.flow.CurrentStep();
    if (step.prompt.Empty()) return;
    // A long instruction reads better, and leaves room, at body size.
    const std::string& prompt = ui.T(step.prompt);
    std::size_t letters = 0;
    for (unsigned char c : prompt)
        letters += (c & 0xC0) != 0x80; // count characters, not UTF-8 bytes
    ImFont* font = letters > 90 ? ui.theme.body_bold : ui.theme.heading;
    TextBlock(font, ui.theme.colors.text, prompt, width);
}

float StepFooterHeight(const UiFrame& ui) {
    return ui.theme.TargetHeight();
}

void DrawStepFooter(UiFrame& ui, const KioskView& view, float width, Intents& out) {
    const Flow& flow = view.flow;
    const UiStrings& s = flow.GetPack().ui;
    float h = ui.theme.TargetHeight();
    float gap = ui.theme.Gap();
    float button_w = (width - 2 * gap) / 3.0f;
    float x0 = ImGui::GetCursorPosX();
    float y0 = ImGui::GetCursorPosY();
    bool accepts = !flow.Busy(); // drawn enabled; the flow itself drops taps in its guard time
    if (flow.CanGoBack()) {
        if (TapButton(ui, "back", "\xE2\x80\xB9 " + ui.T(s.back), ImVec2(button_w, h), ButtonKind::Secondary,
                      accepts))
            out.push_back(Intent::Of(Intent::Kind::Back));
    }
    // A single-choice poll answers on tap; Next appears there only when
    // coming back to an answered poll, and Skip takes its place otherwise.
    const Step& step = flow.CurrentStep();
    bool single_poll = step.kind == StepKind::Poll && !step.poll.multi;
    bool show_next = !single_poll || flow.CanProceed() || flow.Saving();
    if (step.skippable) {
        float skip_x = x0 + (show_next ? 1 : 2) * (button_w + gap);
        ImGui::SetCursorPos(ImVec2(skip_x, y0));
        if (TapButton(ui, "skip", ui.T(s.skip), ImVec2(button_w, h), ButtonKind::Secondary, accepts))
            out.push_back(Intent::Of(Intent::Kind::Skip));
    }
    if (!show_next) return;
    ImGui::SetCursorPos(ImVec2(x0 + 2 * (button_w + gap), y0));
    // "Saving…" shows only if the disk is slow, so a fast commit never flickers.
    bool slow = flow.Saving() && ui.now - flow.SavingSince() > 0.15;
    std::string label =
        slow ? ui.T(s.saving) : (flow.IsLastStep() ? ui.T(s.finish) : ui.T(s.next) + " \xE2\x80\xBA");
    bool enabled = accepts && flow.CanProceed();
    if (TapButton(ui, "next", label, ImVec2(button_w, h), ButtonKind::Primary, enabled || flow.Saving()) &&
        enabled)
        out.push_back(Intent::Of(Intent::Kind::Next));
}

} // namespace tapsheet
