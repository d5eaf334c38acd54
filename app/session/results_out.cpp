#include "app/session/results_out.h"

#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace tapsheet {

namespace {

namespace fs = std::filesystem;

// fsync a file or folder by path: a USB stick pulled out after the admin
// panel said "done" must hold whole files.
bool SyncPath(const std::string& path, bool folder) {
    const int fd = ::open(path.c_str(), O_RDONLY | (folder ? O_DIRECTORY : 0));
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

std::string ParentOf(const std::string& path) {
    const fs::path parent = fs::path(path).parent_path();
    return parent.empty() ? "." : parent.string();
}

// A kiosk id as a folder name on any stick (FAT too): letters, digits, '-' and '_'.
std::string SafeName(const std::vector<std::string>& kiosks) {
    if (kiosks.size() > 1) return "merged";
    std::string name;
    for (char c : kiosks.empty() ? std::string("kiosk") : kiosks.front()) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           c == '-' || c == '_';
        name += plain ? c : '-';
    }
    if (name.size() > 40) name.resize(40);
    return name.empty() ? "kiosk" : name;
}

std::string Minute(std::chrono::system_clock::time_point now) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    std::tm local{};
    localtime_r(&seconds, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%d-%H%M", &local);
    return text;
}

// The first of NAME, NAME-2, NAME-3… that is free (with its .partial too).
bool FreeFolder(const fs::path& dir, const std::string& name, fs::path* out) {
    for (int n = 1; n < 1000; ++n) {
        const fs::path candidate = dir / (n == 1 ? name : name + "-" + std::to_string(n));
        std::error_code ignored;
        if (!fs::exists(candidate, ignored) && !fs::exists(candidate.string() + ".partial", ignored)) {
            *out = candidate;
            return true;
        }
    }
    return false;
}

bool WriteAll(const fs::path& folder, const ExportData& data, const ReportRun& run, std::string* error) {
    const auto csv = [&](std::ostream& out) { WriteExport(out, "csv", data); };
    const auto json = [&](std::ostream& out) { WriteExport(out, "json", data); };
    return WriteAtomically((folder / "results.csv").string(), csv, error) &&
           WriteAtomically((folder / "results.json").string(), json, error) &&
           WriteAtomically((folder / "report.html").string(), run.report.html, error);
}

} // namespace

bool WriteAtomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                     std::string* error) {
    const std::string partial = path + ".partial";
    {
        std::ofstream file(partial, std::ios::binary | std::ios::trunc);
        if (!file) return *error = "cannot write " + partial, false;
        write(file);
        if (!file.flush()) return *error = "cannot write " + partial + " (is the disk full?)", false;
    }
    if (!SyncPath(partial, false)) return *error = "cannot save " + partial + " to the disk", false;
    if (std::rename(partial.c_str(), path.c_str()) != 0) return *error = "cannot write " + path, false;
    SyncPath(ParentOf(path), true); // the rename itself; some file systems cannot sync a folder
    return true;
}

bool WriteAtomically(const std::string& path, const std::string& content, std::string* error) {
    return WriteAtomically(
        path, [&](std::ostream& out) { out << content; }, error);
}

bool WriteResultsTo(const std::string& dir, const std::string& db_path, std::string* written_summary,
                    std::string* error) {
    return WriteResultsTo(dir, db_path, std::chrono::system_clock::now(), written_summary, error);
}

bool WriteResultsTo(const std::string& dir, const std::string& db_path,
                    std::chrono::system_clock::time_point now, std::string* written_summary,
                    std::string* error) {
    ExportData data;
    ReportRun run;
    if (!ReadExport(db_path, 0, &data, error) || !MakeReportFor(db_path, 0, "", &run, error)) return false;
    std::error_code code;
    if (!fs::is_directory(dir, code))
        return *error = "no folder " + dir + " (is the USB stick mounted?)", false;
    fs::path folder;
    if (!FreeFolder(dir, "tapsheet-" + SafeName(run.kiosks) + "-" + Minute(now), &folder))
        return *error = "too many results folders in " + dir, false;
    const std::string partial = folder.string() + ".partial";
    if (!fs::create_directory(partial, code))
        return *error = "cannot make " + partial + ": " + code.message(), false;
    if (!WriteAll(partial, data, run, error)) {
        fs::remove_all(partial, code); // nothing half-written left behind
        return false;
    }
    if (std::rename(partial.c_str(), folder.c_str()) != 0) {
        fs::remove_all(partial, code);
        return *error = "cannot write " + folder.string(), false;
    }
    SyncPath(dir, true);
    *written_summary = std::to_string(run.visits) + " visits, " + std::to_string(data.Answers()) +
                       " answers: results.csv, results.json and report.html in " + folder.string();
    return true;
}

} // namespace tapsheet
