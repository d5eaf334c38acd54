#include "app/ui/kiosk/kiosk_view.h"

namespace tapsheet {

namespace {

// Numbered questions, each in its own card, to think about (or talk about
// at the table): nothing to answer here.
void DrawQuestions(UiFrame& ui, const std::vector<LocalText>& questions, float width) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    float pad = ui.theme.U(0.8f);
    float number_w = ui.theme.U(2.0f);
    for (std::size_t i = 0; i < questions.size(); ++i) {
        const std::string& text = ui.T(questions[i]);
        float text_w = width - number_w - 2 * pad;
        float h = TextHeight(ui.theme.body, text, text_w) + 2 * pad;
        ImVec2 min = ImGui::GetCursorScreenPos();
        ImVec2 max(min.x + width, min.y + h);
        draw->AddRectFilled(min, max, ui.theme.colors.card, ui.theme.U(0.45f));
        std::string number = std::to_string(i + 1);
        draw->AddText(ui.theme.heading, ui.theme.heading->FontSize, ImVec2(min.x + pad, min.y + pad * 0.7f),
                      ui.theme.colors.primary, number.c_str());
        draw->AddText(ui.theme.body, ui.theme.body->FontSize, ImVec2(min.x + pad + number_w, min.y + pad),
                      ui.theme.colors.text, text.c_str(), nullptr, text_w);
        ImGui::Dummy(ImVec2(width, h));
    }
}

} // namespace

void DrawReflection(UiFrame& ui, const KioskView& view, float width, Intents&) {
    DrawQuestions(ui, view.flow.CurrentStep().reflection.questions, width);
}

void DrawInfo(UiFrame& ui, const KioskView& view, float width, Intents&) {
    TextBlock(ui.theme.body, ui.theme.colors.text, ui.T(view.flow.CurrentStep().info.body), width);
}

void DrawThanksQuestions(UiFrame& ui, const Pack& pack, float width) {
    const ReflectionStep* reflection = pack.Reflection();
    if (reflection) DrawQuestions(ui, reflection->questions, width);
}

} // namespace tapsheet
