#include "app/ui/kiosk/kiosk_view.h"

#include <algorithm>

namespace tapsheet {

// One question, its options as large full-width targets. Single choice
// answers on tap; multi choice toggles chips and then Next.
void DrawPoll(UiFrame& ui, const KioskView& view, float width, Intents& out) {
    const Flow& flow = view.flow;
    const PollStep& poll = flow.CurrentStep().poll;
    const UiStrings& s = flow.GetPack().ui;
    TextBlock(ui, ui.theme.body, ui.theme.colors.text_muted, ui.T(poll.multi ? s.choose_any : s.choose_one),
              width);
    // Where the screen is tall (portrait), options grow to share the room,
    // up to 1.6 targets: bigger targets instead of an empty half screen.
    float gap = ImGui::GetStyle().ItemSpacing.y;
    float count = static_cast<float>(poll.options.size());
    // Leave the body's own end spacing, so growing never makes it scroll.
    float share = (ImGui::GetContentRegionAvail().y - gap * (count + 2)) / count;
    float grown = std::clamp(share, ui.theme.TargetHeight(), ui.theme.TargetHeight() * 1.6f);
    for (const Option& option : poll.options) {
        const std::string& label = ui.T(option.label);
        bool selected = flow.IsSelected(option.id);
        float h = std::max(ChipHeight(ui, label, width), grown);
        if (poll.multi) {
            if (Chip(ui, option.id.c_str(), label, selected, width, h))
                out.push_back(Intent::Of(Intent::Kind::Toggle, option.id));
            continue;
        }
        ButtonKind kind = selected ? ButtonKind::Primary : ButtonKind::Option;
        if (TapButton(ui, option.id.c_str(), label, ImVec2(width, h), kind, !flow.Busy()))
            out.push_back(Intent::Of(Intent::Kind::Choose, option.id));
    }
}

} // namespace tapsheet
