// SDL2 + imgui_impl_sdl2 + imgui_impl_opengl3: the kiosk's window, on a
// desktop (X11, Wayland) or straight on KMSDRM on the Raspberry Pi.
#include "app/platform/backends.h"
#include "app/platform/gl_headers.h"
#include "app/platform/platform_common.h"
#include "app/platform/sdl_common.h"
#include "app/platform/touch_input.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>
#include <imgui_internal.h>

#include <cstdio>

namespace tapsheet::platform {

namespace {

class SdlWindow final : public Window {
  public:
    explicit SdlWindow(const WindowOptions& options) : options_(options), touch_(options.touch_rotation) {}
    ~SdlWindow() override;

    bool Open(std::string* error);

    int WaitEvents(double timeout_s) override;
    void Wake() override { sdl::PushWake(window_id_); }
    bool CloseRequested() const override { return close_requested_; }
    void BeginFrame() override;
    void EndFrame() override;
    bool ReadPixels(std::vector<std::uint8_t>& rgba, int& width, int& height) override;
    ImGuiContext* Context() const override { return imgui_; }
    void FramebufferSize(int& width, int& height) const override;

  private:
    bool HandleEvent(const SDL_Event& e);
    void MakeCurrent();
    void TraceInput() const;

    WindowOptions options_;
    bool video_started_ = false;
    sdl::GlWindow gl_;
    Uint32 window_id_ = 0; // written before any other thread can call Wake()
    ImGuiContext* imgui_ = nullptr;
    bool platform_ready_ = false;
    bool renderer_ready_ = false;
    sdl::EventInbox inbox_;
    TouchInput touch_;
    bool close_requested_ = false;
    bool trace_ = false; // TAPSHEET_INPUT_TRACE=1: each frame's input to stderr
};

// With no display SDL quietly falls back to a driver that shows nothing; a
// kiosk must say so instead.
bool OnInvisibleDriver(std::string* error) {
    const char* driver = sdl::InvisibleDriverName();
    if (driver == nullptr) return false;
    SetError(error, std::string("SDL could not open a window: no display was found (SDL fell back to its "
                                "invisible \"") +
                        driver + "\" driver). " + kDisplayAdvice);
    return true;
}

int MonitorOrFirst(int monitor) {
    // A kiosk whose second screen is unplugged still comes up, on the first.
    return monitor >= 0 && monitor < SDL_GetNumVideoDisplays() ? monitor : 0;
}

// SDL 2.26's KMSDRM driver (Debian 12, Raspberry Pi OS bookworm) moves
// every new window to (0, 0) and then takes the display from that place,
// so the board's full-screen window of a one-process Pi (`with_board`)
// landed on the first display, over the kiosk, and the second stayed dark
// (found in vm-test.sh's two-head guest; fixed in SDL 3, libsdl-org/SDL
// PR 10535). Out of full screen, moved onto its display and full-screen
// again, the window takes that display: SDL finds it from the position.
void KeepOnDisplay(SDL_Window* window, int monitor) {
    const int placed = SDL_GetWindowDisplayIndex(window);
    SDL_Rect bounds;
    if (placed == monitor || SDL_GetDisplayBounds(monitor, &bounds) != 0) return;
    SDL_SetWindowFullscreen(window, 0);
    SDL_SetWindowPosition(window, bounds.x, bounds.y);
    SDL_SetWindowFullscreen(window, SDL_WINDOW_FULLSCREEN_DESKTOP);
    std::fprintf(stderr, "tapsheet: window moved from display %d to display %d (now on %d)\n", placed,
                 monitor, SDL_GetWindowDisplayIndex(window));
}

bool SdlWindow::Open(std::string* error) {
    if (!sdl::StartVideo(error)) return false;
    video_started_ = true;
    if (OnInvisibleDriver(error)) return false;

    const int monitor = MonitorOrFirst(options_.monitor);
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
    int x = SDL_WINDOWPOS_CENTERED_DISPLAY(monitor), y = SDL_WINDOWPOS_CENTERED_DISPLAY(monitor);
    if (options_.fullscreen) {
        // Desktop fullscreen takes the monitor as it is: no mode switch.
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
        x = y = SDL_WINDOWPOS_UNDEFINED_DISPLAY(monitor);
    } else {
        flags |= SDL_WINDOW_RESIZABLE;
        if (options_.positioned) x = options_.x, y = options_.y;
    }
    if (!sdl::OpenGlWindow(options_.title.c_str(), x, y, options_.width, options_.height, flags, &gl_, error))
        return false;
    if (options_.fullscreen) KeepOnDisplay(gl_.window, monitor);
    window_id_ = SDL_GetWindowID(gl_.window);
    trace_ = InputTraceRequested();
    SDL_GL_SetSwapInterval(1); // VSync; the app decides when a frame is worth drawing

    imgui_ = CreateKioskImGuiContext();
    platform_ready_ = ImGui_ImplSDL2_InitForOpenGL(gl_.window, gl_.gl);
    if (!platform_ready_) {
        SetError(error, "Dear ImGui's SDL2 backend could not start. " + std::string(kDisplayAdvice));
        return false;
    }
    renderer_ready_ = InitRenderer(error);
    if (!renderer_ready_) return false;
    inbox_.Register(window_id_, true);
    return true;
}

SdlWindow::~SdlWindow() {
    inbox_.Unregister();
    if (gl_.window != nullptr) SDL_GL_MakeCurrent(gl_.window, gl_.gl);
    if (imgui_ != nullptr)
        ShutdownImGuiContext(imgui_, renderer_ready_, platform_ready_ ? ImGui_ImplSDL2_Shutdown : nullptr);
    sdl::CloseGlWindow(&gl_);
    if (video_started_) sdl::StopVideo();
}

int SdlWindow::WaitEvents(double timeout_s) {
    ImGuiContextScope scope(imgui_);
    const bool owes_frame = touch_.NeedsFrame() || HasQueuedInput(imgui_);
    int count = owes_frame ? 1 : 0;
    for (const SDL_Event& e : inbox_.Collect(owes_frame ? 0.0 : timeout_s))
        if (HandleEvent(e)) count++;
    inbox_.Clear();
    return count;
}

// Feeds one event to ImGui; true when it needs a redraw.
bool SdlWindow::HandleEvent(const SDL_Event& e) {
    switch (e.type) {
    case SDL_QUIT:
        close_requested_ = true;
        return true;
    case SDL_WINDOWEVENT:
        if (e.window.event == SDL_WINDOWEVENT_CLOSE) close_requested_ = true;
        ImGui_ImplSDL2_ProcessEvent(&e);
        return true;
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION: {
        // With a window SDL also sent mouse events (SDL_TOUCH_MOUSEID) for
        // this finger; those are what ImGui gets.
        if (e.tfinger.windowID != 0) return false;
        int w = 0, h = 0;
        SDL_GetWindowSize(gl_.window, &w, &h);
        return touch_.OnWindowlessFinger(e.tfinger, static_cast<float>(w), static_cast<float>(h));
    }
    case SDL_MOUSEMOTION:
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
    case SDL_MOUSEWHEEL: {
        touch_.OnMouseEvent(e);
        SDL_Event turned = e;
        int w = 0, h = 0;
        SDL_GetWindowSize(gl_.window, &w, &h);
        touch_.RotateSynthesized(turned, static_cast<float>(w), static_cast<float>(h));
        return ImGui_ImplSDL2_ProcessEvent(&turned);
    }
    case SDL_DISPLAYEVENT:
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
        return true;
    default:
        // Wake events land here and do not count; keys and text do.
        if (e.type == sdl::WakeEventType()) return false;
        return ImGui_ImplSDL2_ProcessEvent(&e);
    }
}

void SdlWindow::MakeCurrent() {
    SDL_GL_MakeCurrent(gl_.window, gl_.gl);
    ImGui::SetCurrentContext(imgui_);
}

void SdlWindow::BeginFrame() {
    MakeCurrent();
    NewRendererFrame(); // the font texture on the first frame, from the fonts the theme loaded
    // imgui_impl_sdl2 adds, on every frame the window has keyboard focus,
    // the pointer position SDL_GetGlobalMouseState() reports. On X11, SDL 2
    // caches that position until an XInput2 raw motion event arrives, and a
    // pointer moved without one (warped, as xdotool does, or emulated from a
    // touch panel) leaves it stale: the previous tap's position then lands
    // after the new one's motion, and the press goes to the button tapped
    // before. SDL's own events carry every position the kiosk needs
    // (motion, touch, leaving the window), so that extra one is dropped;
    // the backend's "mouse left the window" (-FLT_MAX) is kept.
    const int queued = QueuedInputCount(imgui_);
    ImGui_ImplSDL2_NewFrame();
    DropPolledMousePositions(imgui_, queued);
    touch_.BeforeNewFrame();
    ImGui::NewFrame();
}

// What ImGui made of this frame's input (InputTraceRequested), to stderr.
void SdlWindow::TraceInput() const {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiIO& io = g.IO;
    if (g.InputEventsTrail.Size == 0 && !io.MouseDown[0] && !io.MouseReleased[0]) return;
    std::fprintf(
        stderr,
        "tapsheet input: window %u frame %d: %d event(s), %d left; pointer %.0f,%.0f down %d clicked %d "
        "released %d; hovered window '%s' item %u; active item %u\n",
        window_id_, g.FrameCount, g.InputEventsTrail.Size, g.InputEventsQueue.Size, io.MousePos.x,
        io.MousePos.y, io.MouseDown[0] ? 1 : 0, io.MouseClicked[0] ? 1 : 0, io.MouseReleased[0] ? 1 : 0,
        g.HoveredWindow != nullptr ? g.HoveredWindow->Name : "", g.HoveredId, g.ActiveId);
}

void SdlWindow::EndFrame() {
    if (trace_) TraceInput();
    ImGui::Render();
    int w = 0, h = 0;
    FramebufferSize(w, h);
    RenderDrawData(w, h, options_.clear_color);
    SDL_GL_SwapWindow(gl_.window);
}

bool SdlWindow::ReadPixels(std::vector<std::uint8_t>& rgba, int& width, int& height) {
    MakeCurrent();
    FramebufferSize(width, height);
    return RedrawLastFrameAndRead(width, height, options_.clear_color, rgba);
}

void SdlWindow::FramebufferSize(int& width, int& height) const {
    SDL_GL_GetDrawableSize(gl_.window, &width, &height);
}

} // namespace

std::vector<DisplayArea> ListSdlDisplays(std::string* error) {
    // SDL counts its starts: this one connects only when no window is open,
    // and the last stop closes that connection again.
    if (!sdl::StartVideo(error)) return {};
    std::vector<DisplayArea> areas;
    const int count = OnInvisibleDriver(error) ? 0 : SDL_GetNumVideoDisplays();
    for (int i = 0; i < count; i++) {
        SDL_Rect r{};
        if (SDL_GetDisplayUsableBounds(i, &r) != 0 && SDL_GetDisplayBounds(i, &r) != 0) continue;
        areas.push_back({r.x, r.y, r.w, r.h});
    }
    sdl::StopVideo();
    if (areas.empty() && error && error->empty())
        SetError(error, std::string("SDL finds no display: ") + SDL_GetError());
    return areas;
}

std::unique_ptr<Window> CreateSdlWindow(const WindowOptions& options, std::string* error) {
    auto window = std::make_unique<SdlWindow>(options);
    if (!window->Open(error)) return nullptr;
    return window;
}

} // namespace tapsheet::platform
