// The kiosk's configuration file (/etc/tapsheet/tapsheet.toml on an installed
// kiosk; config/tapsheet.toml is the documented example). Options on the
// command line win over it; a key left out keeps its default.
//
// A bad value is reported with file, line and column. What happens next
// depends on the key: where a default could send answers somewhere the
// organiser will not look for them (the database, the kiosk id, the content
// pack) the problem is fatal and the kiosk shows staff an out-of-service
// notice instead of taking answers. Everywhere else (sizes, timeouts, sleep
// hours, the PIN…) the key falls back to its safe default and a warning is
// logged, so a typo in a timeout never leaves a booth dark.
#pragma once

#include "app/core/fleet_config.h"
#include "app/core/loader.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tapsheet {

// Hours outside which the screen sleeps: from `from` until `until`, in
// minutes after midnight, across midnight when from > until.
struct SleepHours {
    int from_minute = -1; // -1: never sleeps
    int until_minute = -1;
    bool blank = false; // blank instead of dim

    bool Configured() const { return from_minute >= 0 && until_minute >= 0 && from_minute != until_minute; }
    bool Asleep(int minute_of_day) const;
};

struct Config {
    std::string path; // the file it was read from

    std::optional<std::string> kiosk_id;
    std::optional<std::string> content;
    std::optional<std::string> database;
    std::optional<std::string> backend; // "sdl" or "glfw"
    std::optional<int> kiosk_monitor;
    bool with_board = false;

    std::optional<float> dpi;
    int touch_rotation = 0; // degrees clockwise: 0, 90, 180, 270

    std::optional<int> idle_seconds;
    std::optional<int> still_there_seconds;
    std::optional<int> thanks_seconds;

    std::optional<int> board_monitor;
    std::optional<std::string> board_lang;

    std::string admin_pin_hash; // empty: no admin panel
    SleepHours sleep;
    std::string export_dir = "/media";
    FleetConfig fleet; // disabled: the kiosk works alone
};

struct ConfigResult {
    Config config;                   // defaults for every key that was bad
    std::vector<LoadError> errors;   // fatal: the kiosk must not take answers
    std::vector<LoadError> warnings; // the key fell back to its default
    bool Ok() const { return errors.empty(); }
};

ConfigResult LoadConfigFile(const std::string& path);
ConfigResult LoadConfigText(std::string_view text, const std::string& file_name);

// "19:30" -> 1170; -1 when not a 24-hour HH:MM time.
int ParseClockTime(std::string_view text);

// The file's text with `key` in `[section]` set to the string `value`: the
// key's line is replaced (comments and everything else kept), or the key is
// added at the end of the section, or the section at the end of the file.
// Used by `tapsheet set-pin` and the admin panel's content switch.
std::string SetConfigString(std::string_view text, std::string_view section, std::string_view key,
                            std::string_view value);

} // namespace tapsheet
