#include "app/shell/options.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string_view>

namespace tapsheet {

namespace {

bool ParseSize(std::string_view text, int& width, int& height) {
    std::size_t x = text.find('x');
    if (x == std::string_view::npos) return false;
    try {
        width = std::stoi(std::string(text.substr(0, x)));
        height = std::stoi(std::string(text.substr(x + 1)));
    } catch (...) {
        return false;
    }
    return width >= 200 && height >= 200 && width <= 16384 && height <= 16384;
}

bool ParseBackend(std::string_view text, Backend& backend) {
    if (text == "sdl")
        backend = Backend::Sdl;
    else if (text == "glfw")
        backend = Backend::Glfw;
    else
        return false;
    return true;
}

bool ParseCount(const std::string& value, int low, int high, int& out) {
    char* end = nullptr;
    const long parsed = std::strtol(value.c_str(), &end, 10);
    if (end == value.c_str() || *end || parsed < low || parsed > high) return false;
    out = static_cast<int>(parsed);
    return true;
}

bool ApplyOption(std::string_view name, const std::string& value, CommonOptions& o, std::string* error) {
    if (name == "--content") {
        o.content = value;
        o.content_given = true;
    } else if (name == "--db")
        o.db = value;
    else if (name == "--kiosk-id")
        o.kiosk_id = value;
    else if (name == "--role")
        o.role = value;
    else if (name == "--screen")
        o.screen = value;
    else if (name == "--out")
        o.out = value;
    else if (name == "--lang")
        o.lang = value;
    else if (name == "--view")
        o.view = value;
    else if (name == "--probe")
        o.probe = value;
    else if (name == "--config")
        o.config_path = value; // read already, by ReadConfigFirst
    else if (name == "--locked") {
        if (value != "yes" && value != "no")
            return *error = "--locked takes yes or no, not '" + value + "'", false;
        o.locked = value == "yes";
    } else if (name == "--monitor") {
        if (!ParseCount(value, 0, 15, o.monitor))
            return *error = "--monitor takes a display number (0 the first), not '" + value + "'", false;
    } else if (name == "--frames") {
        if (!ParseCount(value, 1, 100000, o.frames))
            return *error = "--frames takes a number of frames (1 or more), not '" + value + "'", false;
    } else if (name == "--redraw") {
        if (value != "always" && value != "on-change")
            return *error = "--redraw takes on-change (default) or always, not '" + value + "'", false;
        o.redraw_always = value == "always";
    } else if (name == "--backend") {
        if (!ParseBackend(value, o.backend))
            return *error = "--backend takes sdl or glfw, not '" + value + "'", false;
    } else if (name == "--windowed" || name == "--size") {
        o.windowed = true;
        o.size_given = true;
        if (!ParseSize(value, o.width, o.height))
            return *error = std::string(name) + " takes WIDTHxHEIGHT, e.g. 1280x800, not '" + value + "'",
                   false;
    } else if (name == "--dpi") {
        char* end = nullptr;
        o.dpi = std::strtof(value.c_str(), &end);
        if (end == value.c_str() || *end || !std::isfinite(o.dpi) || o.dpi < 50 || o.dpi > 600)
            return *error = "--dpi takes the screen's dots per inch (50-600), not '" + value + "'", false;
    } else {
        return *error = "unknown option " + std::string(name) + " (see --help)", false;
    }
    return true;
}

// What the config file sets, as if given first on the command line.
void ApplyConfig(const Config& config, CommonOptions& o) {
    if (config.content) o.content = *config.content;
    if (config.database) o.db = *config.database;
    if (config.kiosk_id) o.kiosk_id = *config.kiosk_id;
    if (config.backend) ParseBackend(*config.backend, o.backend);
    if (config.dpi) o.dpi = *config.dpi;
    if (config.board_lang) o.lang = *config.board_lang;
}

// --config's value, wherever it is among the arguments.
std::string FindConfigPath(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg.substr(0, 9) == "--config=") return std::string(arg.substr(9));
        if (arg == "--config" && i + 1 < argc) return argv[i + 1];
    }
    return {};
}

