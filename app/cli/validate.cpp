// `tapsheet validate FILE…`: checks content packs before an event, so an
// organiser finds a typo at their desk rather than at the kiosk.
#include "app/cli/commands.h"
#include "app/core/loader.h"

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
                      "Checks content packs and prints every problem as file:line:column: message.\n"
                      "Exit status: 0 when every pack is good, 2 otherwise.\n");
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
    return true;
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
    bool all_ok = true;
    for (int i = 1; i < argc; i++)
        all_ok = ValidateOne(argv[i]) && all_ok;
    return all_ok ? kExitOk : kExitBadPack;
}

} // namespace tapsheet
