#include "app/core/config.h"

#include "app/core/admin_pin.h"
#include "app/core/config_fleet.h"
#include "app/core/loader_reader.h"

#include <cmath>
#include <fstream>
#include <sstream>

namespace tapsheet {

using loader_internal::KeyList;
using loader_internal::PackReader;
using loader_internal::Quote;
using loader_internal::TypeName;

namespace {

// Problems that must stop the kiosk taking answers go to `fatal`; the rest
// to `soft`, whose keys keep their defaults.
struct Readers {
    PackReader fatal;
    PackReader soft;
};

const toml::table* Section(Readers& readers, const toml::table& root, std::string_view name, bool fatal) {
    const toml::node* node = root.get(name);
    if (node == nullptr) return nullptr;
    if (const toml::table* table = node->as_table()) return table;
    (fatal ? readers.fatal : readers.soft)
        .Error(*node,
               Quote(name) + " must be a table like [" + std::string(name) + "], not " + TypeName(*node));
    return nullptr;
}

void ReadOptionalString(PackReader& reader, const toml::table& table, std::string_view key,
                        std::optional<std::string>* out) {
    std::string value;
    if (!reader.ReadString(table, key, &value, false)) return;
    if (value.empty()) return reader.Error(*table.get(key), Quote(key) + " must not be empty");
    *out = value;
}

void ReadOptionalInt(PackReader& reader, const toml::table& table, std::string_view key, int min, int max,
                     std::optional<int>* out) {
    int value = 0;
    if (reader.ReadInt(table, key, min, max, &value, false)) *out = value;
}

void ReadKiosk(Readers& readers, const toml::table& root, Config& config) {
    const toml::table* kiosk = Section(readers, root, "kiosk", true);
    if (kiosk == nullptr) return;
    // A misspelt `database` would quietly send answers to the default file.
    readers.fatal.CheckKeys(*kiosk, {"id", "content", "database", "backend", "monitor", "with_board"},
                            "[kiosk]");
    ReadOptionalString(readers.fatal, *kiosk, "id", &config.kiosk_id);
    ReadOptionalString(readers.fatal, *kiosk, "content", &config.content);
    ReadOptionalString(readers.fatal, *kiosk, "database", &config.database);
    std::optional<std::string> backend;
    ReadOptionalString(readers.soft, *kiosk, "backend", &backend);
    if (backend && *backend != "sdl" && *backend != "glfw")
        readers.soft.Error(*kiosk->get("backend"),
                           "'backend' must be \"sdl\" or \"glfw\", not " + Quote(*backend));
    else
        config.backend = backend;
    ReadOptionalInt(readers.soft, *kiosk, "monitor", 0, 15, &config.kiosk_monitor);
    readers.soft.ReadBool(*kiosk, "with_board", &config.with_board);
}

void ReadDpi(PackReader& reader, const toml::table& screen, Config& config) {
    const toml::node* node = screen.get("dpi");
    if (node == nullptr) return;
    const std::optional<double> value = node->value<double>(); // an integer or a float
    if (!value || !node->is_number())
        return reader.Error(*node, "'dpi' must be a number, not " + std::string(TypeName(*node)));
    if (!std::isfinite(*value) || *value < 50 || *value > 600)
        return reader.Error(*node, "'dpi' must be between 50 and 600 (the screen's dots per inch)");
    config.dpi = float(*value);
}

void ReadScreen(Readers& readers, const toml::table& root, Config& config) {
    const toml::table* screen = Section(readers, root, "screen", false);
    if (screen == nullptr) return;
    readers.soft.CheckKeys(*screen, {"dpi", "touch_rotation"}, "[screen]");
    ReadDpi(readers.soft, *screen, config);
    int rotation = 0;
    if (!readers.soft.ReadInt(*screen, "touch_rotation", 0, 270, &rotation, false)) return;
    if (rotation % 90 != 0)
        return readers.soft.Error(*screen->get("touch_rotation"),
                                  "'touch_rotation' must be 0, 90, 180 or 270");
    config.touch_rotation = rotation;
}

void ReadTimeouts(Readers& readers, const toml::table& root, Config& config) {
    const toml::table* timeouts = Section(readers, root, "timeouts", false);
    if (timeouts == nullptr) return;
    readers.soft.CheckKeys(*timeouts, {"idle", "still_there", "thanks"}, "[timeouts]");
    ReadOptionalInt(readers.soft, *timeouts, "idle", 10, 3600, &config.idle_seconds);
    ReadOptionalInt(readers.soft, *timeouts, "still_there", 3, 300, &config.still_there_seconds);
    ReadOptionalInt(readers.soft, *timeouts, "thanks", 2, 600, &config.thanks_seconds);
}

void ReadBoard(Readers& readers, const toml::table& root, Config& config) {
    const toml::table* board = Section(readers, root, "board", false);
    if (board == nullptr) return;
    readers.soft.CheckKeys(*board, {"monitor", "lang"}, "[board]");
    ReadOptionalInt(readers.soft, *board, "monitor", 0, 15, &config.board_monitor);
    ReadOptionalString(readers.soft, *board, "lang", &config.board_lang);
}

void ReadAdmin(Readers& readers, const toml::table& root, Config& config) {
    const toml::table* admin = Section(readers, root, "admin", false);
    if (admin == nullptr) return;
    readers.soft.CheckKeys(*admin, {"pin"}, "[admin]");
    std::string pin;
    if (!readers.soft.ReadString(*admin, "pin", &pin, false) || pin.empty()) return;
    // A plain PIN in the file would be readable by anyone with the SD card.
    if (!StoredPinIsWellFormed(pin))
        return readers.soft.Error(*admin->get("pin"), "'pin' must be a hash made by `tapsheet set-pin`, "
                                                      "not a PIN; the admin panel stays locked");
    config.admin_pin_hash = pin;
}

void ReadClock(PackReader& reader, const toml::table& table, std::string_view key, int* out) {
    std::string text;
    if (!reader.ReadString(table, key, &text, false)) return;
    const int minute = ParseClockTime(text);
    if (minute < 0)
        return reader.Error(*table.get(key),
                            Quote(key) + " must be a time like \"19:30\", not " + Quote(text));
    *out = minute;
}

void ReadSleep(Readers& readers, const toml::table& root, Config& config) {
    const toml::table* sleep = Section(readers, root, "sleep", false);
    if (sleep == nullptr) return;
    readers.soft.CheckKeys(*sleep, {"from", "until", "mode"}, "[sleep]");
    SleepHours hours;
    ReadClock(readers.soft, *sleep, "from", &hours.from_minute);
    ReadClock(readers.soft, *sleep, "until", &hours.until_minute);
    if (sleep->contains("from") != sleep->contains("until"))
        readers.soft.Error(*sleep, "[sleep] needs both 'from' and 'until'; the screen never sleeps");
    if (hours.from_minute < 0 || hours.until_minute < 0) hours.from_minute = hours.until_minute = -1;
    std::string mode = "dim";
    readers.soft.ReadString(*sleep, "mode", &mode, false);
    if (mode != "dim" && mode != "blank")
        readers.soft.Error(*sleep->get("mode"), "'mode' must be \"dim\" or \"blank\", not " + Quote(mode));
    hours.blank = mode == "blank";
    config.sleep = hours;
}

void ReadExport(Readers& readers, const toml::table& root, Config& config) {
    const toml::table* out = Section(readers, root, "export", false);
    if (out == nullptr) return;
    readers.soft.CheckKeys(*out, {"dir"}, "[export]");
    std::optional<std::string> dir;
    ReadOptionalString(readers.soft, *out, "dir", &dir);
    if (dir) config.export_dir = *dir;
}

void ReadFleetTable(Readers& readers, const toml::table& root, Config& config) {
    const toml::table* fleet = Section(readers, root, "fleet", false);
    if (fleet != nullptr) ReadFleet(readers.soft, *fleet, &config.fleet);
}

ConfigResult ParseConfig(std::string_view text, const std::string& file_name) {
    ConfigResult result;
    result.config.path = file_name;
    Readers readers{PackReader(file_name), PackReader(file_name)};
    toml::table root;
    try {
        root = toml::parse(text, std::string_view(file_name));
    } catch (const toml::parse_error& error) {
        readers.fatal.Error(error.source(), "TOML syntax error: " + std::string(error.description()));
        result.errors = readers.fatal.TakeErrors();
        return result;
    }
    readers.soft.CheckKeys(root, {"kiosk", "screen", "timeouts", "board", "admin", "sleep", "export", "fleet"},
                           "the configuration");
    ReadKiosk(readers, root, result.config);
    ReadScreen(readers, root, result.config);
    ReadTimeouts(readers, root, result.config);
    ReadBoard(readers, root, result.config);
    ReadAdmin(readers, root, result.config);
    ReadSleep(readers, root, result.config);
    ReadExport(readers, root, result.config);
    ReadFleetTable(readers, root, result.config);
    result.errors = readers.fatal.TakeErrors();
    result.warnings = readers.soft.TakeErrors();
    return result;
}

} // namespace

bool SleepHours::Asleep(int minute_of_day) const {
    if (!Configured()) return false;
    if (from_minute < until_minute) return minute_of_day >= from_minute && minute_of_day < until_minute;
    return minute_of_day >= from_minute || minute_of_day < until_minute; // across midnight
}

int ParseClockTime(std::string_view text) {
    const bool shape = text.size() == 5 && text[2] == ':';
    if (!shape) return -1;
    for (std::size_t i : {0u, 1u, 3u, 4u})
        if (text[i] < '0' || text[i] > '9') return -1;
    const int hours = (text[0] - '0') * 10 + (text[1] - '0');
    const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    if (hours > 23 || minutes > 59) return -1;
    return hours * 60 + minutes;
}

ConfigResult LoadConfigText(std::string_view text, const std::string& file_name) {
    try {
        return ParseConfig(text, file_name);
    } catch (const std::exception& exception) {
        ConfigResult result;
        result.errors.push_back(
            {file_name, 0, 0, std::string("could not read the configuration: ") + exception.what()});
        return result;
    }
}

ConfigResult LoadConfigFile(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        ConfigResult result;
        result.errors.push_back({path, 0, 0, "cannot open the configuration file"});
        return result;
    }
    std::ostringstream text;
    text << file.rdbuf();
    return LoadConfigText(text.str(), path);
}

} // namespace tapsheet
