// What the three backends share: ImGui context life, the GL renderer and
// pixel readback.
#pragma once

#include "app/platform/window.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace tapsheet::platform {

// Makes ctx current for a scope and puts back whatever was current before,
// so handling one window's events never disturbs another window's frame.
class ImGuiContextScope {
  public:
    explicit ImGuiContextScope(ImGuiContext* ctx);
    ~ImGuiContextScope();
    ImGuiContextScope(const ImGuiContextScope&) = delete;
    ImGuiContextScope& operator=(const ImGuiContextScope&) = delete;

  private:
    ImGuiContext* previous_;
};

// A new ImGui context, left current, set up for a kiosk (no imgui.ini).
ImGuiContext* CreateKioskImGuiContext();
// Shuts down the renderer (if it started, with NewRendererFrame's font
// texture) and the platform backend (if given) inside ctx, destroys ctx,
// and leaves current whatever was current before, unless that was ctx.
// Needs ctx's GL context current.
void ShutdownImGuiContext(ImGuiContext* ctx, bool renderer_ready, void (*platform_shutdown)());

// True while ctx holds input events ImGui has not processed yet (it trickles
// fast input over several frames), so the caller must draw again.
bool HasQueuedInput(ImGuiContext* ctx);

// How many input events ctx holds, and: removes the pointer positions
// queued since it held `from` (a platform backend's own polling, see
// SdlWindow::BeginFrame), keeping "no pointer" (-FLT_MAX: the mouse left).
int QueuedInputCount(ImGuiContext* ctx);
void DropPolledMousePositions(ImGuiContext* ctx, int from);

const char* GlslVersion();
const char* GlApiName(); // "OpenGL 3.0" or "OpenGL ES 3.0", for messages

// ImGui_ImplOpenGL3_Init with a message naming the GL driver on failure.
bool InitRenderer(std::string* error);

// The renderer's part of a new frame, before the platform backend's and
// ImGui::NewFrame(). On the first frame (or the first after the theme loaded
// new fonts) the renderer uploads the font atlas as RGBA; that texture is
// then replaced by a one-byte-a-pixel copy read as white with the glyphs'
// coverage as alpha (a texture swizzle: the same texels, so the same
// pixels), and the atlas's pixels and font files, no longer needed, are
// freed and the memory handed back to the system. Where the GL has no
// texture swizzle the RGBA texture stays.
void NewRendererFrame();
// Deletes NewRendererFrame's font texture (the renderer deletes only its own).
void DeleteFontTexture();

// Clears the bound framebuffer and draws the current context's draw data.
void RenderDrawData(int fb_width, int fb_height, const std::array<float, 4>& clear_color);

// Reads the bound framebuffer's top-left width x height as RGBA, top row first.
bool ReadBoundFramebuffer(int width, int height, std::vector<std::uint8_t>& rgba);

// For on-screen windows: a presented buffer's contents are undefined, so the
// last frame's draw lists are drawn again into the back buffer and read from
// there, without presenting. False when there is no frame yet.
bool RedrawLastFrameAndRead(int width, int height, const std::array<float, 4>& clear_color,
                            std::vector<std::uint8_t>& rgba);

void SetError(std::string* error, std::string message);

// The advice appended to every "could not open a window" message.
inline constexpr const char* kDisplayAdvice =
    "Is a display attached? Under SSH, run with DISPLAY set or under Xvfb.";

} // namespace tapsheet::platform
