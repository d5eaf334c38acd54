#include "app/session/admin_places.h"

#include "app/core/loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace tapsheet {

namespace fs = std::filesystem;

namespace {

bool IsMountPoint(const fs::path& dir) {
    struct stat self {
    }, parent{};
    if (stat(dir.c_str(), &self) != 0 || stat(dir.parent_path().c_str(), &parent) != 0) return false;
    return self.st_dev != parent.st_dev;
}

bool Writable(const fs::path& dir) {
    return access(dir.c_str(), W_OK) == 0;
}

std::vector<fs::path> Folders(const fs::path& dir) {
    std::vector<fs::path> folders;
    std::error_code error;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, error))
        if (entry.is_directory(error)) folders.push_back(entry.path());
    std::sort(folders.begin(), folders.end());
    return folders;
}

void AddPacksIn(const fs::path& dir, const std::string& current, std::vector<AdminPlace>& out) {
    std::error_code error;
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, error))
        if (entry.path().extension() == ".toml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
        const LoadResult loaded = LoadPackFile(file.string());
        if (!loaded.pack) continue;
        const std::string& lang = loaded.pack->languages.front().code;
        AdminPlace place;
        place.label = loaded.pack->title.Get(lang) + " (" + file.filename().string() + ")";
        place.path = file.string();
        place.current = fs::weakly_canonical(file, error) == fs::weakly_canonical(current, error);
        out.push_back(place);
    }
}

} // namespace

std::vector<AdminPlace> FindSticks(const std::string& dir, bool require_mount) {
    std::vector<AdminPlace> sticks;
    auto consider = [&](const fs::path& folder) {
        if (!Writable(folder) || (require_mount && !IsMountPoint(folder))) return false;
        sticks.push_back({folder.filename().string() + " (" + folder.string() + ")", folder.string(), false});
        return true;
    };
    for (const fs::path& first : Folders(dir)) {
        if (consider(first)) continue;
        for (const fs::path& second : Folders(first))
            consider(second);
    }
    return sticks;
}

std::vector<AdminPlace> ListPacks(const std::string& current, const std::string& extra_dir) {
    std::vector<AdminPlace> packs;
    const fs::path here = fs::path(current).parent_path();
    AddPacksIn(here, current, packs);
    std::error_code error;
    if (!extra_dir.empty() && !fs::equivalent(here, extra_dir, error)) AddPacksIn(extra_dir, current, packs);
    return packs;
}

std::string ChosenPackFile(const std::string& db_path) {
    return (fs::path(db_path).parent_path() / "chosen-pack.txt").string();
}

std::string ReadChosenPack(const std::string& db_path) {
    std::ifstream file(ChosenPackFile(db_path));
    std::string path;
    std::getline(file, path);
    return path;
}

bool WriteChosenPack(const std::string& db_path, const std::string& pack_path, std::string* error) {
    const std::string target = ChosenPackFile(db_path);
    const std::string partial = target + ".partial";
    {
        std::ofstream file(partial, std::ios::trunc);
        file << pack_path << "\n";
        if (!file.flush()) return *error = "cannot write " + partial, false;
    }
    if (std::rename(partial.c_str(), target.c_str()) != 0) return *error = "cannot write " + target, false;
    return true;
}

} // namespace tapsheet
