// Fuzz target for the kiosk's configuration file and `tapsheet set-pin`'s
// edit of it. Whatever the bytes:
// - LoadConfigText returns a config, or errors and warnings each naming the
//   file with a line and column inside the text (0:0 only for the file as a
//   whole), and never crashes, hangs or throws (an exception caught inside
//   it counts as a failure here: no text should raise one);
// - SetConfigString sets [admin] pin as set-pin does: whenever set-pin
//   would accept the edited text (it loads without errors) the config holds
//   exactly the new hash and every other setting as before, and setting a
//   second PIN gives what setting only that one would.
// Built as a libFuzzer target with clang (-DTAPSHEET_FUZZ=ON), and always
// as fuzz_config_replay, which CI runs over the corpus.
#include "app/core/admin_pin.h"
#include "app/core/config.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace {

const std::string kFile = "fuzz.toml";

// set-pin's hashes for the PINs 1234 and 5678, made once (they are salted
// and stretched).
std::string pin_hash, next_pin_hash;

void Require(bool holds, const char* what, const std::string& detail = "") {
    if (holds) return;
    std::fprintf(stderr, "config fuzz: %s %s\n", what, detail.c_str());
    __builtin_trap();
}

void CheckPositions(const std::vector<tapsheet::LoadError>& problems, std::string_view text) {
    const int lines = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    for (const tapsheet::LoadError& problem : problems) {
        Require(problem.file == kFile, "a problem names another file:", problem.ToString());
        Require(!problem.message.empty(), "a problem without a message:", problem.ToString());
        Require(problem.message.rfind("could not read the configuration", 0) != 0,
                "an exception escaped the reader:", problem.ToString());
        const bool whole_file = problem.line == 0 && problem.column == 0;
        const bool inside = problem.line >= 1 && problem.line <= lines && problem.column >= 1;
        Require(whole_file || inside, "a problem outside the text:", problem.ToString());
    }
}

// Every setting but the PIN, to compare before and after set-pin's edit.
std::string Settings(const tapsheet::Config& config) {
    auto text = [](const std::optional<std::string>& value) { return value ? "'" + *value + "'" : "-"; };
    auto number = [](const auto& value) { return value ? std::to_string(*value) : "-"; };
    return text(config.kiosk_id) + text(config.content) + text(config.database) + text(config.backend) +
           number(config.kiosk_monitor) + (config.with_board ? "B" : "b") + number(config.dpi) +
           std::to_string(config.touch_rotation) + number(config.idle_seconds) +
           number(config.still_there_seconds) + number(config.thanks_seconds) + number(config.board_monitor) +
           text(config.board_lang) + std::to_string(config.sleep.from_minute) + ":" +
           std::to_string(config.sleep.until_minute) + (config.sleep.blank ? "X" : "x") + config.export_dir;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const tapsheet::ConfigResult before = tapsheet::LoadConfigText(text, kFile);
    CheckPositions(before.errors, text);
    CheckPositions(before.warnings, text);

    if (pin_hash.empty())
        pin_hash = tapsheet::NewPinHash("1234"), next_pin_hash = tapsheet::NewPinHash("5678");
    const std::string edited = tapsheet::SetConfigString(text, "admin", "pin", pin_hash);
    const tapsheet::ConfigResult after = tapsheet::LoadConfigText(edited, kFile);
    CheckPositions(after.errors, edited);
    CheckPositions(after.warnings, edited);
    if (!after.Ok()) return 0; // set-pin refuses to write it
    Require(after.config.admin_pin_hash == pin_hash, "set-pin would report a PIN it did not set:", edited);
    Require(tapsheet::SetConfigString(edited, "admin", "pin", next_pin_hash) ==
                tapsheet::SetConfigString(text, "admin", "pin", next_pin_hash),
            "set-pin twice differs from once with the second PIN:", edited);
    if (before.Ok())
        Require(Settings(after.config) == Settings(before.config), "set-pin changed another setting:",
                Settings(before.config) + " -> " + Settings(after.config) + "\n" + edited);
    return 0;
}
