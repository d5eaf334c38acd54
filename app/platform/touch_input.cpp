#include "app/platform/touch_input.h"

#include <imgui.h>

#include <cfloat>

namespace tapsheet::platform {

static Uint32 MouseEventSource(const SDL_Event& e) {
    switch (e.type) {
    case SDL_MOUSEMOTION:
        return e.motion.which;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        return e.button.which;
    default:
        return e.wheel.which;
    }
}

void RotateTouch(float& x, float& y, int degrees) {
    const float from_x = x, from_y = y;
    switch (degrees) {
    case 90:
        x = 1 - from_y;
        y = from_x;
        return;
    case 180:
        x = 1 - from_x;
        y = 1 - from_y;
        return;
    case 270:
        x = from_y;
        y = 1 - from_x;
        return;
    default:
        return;
    }
}

void TouchInput::RotateSynthesized(SDL_Event& e, float window_width, float window_height) const {
    if (rotation_ == 0 || window_width <= 0 || window_height <= 0) return;
    if (e.type != SDL_MOUSEMOTION && e.type != SDL_MOUSEBUTTONDOWN && e.type != SDL_MOUSEBUTTONUP) return;
    if (MouseEventSource(e) != SDL_TOUCH_MOUSEID) return;
    Sint32& ex = e.type == SDL_MOUSEMOTION ? e.motion.x : e.button.x;
    Sint32& ey = e.type == SDL_MOUSEMOTION ? e.motion.y : e.button.y;
    float x = static_cast<float>(ex) / window_width, y = static_cast<float>(ey) / window_height;
    RotateTouch(x, y, rotation_);
    ex = static_cast<Sint32>(x * window_width);
    ey = static_cast<Sint32>(y * window_height);
}

void TouchInput::OnMouseEvent(const SDL_Event& e) {
    if (e.type == SDL_MOUSEWHEEL) return; // scrolling neither starts nor ends a touch
    if (MouseEventSource(e) != SDL_TOUCH_MOUSEID)
        hover_ = Hover::Mouse;
    else if (e.type == SDL_MOUSEBUTTONUP)
        hover_ = Hover::Released;
    else
        hover_ = Hover::Touching;
}

bool TouchInput::OnWindowlessFinger(const SDL_TouchFingerEvent& finger, float window_width,
                                    float window_height) {
    ImGuiIO& io = ImGui::GetIO();
    if (finger.type == SDL_FINGERDOWN) {
        // A lone finger is always the primary one, even if a lift was lost
        // (device reset): otherwise the screen would ignore touch for good.
        if (finger_down_ && SDL_GetNumTouchFingers(finger.touchId) > 1) return false;
        if (finger_down_) io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
        finger_down_ = true;
        primary_finger_ = finger.fingerId;
    } else if (!finger_down_ || finger.fingerId != primary_finger_) {
        return false;
    }
    float x = finger.x, y = finger.y;
    RotateTouch(x, y, rotation_);
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(x * window_width, y * window_height);
    if (finger.type != SDL_FINGERMOTION)
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, finger.type == SDL_FINGERDOWN);
    const bool lifted = finger.type == SDL_FINGERUP;
    if (lifted) finger_down_ = false;
    hover_ = lifted ? Hover::Released : Hover::Touching;
    return true;
}

void TouchInput::BeforeNewFrame() {
    switch (hover_) {
    case Hover::Released:
        // This frame delivers the release at the finger's position: the tap counts.
        hover_ = Hover::ReleaseFramed;
        return;
    case Hover::ReleaseFramed:
        hover_ = Hover::Lifted;
        break;
    case Hover::Lifted:
        break;
    default:
        return;
    }
    // ImGui ignores a position equal to the last one, so this queues nothing
    // once the pointer is gone, and nothing keeps the app drawing.
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
}

} // namespace tapsheet::platform
