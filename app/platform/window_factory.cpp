#include "app/platform/backends.h"
#include "app/platform/platform_common.h"

#include <cstdlib>

namespace tapsheet {

const char* BackendName(Backend backend) {
    switch (backend) {
    case Backend::Sdl:
        return "sdl";
    case Backend::Glfw:
        return "glfw";
    case Backend::Offscreen:
        return "offscreen";
    }
    return "unknown";
}

bool ParseBackend(std::string_view name, Backend* backend) {
    for (Backend b : {Backend::Sdl, Backend::Glfw, Backend::Offscreen}) {
        if (name == BackendName(b)) {
            *backend = b;
            return true;
        }
    }
    return false;
}

std::unique_ptr<Window> CreateAppWindow(Backend backend, const WindowOptions& options, std::string* error) {
    if (!options.fullscreen && (options.width <= 0 || options.height <= 0)) {
        platform::SetError(error, "The window size " + std::to_string(options.width) + "x" +
                                      std::to_string(options.height) +
                                      " is not a size; give a width and height above 0.");
        return nullptr;
    }
    switch (backend) {
    case Backend::Sdl:
        return platform::CreateSdlWindow(options, error);
    case Backend::Glfw:
        return platform::CreateGlfwWindow(options, error);
    case Backend::Offscreen:
        return platform::CreateOffscreenWindow(options, error);
    }
    platform::SetError(error, "Unknown window backend; use sdl, glfw or offscreen.");
    return nullptr;
}

std::vector<DisplayArea> ListDisplays(Backend backend, std::string* error) {
    switch (backend) {
    case Backend::Sdl:
        return platform::ListSdlDisplays(error);
    case Backend::Glfw:
        return platform::ListGlfwDisplays(error);
    case Backend::Offscreen:
        return {};
    }
    return {};
}

bool InputTraceRequested() {
    const char* trace = std::getenv("TAPSHEET_INPUT_TRACE");
    return trace != nullptr && trace[0] == '1';
}

} // namespace tapsheet
