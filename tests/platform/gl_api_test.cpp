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

// The font atlas goes to the GPU as one byte a pixel, read as white with
// the glyph's coverage as alpha, and nothing of it stays on the CPU. A
// wrong swizzle would draw text black or not at all, and solid shapes
// (which sample the atlas's white texel) in the wrong colour.
TEST_P(GlApiTest, FontAtlasIsOneBytePerPixelAndDrawsTheSameColours) {
    WindowOptions options;
    options.title = std::string("gl_api_test font ") + BackendName(GetParam());
    options.width = 320;
    options.height = 240;
    options.fullscreen = false;
    std::string error;
    std::unique_ptr<Window> window = CreateAppWindow(GetParam(), options, &error);
    ASSERT_NE(window, nullptr) << error;
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    ImFont* font = atlas->AddFontDefault();
    for (int frame = 0; frame < 2; frame++) {
        window->BeginFrame();
        ImDrawList* draw = ImGui::GetBackgroundDrawList();
        draw->AddRectFilled(ImVec2(0, 0), ImVec2(320, 240), IM_COL32(0, 0, 0, 255));
        draw->AddRectFilled(ImVec2(10, 10), ImVec2(100, 60), IM_COL32(0, 200, 100, 255));
        // Big enough for glyph stems wholly covered: a 13 px font at 6x.
        draw->AddText(font, 78, ImVec2(120, 100), IM_COL32(255, 128, 0, 255), "III");
        window->EndFrame();
    }
    EXPECT_EQ(atlas->TexPixelsAlpha8, nullptr) << "the CPU copy is freed";
    EXPECT_EQ(atlas->TexPixelsRGBA32, nullptr);
    EXPECT_EQ(atlas->ConfigData.Size, 0) << "and the font data";
    EXPECT_NE(atlas->TexID, nullptr);
#if !defined(IMGUI_IMPL_OPENGL_ES3) // GL ES 3.0 cannot ask a texture its format
    GLint format = 0;
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(atlas->TexID)));
    glGetTexLevelParameteriv(GL_TEXTURE_2D, 0, GL_TEXTURE_INTERNAL_FORMAT, &format);
    EXPECT_EQ(format, GL_R8);
#endif
    std::vector<std::uint8_t> rgba;
    int width = 0, height = 0;
    ASSERT_TRUE(window->ReadPixels(rgba, width, height));
    auto pixel = [&](int x, int y) {
        const std::size_t at = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + x) * 4;
        return std::vector<int>{rgba[at], rgba[at + 1], rgba[at + 2]};
    };
    EXPECT_EQ(pixel(50, 30), (std::vector<int>{0, 200, 100}));
    // Orange at full coverage (bilinear sampling of a scaled glyph stops a
    // shade short of 255), and its edges shades of the same orange.
    int full = 0, partial = 0;
    for (int y = 100; y < 180; y++) {
        for (int x = 120; x < 240; x++) {
            const std::vector<int> p = pixel(x, y);
            full += p[0] >= 245 && std::abs(p[1] - 128) <= 4;
            partial += p[0] > 16 && p[0] < 245;
            EXPECT_LE(std::abs(p[1] * 2 - p[0]), 3) << "orange's shades at " << x << "," << y;
            EXPECT_EQ(p[2], 0) << "no blue in orange text at " << x << "," << y;
        }
    }
    EXPECT_GT(full, 20) << "the stems are drawn in the text's colour";
    EXPECT_GT(partial, 0) << "with anti-aliased edges";
}

INSTANTIATE_TEST_SUITE_P(EveryBackend, GlApiTest,
                         ::testing::Values(Backend::Sdl, Backend::Glfw, Backend::Offscreen),
                         [](const ::testing::TestParamInfo<Backend>& info) {
                             return BackendName(info.param);
                         });

} // namespace
} // namespace tapsheet
