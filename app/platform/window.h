// A window with a GL context and its own Dear ImGui context, behind one small
// interface. Implementations: SDL2 (default; touch reported as touch, KMSDRM
// on the Pi), GLFW (desktops), and an offscreen one (hidden window rendering
// into a framebuffer object) for screenshots.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct ImGuiContext;

namespace tapsheet {

enum class Backend { Sdl, Glfw, Offscreen };

// "sdl", "glfw", "offscreen": for command-line flags and messages.
const char* BackendName(Backend backend);
bool ParseBackend(std::string_view name, Backend* backend);

struct WindowOptions {
    std::string title = "tapsheet";
    int width = 1280; // windowed size, or offscreen framebuffer size
    int height = 800;
    bool fullscreen = true;
    int monitor = 0; // which display; falls back to the first if absent
    // Windowed only: where the window's top-left goes, in desktop
    // coordinates (two windows side by side). false: centred on `monitor`.
    bool positioned = false;
    int x = 0, y = 0;
    std::array<float, 4> clear_color = {0, 0, 0, 1}; // RGBA behind everything ImGui draws
    // Degrees clockwise (0, 90, 180, 270) to turn touch input by, for a touch
    // panel that was not rotated with the picture. SDL only: GLFW gets no
    // touch of its own.
    int touch_rotation = 0;
};

// Not copyable or movable: backends keep pointers to their window.
class Window {
  public:
    Window() = default;
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;
    virtual ~Window() = default;

    // Waits up to timeout_s seconds (0: just poll, negative: no limit) for
    // events, feeds them to this window's ImGui context and returns how many
    // of them need a redraw (input, resize, expose, close). Returns at once,
    // counting 1, while ImGui still holds queued input or a touch release
    // still needs its follow-up frame. Wake() from any thread ends the wait
    // early without counting. Call from the thread that created the window.
    virtual int WaitEvents(double timeout_s) = 0;
    virtual void Wake() = 0;
    virtual bool CloseRequested() const = 0;

    // Makes this window's GL and ImGui contexts current and starts a frame
    // (backend NewFrame + ImGui::NewFrame).
    virtual void BeginFrame() = 0;
    // ImGui::Render, draws, presents.
    virtual void EndFrame() = 0;

    // RGBA pixels of the last frame, top row first (for screenshots). Call
    // between EndFrame and the next BeginFrame. Windows redraw the last
    // frame's draw lists into the back buffer and read it before any swap;
    // the offscreen window reads its framebuffer object.
    virtual bool ReadPixels(std::vector<std::uint8_t>& rgba, int& width, int& height) = 0;

    virtual ImGuiContext* Context() const = 0;
    virtual void FramebufferSize(int& width, int& height) const = 0;
};

// Returns null and sets *error (what went wrong and what to do) on failure.
// On success the new window's GL and ImGui contexts are current, so fonts can
// be loaded into ImGui::GetIO() before the first BeginFrame.
std::unique_ptr<Window> CreateAppWindow(Backend backend, const WindowOptions& options, std::string* error);

// One attached display: the part of the desktop windows may use (without
// panels and docks), in desktop coordinates.
struct DisplayArea {
    int x = 0, y = 0, width = 0, height = 0;
};
// The displays the backend sees, in its own order (the index is
// WindowOptions::monitor). Empty, with *error set, when it sees none; the
// offscreen backend reports none without an error.
std::vector<DisplayArea> ListDisplays(Backend backend, std::string* error);

// TAPSHEET_INPUT_TRACE=1 in the environment: the windows log what ImGui
// and the screens made of each frame's input (a tap that did nothing, on a
// screen no debugger reaches: KMSDRM on a Pi, a QEMU guest).
bool InputTraceRequested();

bool WritePng(const std::string& path, const std::vector<std::uint8_t>& rgba, int width, int height,
              std::string* error);

// Where there is no X display (or Wayland), starts a private Xvfb and points
// DISPLAY at it for the life of the returned handle. Null when not needed (or
// on failure, with *error set). Destroy every window before the handle. It
// sets DISPLAY: call it before starting threads that read the environment.
class VirtualDisplay;
std::shared_ptr<VirtualDisplay> EnsureDisplay(int width, int height, std::string* error);

} // namespace tapsheet
