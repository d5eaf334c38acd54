// `tapsheet export --format csv|json [--round R] [--out FILE] [--db FILE]`:
// one row per stored answer, with the words of the pack it was given under,
// for a spreadsheet or a script. Columns: kExportColumns (README).
#include "app/cli/commands.h"
#include "app/core/figures.h"
#include "app/core/loader.h"
#include "app/report/export_format.h"
#include "app/session/results_out.h"
#include "app/shell/options.h"
#include "app/store/export_reader.h"

#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <optional>
#include <string>

namespace tapsheet {

namespace {

const char* const kExportHelp =
    "usage: tapsheet export [--format csv|json] [--round R] [--out FILE] [--db FILE]\n"
    "\n"
    "Writes every stored answer, one row each, with its visit, kiosk, round, step,\n"
    "question, option and time (UTF-8; CSV as RFC 4180); a skipped step is a row\n"
    "with value 'skipped' and no option. Labels come from the content pack each\n"
    "visit was given, as stored with the results.\n"
    "  --format csv|json  default csv\n"
    "  --round R          only round R (default: every round)\n"
    "  --out FILE         default: standard output\n"
    "  --db FILE          results database; default: $XDG_DATA_HOME/tapsheet/tapsheet.db\n"
    "                     or ~/.local/share/tapsheet/tapsheet.db\n";

struct ExportOptions {
    std::string format = "csv";
    int round = 0;
    std::string out, db;
    bool help = false;
};

bool ParseRound(const std::string& text, int* round) {
    char* end = nullptr;
    const long value = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || value < 1 || value > 1000000) return false;
    *round = static_cast<int>(value);
    return true;
}

bool Parse(int argc, char** argv, ExportOptions* options, std::string* error) {
    for (int i = 1; i < argc; ++i) {
        const std::string name = argv[i];
        if (name == "--help" || name == "-h") {
            options->help = true;
            continue;
        }
        if (i + 1 >= argc) return *error = name + " needs a value (see --help)", false;
        const std::string value = argv[++i];
        if (name == "--format" && (value == "csv" || value == "json"))
            options->format = value;
        else if (name == "--format")
            return *error = "--format takes csv or json, not '" + value + "'", false;
        else if (name == "--round" && !ParseRound(value, &options->round))
            return *error = "--round takes a round number (1, 2, …), not '" + value + "'", false;
        else if (name == "--out")
            options->out = value;
        else if (name == "--db")
            options->db = value;
        else if (name != "--round")
            return *error = "unknown option '" + name + "' (see --help)", false;
    }
    return true;
}

int Fail(const std::string& message) {
    std::fprintf(stderr, "tapsheet export: %s\n", message.c_str());
    return 2;
}

} // namespace

int RunExport(int argc, char** argv) {
    ExportOptions options;
    std::string error;
    if (!Parse(argc, argv, &options, &error)) return Fail(error);
    if (options.help) {
        std::fputs(kExportHelp, stdout);
        return 0;
    }
    if (options.db.empty()) options.db = DefaultDatabasePath();
    ExportData data;
    if (!ReadExport(options.db, options.round, &data, &error)) return Fail(error);
    if (data.left_out > 0) std::fprintf(stderr, "tapsheet export: %s\n", LeftOutNote(data.left_out).c_str());
    if (options.out.empty()) {
        WriteExport(std::cout, options.format, data);
        return std::cout.good() ? 0 : Fail("could not write to standard output");
    }
    const auto write = [&](std::ostream& out) { WriteExport(out, options.format, data); };
    if (!WriteAtomically(options.out, write, &error)) return Fail(error);
    const std::size_t skips = data.Skips();
    const std::string skipped =
        skips > 0 ? " and " + std::to_string(skips) + " skipped step" + (skips == 1 ? "" : "s") : "";
    std::fprintf(stderr, "tapsheet export: %zu answers%s to %s\n", data.Answers(), skipped.c_str(),
                 options.out.c_str());
    return 0;
}

} // namespace tapsheet
