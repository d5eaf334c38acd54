#include "app/ui/kiosk/kiosk_view.h"

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
    ImVec2 label_pos(pos.x + width - label_w, pos.y);
    draw->AddText(ui.theme.body, ui.theme.unit, label_pos, ui.theme.colors.text_muted, label.c_str());
    RecordShownText(ui, label, label_pos, ImVec2(label_pos.x + label_w, pos.y + ui.theme.unit),
                    ui.theme.unit);
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
    TextBlock(ui, font, ui.theme.colors.text, prompt, width);
}

namespace {

// What the footer's right-hand place holds: the one way on.
enum class Onward { None, Next, Skip, Saving, NeedsAnswer };

Onward OnwardOf(const UiFrame& ui, const Flow& flow) {
    // "Saving…" shows only if the disk is slow, so a fast commit never flickers.
    if (flow.Saving() && ui.now - flow.SavingSince() > 0.15) return Onward::Saving;
    const Step& step = flow.CurrentStep();
    Forward forward = flow.ForwardAction();
    // A single-choice poll answers on tap: Next appears only when coming back
    // to an answered poll (while a fresh tap saves, the place stays as it was).
    bool single_poll = step.kind == StepKind::Poll && !step.poll.multi;
    if (single_poll && forward == Forward::Next && !flow.Draft().answered)
        forward = step.skippable ? Forward::Skip : Forward::NeedsAnswer;
    switch (forward) {
    case Forward::Next:
        return Onward::Next;
    case Forward::Skip:
        return Onward::Skip;
    case Forward::NeedsAnswer:
        // Its options are the way on, and "Choose one" above them says so.
        return single_poll ? Onward::None : Onward::NeedsAnswer;
    }
    return Onward::None;
}

// A required step with nothing chosen yet: the reason Next waits, beside it.
void DrawNeedsAnswer(UiFrame& ui, const std::string& text, ImVec2 min, ImVec2 max) {
    ImFont* font = ui.theme.body;
    float wrap = max.x - min.x;
    ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, text.c_str());
    ImVec2 pos(max.x - size.x, min.y + std::max(0.0f, (max.y - min.y - size.y) * 0.5f));
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, pos, ui.theme.colors.text_muted, text.c_str(),
                                        nullptr, wrap);
    RecordShownText(ui, text, pos, ImVec2(pos.x + size.x, pos.y + size.y), font->FontSize);
}

} // namespace

float StepFooterHeight(const UiFrame& ui, const KioskView& view) {
    bool shown = view.flow.CanGoBack() || OnwardOf(ui, view.flow) != Onward::None;
    return shown ? ui.theme.TargetHeight() : 0.0f;
}

// Back on the left, the way on at the right: Next when something is chosen,
// Skip when nothing is, so a person is never left without a way forward.
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
    Onward onward = OnwardOf(ui, flow);
    ImGui::SetCursorPos(ImVec2(x0 + 2 * (button_w + gap), y0));
    ImVec2 size(button_w, h);
    std::string next = flow.IsLastStep() ? ui.T(s.finish) : ui.T(s.next) + " \xE2\x80\xBA";
    switch (onward) {
    case Onward::None:
        break;
    case Onward::Next:
        if (TapButton(ui, "next", next, size, ButtonKind::Primary, accepts))
            out.push_back(Intent::Of(Intent::Kind::Next));
        break;
    case Onward::Skip:
        if (TapButton(ui, "skip", ui.T(s.skip), size, ButtonKind::Secondary, accepts))
            out.push_back(Intent::Of(Intent::Kind::Skip));
        break;
    case Onward::Saving:
        TapButton(ui, "next", ui.T(s.saving), size, ButtonKind::Primary);
        break;
    case Onward::NeedsAnswer: {
        TapButton(ui, "next", next, size, ButtonKind::Primary, false);
        ImVec2 origin = ImGui::GetWindowPos();
        float left = x0 + (flow.CanGoBack() ? button_w + gap : 0);
        ImVec2 min(origin.x + left - ImGui::GetScrollX(), origin.y + y0 - ImGui::GetScrollY());
        ImVec2 max(origin.x + x0 + 2 * button_w + gap - ImGui::GetScrollX(), min.y + h);
        DrawNeedsAnswer(ui, ui.T(s.needs_answer), min, max);
        break;
    }
    }
}

} // namespace tapsheet
