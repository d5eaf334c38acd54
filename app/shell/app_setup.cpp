#include "app/shell/app_setup.h"

#include "app/core/loader.h"
#include "app/session/admin_places.h"
#include "app/session/pin_check.h"
#include "app/session/results_out.h"

#include "imgui.h"

#include <cstdio>
#include <filesystem>

namespace tapsheet {

LoadedPack LoadPackReporting(const std::string& path) {
    LoadResult result = LoadPackFile(path);
    LoadedPack loaded;
    loaded.ok = result.pack.has_value();
    if (result.pack) loaded.pack = std::move(*result.pack);
    for (const LoadError& e : result.errors) {
        std::fprintf(stderr, "%s\n", e.ToString().c_str());
        if (loaded.problem.empty()) loaded.problem = "The content pack has a problem: " + e.ToString();
    }
    loaded.advice = "Fix the file (tapsheet validate FILE says what is wrong), "
                    "or start with the default pack, then restart the kiosk.";
    return loaded;
}

LoadedPack LoadKioskPack(const CommonOptions& options) {
    if (!options.config_problem.empty()) {
        LoadedPack loaded;
        loaded.problem = options.config_problem;
        loaded.advice = "Fix " + options.config_path + " (tapsheet validate --config " + options.config_path +
                        " says what is wrong), then restart the kiosk.";
        return loaded;
    }
    LoadedPack loaded = LoadPackReporting(options.content);
    KioskSettings& kiosk = loaded.pack.kiosk;
    kiosk.idle_seconds = options.config.idle_seconds.value_or(kiosk.idle_seconds);
    kiosk.still_there_seconds = options.config.still_there_seconds.value_or(kiosk.still_there_seconds);
    kiosk.thanks_seconds = options.config.thanks_seconds.value_or(kiosk.thanks_seconds);
    return loaded;
}

std::unique_ptr<Window> OpenThemedWindow(Backend backend, const WindowOptions& options, WindowRole role,
                                         float dpi, const Pack& pack, Theme& theme, std::string* error) {
    std::unique_ptr<Window> window = CreateAppWindow(backend, options, error);
    if (!window) return nullptr;
    ImGui::SetCurrentContext(window->Context());
    int fb_w = 0, fb_h = 0;
    window->FramebufferSize(fb_w, fb_h);
    const bool themed = role == WindowRole::Board ? SetupBoardTheme(theme, fb_w, fb_h, pack, error)
                                                  : SetupTheme(theme, fb_w, fb_h, dpi, pack, error);
    return themed ? std::move(window) : nullptr;
}

std::unique_ptr<KioskSession> MakeKioskSession(const LoadedPack& loaded, const CommonOptions& options,
                                               Window& window, const char* command) {
    std::unique_ptr<VisitWriter> writer;
    if (loaded.ok) {
        Window* raw = &window;
        WriterOptions writer_options;
        writer_options.db_path = options.db;
        writer_options.kiosk_id = options.kiosk_id;
        writer_options.wake = [raw] { raw->Wake(); };
        writer = std::make_unique<VisitWriter>(writer_options, loaded.pack);
        std::fprintf(stderr, "tapsheet %s: content %s, results in %s\n", command, options.content.c_str(),
                     options.db.c_str());
    }
    auto session = std::make_unique<KioskSession>(loaded.pack, std::move(writer));
    if (!loaded.problem.empty()) session->SetServiceProblem(loaded.problem, loaded.advice);
    return session;
}

void ApplyDefaults(CommonOptions& options) {
    if (options.content.empty()) options.content = DefaultContentPath();
    if (options.db.empty()) options.db = DefaultDatabasePath();
}

void UseChosenPack(CommonOptions& options) {
    if (options.content_given) return;
    const std::string chosen = ReadChosenPack(options.db);
    if (chosen.empty() || chosen == options.content) return;
    std::fprintf(stderr,
                 "tapsheet: content %s, as chosen in the admin panel (remove %s to use the config's)\n",
                 chosen.c_str(), ChosenPackFile(options.db).c_str());
    options.content = chosen;
}

std::unique_ptr<AdminSession> MakeAdminSession(const CommonOptions& options, KioskSession& session) {
    AdminSettings settings;
    settings.pin_hash = options.config.admin_pin_hash;
    settings.lockout_path = PinLockoutFile(options.db);
    settings.kiosk_id = options.kiosk_id;
    settings.db_path = options.db;
    settings.content_path = options.content;
    if (!options.config_path.empty())
        settings.packs_dir = (std::filesystem::path(options.config_path).parent_path() / "content").string();
    settings.export_dir = options.config.export_dir;
    settings.sleep = options.config.sleep;
    settings.fleet_kiosks = options.config.fleet.kiosks;
    const std::string db = options.db;
    settings.export_to = [db](const std::string& dir, std::string* summary, std::string* error) {
        return WriteResultsTo(dir, db, summary, error);
    };
    return std::make_unique<AdminSession>(settings, session.Writer());
}

WindowOptions SingleWindowOptions(const CommonOptions& options, const char* title, int default_monitor) {
    WindowOptions window_options;
    window_options.title = title;
    window_options.fullscreen = !options.windowed;
    window_options.width = options.width;
    window_options.height = options.height;
    window_options.monitor = options.monitor < 0 ? default_monitor : options.monitor;
    window_options.touch_rotation = options.config.touch_rotation;
    return window_options;
}

// --lang, or the pack's first language (as the kiosk's attract screen and
// the board's window choose); an error names the languages there are.
bool ChooseLanguage(const CommonOptions& options, const Pack& pack, std::string* lang, std::string* error) {
    if (options.lang.empty()) {
        *lang = pack.languages.empty() ? "en" : pack.languages.front().code;
        return true;
    }
    std::string codes;
    for (const Language& language : pack.languages) {
        if (language.code == options.lang) {
            *lang = options.lang;
            return true;
        }
        codes += (codes.empty() ? "" : ", ") + language.code;
    }
    *error = "--lang " + options.lang + ": the pack has no such language (it has " + codes + ")";
    return false;
}

} // namespace tapsheet
