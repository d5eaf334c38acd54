#include "app/ui/common/widgets.h"

#include "imgui_internal.h"

#include <qrencode.h>

#include <algorithm>
#include <cmath>

namespace tapsheet {

void Record(UiFrame& ui, const char* id, const std::string& label, const ImRect& bb, bool enabled,
            bool text) {
    if (!ui.targets) return;
    ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
    // Vertically whole (a finger can reach all of it) and not off to a side.
    bool visible = bb.Min.y >= clip.Min.y - 0.5f && bb.Max.y <= clip.Max.y + 0.5f && bb.Max.x > clip.Min.x &&
                   bb.Min.x < clip.Max.x;
    ImGuiWindow* root = ImGui::GetCurrentWindow()->RootWindow;
    ui.targets->push_back({id, label, bb.Min, bb.Max, enabled, visible, clip.Min, clip.Max, root->ID, text});
}

namespace {

bool TapPressed(const ImRect& bb, ImGuiID id, bool enabled, bool* held) {
    bool hovered = false;
    bool is_held = false;
    ImGuiButtonFlags flags = ImGuiButtonFlags_PressedOnClickRelease;
    bool pressed = enabled && ImGui::ButtonBehavior(bb, id, &hovered, &is_held, flags);
    bool slid = SlidPast(ImGui::GetFontSize() * 0.6f);
    if (held) *held = enabled && is_held && hovered && !slid;
    return pressed && !slid;
}

} // namespace

bool SlidPast(float threshold) {
    const ImGuiIO& io = ImGui::GetIO();
    float farthest = io.MouseDragMaxDistanceSqr[0];
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && ImGui::IsMousePosValid(&io.MousePos)) {
        const ImVec2 moved(io.MousePos.x - io.MouseClickedPos[0].x, io.MousePos.y - io.MouseClickedPos[0].y);
        farthest = std::max(farthest, moved.x * moved.x + moved.y * moved.y);
    }
    return farthest > threshold * threshold;
}

bool TapBehavior(const ImRect& bb, ImGuiID id, bool enabled, bool* held) {
    ImGui::ItemSize(bb.GetSize());
    if (!ImGui::ItemAdd(bb, id)) return false;
    return TapPressed(bb, id, enabled, held);
}

bool TapOver(const ImRect& bb, ImGuiID id, bool* held) {
    if (!ImGui::ItemAdd(bb, id)) return false;
    return TapPressed(bb, id, true, held);
}

namespace {

struct ButtonColors {
    ImU32 fill, fill_held, text, border;
};

ButtonColors ColorsFor(const Palette& p, ButtonKind kind, bool enabled) {
    if (!enabled) return {p.background, p.background, p.text_muted, p.border};
    switch (kind) {
    case ButtonKind::Primary:
        return {p.primary, p.primary_pressed, p.on_primary, p.primary};
    case ButtonKind::Danger:
        return {p.least, p.primary_pressed, p.on_primary, p.least};
    case ButtonKind::Quiet:
        return {p.background, p.pressed_surface, p.primary, p.background};
    case ButtonKind::Placeholder:
        return {p.surface, p.pressed_surface, p.text_muted, p.border};
    case ButtonKind::Option:
    case ButtonKind::Key:
    case ButtonKind::Secondary:
        break;
    }
    return {p.surface, p.pressed_surface, p.text, p.border};
}

} // namespace

bool TapButton(UiFrame& ui, const char* id, const std::string& text, ImVec2 size, ButtonKind kind,
               bool enabled) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImVec2 pos = window->DC.CursorPos;
    ImRect bb(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    ImGuiID gid = ImGui::GetID(id);
    bool held = false;
    bool pressed = TapBehavior(bb, gid, enabled, &held);
    Record(ui, id, text, bb, enabled);
    ButtonColors c = ColorsFor(ui.theme.colors, kind, enabled);
    ImDrawList* draw = window->DrawList;
    float rounding = ui.theme.U(0.45f);
    draw->AddRectFilled(bb.Min, bb.Max, held ? c.fill_held : c.fill, rounding);
    if (kind != ButtonKind::Quiet) draw->AddRect(bb.Min, bb.Max, c.border, rounding, 0, ui.theme.U(0.1f));
    bool left = kind == ButtonKind::Option || kind == ButtonKind::Placeholder;
    ImFont* font = left ? ui.theme.body : ui.theme.body_bold;
    if (kind == ButtonKind::Key) font = ui.theme.heading;
    float pad = ui.theme.U(0.8f);
    float wrap = size.x - 2 * pad;
    ImVec2 text_size = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, text.c_str());
    float x = left ? bb.Min.x + pad : bb.Min.x + (size.x - text_size.x) * 0.5f;
    ImVec2 text_pos(x, bb.Min.y + (size.y - text_size.y) * 0.5f);
    draw->AddText(font, font->FontSize, text_pos, c.text, text.c_str(), nullptr, wrap);
    return pressed;
}

