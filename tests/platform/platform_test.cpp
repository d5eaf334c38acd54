// The window backends for real: offscreen pixels and PNG, SDL and GLFW
// windows woken from another thread, touch leaving no hover, and a private
// Xvfb. Runs under the display it is given (xvfb-run) or starts its own.
#include "app/platform/window.h"

#include <gtest/gtest.h>

#define SDL_MAIN_HANDLED
#include <SDL.h>
#include <imgui.h>

#include <array>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

namespace tapsheet {
namespace {

using Clock = std::chrono::steady_clock;
using Pixel = std::array<std::uint8_t, 4>;

constexpr ImU32 kOrange = IM_COL32(255, 128, 0, 255);

std::string EnvOrEmpty(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? value : "";
}

void RestoreEnv(const char* name, const std::string& value) {
    if (value.empty())
        unsetenv(name);
    else
        setenv(name, value.c_str(), 1);
}

// Each test gets a private Xvfb where it can: ctest -j runs tests side by
// side on one display, where other windows would steal the pointer, focus
// and expose events these tests count (and a developer's desktop would see
// windows flash). Without Xvfb, the display given is used.
class PlatformTest : public ::testing::Test {
  protected:
    void SetUp() override {
        saved_display_ = EnvOrEmpty("DISPLAY");
        saved_wayland_ = EnvOrEmpty("WAYLAND_DISPLAY");
        unsetenv("DISPLAY");
        unsetenv("WAYLAND_DISPLAY");
        std::string error;
        display_ = EnsureDisplay(1920, 1080, &error);
        if (display_ == nullptr) RestoreSavedEnv();
        ASSERT_TRUE(display_ != nullptr || !saved_display_.empty() || !saved_wayland_.empty()) << error;
    }

    void TearDown() override {
        display_.reset(); // every window is gone by now
        RestoreSavedEnv();
    }

    void RestoreSavedEnv() {
        RestoreEnv("DISPLAY", saved_display_);
        RestoreEnv("WAYLAND_DISPLAY", saved_wayland_);
    }

    // Opens a window with Dear ImGui's default font, as the theme would.
    std::unique_ptr<Window> Open(Backend backend, int width, int height) {
        WindowOptions options;
        options.title = std::string("platform_test ") + BackendName(backend);
        options.width = width;
        options.height = height;
        options.fullscreen = false;
        std::string error;
        std::unique_ptr<Window> window = CreateAppWindow(backend, options, &error);
        EXPECT_NE(window, nullptr) << error;
        if (window != nullptr) ImGui::GetIO().Fonts->AddFontDefault();
        return window;
    }

