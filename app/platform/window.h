// A window with a GL context and its own Dear ImGui context, behind one small
// interface. Implementations: SDL2 (default; touch reported as touch, KMSDRM
// on the Pi), GLFW (desktops), and an offscreen one (hidden window rendering
// into a framebuffer object) for screenshots.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct ImGuiContext;

namespace tapsheet {

enum class Backend { Sdl, Glfw, Offscreen };

struct WindowOptions {
    std::string title = "tapsheet";
    int width = 1280; // windowed size, or offscreen framebuffer size
    int height = 800;
    bool fullscreen = true;
    int monitor = 0; // which display, when several are attached
};

class Window {
public:
    virtual ~Window() = default;

    // Waits up to timeout_s seconds (0: just poll) for events, feeds them to
    // this window's ImGui context and returns how many arrived. Wake() from
    // any thread ends the wait early.
    virtual int WaitEvents(double timeout_s) = 0;
    virtual void Wake() = 0;
    virtual bool CloseRequested() const = 0;

    // Makes this window's GL and ImGui contexts current and starts a frame
    // (backend NewFrame + ImGui::NewFrame).
    virtual void BeginFrame() = 0;
    // ImGui::Render, draws, presents.
    virtual void EndFrame() = 0;

    // RGBA pixels of the last frame, top row first (for screenshots).
    virtual bool ReadPixels(std::vector<std::uint8_t>& rgba, int& width, int& height) = 0;

    virtual ImGuiContext* Context() const = 0;
    virtual void FramebufferSize(int& width, int& height) const = 0;
};

// Returns null and sets *error (what went wrong and what to do) on failure.
std::unique_ptr<Window> CreateAppWindow(Backend backend, const WindowOptions& options, std::string* error);

bool WritePng(const std::string& path, const std::vector<std::uint8_t>& rgba, int width, int height,
              std::string* error);

// Where there is no X display (or Wayland), starts a private Xvfb and points
// DISPLAY at it for the life of the returned handle. Null when not needed.
class VirtualDisplay;
std::shared_ptr<VirtualDisplay> EnsureDisplay(int width, int height, std::string* error);

} // namespace tapsheet
