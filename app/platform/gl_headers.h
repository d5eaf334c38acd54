// The GL headers for this build: desktop GL 3.0, or GLES 3.0 where Dear
// ImGui's renderer was built for it (TAPSHEET_GLES, the Raspberry Pi).
#pragma once

#if defined(IMGUI_IMPL_OPENGL_ES3)
#include <GLES3/gl3.h>
#else
// Mesa's libGL exports the GL 3.0 framebuffer functions, so no loader is needed.
#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/gl.h>
#include <GL/glext.h>
#endif
