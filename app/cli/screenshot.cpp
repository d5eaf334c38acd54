#include "app/cli/commands.h"
#include "app/core/loader.h"
#include "app/session/board_views.h"
#include "app/session/demo_figures.h"
#include "app/session/demo_fleet.h"
#include "app/session/kiosk_session.h"
#include "app/session/screen_driver.h"
#include "app/shell/admin_shot.h"
#include "app/shell/app_setup.h"
#include "app/shell/options.h"

#include "imgui.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <unistd.h>

namespace tapsheet {

namespace {

const char* const kHelp =
    "usage: tapsheet screenshot --role kiosk --screen SCREEN --size WxH --out FILE.png [options]\n"
    "       tapsheet screenshot --role board --view VIEW --size WxH --out FILE.png [options]\n"
    "\n"
    "Renders one screen offscreen (starting a private Xvfb when there is no display).\n"
    "SCREEN: attract, a step id of the pack (e.g. level, benefits, domains), keyboard,\n"
    "        still-there, thanks or out-of-service; staff screens: pin-pad, pin-locked,\n"
    "        admin or admin:figures|texts|export|content|power|fleet (a kiosk whose answers\n"
    "        wait for the hub) or admin:fleet-hub (the board's machine: every kiosk).\n"
    "VIEW:   poll (the first) or poll:STEP, sheet, domains, crosstab, totals, timer,\n"
    "        evidence[:N], moderation, controls (the first poll with the facilitator's strip)\n"
    "        or controls:VIEW (any view with the strip), fleet or fleet-silent (the strip over\n"
    "        a hub's file of eight kiosks); the board shows a deterministic set\n"
    "        of demo visits written to a temporary database (--db FILE: use that database).\n"
    "  --lang CODE        the visit's or the board's language (default: the pack's first)\n"
    "  --size WxH         image size (default 1280x800)\n";

int Fail(const std::string& message) {
    std::fprintf(stderr, "tapsheet screenshot: %s\n", message.c_str());
    return 2;
}

int Save(Window& window, const CommonOptions& options, const std::string& what) {
    std::vector<std::uint8_t> rgba;
    int w = 0, h = 0;
    std::string error;
    if (!window.ReadPixels(rgba, w, h)) return Fail("could not read the rendered pixels");
    if (!WritePng(options.out, rgba, w, h, &error)) return Fail(error);
    std::printf("%s: %dx%d %s\n", options.out.c_str(), w, h, what.c_str());
    return 0;
}

int KioskShot(Window& window, const CommonOptions& options, const Pack& pack) {
    Theme theme;
    std::string error;
    if (!SetupTheme(theme, options.width, options.height, options.dpi, pack, &error)) return Fail(error);
    std::string lang;
    if (!ChooseLanguage(options, pack, &lang, &error)) return Fail(error);
    if (IsAdminScreen(options.screen)) {
        if (!DrawAdminScreen(window, theme, pack, options.screen, &error)) return Fail(error);
        return Save(window, options, options.screen);
    }
    KioskSession session(pack, nullptr);
    double now = 1000;
    if (!DriveToScreen(session, options.screen, lang, now, &error)) return Fail(error);
    // Two frames: auto-sized windows (the "Still there?" card) settle on the second.
    for (int i = 0; i < 2; ++i) {
        window.WaitEvents(0);
        window.BeginFrame();
        UiFrame ui{theme, lang, now, nullptr};
        DrawKiosk(ui, session.View());
        window.EndFrame();
    }
    return Save(window, options, options.screen);
}

// A private database of demo visits, removed again after the picture.
class TempDatabase {
  public:
    TempDatabase()
        : dir_(std::filesystem::temp_directory_path() / ("tapsheet-shot-" + std::to_string(getpid()))) {
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
    }
    ~TempDatabase() {
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }
    std::string Path() const { return (dir_ / "board.db").string(); }
    std::string Dir() const { return dir_.string(); }

  private:
    std::filesystem::path dir_;
};

int BoardShot(Window& window, const CommonOptions& options, const Pack& pack) {
    Theme theme;
    std::string error;
    if (!SetupBoardTheme(theme, options.width, options.height, pack, &error)) return Fail(error);
    std::string lang;
    if (!ChooseLanguage(options, pack, &lang, &error)) return Fail(error);
    TempDatabase temp;
    std::string db = options.db;
    // fleet, fleet-silent: the strip over a hub's file of eight kiosks.
    const bool fleet = options.view == "fleet" || options.view == "fleet-silent";
    DemoFleet demo_fleet;
    if (options.view == "fleet-silent") demo_fleet.hub_heard_ago = 45;
    DemoFleetFiles fleet_files;
    if (db.empty() && fleet) {
        if (!WriteDemoFleet(pack, temp.Dir(), demo_fleet, std::chrono::system_clock::now(), &fleet_files,
                            &error))
            return Fail(error);
        db = fleet_files.hub;
    }
    if (db.empty()) {
        db = temp.Path();
        if (!WriteDemoFigures(pack, db, DemoFigures{}, &error)) return Fail(error);
    }
    const double now = 1000;
    BoardSession session(pack, BoardSessionOptions{db, nullptr, nullptr, {}}, now);
    session.Refresh(now); // first: what the facilitator hid before
    if (!ShowBoardView(session, fleet ? "controls" : options.view, now, &error)) return Fail(error);
    session.Refresh(now); // the view may ask other figures (a cross-tab)
    // Three frames: the board's pages fit their text on the second.
    for (int i = 0; i < 3; ++i) {
        window.WaitEvents(0);
        window.BeginFrame();
        UiFrame ui{theme, lang, now, nullptr};
        DrawBoard(ui, session.View());
        window.EndFrame();
    }
    return Save(window, options, options.view);
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
    if (options.role != "kiosk" && options.role != "board")
        return Fail("--role takes kiosk or board, not '" + options.role + "'");
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
    if (options.role == "board") return BoardShot(*window, options, *loaded.pack);
    return KioskShot(*window, options, *loaded.pack);
}

} // namespace tapsheet