    std::shared_ptr<VirtualDisplay> display_;
    std::string saved_display_;
    std::string saved_wayland_;
};

// An orange rectangle at (100,50)-(300,150) over a text window at (400,200).
void DrawTestFrame(Window& window) {
    window.BeginFrame();
    ImGui::GetBackgroundDrawList()->AddRectFilled(ImVec2(100, 50), ImVec2(300, 150), kOrange);
    ImGui::SetNextWindowPos(ImVec2(400, 200));
    ImGui::SetNextWindowSize(ImVec2(300, 120));
    ImGui::Begin("Platform test");
    ImGui::TextUnformatted("Hello from tapsheet");
    ImGui::End();
    window.EndFrame();
}

Pixel PixelAt(const std::vector<std::uint8_t>& rgba, int width, int x, int y) {
    const size_t at = (static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)) * 4;
    return {rgba[at], rgba[at + 1], rgba[at + 2], rgba[at + 3]};
}

void ExpectTestFramePixels(Window& window, int width, int height) {
    std::vector<std::uint8_t> rgba;
    int read_width = 0, read_height = 0;
    ASSERT_TRUE(window.ReadPixels(rgba, read_width, read_height));
    ASSERT_EQ(read_width, width);
    ASSERT_EQ(read_height, height);
    ASSERT_EQ(rgba.size(), static_cast<size_t>(width) * height * 4);
    EXPECT_EQ(PixelAt(rgba, width, 200, 60), (Pixel{255, 128, 0, 255})); // top row first
    EXPECT_EQ(PixelAt(rgba, width, 200, 160), (Pixel{0, 0, 0, 255}));    // clear colour below it
    const Pixel title = PixelAt(rgba, width, 450, 205);                  // the window's title bar is blue
    EXPECT_GT(title[2], title[0]);
}

std::uint32_t BigEndian(const unsigned char* bytes) {
    return (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) |
           (std::uint32_t{bytes[2]} << 8) | std::uint32_t{bytes[3]};
}

TEST_F(PlatformTest, OffscreenRendersExactSizeAndWritesPng) {
    std::unique_ptr<Window> window = Open(Backend::Offscreen, 800, 480);
    ASSERT_NE(window, nullptr);
    int fb_width = 0, fb_height = 0;
    window->FramebufferSize(fb_width, fb_height);
    EXPECT_EQ(fb_width, 800);
    EXPECT_EQ(fb_height, 480);
    DrawTestFrame(*window);
    DrawTestFrame(*window); // a new window settles over two frames
    ExpectTestFramePixels(*window, 800, 480);

    std::vector<std::uint8_t> rgba;
    int width = 0, height = 0;
    ASSERT_TRUE(window->ReadPixels(rgba, width, height));
    const std::filesystem::path path =
        std::filesystem::path(::testing::TempDir()) / "platform_test_offscreen.png";
    std::string error;
    ASSERT_TRUE(WritePng(path.string(), rgba, width, height, &error)) << error;

    unsigned char header[24] = {};
    std::ifstream file(path, std::ios::binary);
    ASSERT_TRUE(file.read(reinterpret_cast<char*>(header), sizeof(header)));
    const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    EXPECT_EQ(std::memcmp(header, signature, 8), 0);
    EXPECT_EQ(std::memcmp(header + 12, "IHDR", 4), 0);
    EXPECT_EQ(BigEndian(header + 16), 800u);
    EXPECT_EQ(BigEndian(header + 20), 480u);
}

TEST_F(PlatformTest, WritePngNamesTheFileOnFailure) {
    std::string error;
    const std::vector<std::uint8_t> rgba(4 * 4, 255);
    EXPECT_FALSE(WritePng("/nonexistent-folder/shot.png", rgba, 2, 2, &error));
    EXPECT_NE(error.find("/nonexistent-folder/shot.png"), std::string::npos) << error;
    EXPECT_FALSE(WritePng("too-small.png", rgba, 3, 3, &error));
}

// Drains start-up events (shown, exposed, focus) until the window is quiet.
void WaitUntilQuiet(Window& window) {
    for (int i = 0; i < 20 && window.WaitEvents(0.3) > 0; i++)
        DrawTestFrame(window);
}

// Wakes the window from another thread while it waits up to 10 s; returns
// what WaitEvents counted.
int WaitForWake(Window& window) {
    std::thread waker([&window] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        window.Wake();
    });
    const auto start = Clock::now();
    const int count = window.WaitEvents(10.0);
    const auto waited = Clock::now() - start;
    waker.join();
    EXPECT_LT(waited, std::chrono::seconds(2));
    return count;
}

void ExpectWakeEndsWait(Window& window) {
    WaitUntilQuiet(window);
    // A wake is not input, so it counts 0. Other tests sharing the display
    // (ctest -j) may move the pointer over this window meanwhile: one quiet
    // try in a few is enough.
    int count = WaitForWake(window);
    for (int i = 0; i < 4 && count != 0; i++)
        count = WaitForWake(window);
    EXPECT_EQ(count, 0) << "a wake is not input";
}

TEST_F(PlatformTest, SdlWindowDrawsReadsAndWakes) {
    std::unique_ptr<Window> window = Open(Backend::Sdl, 640, 480);
    ASSERT_NE(window, nullptr);
    int width = 0, height = 0;
    window->FramebufferSize(width, height);
    EXPECT_EQ(width, 640);
    EXPECT_EQ(height, 480);
    DrawTestFrame(*window);
    DrawTestFrame(*window);
    ExpectTestFramePixels(*window, width, height);
    ExpectWakeEndsWait(*window);
    EXPECT_FALSE(window->CloseRequested());
}

