// Touch bookkeeping for one SDL window.
//
// No hover left behind: a finger has no hover, but ImGui keeps the last
// pointer position, so after a tap the button under the finger would stay
// highlighted until the next touch. The frame after the one that delivers a
// touch release we feed io.AddMousePosEvent(-FLT_MAX, -FLT_MAX) ("no
// pointer"). Not in the same frame: the tap must be released over its target
// to count. And again on every later frame until the pointer moves, so that
// no position queued from elsewhere (X moves its pointer to where the finger
// was) brings the hover back.
//
// Windowless touch: under KMSDRM SDL2's evdev input reports fingers with no
// window and then synthesizes no mouse events, so we feed the first finger
// to ImGui ourselves as a touch-screen mouse.
#pragma once

#include "app/platform/sdl_common.h"

struct ImVec2;

namespace tapsheet::platform {

// A touch at (x, y), as fractions of the panel, turned `degrees` clockwise.
void RotateTouch(float& x, float& y, int degrees);

class TouchInput {
  public:
    explicit TouchInput(int rotation = 0) : rotation_(rotation) {}
    // A mouse event SDL made from a finger, in a window of that size: moved
    // by the rotation (a real mouse is never turned).
    void RotateSynthesized(SDL_Event& e, float window_width, float window_height) const;
    // Every SDL mouse event, before imgui_impl_sdl2 sees it.
    void OnMouseEvent(const SDL_Event& e);
    // A finger event SDL gave no window: feeds the current ImGui context.
    // Returns false for fingers ignored (all but the first, as SDL does).
    bool OnWindowlessFinger(const SDL_TouchFingerEvent& finger, float window_width, float window_height);

    // True while a release still waits for the frame that clears the hover.
    bool NeedsFrame() const { return hover_ == Hover::Released || hover_ == Hover::ReleaseFramed; }
    // In BeginFrame, after the platform backend's NewFrame (which may feed a
    // position of its own) and before ImGui::NewFrame.
    void BeforeNewFrame();

  private:
    enum class Hover { Mouse, Touching, Released, ReleaseFramed, Lifted };
    int rotation_ = 0;
    Hover hover_ = Hover::Mouse;
    bool finger_down_ = false;
    SDL_FingerID primary_finger_ = 0;
};

} // namespace tapsheet::platform
