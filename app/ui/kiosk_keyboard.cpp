#include "app/ui/kiosk_view.h"

#include <algorithm>
#include <cctype>

namespace tapsheet {

namespace {

// Key rows per layer, as UTF-8 keys separated by spaces. The accent layer
// carries the Welsh to bach (â ê î ô û ŵ ŷ) and the Irish fada (á é í ó ú).
const char* const kLayers[3][3] = {
    {"q w e r t y u i o p", "a s d f g h j k l '", "z x c v b n m , ."},
    {"â ê î ô û ŵ ŷ á é í", "ó ú ý à è ì ò ù ẁ ỳ", "ä ë ï ö ü ẅ ÿ - '"},
    {"1 2 3 4 5 6 7 8 9 0", "- / : ; ( ) & @ \" +", ". , ? ! ' # % = *"},
};

const char* const kUpper[][2] = {
    {"â", "Â"}, {"ê", "Ê"}, {"î", "Î"}, {"ô", "Ô"}, {"û", "Û"}, {"ŵ", "Ŵ"}, {"ŷ", "Ŷ"}, {"á", "Á"},
    {"é", "É"}, {"í", "Í"}, {"ó", "Ó"}, {"ú", "Ú"}, {"ý", "Ý"}, {"à", "À"}, {"è", "È"}, {"ì", "Ì"},
    {"ò", "Ò"}, {"ù", "Ù"}, {"ẁ", "Ẁ"}, {"ỳ", "Ỳ"}, {"ä", "Ä"}, {"ë", "Ë"}, {"ï", "Ï"}, {"ö", "Ö"},
    {"ü", "Ü"}, {"ẅ", "Ẅ"}, {"ÿ", "Ÿ"},
};

std::vector<std::string> SplitKeys(const char* row) {
    std::vector<std::string> keys;
    std::string key;
    for (const char* c = row; *c; ++c) {
        if (*c != ' ') {
            key += *c;
            continue;
        }
        if (!key.empty()) keys.push_back(key);
        key.clear();
    }
    if (!key.empty()) keys.push_back(key);
    return keys;
}

std::string Upper(const std::string& key) {
    if (key.size() == 1) return std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(key[0]))));
    for (const auto& pair : kUpper)
        if (key == pair[0]) return pair[1];
    return key;
}

void DrawField(UiFrame& ui, const KioskView& view, float width) {
    const Step& step = view.flow.CurrentStep();
    bool project = view.flow.EditingField() == TextField::Project;
    const LocalText& prompt = project ? step.sheet.project_prompt : step.sheet.own_prompt;
    TextBlock(ui.theme.body_bold, ui.theme.colors.text, ui.T(prompt), width);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    std::string text = view.flow.EditBuffer() + "|"; // the caret: always at the end
    float pad = ui.theme.U(0.5f);
    float h = std::max(ui.theme.U(2.0f), TextHeight(ui.theme.body, text, width - 2 * pad) + 2 * pad);
    ImVec2 min = ImGui::GetCursorScreenPos();
    ImVec2 max(min.x + width, min.y + h);
    draw->AddRectFilled(min, max, ui.theme.colors.surface, ui.theme.U(0.3f));
    draw->AddRect(min, max, ui.theme.colors.primary, ui.theme.U(0.3f), 0, ui.theme.U(0.12f));
    draw->AddText(ui.theme.body, ui.theme.body->FontSize, ImVec2(min.x + pad, min.y + pad), ui.theme.colors.text,
                  text.c_str(), nullptr, width - 2 * pad);
    ImGui::Dummy(ImVec2(width, h));
}

float KeyHeight(const UiFrame& ui) {
    // Four rows of keys and the field must fit the screen; keys stay at
    // least 15 mm where the screen allows, never below 2 lines of text.
    float avail = ImGui::GetContentRegionAvail().y - ui.theme.Gap() * 3.0f;
    return std::max(ui.theme.U(2.0f), std::min(ui.theme.TargetHeight(), avail / 4.0f));
}

