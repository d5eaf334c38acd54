#include "app/platform/platform_common.h"

#include "app/platform/gl_headers.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>

#include <cfloat>
#include <cstring>
#include <utility>

namespace tapsheet::platform {

ImGuiContextScope::ImGuiContextScope(ImGuiContext* ctx) : previous_(ImGui::GetCurrentContext()) {
    ImGui::SetCurrentContext(ctx);
}

ImGuiContextScope::~ImGuiContextScope() {
    ImGui::SetCurrentContext(previous_);
}

ImGuiContext* CreateKioskImGuiContext() {
    ImGuiContext* ctx = ImGui::CreateContext();
    ImGui::SetCurrentContext(ctx);
    ImGuiIO& io = ImGui::GetIO();
    // A kiosk writes nothing behind the organiser's back.
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    return ctx;
}

void ShutdownImGuiContext(ImGuiContext* ctx, bool renderer_ready, void (*platform_shutdown)()) {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGui::SetCurrentContext(ctx);
    if (renderer_ready) {
        DeleteFontTexture();
        ImGui_ImplOpenGL3_Shutdown(); // frees textures and shaders: GL must be current
    }
    if (platform_shutdown != nullptr) platform_shutdown();
    ImGui::DestroyContext(ctx);
    // Never leave a destroyed context current: ImGui would use freed memory.
    ImGui::SetCurrentContext(previous == ctx ? nullptr : previous);
}

bool HasQueuedInput(ImGuiContext* ctx) {
    return ctx != nullptr && ctx->InputEventsQueue.Size > 0;
}

int QueuedInputCount(ImGuiContext* ctx) {
    return ctx != nullptr ? ctx->InputEventsQueue.Size : 0;
}

void DropPolledMousePositions(ImGuiContext* ctx, int from) {
    ImVector<ImGuiInputEvent>& queue = ctx->InputEventsQueue;
    for (int i = queue.Size - 1; i >= from && i >= 0; i--) {
        const ImGuiInputEvent& e = queue[i];
        // "No pointer" (the mouse left the window) is news, not a poll.
        if (e.Type == ImGuiInputEventType_MousePos && e.MousePos.PosX != -FLT_MAX)
            queue.erase(queue.Data + i);
    }
}

const char* GlslVersion() {
#if defined(IMGUI_IMPL_OPENGL_ES3)
    return "#version 300 es";
#else
    return "#version 130";
#endif
}

const char* GlApiName() {
#if defined(IMGUI_IMPL_OPENGL_ES3)
    return "OpenGL ES 3.0";
#else
    return "OpenGL 3.0";
#endif
}

static std::string GlString(GLenum name) {
    const GLubyte* text = glGetString(name);
    return text != nullptr ? reinterpret_cast<const char*>(text) : "unknown";
}

bool InitRenderer(std::string* error) {
    if (ImGui_ImplOpenGL3_Init(GlslVersion())) return true;
    SetError(error, std::string("Dear ImGui's renderer could not start on ") + GlString(GL_RENDERER) + " (" +
                        GlString(GL_VERSION) + "); it needs " + GlApiName() +
                        ". Update the GL driver (Mesa) or try another backend.");
    return false;
}

void RenderDrawData(int fb_width, int fb_height, const std::array<float, 4>& clear_color) {
    glViewport(0, 0, fb_width, fb_height);
    glClearColor(clear_color[0], clear_color[1], clear_color[2], clear_color[3]);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

bool RedrawLastFrameAndRead(int width, int height, const std::array<float, 4>& clear_color,
                            std::vector<std::uint8_t>& rgba) {
    const ImDrawData* draw_data = ImGui::GetDrawData();
    if (draw_data == nullptr || !draw_data->Valid) return false;
    RenderDrawData(width, height, clear_color);
    return ReadBoundFramebuffer(width, height, rgba);
}

bool ReadBoundFramebuffer(int width, int height, std::vector<std::uint8_t>& rgba) {
    if (width <= 0 || height <= 0) return false;
    const size_t row = static_cast<size_t>(width) * 4;
    std::vector<std::uint8_t> bottom_up(row * static_cast<size_t>(height));
    // Forget errors left by earlier calls so the check below is about this read.
    for (int i = 0; i < 16 && glGetError() != GL_NO_ERROR; i++) {
    }
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
    if (glGetError() != GL_NO_ERROR) return false;
    // GL's origin is bottom-left; images are stored top row first.
    rgba.resize(bottom_up.size());
    for (int y = 0; y < height; y++)
        std::memcpy(&rgba[static_cast<size_t>(y) * row],
                    &bottom_up[static_cast<size_t>(height - 1 - y) * row], row);
    return true;
}

void SetError(std::string* error, std::string message) {
    if (error != nullptr) *error = std::move(message);
}

} // namespace tapsheet::platform
