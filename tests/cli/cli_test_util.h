// Running the real `tapsheet` binary from a test, and reading back what it
// wrote.
#pragma once

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace tapsheet::cli_test {

struct Result {
    int exit_code = -1;
    std::string output; // stdout and stderr together
};

inline Result Tapsheet(const std::string& args) {
    std::string command = "{ " + std::string(TAPSHEET_BINARY) + " " + args + "; } 2>&1";
    Result run;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return run;
    std::array<char, 4096> buffer;
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
        run.output.append(buffer.data(), n);
    int status = pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

inline std::string Source(const std::string& path) {
    return std::string(TAPSHEET_SOURCE_DIR) + "/" + path;
}

inline std::filesystem::path TempDir(const std::string& name) {
    auto dir =
        std::filesystem::temp_directory_path() / ("tapsheet-cli-" + name + "-" + std::to_string(getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

// Width and height from a PNG's IHDR chunk.
inline bool PngSize(const std::filesystem::path& path, int& width, int& height) {
    std::ifstream file(path, std::ios::binary);
    unsigned char header[24] = {};
    if (!file.read(reinterpret_cast<char*>(header), sizeof header)) return false;
    const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (!std::equal(signature, signature + 8, header)) return false;
    width = (header[16] << 24) | (header[17] << 16) | (header[18] << 8) | header[19];
    height = (header[20] << 24) | (header[21] << 16) | (header[22] << 8) | header[23];
    return true;
}

inline bool Contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace tapsheet::cli_test
