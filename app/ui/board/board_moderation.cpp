// The facilitator's list of free text (project names, own benefits): approve
// what may be shown to the room, reject the rest. Nothing here is shown on a
// public page until approved, and the list itself shows only while the
// controls do, so a projector showing the clean board never shows it.
// Its words are staff text, in English here rather than in the pack.
#include "app/ui/board/board_controls.h"

#include <algorithm>

namespace tapsheet {

namespace {

const char* KindLabel(const FreeText& text) {
    return text.item_id == kProjectItem ? "Project name" : "Own benefit";
}

const char* StatusLabel(Moderation status) {
    switch (status) {
    case Moderation::Pending:
        return "Waiting";
    case Moderation::Approved:
        return "Shown";
    case Moderation::Rejected:
        return "Rejected";
    }
    return "";
}

BoardIntent Decision(BoardIntent::Kind kind, const FreeText& text) {
    BoardIntent intent = BoardIntent::Of(kind);
    intent.id = text.step_id;
    intent.item = text.item_id;
    intent.text = text.text;
    return intent;
}

std::string Origin(const UiFrame& ui, const BoardView& view, const FreeText& text) {
    std::string origin = KindLabel(text);
    const Step* step = view.pack.FindStep(text.step_id);
    if (step && !step->title.Empty()) origin += " \xC2\xB7 " + ui.T(step->title);
    if (text.count > 1) origin += " \xC2\xB7 " + Thousands(text.count) + " people";
    return origin;
}

struct RowLayout {
    bool wide = true;     // text beside the decision; otherwise above it
    float text_w = 0;     // the texts' column
    float decision_w = 0; // tag and two buttons
};

RowLayout MakeLayout(const UiFrame& ui, float width) {
    RowLayout layout;
    BoardLook look{ui.theme};
    float buttons = BoardButtonWidth(ui, "Approve") + BoardButtonWidth(ui, "Reject") + ui.theme.Gap();
    float tag = TagSize(look, "Rejected").x;
    layout.decision_w = tag + ui.theme.Gap() + buttons;
    layout.wide = width - layout.decision_w >= ui.theme.U(16);
    layout.text_w = layout.wide ? width - layout.decision_w - ui.theme.U(1.0f) : width;
    return layout;
}

void Decisions(UiFrame& ui, const FreeText& text, ImVec2 pos, BoardIntents& out) {
    BoardLook look{ui.theme};
    const Palette& p = ui.theme.colors;
    float h = ControlHeight(ui.theme);
    std::string status = StatusLabel(text.status);
    ImVec2 tag = TagSize(look, status);
    float tag_w = TagSize(look, "Rejected").x;
    bool pending = text.status == Moderation::Pending;
    PutTag(ui, look, ImVec2(pos.x + tag_w - tag.x, pos.y + (h - tag.y) * 0.5f), status,
           pending ? p.warning : p.card, p.text);
    float x = pos.x + tag_w + ui.theme.Gap();
    float approve_w = BoardButtonWidth(ui, "Approve");
    ImRect approve(ImVec2(x, pos.y), ImVec2(x + approve_w, pos.y + h));
    if (BoardButton(ui, "approve", "Approve", approve, ButtonKind::Primary,
                    text.status != Moderation::Approved))
        out.push_back(Decision(BoardIntent::Kind::Approve, text));
    x += approve_w + ui.theme.Gap();
    ImRect reject(ImVec2(x, pos.y), ImVec2(x + BoardButtonWidth(ui, "Reject"), pos.y + h));
    if (BoardButton(ui, "reject", "Reject", reject, ButtonKind::Danger, text.status != Moderation::Rejected))
        out.push_back(Decision(BoardIntent::Kind::Reject, text));
}

void Row(UiFrame& ui, const BoardView& view, const RowLayout& layout, const FreeText& text, float width,
         BoardIntents& out) {
    const Palette& p = ui.theme.colors;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushID((text.step_id + '\x1f' + text.item_id + '\x1f' + text.text).c_str());
    ImRect origin =
        PutText(ui, ui.theme.body, ui.theme.unit, p.text_muted, pos, Origin(ui, view, text), layout.text_w);
    ImRect body = PutText(ui, ui.theme.body_bold, ui.theme.unit, p.text,
                          ImVec2(pos.x, origin.Max.y + ui.theme.U(0.1f)), text.text, layout.text_w);
    float texts_h = body.Max.y - pos.y;
    float h = ControlHeight(ui.theme);
    ImVec2 decision =
        layout.wide ? ImVec2(pos.x + width - layout.decision_w, pos.y + std::max(0.0f, (texts_h - h) * 0.5f))
                    : ImVec2(pos.x, body.Max.y + ui.theme.U(0.4f));
    Decisions(ui, text, decision, out);
    float row_h = layout.wide ? std::max(texts_h, h) : decision.y + h - pos.y;
    ImGui::PopID();
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(width, row_h));
    // A rule between rows: the eye keeps each text with its buttons.
    float rule_y = pos.y + row_h + ui.theme.U(0.5f);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(pos.x, rule_y), ImVec2(pos.x + width, rule_y), p.track,
                                        std::max(1.0f, ui.theme.U(0.04f)));
    ImGui::Dummy(ImVec2(width, ui.theme.U(0.4f)));
}

void Notice(UiFrame& ui, const ImRect& area, const std::string& text) {
    float h = TextSize(ui.theme.heading, ui.theme.heading->FontSize, text, area.GetWidth()).y;
    PutTextCentred(ui, ui.theme.heading, ui.theme.heading->FontSize, ui.theme.colors.text_muted,
                   ImVec2(area.Min.x, area.Min.y + (area.GetHeight() - h) * 0.5f), area.GetWidth(), text);
}

} // namespace

void DrawBoardModeration(UiFrame& ui, const BoardView& view, const ImRect& area, BoardIntents& out) {
    if (!view.state.controls) {
        Notice(ui, area, "Free text shows here only with the controls on (press C).");
        return;
    }
    const Tallies& tallies = view.tallies;
    if (tallies.free_text.empty()) {
        Notice(ui, area, "No project names or own benefits yet.");
        return;
    }
    std::string summary = Thousands(PendingTexts(tallies)) +
                          " waiting for a decision. Only approved text is shown to the room.";
    ImRect line =
        PutText(ui, ui.theme.body, ui.theme.unit, ui.theme.colors.text, area.Min, summary, area.GetWidth());
    float top = line.Max.y + ui.theme.U(0.6f);
    ImGui::SetCursorScreenPos(ImVec2(area.Min.x, top));
    float gutter = ImGui::GetStyle().ScrollbarSize;
    ImGui::BeginChild("moderation", ImVec2(area.GetWidth(), area.Max.y - top), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_AlwaysVerticalScrollbar |
                          kTouchWindow);
    DragToScroll();
    float width = ImGui::GetContentRegionAvail().x - gutter * 0.5f;
    RowLayout layout = MakeLayout(ui, width);
    for (const FreeText& text : tallies.free_text)
        Row(ui, view, layout, text, width, out);
    ScrollFade(ui.theme, ui.theme.colors.background);
    ImGui::EndChild();
}

} // namespace tapsheet
