#include "app/ui/kiosk/kiosk_view.h"

#include <algorithm>

namespace tapsheet {

namespace {

// Chips of one group in a grid; each row as tall as its tallest chip.
void DrawGroup(UiFrame& ui, const KioskView& view, const SheetGroup& group, float width, Intents& out) {
    TextBlock(ui.theme.body_bold, ui.theme.colors.primary, ui.T(group.title), width);
    float gap = ui.theme.Gap();
    int columns = std::clamp(static_cast<int>(width / ui.theme.U(15)), 1, 3);
    float chip_w = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const auto& items = group.items;
    for (std::size_t row = 0; row < items.size(); row += static_cast<std::size_t>(columns)) {
        std::size_t row_end = std::min(items.size(), row + static_cast<std::size_t>(columns));
        float row_h = 0;
        for (std::size_t i = row; i < row_end; ++i)
            row_h = std::max(row_h, ChipHeight(ui, ui.T(items[i].label), chip_w));
        ImVec2 row_pos = ImGui::GetCursorPos();
        for (std::size_t i = row; i < row_end; ++i) {
            ImGui::SetCursorPos(ImVec2(row_pos.x + static_cast<float>(i - row) * (chip_w + gap), row_pos.y));
            const Option& item = items[i];
            if (Chip(ui, item.id.c_str(), ui.T(item.label), view.flow.IsSelected(item.id), chip_w, row_h))
                out.push_back(Intent::Of(Intent::Kind::Toggle, item.id));
        }
        ImGui::SetCursorPos(ImVec2(row_pos.x, row_pos.y + row_h + gap));
    }
}

void DrawProjectBox(UiFrame& ui, const KioskView& view, float width, Intents& out) {
    const SheetStep& sheet = view.flow.CurrentStep().sheet;
    const std::string& project = view.flow.Draft().project;
    TextBlock(ui.theme.body_bold, ui.theme.colors.primary, ui.T(sheet.project_prompt), width);
    std::string shown = project.empty() ? ui.T(view.flow.GetPack().ui.project_placeholder) : project;
    float h = ChipHeight(ui, shown, width);
    ButtonKind kind = project.empty() ? ButtonKind::Placeholder : ButtonKind::Option;
    if (TapButton(ui, "project", shown, ImVec2(width, h), kind, !view.flow.Busy()))
        out.push_back(Intent::Open(TextField::Project));
}

void DrawOwnBenefits(UiFrame& ui, const KioskView& view, float width, Intents& out) {
    const auto& own = view.flow.Draft().own;
    float gap = ui.theme.Gap();
    float remove_w = ui.theme.TargetHeight();
    for (std::size_t i = 0; i < own.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImVec2 pos = ImGui::GetCursorPos();
        float chip_w = width - remove_w - gap;
        float h = ChipHeight(ui, own[i], chip_w);
        Chip(ui, "own", own[i], true, chip_w, h);
        ImGui::SetCursorPos(ImVec2(pos.x + chip_w + gap, pos.y));
        std::string remove_id = "remove-own-" + std::to_string(i);
        if (TapButton(ui, remove_id.c_str(), "\xC3\x97", ImVec2(remove_w, h), ButtonKind::Secondary))
            out.push_back(Intent::AtIndex(Intent::Kind::RemoveOwn, i));
        ImGui::PopID();
    }
    std::string add = "+ " + ui.T(view.flow.CurrentStep().sheet.own_prompt);
    // Disabled, not hidden, at the limit: the attendee sees why nothing happens.
    bool can_add = !view.flow.Busy() && view.flow.CanAddOwn();
    if (TapButton(ui, "add-own", add, ImVec2(width, ui.theme.TargetHeight()), ButtonKind::Secondary, can_add))
        out.push_back(Intent::Open(TextField::Own));
}

} // namespace

void DrawSheet(UiFrame& ui, const KioskView& view, float width, Intents& out) {
    const SheetStep& sheet = view.flow.CurrentStep().sheet;
    if (!sheet.project_prompt.Empty()) DrawProjectBox(ui, view, width, out);
    for (const SheetGroup& group : sheet.groups) {
        ImGui::PushID(group.id.c_str());
        DrawGroup(ui, view, group, width, out);
        ImGui::PopID();
    }
    if (sheet.allow_own) DrawOwnBenefits(ui, view, width, out);
}

} // namespace tapsheet
