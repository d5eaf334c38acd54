// Options every windowed subcommand shares, and where defaults come from.
#pragma once

#include "app/core/config.h"
#include "app/platform/window.h"

#include <string>
#include <vector>

namespace tapsheet {

struct CommonOptions {
    std::string content;        // --content FILE (default: the installed default pack)
    bool content_given = false; // --content was on the command line (it wins over a pack chosen on screen)
    std::string db;             // --db FILE (default: under the user's data directory)
    Backend backend = Backend::Sdl;
    bool windowed = false; // --windowed WxH
    int width = 1280;
    int height = 800;
    float dpi = 96; // --dpi N: the screen's real DPI sizes the 15 mm touch targets
    std::string kiosk_id = "kiosk-1";
    bool help = false;
    bool redraw_always = false; // --redraw always: draw every frame (benchmarks compare against it)
    bool size_given = false;    // --windowed or --size was on the command line
    int monitor = -1;           // --monitor N: which display (0 the first); -1 the command's default
    int frames = 0;             // --frames N: draw N frames in each window, then quit (tests)
    int locked = -1;            // --locked yes|no; -1: the command's default (the kiosk locks)
    std::string config_path;    // --config FILE: read before the other options, which win over it
    Config config;              // what the file said (defaults without --config)
    std::string config_problem; // the first fatal problem in it: the kiosk takes no answers
    std::string probe;          // --probe FILE or TAPSHEET_PROBE: each frame's targets and texts (tests)
    // screenshot only
    std::string role = "kiosk";
    std::string screen = "attract";
    std::string view = "poll"; // screenshot --role board: the board page
    std::string out;
    std::string lang;
};

// Parses argv[1..]; on a bad option returns false with *error saying which.
// --config FILE is read first (its problems printed as file:line:column),
// then the other options override what it set.
bool ParseOptions(int argc, char** argv, CommonOptions& options, std::string* error);

std::string DefaultContentPath();
std::string DefaultDatabasePath(); // creates the directory
const char* CommonOptionsHelp();

} // namespace tapsheet
