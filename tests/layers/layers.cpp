#include "tests/layers/layers.h"

#include <algorithm>
#include <regex>
#include <sstream>
#include <utility>

namespace tapsheet::layers {

namespace {

// How a header's name tells its library.
constexpr std::pair<const char*, const char*> kThirdParty[] = {
    {"imgui", "imgui"}, {"sqlite3", "sqlite3"},   {"SDL", "sdl"},       {"GLFW/", "glfw"},
    {"GL/", "gl"},      {"GLES", "gl"},           {"EGL/", "gl"},       {"toml++/", "toml++"},
    {"png.h", "png"},   {"qrencode", "qrencode"}, {"sodium", "sodium"}, {"mosquitto", "mosquitto"},
};

std::vector<std::string> Words(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> words;
    for (std::string word; in >> word;)
        words.push_back(word);
    return words;
}

bool Contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

const Layer* Find(const std::vector<Layer>& table, const std::string& folder) {
    for (const Layer& layer : table)
        if (layer.folder == folder) return &layer;
    return nullptr;
}

bool StartsWith(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

// One #include against the layer of the file it is in; empty when allowed.
std::string Check(const std::vector<Layer>& table, const Layer& layer, const std::string& header,
                  bool quoted) {
    if (StartsWith(header, "app/")) {
        const std::string folder = FolderOf(table, header);
        if (folder.empty()) return "includes " + header + ", which is in no layer of app/layers.txt";
        if (folder == layer.folder || Contains(layer.uses, folder)) return {};
        return "includes " + header + ": " + layer.folder + " may not use " + folder;
    }
    const std::string library = ThirdPartyOf(header);
    if (!library.empty()) {
        if (Contains(layer.third_party, library)) return {};
        return "includes " + header + ": " + layer.folder + " may not use " + library;
    }
    // A quoted path of our own that is not spelled from app/ would dodge
    // the include path the build gives each layer.
    if (quoted) return "includes \"" + header + "\": spell our own headers from app/";
    return {};
}

} // namespace

std::vector<Layer> ReadTable(const std::string& text, std::vector<std::string>* problems) {
    std::vector<Layer> table;
    std::istringstream in(text);
    int number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (line.empty() || line[0] == '#') continue;
        const std::size_t arrow = line.find("->"), bar = line.find('|');
        const std::vector<std::string> name = Words(line.substr(0, arrow));
        if (arrow == std::string::npos || bar == std::string::npos || bar < arrow || name.size() != 1) {
            problems->push_back("app/layers.txt:" + std::to_string(number) +
                                ": not 'folder -> uses | third party'");
            continue;
        }
        table.push_back(
            {name[0], Words(line.substr(arrow + 2, bar - arrow - 2)), Words(line.substr(bar + 1))});
    }
    for (const Layer& layer : table)
        for (const std::string& use : layer.uses)
            if (!Find(table, use)) problems->push_back(layer.folder + " uses " + use + ", which has no line");
    return table;
}

std::string FolderOf(const std::vector<Layer>& table, const std::string& app_path) {
    std::string best;
    for (const Layer& layer : table)
        if (StartsWith(app_path, "app/" + layer.folder + "/") && layer.folder.size() > best.size())
            best = layer.folder;
    return best;
}

std::string ThirdPartyOf(const std::string& header) {
    for (const auto& [prefix, library] : kThirdParty)
        if (StartsWith(header, prefix)) return library;
    return {};
}

std::vector<std::string> Violations(const std::vector<Layer>& table, const std::string& app_path,
                                    const std::string& source) {
    std::vector<std::string> out;
    const std::string folder = FolderOf(table, app_path);
    const Layer* layer = Find(table, folder);
    if (!layer) return {app_path + ": in no layer of app/layers.txt"};
    const std::regex include(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])");
    std::istringstream in(source);
    int number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        std::smatch match;
        if (!std::regex_search(line, match, include)) continue;
        const std::string problem = Check(table, *layer, match[2].str(), match[1].str() == "\"");
        if (!problem.empty()) out.push_back(app_path + ":" + std::to_string(number) + ": " + problem);
    }
    return out;
}

} // namespace tapsheet::layers
