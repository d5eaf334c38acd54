// Runs the loader fuzz target without libFuzzer (gcc builds, CI): over every
// file given, and over deterministic mutations of each (every truncation
// point on a stride, byte flips, spliced lines), so "no pack problem ever
// crashes the program" is checked on every build, not only when someone
// fuzzes.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

void Run(const std::string& bytes, std::size_t& runs) {
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    ++runs;
}

void Mutate(const std::string& seed, std::mt19937& random, std::size_t& runs) {
    Run(seed, runs);
    std::size_t stride = std::max<std::size_t>(1, seed.size() / 400);
    for (std::size_t cut = 0; cut < seed.size(); cut += stride)
        Run(seed.substr(0, cut), runs);
    const char specials[] = {'"', '\'', '[', ']', '{', '}', '=', '\n', ',', '#', '\\', '\0', '\xC5', '\xFF'};
    for (int i = 0; i < 3000 && !seed.empty(); ++i) {
        std::string copy = seed;
        int edits = 1 + static_cast<int>(random() % 4);
        for (int e = 0; e < edits; ++e) {
            std::size_t at = random() % copy.size();
            switch (random() % 4) {
            case 0:
                copy[at] = specials[random() % sizeof specials];
                break;
            case 1:
                copy.erase(at, 1 + random() % 16);
                break;
            case 2:
                copy.insert(at, copy.substr(random() % copy.size(), 1 + random() % 40));
                break;
            default:
                copy[at] = static_cast<char>(random() % 256);
                break;
            }
            if (copy.empty()) break;
        }
        Run(copy, runs);
    }
}

std::vector<std::filesystem::path> Inputs(int argc, char** argv) {
    std::vector<std::filesystem::path> files;
    for (int i = 1; i < argc; ++i) {
        std::filesystem::path path = argv[i];
        if (!std::filesystem::is_directory(path)) {
            files.push_back(path);
            continue;
        }
        for (const auto& entry : std::filesystem::directory_iterator(path))
            if (entry.is_regular_file()) files.push_back(entry.path());
    }
    return files;
}

} // namespace

int main(int argc, char** argv) {
    std::mt19937 random(20240411); // fixed: the same inputs on every run
    std::size_t runs = 0;
    std::vector<std::filesystem::path> files = Inputs(argc, argv);
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        Mutate(bytes, random, runs);
    }
    std::printf("fuzz_loader_replay: %zu inputs from %zu seed files, no crash\n", runs, files.size());
    return files.empty() ? 2 : 0;
}
