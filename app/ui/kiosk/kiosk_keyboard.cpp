#include "app/core/keyboard_layout.h"
#include "app/ui/kiosk/kiosk_view.h"

#include <algorithm>

namespace tapsheet {

namespace {

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

// Geometry shared by every row: ten key units across.
struct KeyGrid {
    float x = 0, width = 0, gap = 0, unit = 0, key_h = 0;
    float Keys(float n) const { return unit * n + gap * (n - 1); }
};

bool Key(UiFrame& ui, KeyGrid& grid, float& x, float y, float n, const std::string& id,
         const std::string& label, ButtonKind kind = ButtonKind::Secondary) {
    ImGui::SetCursorPos(ImVec2(x, y));
    bool pressed = TapButton(ui, id.c_str(), label, ImVec2(grid.Keys(n), grid.key_h), kind);
    x += grid.Keys(n) + grid.gap;
    return pressed;
}

void DrawKeyRow(UiFrame& ui, const KioskView& view, KeyGrid& grid, int row, float y, Intents& out) {
    int layer = std::clamp(view.keyboard.layer, 0, 2);
    std::vector<std::string> keys = SplitKeys(KeyboardRow(layer, row));
    bool last = row == 2;
    float side = last ? (10.0f - static_cast<float>(keys.size())) * 0.5f : 0;
    float x = grid.x + (last ? 0 : (grid.width - grid.Keys(static_cast<float>(keys.size()))) * 0.5f);
    if (last) {
        ImGui::SetCursorPos(ImVec2(x, y));
        ButtonKind kind = view.keyboard.shift ? ButtonKind::Primary : ButtonKind::Secondary;
        if (TapIconButton(ui, "key-shift", Icon::Shift, "shift", ImVec2(grid.Keys(side), grid.key_h), kind))
            out.push_back(Intent::Of(Intent::Kind::KeyboardShift));
        x += grid.Keys(side) + grid.gap;
    }
    for (const std::string& raw : keys) {
        std::string key = view.keyboard.shift ? KeyboardUpper(raw) : raw;
        if (Key(ui, grid, x, y, 1, "key-" + key, key, ButtonKind::Key))
            out.push_back(Intent::Of(Intent::Kind::TypeText, key));
    }
    if (!last) return;
    ImGui::SetCursorPos(ImVec2(x, y));
    if (TapIconButton(ui, "key-backspace", Icon::Backspace, "backspace", ImVec2(grid.Keys(side), grid.key_h)))
        out.push_back(Intent::Of(Intent::Kind::Backspace));
}

void DrawBottomRow(UiFrame& ui, const KioskView& view, KeyGrid& grid, float y, Intents& out) {
    const UiStrings& s = view.flow.GetPack().ui;
    float x = grid.x;
    for (int layer = 0; layer < kKeyboardLayers; ++layer) {
        if (layer == view.keyboard.layer) continue;
        if (Key(ui, grid, x, y, 1.25f, std::string("key-layer-") + KeyboardLayerLabel(layer),
                KeyboardLayerLabel(layer)))
            out.push_back(Intent::AtIndex(Intent::Kind::KeyboardLayer, static_cast<std::size_t>(layer)));
    }
    if (Key(ui, grid, x, y, 1, "key-,", ",", ButtonKind::Key))
        out.push_back(Intent::Of(Intent::Kind::TypeText, ","));
    ImGui::SetCursorPos(ImVec2(x, y));
    if (TapIconButton(ui, "key-space", Icon::Space, "space", ImVec2(grid.Keys(3.5f), grid.key_h)))
        out.push_back(Intent::Of(Intent::Kind::TypeText, " "));
    x += grid.Keys(3.5f) + grid.gap;
    if (Key(ui, grid, x, y, 1, "key-.", ".", ButtonKind::Key))
        out.push_back(Intent::Of(Intent::Kind::TypeText, "."));
    if (Key(ui, grid, x, y, 2, "key-done", ui.T(s.keyboard_done), ButtonKind::Primary))
        out.push_back(Intent::Close(true));
}

// The prompt, then the typed text in a one-line field (its end stays in
// view; the caret is a bar after it) with Cancel beside it.
void DrawField(UiFrame& ui, const KioskView& view, KeyGrid& grid, float y, Intents& out) {
    const Step& step = view.flow.CurrentStep();
    bool project = view.flow.EditingField() == TextField::Project;
    const LocalText& prompt = project ? step.sheet.project_prompt : step.sheet.own_prompt;
    ImGui::SetCursorPos(ImVec2(grid.x, y));
    TextBlock(ui, ui.theme.body_bold, ui.theme.colors.text, ui.T(prompt), grid.width);
    float field_y = ImGui::GetCursorPosY();
    float cancel_w = grid.Keys(2.5f);
    float field_w = grid.width - cancel_w - grid.gap;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 origin = ImGui::GetWindowPos();
    ImVec2 min(origin.x + grid.x, origin.y + field_y - ImGui::GetScrollY());
    ImVec2 max(min.x + field_w, min.y + grid.key_h);
    draw->AddRectFilled(min, max, ui.theme.colors.surface, ui.theme.U(0.3f));
    draw->AddRect(min, max, ui.theme.colors.primary, ui.theme.U(0.3f), 0, ui.theme.U(0.12f));
    const std::string& text = view.flow.EditBuffer();
    float pad = ui.theme.U(0.5f);
    float text_w = ui.theme.body->CalcTextSizeA(ui.theme.unit, FLT_MAX, 0, text.c_str()).x;
    float room = field_w - 2 * pad - ui.theme.U(0.3f);
    float text_x = min.x + pad - std::max(0.0f, text_w - room);
    float text_y = min.y + (grid.key_h - ui.theme.unit) * 0.5f;
    draw->PushClipRect(ImVec2(min.x + pad, min.y), ImVec2(max.x - pad, max.y), true);
    draw->AddText(ui.theme.body, ui.theme.unit, ImVec2(text_x, text_y), ui.theme.colors.text, text.c_str());
    float caret_x = text_x + text_w + ui.theme.U(0.1f);
    draw->AddLine(ImVec2(caret_x, text_y), ImVec2(caret_x, text_y + ui.theme.unit), ui.theme.colors.primary,
                  ui.theme.U(0.1f));
    draw->PopClipRect();
    ImGui::SetCursorPos(ImVec2(grid.x + field_w + grid.gap, field_y));
    const UiStrings& s = view.flow.GetPack().ui;
    if (TapButton(ui, "key-cancel", ui.T(s.keyboard_cancel), ImVec2(cancel_w, grid.key_h)))
        out.push_back(Intent::Close(false));
}

} // namespace

// Full-screen on-screen keyboard (the kiosk has no physical one), anchored
// to the bottom like a phone's, with the field just above the keys.
void DrawKeyboard(UiFrame& ui, const KioskView& view, Intents& out) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    StartAtTopWhenNew("keyboard-serial", view.flow.KeyboardSerial());
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ui.theme.colors.background);
    ImGui::Begin("##keyboard", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoScrollWithMouse | kTouchWindow);
    ImGui::PopStyleColor();
    KeyGrid grid;
    ImVec2 avail = ImGui::GetContentRegionAvail();
    grid.width = ColumnWidth(ui, avail.x); // the same column as the steps
    grid.x = ImGui::GetCursorPosX() + (avail.x - grid.width) * 0.5f;
    grid.gap = ui.theme.U(0.3f);
    grid.unit = (grid.width - grid.gap * 9.0f) / 10.0f;
    // Five rows (field and four of keys) and the prompt share the height;
    // keys are at least 15 mm where the screen allows, never below two lines.
    float prompt_h = ui.theme.unit + ui.theme.Gap();
    float by_height = (avail.y - prompt_h - grid.gap * 5.0f - ui.theme.Gap()) / 5.0f;
    grid.key_h = std::max(ui.theme.U(2.0f), std::min(ui.theme.TargetHeight() * 1.3f, by_height));
    float block_h = prompt_h + grid.key_h * 5.0f + grid.gap * 4.0f + ui.theme.Gap();
    float y = ImGui::GetCursorPosY() + std::max(0.0f, avail.y - block_h);
    DrawField(ui, view, grid, y, out);
    y = ImGui::GetCursorPosY(); // below the field and Cancel, one item spacing on
    for (int row = 0; row < 3; ++row) {
        DrawKeyRow(ui, view, grid, row, y, out);
        y += grid.key_h + grid.gap;
    }
    DrawBottomRow(ui, view, grid, y, out);
    ImGui::End();
}

} // namespace tapsheet
