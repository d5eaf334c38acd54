// The layers table (app/layers.txt) and the check of one file's #includes
// against it, apart from the test so the test can also feed it a file that
// breaks the rules.
#pragma once

#include <string>
#include <vector>

namespace tapsheet::layers {

struct Layer {
    std::string folder;                   // "ui/kiosk": app/ui/kiosk
    std::vector<std::string> uses;        // folders below it it may include
    std::vector<std::string> third_party; // "imgui", "sqlite3", …
};

// Reads app/layers.txt; an unreadable line is a problem in *problems.
std::vector<Layer> ReadTable(const std::string& text, std::vector<std::string>* problems);

// The folder of app/ a path under app/ belongs to ("app/ui/kiosk/x.cpp" ->
// "ui/kiosk"), the longest folder of the table; empty when none.
std::string FolderOf(const std::vector<Layer>& table, const std::string& app_path);

// The third-party library a header belongs to ("imgui_internal.h" ->
// "imgui"), or empty for std, system and unknown headers.
std::string ThirdPartyOf(const std::string& header);

// Every #include of `source` (the text of the file at `app_path`, a path
// under app/) that its layer may not use, one message each, naming the line.
std::vector<std::string> Violations(const std::vector<Layer>& table, const std::string& app_path,
                                    const std::string& source);

} // namespace tapsheet::layers