void ReadConfigFirst(int argc, char** argv, CommonOptions& options) {
    options.config_path = FindConfigPath(argc, argv);
    if (options.config_path.empty()) return;
    ConfigResult result = LoadConfigFile(options.config_path);
    for (const LoadError& warning : result.warnings)
        std::fprintf(stderr, "%s (ignored: the default is used)\n", warning.ToString().c_str());
    for (const LoadError& problem : result.errors)
        std::fprintf(stderr, "%s\n", problem.ToString().c_str());
    if (!result.Ok()) {
        options.config_problem = "The configuration has a problem: " + result.errors.front().ToString();
        return; // none of it: a half-read file could send answers astray
    }
    options.config = std::move(result.config);
    ApplyConfig(options.config, options);
}

} // namespace

bool ParseOptions(int argc, char** argv, CommonOptions& options, std::string* error) {
    ReadConfigFirst(argc, argv, options);
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            options.help = true;
            continue;
        }
        std::string value;
        std::size_t eq = arg.find('=');
        std::string_view name = arg.substr(0, eq);
        if (eq != std::string_view::npos) {
            value = std::string(arg.substr(eq + 1));
        } else if (i + 1 < argc) {
            value = argv[++i];
        } else {
            *error = std::string(arg) + " needs a value (see --help)";
            return false;
        }
        if (!ApplyOption(name, value, options, error)) return false;
    }
    const char* probe = std::getenv("TAPSHEET_PROBE");
    if (options.probe.empty() && probe != nullptr) options.probe = probe;
    return true;
}

std::string DefaultContentPath() {
    const char* env = std::getenv("TAPSHEET_ASSETS");
    std::vector<std::string> roots;
    if (env && *env) roots.push_back(env);
    roots.push_back(TAPSHEET_INSTALL_ASSETS);
    roots.push_back(TAPSHEET_SOURCE_ASSETS);
    for (const std::string& root : roots) {
        std::filesystem::path path = std::filesystem::path(root) / "content" / "default.toml";
        if (std::filesystem::exists(path)) return path.string();
    }
    return (std::filesystem::path(TAPSHEET_SOURCE_ASSETS) / "content" / "default.toml").string();
}

std::string DefaultDatabasePath() {
    std::filesystem::path dir;
    const char* data_home = std::getenv("XDG_DATA_HOME");
    const char* home = std::getenv("HOME");
    if (data_home && *data_home)
        dir = std::filesystem::path(data_home) / "tapsheet";
    else if (home && *home)
        dir = std::filesystem::path(home) / ".local" / "share" / "tapsheet";
    else
        dir = std::filesystem::current_path();
    std::error_code ignored;
    std::filesystem::create_directories(dir, ignored);
    return (dir / "tapsheet.db").string();
}

const char* CommonOptionsHelp() {
    return "  --content FILE     content pack (TOML); default: the installed default pack\n"
           "  --db FILE          results database (SQLite); default: $XDG_DATA_HOME/tapsheet/tapsheet.db\n"
           "                     or ~/.local/share/tapsheet/tapsheet.db\n"
           "  --backend sdl|glfw window system: sdl (default; touch as touch, KMSDRM on a Pi) or glfw\n"
           "  --windowed WxH     a window of that size instead of full-screen (the default)\n"
           "  --dpi N            the screen's real dots per inch, so touch targets are 15 mm (default 96)\n"
           "  --kiosk-id ID      this kiosk's name in the results (default kiosk-1)\n"
           "  --redraw MODE      on-change (default: draw on input, animation and timers only)\n"
           "                     or always (every frame; for measuring what on-change saves)\n"
           "  --monitor N        the display to go full-screen on (0 the first; kiosk default 0,\n"
           "                     board default 1, or the first when there is one)\n"
           "  --frames N         draw N frames, then quit (for tests)\n"
           "  --probe FILE       after each frame, write its tap targets and texts to FILE\n"
           "                     (for end-to-end tests; also TAPSHEET_PROBE=FILE); with the board\n"
           "                     in the same process (demo, with_board) the board's to FILE.board\n"
           "  --config FILE      read settings from FILE first (/etc/tapsheet/tapsheet.toml on an\n"
           "                     installed kiosk); options given here win over it\n"
           "  --locked yes|no    yes: no window close, Alt+F4 or key quits, only SIGTERM/SIGINT\n"
           "                     (default yes for kiosk and for board with --config, else no)\n";
}

} // namespace tapsheet
