#include "app/cli/app_setup.h"
#include "app/cli/commands.h"
#include "app/cli/loop_windows.h"

#include <cstdio>

namespace tapsheet {

int RunKiosk(int argc, char** argv) {
    CommonOptions options;
    std::string error;
    if (!ParseOptions(argc, argv, options, &error)) {
        std::fprintf(stderr, "tapsheet kiosk: %s\n", error.c_str());
        return 2;
    }
    if (options.help) {
        std::printf("usage: tapsheet kiosk [options]\n\n%s", CommonOptionsHelp());
        return 0;
    }
    ApplyDefaults(options);
    LoadedPack loaded = LoadPackReporting(options.content);
    const WindowOptions window_options = SingleWindowOptions(options, "tapsheet kiosk", 0);
    Theme theme;
    std::unique_ptr<Window> window =
        OpenThemedWindow(options.backend, window_options, WindowRole::Kiosk, options.dpi, theme, &error);
    if (!window) {
        std::fprintf(stderr, "tapsheet kiosk: %s\n", error.c_str());
        return 1;
    }
    std::unique_ptr<KioskSession> session = MakeKioskSession(loaded, options, *window, "kiosk");
    KioskLoopWindow kiosk(*window, *session, theme);
    return RunWindows({&kiosk}, {options.redraw_always, options.frames});
}

} // namespace tapsheet
