// GLFW + imgui_impl_glfw + imgui_impl_opengl3: the desktop window. Touch
// arrives from GLFW as an ordinary mouse.
//
// imgui_impl_glfw 1.90.1 sends input to whichever ImGui context is current,
// so instead of letting it install its callbacks we install ours, which make
// the window's own context current before forwarding: two windows, two
// contexts, no crossed input.
#include "app/platform/backends.h"
#include "app/platform/gl_headers.h"
#include "app/platform/platform_common.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <chrono>
#include <cmath>
#include <thread>

namespace tapsheet::platform {

namespace {

// glfwInit/glfwTerminate are process-wide: the first window starts GLFW and
// the last one ends it, closing the display connection before a
// VirtualDisplay goes. Touched only on the thread that runs the windows.
int g_glfw_windows = 0;

constexpr int kConnectAttempts = 5;

std::string GlfwErrorText() {
    const char* description = nullptr;
    glfwGetError(&description);
    return description != nullptr ? description : "no reason given";
}

class GlfwWindow final : public Window {
  public:
    explicit GlfwWindow(const WindowOptions& options) : options_(options) {}
    ~GlfwWindow() override;

    bool Open(std::string* error);

    int WaitEvents(double timeout_s) override;
    void Wake() override { glfwPostEmptyEvent(); } // thread-safe by GLFW's contract
    bool CloseRequested() const override { return glfwWindowShouldClose(window_) != 0; }
    void BeginFrame() override;
    void EndFrame() override;
    bool ReadPixels(std::vector<std::uint8_t>& rgba, int& width, int& height) override;
    ImGuiContext* Context() const override { return imgui_; }
    void FramebufferSize(int& width, int& height) const override;

  private:
    bool OpenGlfwWindow(std::string* error);
    void InstallCallbacks();
    void MakeCurrent();
    template <typename Forward> static void Dispatch(GLFWwindow* window, Forward forward);

    WindowOptions options_;
    GLFWwindow* window_ = nullptr;
    ImGuiContext* imgui_ = nullptr;
    bool glfw_started_ = false;
    bool platform_ready_ = false;
    bool renderer_ready_ = false;
    int pending_events_ = 0; // counted by callbacks, returned by WaitEvents
};

void SetContextHints() {
    glfwDefaultWindowHints();
#if defined(IMGUI_IMPL_OPENGL_ES3)
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
#endif
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_DOUBLEBUFFER, GLFW_TRUE);
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
}

GLFWmonitor* MonitorOrPrimary(int index) {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    return index >= 0 && index < count ? monitors[index] : glfwGetPrimaryMonitor();
}

// A display server still starting (at boot) or busy refuses a connection
// now and then: try a few times before giving up.
bool StartGlfw(std::string* error) {
    for (int attempt = 1; g_glfw_windows == 0; attempt++) {
        if (glfwInit() == GLFW_TRUE) break;
        if (attempt == kConnectAttempts) {
            SetError(error, "GLFW could not start: " + GlfwErrorText() + ". " + kDisplayAdvice);
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100 * attempt));
    }
    g_glfw_windows++;
    return true;
}

bool GlfwWindow::Open(std::string* error) {
    if (!StartGlfw(error)) return false;
    glfw_started_ = true;
    if (!OpenGlfwWindow(error)) return false;
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(1); // VSync; the app decides when a frame is worth drawing

    imgui_ = CreateKioskImGuiContext();
    platform_ready_ = ImGui_ImplGlfw_InitForOpenGL(window_, false);
    if (!platform_ready_) {
        SetError(error, "Dear ImGui's GLFW backend could not start. " + std::string(kDisplayAdvice));
        return false;
    }
    InstallCallbacks();
    renderer_ready_ = InitRenderer(error);
    return renderer_ready_;
}

bool GlfwWindow::OpenGlfwWindow(std::string* error) {
    SetContextHints();
    if (options_.fullscreen) {
        // Full screen in the monitor's current mode: no mode switch, the
        // desktop's resolution and refresh rate stay as they are.
        GLFWmonitor* monitor = MonitorOrPrimary(options_.monitor);
        const GLFWvidmode* mode = monitor != nullptr ? glfwGetVideoMode(monitor) : nullptr;
        if (mode != nullptr) {
            glfwWindowHint(GLFW_RED_BITS, mode->redBits);
            glfwWindowHint(GLFW_GREEN_BITS, mode->greenBits);
            glfwWindowHint(GLFW_BLUE_BITS, mode->blueBits);
            glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
            window_ = glfwCreateWindow(mode->width, mode->height, options_.title.c_str(), monitor, nullptr);
        } else {
            SetError(error, std::string("GLFW could not open a full-screen window: it finds no monitor. ") +
                                kDisplayAdvice);
            return false;
        }
    } else {
        // Hidden until placed, so it does not appear in one place and jump.
        glfwWindowHint(GLFW_VISIBLE, options_.positioned ? GLFW_FALSE : GLFW_TRUE);
        window_ = glfwCreateWindow(options_.width, options_.height, options_.title.c_str(), nullptr, nullptr);
        if (window_ != nullptr && options_.positioned) {
            glfwSetWindowPos(window_, options_.x, options_.y);
            glfwShowWindow(window_);
        }
    }
    if (window_ != nullptr) return true;
    SetError(error, "GLFW could not open a window with " + std::string(GlApiName()) + ": " + GlfwErrorText() +
                        ". " + kDisplayAdvice);
    return false;
}

