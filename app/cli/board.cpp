#include "app/cli/commands.h"
#include "app/core/clock.h"
#include "app/shell/app_setup.h"
#include "app/shell/loop_windows.h"

#include <cstdio>

namespace tapsheet {

namespace {

const char* const kBoardHelp =
    "usage: tapsheet board [options]\n"
    "\n"
    "The room's live results on a TV or projector, read from the kiosk's database\n"
    "(--db; the kiosk may run in another process, started before or after).\n"
    "Facilitator keys and the control strip choose the view, hide results, freeze,\n"
    "run the activity timer and start a new round. Closing the window quits\n"
    "(unless locked: --locked yes, the default with --config).\n"
    "  --lang CODE        the board's language (default: the pack's first)\n\n";

} // namespace

int RunBoard(int argc, char** argv) {
    StopSignals stop;
    CommonOptions options;
    std::string error;
    if (!ParseOptions(argc, argv, options, &error)) {
        std::fprintf(stderr, "tapsheet board: %s\n", error.c_str());
        return 2;
    }
    if (options.help) {
        std::printf("%s%s", kBoardHelp, CommonOptionsHelp());
        return 0;
    }
    if (!options.config_problem.empty()) return 2; // printed with its line; the unit restarts it after a fix
    ApplyDefaults(options);
    LoadedPack loaded = LoadPackReporting(options.content);
    // Unlike the kiosk, a board with a bad pack has nothing to show anyone.
    if (!loaded.ok) return 2;
    std::string lang;
    if (!ChooseLanguage(options, loaded.pack, &lang, &error)) {
        std::fprintf(stderr, "tapsheet board: %s\n", error.c_str());
        return 2;
    }
    // The second screen when there is one (the kiosk takes the first).
    const WindowOptions window_options =
        SingleWindowOptions(options, "tapsheet board", options.config.board_monitor.value_or(1));
    Theme theme;
    std::unique_ptr<Window> window = OpenThemedWindow(options.backend, window_options, WindowRole::Board,
                                                      options.dpi, loaded.pack, theme, &error);
    if (!window) {
        std::fprintf(stderr, "tapsheet board: %s\n", error.c_str());
        return 1;
    }
    std::fprintf(stderr, "tapsheet board: content %s, results from %s\n", options.content.c_str(),
                 options.db.c_str());
    Window* raw = window.get();
    BoardSessionOptions board_options;
    board_options.db_path = options.db;
    board_options.wake = [raw] { raw->Wake(); };
    board_options.fleet_kiosks = options.config.fleet.kiosks;
    BoardSession session(loaded.pack, board_options, LoopSeconds());
    BoardLoopWindow board(*window, session, theme, lang);
    std::unique_ptr<Probe> probe = options.probe.empty() ? nullptr : std::make_unique<Probe>(options.probe);
    board.SetProbe(probe.get());
    // Installed (started with --config by its service), a stray Alt+F4 must not
    // leave the room looking at a desktop: locked unless told otherwise.
    const bool locked = options.locked == 1 || (options.locked == -1 && !options.config_path.empty());
    return RunWindows({&board}, {options.redraw_always, options.frames, locked, &stop});
}

} // namespace tapsheet
