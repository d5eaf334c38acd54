// The backends behind CreateAppWindow (window_factory.cpp).
#pragma once

#include "app/platform/window.h"

namespace tapsheet::platform {

std::unique_ptr<Window> CreateSdlWindow(const WindowOptions& options, std::string* error);
std::unique_ptr<Window> CreateGlfwWindow(const WindowOptions& options, std::string* error);
std::unique_ptr<Window> CreateOffscreenWindow(const WindowOptions& options, std::string* error);

std::vector<DisplayArea> ListSdlDisplays(std::string* error);
std::vector<DisplayArea> ListGlfwDisplays(std::string* error);

} // namespace tapsheet::platform