// Runs forward() with the window's ImGui context current and counts the
// event, so input for one window never lands in another's context.
template <typename Forward> void GlfwWindow::Dispatch(GLFWwindow* window, Forward forward) {
    auto* self = static_cast<GlfwWindow*>(glfwGetWindowUserPointer(window));
    if (self == nullptr || self->imgui_ == nullptr) return;
    ImGuiContextScope scope(self->imgui_);
    self->pending_events_++;
    forward();
}

void GlfwWindow::InstallCallbacks() {
    glfwSetWindowUserPointer(window_, this);
    glfwSetWindowFocusCallback(window_, [](GLFWwindow* w, int focused) {
        Dispatch(w, [&] { ImGui_ImplGlfw_WindowFocusCallback(w, focused); });
    });
    glfwSetCursorEnterCallback(window_, [](GLFWwindow* w, int entered) {
        Dispatch(w, [&] { ImGui_ImplGlfw_CursorEnterCallback(w, entered); });
    });
    glfwSetCursorPosCallback(window_, [](GLFWwindow* w, double x, double y) {
        Dispatch(w, [&] { ImGui_ImplGlfw_CursorPosCallback(w, x, y); });
    });
    glfwSetMouseButtonCallback(window_, [](GLFWwindow* w, int button, int action, int mods) {
        Dispatch(w, [&] { ImGui_ImplGlfw_MouseButtonCallback(w, button, action, mods); });
    });
    glfwSetScrollCallback(window_, [](GLFWwindow* w, double x, double y) {
        Dispatch(w, [&] { ImGui_ImplGlfw_ScrollCallback(w, x, y); });
    });
    glfwSetKeyCallback(window_, [](GLFWwindow* w, int key, int scancode, int action, int mods) {
        Dispatch(w, [&] { ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods); });
    });
    glfwSetCharCallback(window_, [](GLFWwindow* w, unsigned int c) {
        Dispatch(w, [&] { ImGui_ImplGlfw_CharCallback(w, c); });
    });
    // Not input, but each needs a redraw.
    glfwSetWindowCloseCallback(window_, [](GLFWwindow* w) { Dispatch(w, [] {}); });
    glfwSetWindowRefreshCallback(window_, [](GLFWwindow* w) { Dispatch(w, [] {}); });
    glfwSetFramebufferSizeCallback(window_, [](GLFWwindow* w, int, int) { Dispatch(w, [] {}); });
}

GlfwWindow::~GlfwWindow() {
    if (window_ != nullptr) glfwMakeContextCurrent(window_);
    if (imgui_ != nullptr)
        ShutdownImGuiContext(imgui_, renderer_ready_, platform_ready_ ? ImGui_ImplGlfw_Shutdown : nullptr);
    if (window_ != nullptr) glfwDestroyWindow(window_);
    if (glfw_started_ && --g_glfw_windows == 0) glfwTerminate();
}

int GlfwWindow::WaitEvents(double timeout_s) {
    // Events another window's wait dispatched here, or input ImGui trickles
    // over several frames, must not wait.
    if (pending_events_ > 0 || HasQueuedInput(imgui_) || std::isnan(timeout_s)) timeout_s = 0;
    // GLFW rejects an infinite timeout and returns at once, which would spin.
    if (timeout_s < 0 || std::isinf(timeout_s))
        glfwWaitEvents();
    else if (timeout_s == 0)
        glfwPollEvents();
    else
        glfwWaitEventsTimeout(timeout_s);
    const int count = pending_events_ + (HasQueuedInput(imgui_) ? 1 : 0);
    pending_events_ = 0;
    return count;
}

void GlfwWindow::MakeCurrent() {
    glfwMakeContextCurrent(window_);
    ImGui::SetCurrentContext(imgui_);
}

void GlfwWindow::BeginFrame() {
    MakeCurrent();
    NewRendererFrame(); // the font texture on the first frame, from the fonts the theme loaded
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
}

void GlfwWindow::EndFrame() {
    ImGui::Render();
    int w = 0, h = 0;
    FramebufferSize(w, h);
    RenderDrawData(w, h, options_.clear_color);
    glfwSwapBuffers(window_);
}

bool GlfwWindow::ReadPixels(std::vector<std::uint8_t>& rgba, int& width, int& height) {
    MakeCurrent();
    FramebufferSize(width, height);
    return RedrawLastFrameAndRead(width, height, options_.clear_color, rgba);
}

void GlfwWindow::FramebufferSize(int& width, int& height) const {
    glfwGetFramebufferSize(window_, &width, &height);
}

} // namespace

std::vector<DisplayArea> ListGlfwDisplays(std::string* error) {
    // GLFW starts once per process: borrow it when a window has it running.
    const bool borrowed = g_glfw_windows > 0;
    if (!borrowed && glfwInit() != GLFW_TRUE) {
        SetError(error, "GLFW could not start: " + GlfwErrorText() + ". " + kDisplayAdvice);
        return {};
    }
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    std::vector<DisplayArea> areas;
    for (int i = 0; i < count; i++) {
        DisplayArea area;
        glfwGetMonitorWorkarea(monitors[i], &area.x, &area.y, &area.width, &area.height);
        areas.push_back(area);
    }
    if (!borrowed) glfwTerminate();
    if (areas.empty()) SetError(error, std::string("GLFW finds no monitor. ") + kDisplayAdvice);
    return areas;
}

std::unique_ptr<Window> CreateGlfwWindow(const WindowOptions& options, std::string* error) {
    auto window = std::make_unique<GlfwWindow>(options);
    if (!window->Open(error)) return nullptr;
    return window;
}

} // namespace tapsheet::platform