namespace {

void DrawIcon(ImDrawList* draw, Icon icon, ImVec2 centre, float size, ImU32 color, float thickness) {
    float h = size * 0.5f;
    if (icon == Icon::Shift) {
        ImVec2 points[7] = {
            {centre.x, centre.y - h},
            {centre.x + h, centre.y},
            {centre.x + h * 0.45f, centre.y},
            {centre.x + h * 0.45f, centre.y + h},
            {centre.x - h * 0.45f, centre.y + h},
            {centre.x - h * 0.45f, centre.y},
            {centre.x - h, centre.y},
        };
        draw->AddPolyline(points, 7, color, ImDrawFlags_Closed, thickness);
        return;
    }
    if (icon == Icon::Space) {
        // The space bar's bracket: a line with short ends turned up.
        ImVec2 points[4] = {{centre.x - h * 1.4f, centre.y - h * 0.3f},
                            {centre.x - h * 1.4f, centre.y + h * 0.3f},
                            {centre.x + h * 1.4f, centre.y + h * 0.3f},
                            {centre.x + h * 1.4f, centre.y - h * 0.3f}};
        draw->AddPolyline(points, 4, color, ImDrawFlags_None, thickness);
        return;
    }
    // Backspace: a tag pointing left with a cross in it.
    ImVec2 points[5] = {
        {centre.x - h * 1.2f, centre.y},
        {centre.x - h * 0.5f, centre.y - h * 0.7f},
        {centre.x + h * 1.1f, centre.y - h * 0.7f},
        {centre.x + h * 1.1f, centre.y + h * 0.7f},
        {centre.x - h * 0.5f, centre.y + h * 0.7f},
    };
    draw->AddPolyline(points, 5, color, ImDrawFlags_Closed, thickness);
    float c = h * 0.3f;
    ImVec2 x_centre(centre.x + h * 0.3f, centre.y);
    draw->AddLine(ImVec2(x_centre.x - c, x_centre.y - c), ImVec2(x_centre.x + c, x_centre.y + c), color,
                  thickness);
    draw->AddLine(ImVec2(x_centre.x - c, x_centre.y + c), ImVec2(x_centre.x + c, x_centre.y - c), color,
                  thickness);
}

} // namespace

bool TapIconButton(UiFrame& ui, const char* id, Icon icon, const std::string& label, ImVec2 size,
                   ButtonKind kind) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImVec2 pos = window->DC.CursorPos;
    ImRect bb(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    bool held = false;
    bool pressed = TapBehavior(bb, ImGui::GetID(id), true, &held);
    Record(ui, id, label, bb, true, false);
    ButtonColors c = ColorsFor(ui.theme.colors, kind, true);
    float rounding = ui.theme.U(0.45f);
    window->DrawList->AddRectFilled(bb.Min, bb.Max, held ? c.fill_held : c.fill, rounding);
    window->DrawList->AddRect(bb.Min, bb.Max, c.border, rounding, 0, ui.theme.U(0.1f));
    DrawIcon(window->DrawList, icon, bb.GetCenter(), ui.theme.U(1.0f), c.text, ui.theme.U(0.12f));
    return pressed;
}

float ChipHeight(const UiFrame& ui, const std::string& text, float width) {
    float check = ui.theme.U(1.2f);
    float wrap = width - check - ui.theme.U(1.6f);
    float text_h = TextHeight(ui.theme.body, text, wrap);
    return std::max(ui.theme.TargetHeight(), text_h + ui.theme.U(1.0f));
}

bool Chip(UiFrame& ui, const char* id, const std::string& text, bool selected, float width, float height) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImVec2 pos = window->DC.CursorPos;
    ImRect bb(pos, ImVec2(pos.x + width, pos.y + height));
    bool held = false;
    bool pressed = TapBehavior(bb, ImGui::GetID(id), true, &held);
    Record(ui, id, text, bb, true);
    const Palette& p = ui.theme.colors;
    ImDrawList* draw = window->DrawList;
    float rounding = ui.theme.U(0.45f);
    ImU32 fill = selected ? p.selected_fill : (held ? p.pressed_surface : p.surface);
    draw->AddRectFilled(bb.Min, bb.Max, fill, rounding);
    draw->AddRect(bb.Min, bb.Max, selected ? p.selected_fill : p.border, rounding, 0, ui.theme.U(0.1f));
    // A tick box says "selected" without relying on colour alone.
    float box = ui.theme.U(1.1f);
    ImVec2 box_min(bb.Min.x + ui.theme.U(0.6f), bb.Min.y + (height - box) * 0.5f);
    ImVec2 box_max(box_min.x + box, box_min.y + box);
    ImU32 ink = selected ? p.on_primary : p.text;
    draw->AddRect(box_min, box_max, ink, ui.theme.U(0.2f), 0, ui.theme.U(0.12f));
    if (selected)
        ImGui::RenderCheckMark(draw, ImVec2(box_min.x + box * 0.15f, box_min.y + box * 0.15f), ink,
                               box * 0.7f);
    float text_x = box_max.x + ui.theme.U(0.6f);
    float wrap = bb.Max.x - text_x - ui.theme.U(0.6f);
    float text_h = TextHeight(ui.theme.body, text, wrap);
    ImVec2 text_pos(text_x, bb.Min.y + (height - text_h) * 0.5f);
    draw->AddText(ui.theme.body, ui.theme.body->FontSize, text_pos, ink, text.c_str(), nullptr, wrap);
    return pressed;
}

