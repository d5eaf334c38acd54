// `tapsheet set-pin [--config FILE]`: asks for the admin PIN twice (without
// echo on a terminal; one line from a pipe) and writes only its salted hash
// into the config file's [admin] pin, keeping the rest of the file as it was.
#include "app/cli/commands.h"
#include "app/core/admin_pin.h"
#include "app/core/config.h"
#include "app/store/durable_file.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

namespace tapsheet {

namespace {

constexpr const char* kDefaultConfig = "/etc/tapsheet/tapsheet.toml";

int Fail(const std::string& message, int code) {
    std::fprintf(stderr, "tapsheet set-pin: %s\n", message.c_str());
    return code;
}

// One line from stdin; without echo when stdin is a terminal.
std::string ReadSecretLine(const char* prompt) {
    const bool terminal = isatty(STDIN_FILENO);
    termios saved{};
    if (terminal) {
        std::fprintf(stderr, "%s", prompt);
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fprintf(stderr, "\n");
    }
    return line;
}

// Writes beside the file, then renames over it (app/store/durable_file.h):
// a power cut leaves the old file or the new one, never half of one, and
// the new hash is never readable by anyone who could not read the old file.
// Keeps the file's owner and mode (the config is readable by the kiosk's
// user only).
bool ReplaceConfig(const std::string& path, const std::string& text, std::string* error) {
    struct stat old_stat {};
    if (stat(path.c_str(), &old_stat) != 0) return *error = "cannot read " + path, false;
    DurableFileOptions options;
    options.mode = old_stat.st_mode & 07777;
    options.owner = old_stat.st_uid;
    options.group = old_stat.st_gid;
    return ReplaceFileDurably(path, text, options, error);
}

} // namespace

int RunSetPin(int argc, char** argv) {
    std::string path = kDefaultConfig;
    for (int i = 1; i < argc; i++) {
        const std::string_view arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::printf("usage: tapsheet set-pin [--config FILE]\n\n"
                        "Sets the admin PIN (4 to 8 digits) that opens the kiosk's staff panel.\n"
                        "Only a salted hash is written, to [admin] pin in FILE (default %s);\n"
                        "restart the kiosk afterwards. Reads the PIN twice from a terminal, or once\n"
                        "from a pipe.\n",
                        kDefaultConfig);
            return 0;
        }
        if (arg == "--config" && i + 1 < argc)
            path = argv[++i];
        else
            return Fail("unknown option " + std::string(arg) + " (see --help)", 2);
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return Fail("cannot read " + path + " (make one from config/tapsheet.toml)", 1);
    std::ostringstream text;
    text << in.rdbuf();
    const std::string pin = ReadSecretLine("New admin PIN (4-8 digits): ");
    if (!PinIsWellFormed(pin)) return Fail("a PIN is 4 to 8 digits; nothing was changed", 2);
    if (isatty(STDIN_FILENO) && ReadSecretLine("The same PIN again: ") != pin)
        return Fail("the two PINs differ; nothing was changed", 2);
    const std::string hash = NewPinHash(pin);
    if (hash.empty()) return Fail("cannot hash the PIN (out of memory?); nothing was changed", 1);
    const std::string updated = SetConfigString(text.str(), "admin", "pin", hash);
    if (!LoadConfigText(updated, path).Ok())
        return Fail(path + " has problems of its own (tapsheet validate --config " + path +
                        "); nothing was changed",
                    2);
    std::string error;
    if (!ReplaceConfig(path, updated, &error)) return Fail(error, 1);
    std::printf("Admin PIN set in %s. Restart the kiosk: sudo systemctl restart tapsheet-kiosk\n",
                path.c_str());
    return 0;
}

} // namespace tapsheet
