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
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(finger.x * window_width, finger.y * window_height);
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
