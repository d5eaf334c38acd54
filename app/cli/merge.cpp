// `tapsheet merge --into TARGET SOURCE.db...`: the results of several kiosks
// in one file for the report and the export (see app/store/merge.h for what
// "never counted twice" means).
#include "app/store/merge.h"
#include "app/cli/commands.h"

#include <cstdio>
#include <string>
#include <vector>

namespace tapsheet {

namespace {

const char* const kMergeHelp =
    "usage: tapsheet merge --into TARGET.db SOURCE.db [SOURCE.db…]\n"
    "\n"
    "Adds every visit of each SOURCE (only read) to TARGET (created if missing).\n"
    "A visit already there is kept, or replaced by a newer copy of it, so merging\n"
    "the same file again, or an older copy, never counts an answer twice.\n"
    "A source that is not a kiosk's results file as a kiosk writes it (a view, a\n"
    "row with a wrong type, a dangling reference, an overlong text) is refused by\n"
    "name with the reason and changes nothing; the others are still merged, and\n"
    "the exit code is 2.\n";

int Fail(const std::string& message) {
    std::fprintf(stderr, "tapsheet merge: %s\n", message.c_str());
    return 2;
}

} // namespace

int RunMerge(int argc, char** argv) {
    std::string target;
    std::vector<std::string> sources;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::fputs(kMergeHelp, stdout);
            return 0;
        }
        if (arg == "--into" && i + 1 < argc)
            target = argv[++i];
        else if (!arg.empty() && arg[0] == '-')
            return Fail("unknown option '" + arg + "' (see --help)");
        else
            sources.push_back(arg);
    }
    if (target.empty() || sources.empty()) return Fail("needs --into TARGET.db and at least one SOURCE.db");
    // Each source is one transaction, checked before the target is locked: a
    // refused source changes nothing, and the others are still merged.
    int refused = 0;
    for (const std::string& source : sources) {
        MergeCounts counts;
        std::string error;
        if (!MergeInto(target, source, &counts, &error)) {
            Fail(error);
            refused++;
            continue;
        }
        std::printf("%s: %d visits added, %d updated, %d already there; %d answers copied\n", source.c_str(),
                    counts.visits_added, counts.visits_updated, counts.visits_kept, counts.answers_copied);
    }
    if (refused == 0) return 0;
    const bool some = refused < static_cast<int>(sources.size());
    return Fail(std::to_string(refused) + " of " + std::to_string(sources.size()) +
                " sources not merged (see above)" + (some ? "; the others are in " + target : ""));
}

} // namespace tapsheet
