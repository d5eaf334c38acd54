// `tapsheet validate FILE…`: checks content packs before an event, so an
// organiser finds a typo at their desk rather than at the kiosk.
#include "app/cli/commands.h"
#include "app/cli/validate_sheet.h"
#include "app/core/config.h"
#include "app/core/loader.h"
#include "app/core/translation_check.h"

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace tapsheet {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitBadPack = 2;

std::string Plural(std::size_t count, const char* noun) {
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

void PrintUsage(std::FILE* out) {
    std::fprintf(out, "usage: tapsheet validate FILE.toml [FILE.toml…]\n"
                      "       tapsheet validate --config /etc/tapsheet/tapsheet.toml\n"
                      "Checks content packs, or a configuration file and the pack it names, and\n"
                      "prints every problem as file:line:column: message. A sheet too big for\n"
                      "the board's full-size type, or a text people see that lacks one of the\n"
                      "pack's languages, is a warning, which leaves the pack good.\n"
                      "Exit status: 0 when everything is good (warnings or not), 2 otherwise.\n");
}

bool ValidateOne(const std::string& path) {
    const LoadResult result = LoadPackFile(path);
    if (!result.pack) {
        for (const LoadError& error : result.errors)
            std::fprintf(stderr, "%s\n", error.ToString().c_str());
        return false;
    }
    const Pack& pack = *result.pack;
    const std::string name = std::filesystem::path(path).filename().string();
    std::printf("%s: ok — %s, %s\n", name.c_str(), Plural(pack.steps.size(), "step").c_str(),
                Plural(pack.languages.size(), "language").c_str());
    // Warnings do not fail the check: the pack works, in fewer languages
    // than it declares in places, or with a sheet in smaller type.
    std::fflush(stdout); // the "ok" line first, then its warnings, in a terminal too
    for (const LoadError& warning : MissingTranslations(pack))
        std::fprintf(stderr, "%s\n", warning.ToString().c_str());
    for (const LoadError& warning : SheetSizeWarnings(pack))
        std::fprintf(stderr, "%s\n", warning.ToString().c_str());
    return true;
}

// A config's problems: fatal ones stop the kiosk taking answers, the others
// only fall back to a default, but an organiser checking wants to see both.
bool ValidateConfig(const std::string& path) {
    const ConfigResult result = LoadConfigFile(path);
    for (const LoadError& error : result.errors)
        std::fprintf(stderr, "%s\n", error.ToString().c_str());
    for (const LoadError& warning : result.warnings)
        std::fprintf(stderr, "%s (the kiosk would use the default)\n", warning.ToString().c_str());
    if (!result.Ok()) {
        std::fprintf(stderr, "%s: the kiosk would take no answers until this is fixed\n", path.c_str());
        return false;
    }
    const bool pack_ok = !result.config.content || ValidateOne(*result.config.content);
    if (result.warnings.empty() && pack_ok)
        std::printf("%s: ok\n", std::filesystem::path(path).filename().string().c_str());
    return result.warnings.empty() && pack_ok;
}

} // namespace

int RunValidate(int argc, char** argv) {
    if (argc < 2) {
        PrintUsage(stderr);
        return kExitBadPack;
    }
    const std::string_view first = argv[1];
    if (first == "--help" || first == "-h") {
        PrintUsage(stdout);
        return kExitOk;
    }
    if (first == "--config") {
        if (argc != 3) {
            PrintUsage(stderr);
            return kExitBadPack;
        }
        return ValidateConfig(argv[2]) ? kExitOk : kExitBadPack;
    }
    bool all_ok = true;
    for (int i = 1; i < argc; i++)
        all_ok = ValidateOne(argv[i]) && all_ok;
    return all_ok ? kExitOk : kExitBadPack;
}

} // namespace tapsheet