TEST_F(PlatformTest, GlfwWindowDrawsReadsAndWakes) {
    std::unique_ptr<Window> window = Open(Backend::Glfw, 640, 480);
    ASSERT_NE(window, nullptr);
    int width = 0, height = 0;
    window->FramebufferSize(width, height);
    EXPECT_EQ(width, 640);
    EXPECT_EQ(height, 480);
    DrawTestFrame(*window);
    DrawTestFrame(*window);
    ExpectTestFramePixels(*window, width, height);
    ExpectWakeEndsWait(*window);
    EXPECT_FALSE(window->CloseRequested());
}

TEST_F(PlatformTest, CreatesAndDestroysTwiceInOneProcess) {
    for (int round = 0; round < 2; round++) {
        for (Backend backend : {Backend::Sdl, Backend::Glfw, Backend::Offscreen}) {
            std::unique_ptr<Window> window = Open(backend, 320, 240);
            ASSERT_NE(window, nullptr) << BackendName(backend) << " round " << round;
            DrawTestFrame(*window);
            window->WaitEvents(0);
        }
    }
}

TEST_F(PlatformTest, TwoWindowsKeepTheirOwnContexts) {
    std::unique_ptr<Window> kiosk = Open(Backend::Sdl, 640, 480);
    std::unique_ptr<Window> board = Open(Backend::Sdl, 640, 480);
    ASSERT_NE(kiosk, nullptr);
    ASSERT_NE(board, nullptr);
    EXPECT_NE(kiosk->Context(), board->Context());
    for (int i = 0; i < 2; i++) {
        DrawTestFrame(*kiosk);
        EXPECT_EQ(ImGui::GetCurrentContext(), kiosk->Context());
        DrawTestFrame(*board);
        EXPECT_EQ(ImGui::GetCurrentContext(), board->Context());
        kiosk->WaitEvents(0);
        board->WaitEvents(0);
    }
    ExpectTestFramePixels(*kiosk, 640, 480);
    ExpectTestFramePixels(*board, 640, 480);
}

// Runs frames while the window has something to draw, with a button at
// (50,50)-(250,150); reports whether it was clicked and is hovered at the end.
struct ButtonState {
    bool clicked = false;
    bool hovered = false;
};

ButtonState RunButtonFrames(Window& window) {
    ButtonState state;
    for (int frame = 0; frame < 30 && (frame == 0 || window.WaitEvents(0.05) > 0); frame++) {
        window.BeginFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(640, 480));
        ImGui::Begin("touch", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::SetCursorScreenPos(ImVec2(50, 50));
        state.clicked |= ImGui::Button("Tap me", ImVec2(200, 100));
        state.hovered = ImGui::IsItemHovered();
        ImGui::End();
        window.EndFrame();
    }
    return state;
}

SDL_Event MouseEvent(Uint32 type, Uint32 window_id, Sint32 x, Sint32 y, Uint32 which) {
    SDL_Event e{};
    e.type = type;
    if (type == SDL_MOUSEMOTION) {
        e.motion.windowID = window_id;
        e.motion.which = which;
        e.motion.x = x;
        e.motion.y = y;
    } else {
        e.button.windowID = window_id;
        e.button.which = which;
        e.button.x = x;
        e.button.y = y;
        e.button.button = SDL_BUTTON_LEFT;
        e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
        e.button.clicks = 1;
    }
    return e;
}

SDL_Event FingerEvent(Uint32 type, float x, float y) {
    SDL_Event e{};
    e.type = type;
    e.tfinger.touchId = 7;
    e.tfinger.fingerId = 1;
    e.tfinger.x = x;
    e.tfinger.y = y;
    e.tfinger.pressure = 1.0f;
    e.tfinger.windowID = 0; // as SDL2's evdev input under KMSDRM sends it
    return e;
}

// Shows the button screen and puts the pointer over the button, as X11 does
// for a touch, so that imgui_impl_sdl2's global-mouse fallback reports it on
// every frame. The screen is drawn a few times first: in Dear ImGui 1.90.1 a
// click in the frame right after a window appears is taken for keyboard
// navigation and dropped. Returns the SDL window (the test cannot reach it
// otherwise).
SDL_Window* PointAtButton(Window& window) {
    RunButtonFrames(window);
    SDL_Window* sdl_window = SDL_GL_GetCurrentWindow();
    SDL_WarpMouseInWindow(sdl_window, 150, 100);
    for (int i = 0; i < 5; i++)
        RunButtonFrames(window);
    return sdl_window;
}

