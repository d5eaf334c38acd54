#include "app/ui/kiosk/kiosk_view.h"

namespace tapsheet {

namespace {

// A domain's name and its two marks. Side by side when there is room,
// stacked under the name otherwise (portrait, small screens).
void DrawDomainRow(UiFrame& ui, const KioskView& view, const Domain& domain, float width, Intents& out) {
    const DomainsStep& step = view.flow.CurrentStep().domains;
    DomainMark mark = view.flow.MarkOf(domain.id);
    float gap = ui.theme.Gap();
    bool wide = width > ui.theme.U(34);
    float name_w = wide ? width * 0.4f : width;
    float button_w = wide ? (width - name_w - 2 * gap) * 0.5f : (width - gap) * 0.5f;
    const std::string& focus = ui.T(step.focus_label);
    const std::string& least = ui.T(step.least_label);
    float button_h = std::max(ChipHeight(ui, focus, button_w), ChipHeight(ui, least, button_w));
    ImVec2 pos = ImGui::GetCursorPos();
    float name_h = TextHeight(ui.theme.body_bold, ui.T(domain.name), name_w);
    float name_y = wide ? pos.y + std::max(0.0f, (button_h - name_h) * 0.5f) : pos.y;
    ImGui::SetCursorPos(ImVec2(pos.x, name_y));
    TextBlock(ui.theme.body_bold, ui.theme.colors.text, ui.T(domain.name), name_w);
    float buttons_x = wide ? pos.x + name_w + gap : pos.x;
    float buttons_y = wide ? pos.y : ImGui::GetCursorPosY();
    ImGui::PushID(domain.id.c_str());
    ImGui::SetCursorPos(ImVec2(buttons_x, buttons_y));
    if (Chip(ui, ("focus-" + domain.id).c_str(), focus, mark == DomainMark::Focus, button_w, button_h))
        out.push_back(Intent::MarkDomain(domain.id, DomainMark::Focus));
    ImGui::SetCursorPos(ImVec2(buttons_x + button_w + gap, buttons_y));
    if (Chip(ui, ("least-" + domain.id).c_str(), least, mark == DomainMark::Least, button_w, button_h))
        out.push_back(Intent::MarkDomain(domain.id, DomainMark::Least));
    ImGui::PopID();
    float row_bottom = std::max(pos.y + name_h, buttons_y + button_h);
    ImGui::SetCursorPos(ImVec2(pos.x, row_bottom + gap * 1.5f));
}

} // namespace

void DrawDomains(UiFrame& ui, const KioskView& view, float width, Intents& out) {
    for (const DomainSet& set : view.flow.CurrentStep().domains.sets) {
        TextBlock(ui.theme.body_bold, ui.theme.colors.primary, ui.T(set.title), width);
        for (const Domain& domain : set.domains)
            DrawDomainRow(ui, view, domain, width, out);
    }
}

} // namespace tapsheet
