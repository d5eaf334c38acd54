// `tapsheet report --out DIR|FILE.html [--db FILE] [--round R|all] [--lang CODE]`:
// the results as one self-contained HTML page an organiser can email, and
// with --out DIR each chart as an SVG file beside it (for slides).
#include "app/cli/commands.h"
#include "app/core/figures.h"
#include "app/core/loader.h"
#include "app/report/report_text.h"
#include "app/session/results_out.h"
#include "app/shell/options.h"
#include "app/store/report_reader.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>

namespace tapsheet {

namespace {

const char* const kReportHelp =
    "usage: tapsheet report --out DIR|FILE.html [--round R|all] [--lang CODE] [--db FILE]\n"
    "\n"
    "Writes the results as one HTML page with its charts inside (no scripts, nothing\n"
    "to download; opens in any browser, prints, can be emailed): the totals, each\n"
    "poll, the sheet, the domains, the answers compared by poll answer, the visits\n"
    "over the day and the filtered visits. Free text appears only once approved.\n"
    "  --out DIR          DIR/report.html and each chart as DIR/*.svg (for slides)\n"
    "  --out FILE.html    the page alone\n"
    "  --round R|all      only round R (default: every round)\n"
    "  --lang CODE        a language of the content pack (default: its first)\n"
    "  --db FILE          results database; default: $XDG_DATA_HOME/tapsheet/tapsheet.db\n"
    "                     or ~/.local/share/tapsheet/tapsheet.db\n"
    "Times are in the local time zone (set TZ to choose another).\n";

struct ReportOptions {
    int round = 0;
    std::string out, db, lang;
    bool help = false;
};

bool ParseRound(const std::string& text, int* round) {
    if (text == "all") return *round = 0, true;
    char* end = nullptr;
    const long value = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || value < 1 || value > 1000000) return false;
    *round = static_cast<int>(value);
    return true;
}

bool Parse(int argc, char** argv, ReportOptions* options, std::string* error) {
    for (int i = 1; i < argc; ++i) {
        const std::string name = argv[i];
        if (name == "--help" || name == "-h") {
            options->help = true;
            continue;
        }
        if (name != "--out" && name != "--db" && name != "--round" && name != "--lang")
            return *error = "unknown option '" + name + "' (see --help)", false;
        if (i + 1 >= argc) return *error = name + " needs a value (see --help)", false;
        const std::string value = argv[++i];
        if (value.empty()) return *error = name + " needs a value (see --help)", false;
        if (name == "--round" && !ParseRound(value, &options->round))
            return *error = "--round takes a round number (1, 2, …) or all, not '" + value + "'", false;
        if (name == "--out") options->out = value;
        if (name == "--db") options->db = value;
        if (name == "--lang") options->lang = value;
    }
    if (!options->help && options->out.empty())
        return *error = "--out is required: a folder, or a file ending in .html (see --help)", false;
    return true;
}

int Fail(const std::string& message) {
    std::fprintf(stderr, "tapsheet report: %s\n", message.c_str());
    return 2;
}

bool IsHtmlFile(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".html" || ext == ".htm";
}

bool WriteFolder(const std::string& dir, const Report& report, std::string* error) {
    std::error_code code;
    std::filesystem::create_directories(dir, code);
    if (!std::filesystem::is_directory(dir, code)) return *error = "cannot make the folder " + dir, false;
    const std::filesystem::path folder(dir);
    if (!WriteAtomically((folder / "report.html").string(), report.html, error)) return false;
    for (const ReportChart& chart : report.charts)
        if (!WriteAtomically((folder / chart.file_name).string(), chart.svg, error)) return false;
    return true;
}

} // namespace

int RunReport(int argc, char** argv) {
    ReportOptions options;
    std::string error;
    if (!Parse(argc, argv, &options, &error)) return Fail(error);
    if (options.help) {
        std::fputs(kReportHelp, stdout);
        return 0;
    }
    if (options.db.empty()) options.db = DefaultDatabasePath();
    ReportRun run;
    if (!MakeReportFor(options.db, options.round, options.lang, &run, &error)) return Fail(error);
    if (run.left_out > 0) std::fprintf(stderr, "tapsheet report: %s\n", LeftOutNote(run.left_out).c_str());
    if (IsHtmlFile(options.out)) {
        if (!WriteAtomically(options.out, run.report.html, &error)) return Fail(error);
        std::fprintf(stderr, "tapsheet report: %d visits to %s\n", run.visits, options.out.c_str());
        return 0;
    }
    if (!WriteFolder(options.out, run.report, &error)) return Fail(error);
    std::fprintf(stderr, "tapsheet report: %d visits to %s/report.html and %zu charts (.svg)\n", run.visits,
                 options.out.c_str(), run.report.charts.size());
    return 0;
}

} // namespace tapsheet
