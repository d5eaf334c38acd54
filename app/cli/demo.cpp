#include "app/cli/commands.h"
#include "app/core/clock.h"
#include "app/shell/app_setup.h"
#include "app/shell/demo_layout.h"
#include "app/shell/fleet_setup.h"
#include "app/shell/loop_windows.h"

#include <algorithm>
#include <cstdio>

namespace tapsheet {

namespace {

const char* const kDemoHelp = "usage: tapsheet demo [options]\n"
                              "\n"
                              "The kiosk and the board in one process on one database: full-screen on a\n"
                              "monitor each when two are attached, otherwise two windows side by side\n"
                              "(--windowed WxH sets each window's size and always gives windows).\n\n";

int Fail(const char* command, const std::string& message, int code) {
    std::fprintf(stderr, "tapsheet %s: %s\n", command, message.c_str());
    return code;
}

} // namespace

int RunKioskAndBoard(const CommonOptions& options, const LoadedPack& loaded, const char* command,
                     LoopOptions loop) {
    std::string error;
    std::string display_error;
    const std::vector<DisplayArea> displays = ListDisplays(options.backend, &display_error);
    const DemoLayout layout = LayOut(options, displays);
    std::fprintf(stderr, "tapsheet %s: %zu display(s): kiosk and board %s\n", command, displays.size(),
                 layout.kiosk.fullscreen ? "full-screen, one on each" : "in windows side by side");
    Theme kiosk_theme, board_theme;
    // The kiosk first: SDL gives touch without a window (KMSDRM) to the first.
    std::unique_ptr<Window> kiosk_window = OpenThemedWindow(options.backend, layout.kiosk, WindowRole::Kiosk,
                                                            options.dpi, loaded.pack, kiosk_theme, &error);
    if (!kiosk_window) return Fail(command, error, 1);
    std::unique_ptr<Window> board_window = OpenThemedWindow(options.backend, layout.board, WindowRole::Board,
                                                            options.dpi, loaded.pack, board_theme, &error);
    if (!board_window) return Fail(command, error, 1);
    std::unique_ptr<KioskSession> kiosk_session = MakeKioskSession(loaded, options, *kiosk_window, command);
    std::unique_ptr<AdminSession> admin = MakeAdminSession(options, *kiosk_session);
    std::unique_ptr<Outbox> outbox = StartOutbox(options, kiosk_session->Writer(), command, admin.get());
    KioskLoopWindow kiosk(*kiosk_window, *kiosk_session, kiosk_theme, admin.get());
    // The kiosk's probe to FILE, the board's to FILE.board (the tests of a
    // one-process Pi: what each screen drew).
    std::unique_ptr<Probe> kiosk_probe =
        options.probe.empty() ? nullptr : std::make_unique<Probe>(options.probe);
    kiosk.SetProbe(kiosk_probe.get());
    if (!loaded.ok) return RunWindows({&kiosk}, loop); // the notice only
    // One writer for both: the board's decisions queue behind the answers.
    BoardSessionOptions board_options;
    board_options.db_path = options.db;
    board_options.shared_writer = kiosk_session->Writer();
    board_options.fleet_kiosks = options.config.fleet.kiosks;
    Window* board_raw = board_window.get();
    board_options.wake = [board_raw] { board_raw->Wake(); }; // the file watch: a commit wakes the loop
    BoardSession board_session(loaded.pack, board_options, LoopSeconds());
    std::string board_lang;
    if (!ChooseLanguage(options, loaded.pack, &board_lang, &error)) return Fail(command, error, 2);
    BoardLoopWindow board(*board_window, board_session, board_theme, board_lang);
    std::unique_ptr<Probe> board_probe =
        options.probe.empty() ? nullptr : std::make_unique<Probe>(options.probe + ".board");
    board.SetProbe(board_probe.get());
    return RunWindows({&kiosk, &board}, loop);
}

int RunDemo(int argc, char** argv) {
    StopSignals stop;
    CommonOptions options;
    std::string error;
    if (!ParseOptions(argc, argv, options, &error)) return Fail("demo", error, 2);
    if (options.help) {
        std::printf("%s%s", kDemoHelp, CommonOptionsHelp());
        return 0;
    }
    ApplyDefaults(options);
    UseChosenPack(options);
    const LoadedPack loaded = LoadKioskPack(options);
    return RunKioskAndBoard(options, loaded, "demo",
                            {options.redraw_always, options.frames, options.locked == 1, &stop});
}

} // namespace tapsheet
