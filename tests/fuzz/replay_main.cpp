// Runs a fuzz target without libFuzzer (gcc builds, CI): over every file
// given, and over deterministic mutations of each (truncations on a
// stride, then random edits), so "no input ever crashes the program" is
// checked on every build, not only when someone fuzzes. Linked with one
// target's LLVMFuzzerTestOneInput (loader_fuzz.cpp, config_fuzz.cpp,
// merge_fuzz.cpp); a broken invariant traps, which fails the test.
//
// usage: fuzz_<target>_replay [--budget N] [--binary] FILE|DIR...
//   --budget N  about N mutated inputs in all, shared between the files
//   --binary    edits suited to a binary format (bytes overwritten in place,
//               most often in the header) instead of text edits
// An input that crashes is saved as crash-<program> in the current folder
// (for ctest, the build's tests/fuzz), to be replayed by the libFuzzer
// binary or with this one, and added to the corpus once fixed.
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

struct Options {
    std::size_t budget = 60000;
    bool binary = false;
    std::vector<std::filesystem::path> files;
};

// The input running now, for the crash handler.
const std::string* current_input = nullptr;
std::string crash_file;

// Saves the input that crashed, then dies of the same signal. Only
// async-signal-safe calls.
void OnCrash(int signal_number) {
    const char said[] = "fuzz replay: this input crashed; saved as ";
    [[maybe_unused]] ssize_t ignored = write(STDERR_FILENO, said, sizeof said - 1);
    ignored = write(STDERR_FILENO, crash_file.c_str(), crash_file.size());
    ignored = write(STDERR_FILENO, "\n", 1);
    const int fd = open(crash_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0 && current_input) ignored = write(fd, current_input->data(), current_input->size());
    if (fd >= 0) close(fd);
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

void Run(const std::string& bytes, std::size_t& runs) {
    current_input = &bytes;
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    ++runs;
}

// One to four edits a hand or a parser would stumble on.
void EditText(std::string& copy, std::mt19937& random) {
    const char specials[] = {'"', '\'', '[', ']', '{', '}', '=', '\n', ',', '#', '\\', '\0', '\xC5', '\xFF'};
    int edits = 1 + static_cast<int>(random() % 4);
    for (int e = 0; e < edits && !copy.empty(); ++e) {
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
    }
}

// One to eight bytes overwritten in place (the size kept, so a page format
// still lines up): a quarter of them in the first 100 bytes (a header), the
// rest anywhere; extreme values, random ones, or bytes copied from elsewhere.
void EditBinary(std::string& copy, std::mt19937& random) {
    const char extremes[] = {'\0', '\x01', '\x7F', '\x80', '\xFF'};
    int edits = 1 + static_cast<int>(random() % 8);
    for (int e = 0; e < edits && !copy.empty(); ++e) {
        std::size_t span = random() % 4 == 0 ? std::min<std::size_t>(100, copy.size()) : copy.size();
        std::size_t at = random() % span;
        switch (random() % 3) {
        case 0:
            copy[at] = extremes[random() % sizeof extremes];
            break;
        case 1:
            copy[at] = static_cast<char>(random() % 256);
            break;
        default:
            copy[at] = copy[random() % copy.size()];
            break;
        }
    }
}

void Mutate(const std::string& seed, std::size_t count, bool binary, std::mt19937& random,
            std::size_t& runs) {
    Run(seed, runs);
    if (seed.empty()) return;
    std::size_t cuts = std::min(seed.size(), std::max<std::size_t>(4, count / 8));
    for (std::size_t i = 0; i < cuts; ++i)
        Run(seed.substr(0, seed.size() * i / cuts), runs);
    for (std::size_t i = 0; i < count; ++i) {
        std::string copy = seed;
        if (binary)
            EditBinary(copy, random);
        else
            EditText(copy, random);
        Run(copy, runs);
    }
}

Options Parse(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--budget" && i + 1 < argc) {
            options.budget = std::strtoul(argv[++i], nullptr, 10);
            continue;
        }
        if (arg == "--binary") {
            options.binary = true;
            continue;
        }
        std::filesystem::path path(arg);
        if (!std::filesystem::is_directory(path)) {
            options.files.push_back(path);
            continue;
        }
        std::vector<std::filesystem::path> found;
        for (const auto& entry : std::filesystem::directory_iterator(path))
            if (entry.is_regular_file() && entry.path().filename() != "README.md")
                found.push_back(entry.path());
        std::sort(found.begin(), found.end()); // the same order, so the same inputs, everywhere
        options.files.insert(options.files.end(), found.begin(), found.end());
    }
    return options;
}

} // namespace

int main(int argc, char** argv) {
    const Options options = Parse(argc, argv);
    const std::string name = std::filesystem::path(argv[0]).filename().string();
    crash_file = "crash-" + name;
    for (int signal_number : {SIGILL, SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGTRAP}) {
        struct sigaction now = {};
        // A sanitizer's own handler (SEGV under ASan) reports first, then aborts: kept.
        if (sigaction(signal_number, nullptr, &now) == 0 && now.sa_handler == SIG_DFL)
            signal(signal_number, OnCrash);
    }
    std::mt19937 random(20240411); // fixed: the same inputs on every run
    std::size_t runs = 0;
    const std::size_t per_file = options.files.empty() ? 0 : options.budget / options.files.size();
    const auto start = std::chrono::steady_clock::now();
    for (const auto& file : options.files) {
        if (!std::filesystem::exists(file)) {
            std::fprintf(stderr, "%s: no such file or folder: %s\n", name.c_str(), file.c_str());
            return 2;
        }
        std::ifstream in(file, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        Mutate(bytes, per_file, options.binary, random, runs);
    }
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    std::printf("%s: %zu inputs from %zu seed files in %.1f s, no crash\n", name.c_str(), runs,
                options.files.size(), took.count());
    return options.files.empty() ? 2 : 0;
}