TEST_F(PlatformTest, TouchTapClicksAndLeavesNoHover) {
    std::unique_ptr<Window> window = Open(Backend::Sdl, 640, 480);
    ASSERT_NE(window, nullptr);
    const Uint32 id = SDL_GetWindowID(PointAtButton(*window));
    for (Uint32 type : {SDL_MOUSEMOTION, SDL_MOUSEBUTTONDOWN}) {
        SDL_Event e = MouseEvent(type, id, 150, 100, SDL_TOUCH_MOUSEID);
        SDL_PushEvent(&e);
    }
    EXPECT_FALSE(RunButtonFrames(*window).clicked);
    SDL_Event up = MouseEvent(SDL_MOUSEBUTTONUP, id, 150, 100, SDL_TOUCH_MOUSEID);
    SDL_PushEvent(&up);
    const ButtonState state = RunButtonFrames(*window);
    EXPECT_TRUE(state.clicked);
    EXPECT_FALSE(state.hovered);
    EXPECT_FALSE(ImGui::IsMousePosValid());
    EXPECT_FALSE(RunButtonFrames(*window).hovered) << "hover came back on a later frame";
}

TEST_F(PlatformTest, WindowlessFingerTapClicksAndLeavesNoHover) {
    std::unique_ptr<Window> window = Open(Backend::Sdl, 640, 480);
    ASSERT_NE(window, nullptr);
    PointAtButton(*window);
    SDL_Event down = FingerEvent(SDL_FINGERDOWN, 150.0f / 640.0f, 100.0f / 480.0f);
    SDL_PushEvent(&down);
    EXPECT_FALSE(RunButtonFrames(*window).clicked);
    SDL_Event up = FingerEvent(SDL_FINGERUP, 150.0f / 640.0f, 100.0f / 480.0f);
    SDL_PushEvent(&up);
    const ButtonState state = RunButtonFrames(*window);
    EXPECT_TRUE(state.clicked);
    EXPECT_FALSE(state.hovered);
    EXPECT_FALSE(ImGui::IsMousePosValid());
    EXPECT_FALSE(RunButtonFrames(*window).hovered) << "hover came back on a later frame";
}

TEST_F(PlatformTest, MouseClickKeepsItsHover) {
    std::unique_ptr<Window> window = Open(Backend::Sdl, 640, 480);
    ASSERT_NE(window, nullptr);
    const Uint32 id = SDL_GetWindowID(PointAtButton(*window));
    for (Uint32 type : {SDL_MOUSEMOTION, SDL_MOUSEBUTTONDOWN, SDL_MOUSEBUTTONUP}) {
        SDL_Event e = MouseEvent(type, id, 150, 100, 0);
        SDL_PushEvent(&e);
    }
    const ButtonState state = RunButtonFrames(*window);
    EXPECT_TRUE(state.clicked);
    EXPECT_TRUE(state.hovered);
}

TEST_F(PlatformTest, EnsureDisplayStartsAndStopsXvfb) {
    display_.reset();
    unsetenv("DISPLAY");
    std::string error;
    std::shared_ptr<VirtualDisplay> own = EnsureDisplay(640, 480, &error);
    ASSERT_NE(own, nullptr) << error;
    ASSERT_NE(std::getenv("DISPLAY"), nullptr);
    EXPECT_EQ(std::getenv("DISPLAY")[0], ':');
    EXPECT_EQ(EnsureDisplay(640, 480, &error), nullptr) << "a display is there now";
    {
        std::unique_ptr<Window> window = Open(Backend::Sdl, 320, 240);
        ASSERT_NE(window, nullptr);
        DrawTestFrame(*window);
    }
    own.reset();
    EXPECT_EQ(std::getenv("DISPLAY"), nullptr);
}

TEST_F(PlatformTest, EnsureDisplaySaysHowToInstallXvfb) {
    display_.reset();
    unsetenv("DISPLAY");
    const std::string saved_path = EnvOrEmpty("PATH");
    setenv("PATH", "/nonexistent", 1);
    std::string error;
    EXPECT_EQ(EnsureDisplay(640, 480, &error), nullptr);
    EXPECT_NE(error.find("install xvfb (deploy/install-deps.sh)"), std::string::npos) << error;
    RestoreEnv("PATH", saved_path);
}

} // namespace
} // namespace tapsheet
