// Every backend gets the GL API this build renders with: OpenGL ES 3 in a
// TAPSHEET_GLES build (the Raspberry Pi's), desktop OpenGL 3 otherwise, and
// Dear ImGui's renderer draws with it. Mesa accepts "#version 300 es" shaders
// in a desktop context too, so drawing alone would not tell an ES build that
// silently got a desktop context: the context's own version string does.
#include "app/platform/gl_headers.h"
#include "app/platform/platform_common.h"
#include "app/platform/window.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace tapsheet {
namespace {

[[maybe_unused]] bool StartsWith(const std::string& text, const std::string& start) {
    return text.rfind(start, 0) == 0;
}

std::string GlString(GLenum name) {
    const GLubyte* text = glGetString(name);
    return text != nullptr ? reinterpret_cast<const char*>(text) : "";
}

// A private Xvfb per test (as in platform_test.cpp), or the display given.
class GlApiTest : public ::testing::TestWithParam<Backend> {
  protected:
    void SetUp() override {
        for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY"}) {
            const char* value = std::getenv(name);
            saved_.emplace_back(name, value != nullptr ? value : "");
            unsetenv(name);
        }
        std::string error;
        display_ = EnsureDisplay(1280, 800, &error);
        if (display_ == nullptr) RestoreEnv();
        ASSERT_TRUE(display_ != nullptr || std::getenv("DISPLAY") != nullptr) << error;
    }

    void TearDown() override {
        display_.reset();
        RestoreEnv();
    }

    void RestoreEnv() {
        for (const auto& [name, value] : saved_)
            if (!value.empty()) setenv(name.c_str(), value.c_str(), 1);
    }

    std::shared_ptr<VirtualDisplay> display_;
    std::vector<std::pair<std::string, std::string>> saved_;
};

TEST_P(GlApiTest, ContextIsTheApiOfThisBuildAndImGuiDrawsWithIt) {
    WindowOptions options;
    options.title = std::string("gl_api_test ") + BackendName(GetParam());
    options.width = 320;
    options.height = 240;
    options.fullscreen = false;
    std::string error;
    std::unique_ptr<Window> window = CreateAppWindow(GetParam(), options, &error);
    ASSERT_NE(window, nullptr) << error;

    const std::string version = GlString(GL_VERSION);
    const std::string glsl = GlString(GL_SHADING_LANGUAGE_VERSION);
#if defined(IMGUI_IMPL_OPENGL_ES3)
    EXPECT_TRUE(StartsWith(version, "OpenGL ES 3.")) << version;
    EXPECT_TRUE(StartsWith(glsl, "OpenGL ES GLSL ES 3.")) << glsl;
    EXPECT_STREQ(platform::GlslVersion(), "#version 300 es");
#else
    EXPECT_EQ(version.find("OpenGL ES"), std::string::npos) << version;
    EXPECT_GE(std::atoi(version.c_str()), 3) << version;
    EXPECT_STREQ(platform::GlslVersion(), "#version 130");
#endif

    ImGui::GetIO().Fonts->AddFontDefault();
    for (int frame = 0; frame < 2; frame++) { // a new window settles over two frames
        window->BeginFrame();
        ImGui::GetBackgroundDrawList()->AddRectFilled(ImVec2(10, 10), ImVec2(100, 60),
                                                      IM_COL32(0, 200, 100, 255));
        window->EndFrame();
    }
    std::vector<std::uint8_t> rgba;
    int width = 0, height = 0;
    ASSERT_TRUE(window->ReadPixels(rgba, width, height));
    ASSERT_GE(width, 100);
    const std::size_t at = (static_cast<std::size_t>(30) * static_cast<std::size_t>(width) + 50) * 4;
    EXPECT_EQ(rgba[at + 0], 0);
    EXPECT_EQ(rgba[at + 1], 200);
    EXPECT_EQ(rgba[at + 2], 100);
}

INSTANTIATE_TEST_SUITE_P(EveryBackend, GlApiTest,
                         ::testing::Values(Backend::Sdl, Backend::Glfw, Backend::Offscreen),
                         [](const ::testing::TestParamInfo<Backend>& info) {
                             return BackendName(info.param);
                         });

} // namespace
} // namespace tapsheet