void DrawKeyRow(UiFrame& ui, const KioskView& view, const char* row, int index, float width, float key_h,
                Intents& out) {
    std::vector<std::string> keys = SplitKeys(row);
    float gap = ui.theme.U(0.3f);
    float key_w = (width - gap * 9.0f) / 10.0f;
    bool last = index == 2;
    float start_x = ImGui::GetCursorPosX();
    float used = static_cast<float>(keys.size()) * key_w + static_cast<float>(keys.size() - 1) * gap;
    float side_w = last ? (width - used - 2 * gap) * 0.5f : 0;
    float x = start_x + (last ? side_w + gap : (width - used) * 0.5f);
    float y = ImGui::GetCursorPosY();
    if (last) {
        ImGui::SetCursorPos(ImVec2(start_x, y));
        ButtonKind kind = view.keyboard.shift ? ButtonKind::Primary : ButtonKind::Secondary;
        if (TapIconButton(ui, "key-shift", Icon::Shift, "shift", ImVec2(side_w, key_h), kind))
            out.push_back(Intent::Of(Intent::Kind::KeyboardShift));
    }
    for (std::size_t i = 0; i < keys.size(); ++i) {
        std::string key = view.keyboard.shift ? Upper(keys[i]) : keys[i];
        ImGui::SetCursorPos(ImVec2(x + static_cast<float>(i) * (key_w + gap), y));
        std::string id = "key-" + key;
        if (TapButton(ui, id.c_str(), key, ImVec2(key_w, key_h)))
            out.push_back(Intent::Of(Intent::Kind::TypeText, key));
    }
    if (last) {
        ImGui::SetCursorPos(ImVec2(start_x + width - side_w, y));
        if (TapIconButton(ui, "key-backspace", Icon::Backspace, "backspace", ImVec2(side_w, key_h)))
            out.push_back(Intent::Of(Intent::Kind::Backspace));
    }
    ImGui::SetCursorPos(ImVec2(start_x, y + key_h + gap));
}

void DrawBottomRow(UiFrame& ui, const KioskView& view, float width, float key_h, Intents& out) {
    const UiStrings& s = view.flow.GetPack().ui;
    float gap = ui.theme.U(0.3f);
    float unit = (width - gap * 4.0f) / 10.0f;
    float x = ImGui::GetCursorPosX();
    float y = ImGui::GetCursorPosY();
    const char* layer_labels[3] = {"abc", "\xC3\xA2\xC5\xB5\xC3\xA1", "123"};
    float cursor = x;
    for (int layer = 0; layer < 3; ++layer) {
        if (layer == view.keyboard.layer) continue;
        ImGui::SetCursorPos(ImVec2(cursor, y));
        std::string id = std::string("key-layer-") + layer_labels[layer];
        if (TapButton(ui, id.c_str(), layer_labels[layer], ImVec2(unit * 1.5f, key_h)))
            out.push_back(Intent::AtIndex(Intent::Kind::KeyboardLayer, static_cast<std::size_t>(layer)));
        cursor += unit * 1.5f + gap;
    }
    ImGui::SetCursorPos(ImVec2(cursor, y));
    if (TapButton(ui, "key-space", " ", ImVec2(unit * 3.0f, key_h))) out.push_back(Intent::Of(Intent::Kind::TypeText, " "));
    cursor += unit * 3.0f + gap;
    ImGui::SetCursorPos(ImVec2(cursor, y));
    if (TapButton(ui, "key-cancel", ui.T(s.keyboard_cancel), ImVec2(unit * 2.0f, key_h)))
        out.push_back(Intent::Close(false));
    cursor += unit * 2.0f + gap;
    ImGui::SetCursorPos(ImVec2(cursor, y));
    if (TapButton(ui, "key-done", ui.T(s.keyboard_done), ImVec2(x + width - cursor, key_h), ButtonKind::Primary))
        out.push_back(Intent::Close(true));
}

} // namespace

// Full-screen on-screen keyboard: the kiosk has no physical one.
void DrawKeyboard(UiFrame& ui, const KioskView& view, Intents& out) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ui.theme.colors.background);
    ImGui::Begin("##keyboard", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleColor();
    float avail = ImGui::GetContentRegionAvail().x;
    float width = std::min(avail, ui.theme.U(48));
    float x = ImGui::GetCursorPosX() + (avail - width) * 0.5f;
    ImGui::SetCursorPosX(x);
    ImGui::BeginGroup();
    DrawField(ui, view, width);
    ImGui::EndGroup();
    float key_h = KeyHeight(ui);
    int layer = std::clamp(view.keyboard.layer, 0, 2);
    for (int row = 0; row < 3; ++row) {
        ImGui::SetCursorPosX(x);
        DrawKeyRow(ui, view, kLayers[layer][row], row, width, key_h, out);
    }
    ImGui::SetCursorPosX(x);
    DrawBottomRow(ui, view, width, key_h, out);
    ImGui::End();
}

} // namespace tapsheet
