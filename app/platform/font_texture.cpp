// The font atlas on the GPU in one byte a pixel instead of Dear ImGui's
// renderer's four, and nothing of it left on the CPU. With Mesa's llvmpipe
// (no GPU: textures live in the process) the RGBA atlas and its two CPU
// copies were most of the kiosk's own memory.
#include "app/platform/gl_headers.h"
#include "app/platform/platform_common.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <cstdint>
#include <cstring>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace tapsheet::platform {

namespace {

// Core in GL ES 3.0 and GL 3.3; an extension before that.
bool HasTextureSwizzle() {
#if defined(IMGUI_IMPL_OPENGL_ES3)
    return true;
#else
    GLint major = 0, minor = 0;
    glGetIntegerv(GL_MAJOR_VERSION, &major);
    glGetIntegerv(GL_MINOR_VERSION, &minor);
    if (major > 3 || (major == 3 && minor >= 3)) return true;
    GLint count = 0;
    glGetIntegerv(GL_NUM_EXTENSIONS, &count);
    for (GLint i = 0; i < count; ++i) {
        const char* name = reinterpret_cast<const char*>(glGetStringi(GL_EXTENSIONS, static_cast<GLuint>(i)));
        if (name &&
            (!std::strcmp(name, "GL_ARB_texture_swizzle") || !std::strcmp(name, "GL_EXT_texture_swizzle")))
            return true;
    }
    return false;
#endif
}

GLuint UploadAlpha(const unsigned char* alpha, int width, int height) {
    GLint last_texture = 0, last_alignment = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &last_texture);
    glGetIntegerv(GL_UNPACK_ALIGNMENT, &last_alignment);
    GLuint texture = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR); // as the renderer's own
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    // Read as the RGBA atlas is: white, with the coverage as alpha.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_R, GL_ONE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_G, GL_ONE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_B, GL_ONE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_A, GL_RED);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, alpha);
    glPixelStorei(GL_UNPACK_ALIGNMENT, last_alignment);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last_texture));
    return texture;
}

} // namespace

void DeleteFontTexture() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    ImGui_ImplOpenGL3_DestroyFontsTexture(); // the renderer's own, if it has one; it then clears the id
    const GLuint ours = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(atlas->TexID));
    if (ours != 0) glDeleteTextures(1, &ours);
    atlas->SetTexID(0);
}

void NewRendererFrame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    // Done already: built, uploaded and the pixels let go.
    if (atlas->IsBuilt() && atlas->TexPixelsAlpha8 == nullptr && atlas->TexPixelsRGBA32 == nullptr) return;
    unsigned char* alpha = nullptr;
    int width = 0, height = 0;
    atlas->GetTexDataAsAlpha8(&alpha, &width, &height); // builds it if the theme loaded fonts since
    if (alpha != nullptr && !atlas->TexPixelsUseColors && HasTextureSwizzle()) {
        const GLuint texture = UploadAlpha(alpha, width, height);
        DeleteFontTexture();
        atlas->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture)));
    } else if (atlas->TexPixelsRGBA32 == nullptr) {
        // Fonts built since the renderer's upload: it uploads them again, as RGBA.
        DeleteFontTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    // The glyphs are on the GPU and the fonts never built again (a new theme
    // loads its fonts afresh): the pixels, font files and configs can go.
    atlas->ClearTexData();
    atlas->ClearInputData();
#if defined(__GLIBC__)
    malloc_trim(0); // the atlas build's freed memory, back to the system
#endif
}

} // namespace tapsheet::platform
