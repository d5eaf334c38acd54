// Issue 9's SDL tap: imgui_impl_sdl2 adds, on every frame the window has
// keyboard focus, the position SDL_GetGlobalMouseState() reports, and SDL 2
// on X11 caches that position until an XInput2 raw motion event arrives. A
// pointer moved without one (warped, or emulated from a touch panel) left
// that cache stale, the stale position landed after the new motion, and the
// press went to where the previous tap was. SdlWindow drops that polled
// position; these tests hold it to that, on a real SDL window.
#include "app/platform/platform_common.h"
#include "app/platform/window.h"

#include <gtest/gtest.h>

#define SDL_MAIN_HANDLED
#include <SDL.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cfloat>
#include <cstdlib>

namespace tapsheet {
namespace {

using platform::DropPolledMousePositions;
using platform::QueuedInputCount;

TEST(PolledPointer, OnlyPositionsQueuedSinceAreDroppedAndNoPointerStays) {
    ImGuiContext* ctx = ImGui::CreateContext();
    ImGui::SetCurrentContext(ctx);
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(10, 10);             // from an event: before `from`
    const int from = QueuedInputCount(ctx);  // then what a backend's NewFrame adds:
    io.AddMousePosEvent(300, 300);           // a polled position
    io.AddMouseButtonEvent(0, true);         // not a position
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX); // "the mouse left the window"
    DropPolledMousePositions(ctx, from);
    ASSERT_EQ(QueuedInputCount(ctx), 3);
    EXPECT_EQ(ctx->InputEventsQueue[0].MousePos.PosX, 10);
    EXPECT_EQ(ctx->InputEventsQueue[1].Type, ImGuiInputEventType_MouseButton);
    EXPECT_EQ(ctx->InputEventsQueue[2].MousePos.PosX, -FLT_MAX);
    ImGui::DestroyContext(ctx);
}

class SdlPointer : public ::testing::Test {
  protected:
    void SetUp() override {
        for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY"}) {
            const char* value = std::getenv(name);
            saved_.emplace_back(name, value != nullptr ? value : "");
            unsetenv(name);
        }
        std::string error;
        display_ = EnsureDisplay(1280, 800, &error);
        ASSERT_NE(display_, nullptr) << "these tests need their own X server: " << error;
        WindowOptions options;
        options.width = 640;
        options.height = 480;
        options.fullscreen = false;
        window_ = CreateAppWindow(Backend::Sdl, options, &error);
        ASSERT_NE(window_, nullptr) << error;
        ImGui::GetIO().Fonts->AddFontDefault();
        sdl_window_ = SDL_GL_GetCurrentWindow();
    }
    void TearDown() override {
        window_.reset();
        display_.reset();
        for (const auto& [name, value] : saved_)
            if (!value.empty()) setenv(name.c_str(), value.c_str(), 1);
    }

    // Frames of a button at (50,50)-(250,150) while there is input; true
    // when it was clicked.
    bool Frames() {
        bool clicked = false;
        for (int frame = 0; frame < 30 && (frame == 0 || window_->WaitEvents(0.05) > 0); frame++) {
            window_->BeginFrame();
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImVec2(640, 480));
            ImGui::Begin("pointer", nullptr, ImGuiWindowFlags_NoDecoration);
            ImGui::SetCursorScreenPos(ImVec2(50, 50));
            clicked |= ImGui::Button("Tap me", ImVec2(200, 100));
            ImGui::End();
            window_->EndFrame();
        }
        return clicked;
    }

    void Push(Uint32 type, Sint32 x, Sint32 y) {
        SDL_Event e{};
        e.type = type;
        const Uint32 id = SDL_GetWindowID(sdl_window_);
        if (type == SDL_MOUSEMOTION) {
            e.motion.windowID = id;
            e.motion.x = x;
            e.motion.y = y;
        } else {
            e.button.windowID = id;
            e.button.x = x;
            e.button.y = y;
            e.button.button = SDL_BUTTON_LEFT;
            e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
            e.button.clicks = 1;
        }
        SDL_PushEvent(&e);
    }

    std::shared_ptr<VirtualDisplay> display_;
    std::vector<std::pair<std::string, std::string>> saved_;
    std::unique_ptr<Window> window_;
    SDL_Window* sdl_window_ = nullptr;
};

// The X pointer rests away from the button, where SDL last queried it (its
// cache). Motion to the button arrives as an event of its own, with no raw
// motion behind it; a frame passes; then the press and release there.
TEST_F(SdlPointer, ATapLandsAtItsMotionNotWhereTheGlobalPointerWasLastSeen) {
    SDL_SetWindowInputFocus(sdl_window_); // a window manager's focus: the backend then polls
    for (int i = 0; i < 5; i++)
        Frames();
    ASSERT_EQ(SDL_GetKeyboardFocus(), sdl_window_) << "the window never got keyboard focus";
    SDL_WarpMouseInWindow(sdl_window_, 500, 400); // refreshes SDL's cache: away from the button
    Frames();
    Push(SDL_MOUSEMOTION, 150, 100);
    Frames();
    EXPECT_EQ(ImGui::GetIO().MousePos.x, 150) << "a polled, stale pointer position replaced the motion";
    Push(SDL_MOUSEBUTTONDOWN, 150, 100);
    Push(SDL_MOUSEBUTTONUP, 150, 100);
    EXPECT_TRUE(Frames()) << "the tap landed elsewhere than its motion";
}

} // namespace
} // namespace tapsheet
