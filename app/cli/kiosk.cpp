#include "app/cli/commands.h"
#include "app/shell/app_setup.h"
#include "app/shell/fleet_setup.h"
#include "app/shell/loop_windows.h"

#include <cstdio>

namespace tapsheet {

namespace {

const char* const kKioskHelp =
    "usage: tapsheet kiosk [options]\n"
    "\n"
    "The attendee kiosk, full-screen and locked: no window close, Alt+F4 or key\n"
    "quits it; SIGTERM (systemctl stop) does, after the visit in progress is saved.\n"
    "With [kiosk] with_board = true in the --config file it also shows the board on\n"
    "the second display.\n\n";

} // namespace

int RunKiosk(int argc, char** argv) {
    StopSignals stop;
    CommonOptions options;
    std::string error;
    if (!ParseOptions(argc, argv, options, &error)) {
        std::fprintf(stderr, "tapsheet kiosk: %s\n", error.c_str());
        return 2;
    }
    if (options.help) {
        std::printf("%s%s", kKioskHelp, CommonOptionsHelp());
        return 0;
    }
    ApplyDefaults(options);
    UseChosenPack(options);
    const LoadedPack loaded = LoadKioskPack(options);
    const LoopOptions loop{options.redraw_always, options.frames, options.locked != 0, &stop};
    if (options.config.with_board) return RunKioskAndBoard(options, loaded, "kiosk", loop);
    const WindowOptions window_options =
        SingleWindowOptions(options, "tapsheet kiosk", options.config.kiosk_monitor.value_or(0));
    Theme theme;
    std::unique_ptr<Window> window = OpenThemedWindow(options.backend, window_options, WindowRole::Kiosk,
                                                      options.dpi, loaded.pack, theme, &error);
    if (!window) {
        std::fprintf(stderr, "tapsheet kiosk: %s\n", error.c_str());
        return 1;
    }
    std::unique_ptr<KioskSession> session = MakeKioskSession(loaded, options, *window, "kiosk");
    std::unique_ptr<AdminSession> admin = MakeAdminSession(options, *session);
    std::unique_ptr<Outbox> outbox = StartOutbox(options, session->Writer(), "kiosk", admin.get());
    KioskLoopWindow kiosk(*window, *session, theme, admin.get());
    std::unique_ptr<Probe> probe = options.probe.empty() ? nullptr : std::make_unique<Probe>(options.probe);
    kiosk.SetProbe(probe.get());
    return RunWindows({&kiosk}, loop);
}

} // namespace tapsheet
