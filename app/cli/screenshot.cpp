#include "app/cli/commands.h"
#include "app/cli/kiosk_session.h"
#include "app/cli/options.h"
#include "app/cli/screen_driver.h"
#include "app/core/loader.h"

#include "imgui.h"

#include <cstdio>

namespace tapsheet {

namespace {

const char* const kHelp =
    "usage: tapsheet screenshot --role kiosk --screen SCREEN --size WxH --out FILE.png [options]\n"
    "\n"
    "Renders one screen offscreen (starting a private Xvfb when there is no display).\n"
    "SCREEN: attract, a step id of the pack (e.g. level, benefits, domains), keyboard,\n"
    "        still-there, thanks or out-of-service.\n"
    "  --lang CODE        the visit's language (default: the pack's first)\n"
    "  --size WxH         image size (default 1280x800)\n";

int Fail(const std::string& message) {
    std::fprintf(stderr, "tapsheet screenshot: %s\n", message.c_str());
    return 2;
}

} // namespace

int RunScreenshot(int argc, char** argv) {
    CommonOptions options;
    std::string error;
    if (!ParseOptions(argc, argv, options, &error)) return Fail(error);
    if (options.help) {
        std::printf("%s%s", kHelp, CommonOptionsHelp());
        return 0;
    }
    if (options.out.empty()) return Fail("--out FILE.png is required");
    if (options.role != "kiosk") return Fail("--role " + options.role + " is not available yet (kiosk)");
    if (options.content.empty()) options.content = DefaultContentPath();
    LoadResult loaded = LoadPackFile(options.content);
    if (!loaded.pack) {
        for (const LoadError& e : loaded.errors)
            std::fprintf(stderr, "%s\n", e.ToString().c_str());
        return 2;
    }
    std::shared_ptr<VirtualDisplay> display = EnsureDisplay(options.width, options.height, &error);
    if (!display && !error.empty()) return Fail(error);
    WindowOptions window_options;
    window_options.width = options.width;
    window_options.height = options.height;
    window_options.fullscreen = false;
    std::unique_ptr<Window> window = CreateAppWindow(Backend::Offscreen, window_options, &error);
    if (!window) return Fail(error);
    ImGui::SetCurrentContext(window->Context());
    Theme theme;
    if (!SetupTheme(theme, options.width, options.height, options.dpi, &error)) return Fail(error);
    const Pack& pack = *loaded.pack;
    KioskSession session(pack, nullptr);
    std::string lang = options.lang.empty() ? pack.languages.front().code : options.lang;
    double now = 1000;
    if (!DriveToScreen(session, options.screen, lang, now, &error)) return Fail(error);
    // Two frames: auto-sized windows (the "Still there?" card) settle on the second.
    for (int i = 0; i < 2; ++i) {
        window->WaitEvents(0);
        window->BeginFrame();
        UiFrame ui{theme, lang, now, nullptr};
        DrawKiosk(ui, session.View());
        window->EndFrame();
    }
    std::vector<std::uint8_t> rgba;
    int w = 0, h = 0;
    if (!window->ReadPixels(rgba, w, h)) return Fail("could not read the rendered pixels");
    if (!WritePng(options.out, rgba, w, h, &error)) return Fail(error);
    std::printf("%s: %dx%d %s\n", options.out.c_str(), w, h, options.screen.c_str());
    return 0;
}

} // namespace tapsheet