float TextHeight(ImFont* font, const std::string& text, float width) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, width, text.c_str()).y;
}

void TextBlock(ImFont* font, ImU32 color, const std::string& text, float width) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImVec2 pos = window->DC.CursorPos;
    ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, width, text.c_str());
    window->DrawList->AddText(font, font->FontSize, pos, color, text.c_str(), nullptr, width);
    ImGui::ItemSize(ImVec2(width, size.y));
}

namespace {

int LineCount(ImFont* font, const std::string& text, float width) {
    return static_cast<int>(std::lround(TextHeight(font, text, width) / font->FontSize));
}

// The narrowest width that keeps the same number of lines: wrapped lines of
// even length instead of one word left alone on the last line.
float BalancedWidth(ImFont* font, const std::string& text, float width) {
    int lines = LineCount(font, text, width);
    if (lines <= 1) return width;
    float lo = width / static_cast<float>(lines);
    float hi = width;
    for (int i = 0; i < 12; ++i) {
        float mid = (lo + hi) * 0.5f;
        if (LineCount(font, text, mid) > lines)
            lo = mid;
        else
            hi = mid;
    }
    return hi + 1.0f;
}

} // namespace

// Centres each wrapped line on its own, as a heading on a poster would be,
// with lines balanced in length.
void TextCentered(ImFont* font, ImU32 color, const std::string& text, float width) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImVec2 pos = window->DC.CursorPos;
    const char* line = text.c_str();
    const char* end = line + text.size();
    float y = pos.y;
    float wrap = BalancedWidth(font, text, width);
    while (line < end) {
        const char* line_end = font->CalcWordWrapPositionA(1.0f, line, end, wrap);
        if (line_end == line) line_end = line + 1;
        float line_w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, line, line_end).x;
        window->DrawList->AddText(font, font->FontSize, ImVec2(pos.x + (width - line_w) * 0.5f, y), color,
                                  line, line_end);
        y += font->FontSize;
        line = line_end;
        while (line < end && (*line == ' ' || *line == '\n'))
            ++line;
    }
    ImGui::ItemSize(ImVec2(width, y - pos.y));
}

void RecordShownText(UiFrame& ui, const std::string& text, ImVec2 min, ImVec2 max, float size) {
    if (!ui.texts || text.empty()) return;
    ui.texts->push_back({text, min, max, size});
}

void TextBlock(UiFrame& ui, ImFont* font, ImU32 color, const std::string& text, float width) {
    ImVec2 pos = ImGui::GetCursorScreenPos();
    TextBlock(font, color, text, width);
    RecordShownText(ui, text, pos, ImVec2(pos.x + width, ImGui::GetCursorScreenPos().y), font->FontSize);
}

void TextCentered(UiFrame& ui, ImFont* font, ImU32 color, const std::string& text, float width) {
    ImVec2 pos = ImGui::GetCursorScreenPos();
    TextCentered(font, color, text, width);
    RecordShownText(ui, text, pos, ImVec2(pos.x + width, ImGui::GetCursorScreenPos().y), font->FontSize);
}

void QrCode(const std::string& text, float size, ImU32 dark, ImU32 light) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImVec2 pos = window->DC.CursorPos;
    ImGui::ItemSize(ImVec2(size, size));
    QRcode* code = QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M);
    if (!code) return;
    int quiet = 4; // the quiet zone the QR standard asks for
    int cells = code->width + 2 * quiet;
    float cell = size / static_cast<float>(cells);
    ImDrawList* draw = window->DrawList;
    draw->AddRectFilled(pos, ImVec2(pos.x + size, pos.y + size), light);
    for (int y = 0; y < code->width; ++y) {
        for (int x = 0; x < code->width; ++x) {
            if (!(code->data[y * code->width + x] & 1)) continue;
            ImVec2 a(pos.x + (x + quiet) * cell, pos.y + (y + quiet) * cell);
            draw->AddRectFilled(a, ImVec2(a.x + cell, a.y + cell), dark);
        }
    }
    QRcode_free(code);
}

std::string Format(std::string pattern, const char* key, const std::string& value) {
    std::string token = std::string("{") + key + "}";
    std::size_t at = pattern.find(token);
    if (at != std::string::npos) pattern.replace(at, token.size(), value);
    return pattern;
}

} // namespace tapsheet
