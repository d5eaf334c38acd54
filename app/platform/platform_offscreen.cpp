// A hidden SDL window whose GL context renders into a framebuffer object of
// exactly the requested size: screenshots and tests, under Xvfb if need be.
// There is no platform backend: nothing is shown and no input arrives, so
// this file sets the display size and time step itself.
#include "app/platform/backends.h"
#include "app/platform/gl_headers.h"
#include "app/platform/platform_common.h"
#include "app/platform/sdl_common.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

namespace tapsheet::platform {

namespace {

// Time advances one 60 Hz frame per frame, so a screenshot after N frames
// shows the same animation state on any machine.
constexpr float kFrameSeconds = 1.0f / 60.0f;

class OffscreenWindow final : public Window {
  public:
    explicit OffscreenWindow(const WindowOptions& options) : options_(options) {}
    ~OffscreenWindow() override;

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
    bool CreateFramebuffer(std::string* error);
    void MakeCurrent();

    WindowOptions options_;
    bool video_started_ = false;
    sdl::GlWindow gl_;
    Uint32 window_id_ = 0;
    GLuint framebuffer_ = 0;
    GLuint color_buffer_ = 0;
    ImGuiContext* imgui_ = nullptr;
    bool renderer_ready_ = false;
    bool frame_drawn_ = false;
    sdl::EventInbox inbox_;
    bool close_requested_ = false;
};

bool OffscreenWindow::Open(std::string* error) {
    if (options_.width <= 0 || options_.height <= 0) {
        SetError(error, "The offscreen size " + std::to_string(options_.width) + "x" +
                            std::to_string(options_.height) +
                            " is not a size; give a width and height above 0.");
        return false;
    }
    if (!sdl::StartVideo(error)) return false;
    video_started_ = true;
    // The window only carries the GL context; its own size does not matter.
    const Uint32 flags = SDL_WINDOW_HIDDEN;
    if (!sdl::OpenGlWindow(options_.title.c_str(), SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 64, 64,
                           flags, &gl_, error))
        return false;
    window_id_ = SDL_GetWindowID(gl_.window);
    SDL_GL_SetSwapInterval(0); // nothing is ever presented
    if (!CreateFramebuffer(error)) return false;

    imgui_ = CreateKioskImGuiContext();
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "tapsheet_offscreen";
    renderer_ready_ = InitRenderer(error);
    if (!renderer_ready_) return false;
    inbox_.Register(window_id_, false);
    return true;
}

bool OffscreenWindow::CreateFramebuffer(std::string* error) {
    GLint max_size = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
    if (options_.width > max_size || options_.height > max_size) {
        SetError(error, "The offscreen size " + std::to_string(options_.width) + "x" +
                            std::to_string(options_.height) + " is larger than this GL driver allows (" +
                            std::to_string(max_size) + "); ask for a smaller screenshot.");
        return false;
    }
    glGenRenderbuffers(1, &color_buffer_);
    glBindRenderbuffer(GL_RENDERBUFFER, color_buffer_);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, options_.width, options_.height);
    glGenFramebuffers(1, &framebuffer_);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color_buffer_);
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    if (status == GL_FRAMEBUFFER_COMPLETE) return true;
    SetError(error, "The GL driver could not make an offscreen framebuffer (GL status " +
                        std::to_string(status) + "). Update the GL driver (Mesa) or run under Xvfb.");
    return false;
}

OffscreenWindow::~OffscreenWindow() {
    inbox_.Unregister();
    if (gl_.window != nullptr) SDL_GL_MakeCurrent(gl_.window, gl_.gl);
    if (imgui_ != nullptr) ShutdownImGuiContext(imgui_, renderer_ready_, nullptr);
    if (framebuffer_ != 0) glDeleteFramebuffers(1, &framebuffer_);
    if (color_buffer_ != 0) glDeleteRenderbuffers(1, &color_buffer_);
    sdl::CloseGlWindow(&gl_);
    if (video_started_) sdl::StopVideo();
}

int OffscreenWindow::WaitEvents(double timeout_s) {
    // Input never reaches a hidden window; wait only for Wake() or a quit.
    const bool owes_frame = HasQueuedInput(imgui_);
    int count = owes_frame ? 1 : 0;
    for (const SDL_Event& e : inbox_.Collect(owes_frame ? 0.0 : timeout_s)) {
        if (e.type == SDL_QUIT) {
            close_requested_ = true;
            count++;
        }
    }
    inbox_.Clear();
    return count;
}

void OffscreenWindow::MakeCurrent() {
    SDL_GL_MakeCurrent(gl_.window, gl_.gl);
    ImGui::SetCurrentContext(imgui_);
}

void OffscreenWindow::BeginFrame() {
    MakeCurrent();
    NewRendererFrame(); // the font texture on the first frame, from the fonts the theme loaded
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(options_.width), static_cast<float>(options_.height));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    io.DeltaTime = kFrameSeconds;
    ImGui::NewFrame();
}

void OffscreenWindow::EndFrame() {
    ImGui::Render();
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
    RenderDrawData(options_.width, options_.height, options_.clear_color);
    frame_drawn_ = true;
}

bool OffscreenWindow::ReadPixels(std::vector<std::uint8_t>& rgba, int& width, int& height) {
    if (!frame_drawn_) return false;
    SDL_GL_MakeCurrent(gl_.window, gl_.gl);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
    width = options_.width;
    height = options_.height;
    return ReadBoundFramebuffer(width, height, rgba);
}

void OffscreenWindow::FramebufferSize(int& width, int& height) const {
    width = options_.width;
    height = options_.height;
}

} // namespace

std::unique_ptr<Window> CreateOffscreenWindow(const WindowOptions& options, std::string* error) {
    auto window = std::make_unique<OffscreenWindow>(options);
    if (!window->Open(error)) return nullptr;
    return window;
}

} // namespace tapsheet::platform
