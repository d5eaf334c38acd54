// Runs the real `tapsheet kiosk` or `tapsheet board` (in a window under the
// current X display, Xvfb in CI) and prints what it costs: time to first
// frame, CPU while idle (the kiosk's attract screen; a static board, which
// still asks the store every 25 ms whether anything changed), and
// proportional memory (PSS). The same screen drawn every frame (--redraw
// always) runs beside it for comparison: on a shared, noisy machine the
// ratio is the figure to read, not the absolutes. The kiosk runs first and
// creates the database the board then reads. Then the memory of both at
// three window sizes (the font atlas grows with the screen), with the part
// the process allocated itself (anonymous) apart from the libraries mapped
// from files (Mesa's llvmpipe alone maps about 36 MB).
//
// usage: bench_kiosk_process TAPSHEET_BINARY [SECONDS] [kiosk|board|both|memory|all]
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <chrono>
#include <filesystem>

namespace {

using Clock = std::chrono::steady_clock;

struct Figures {
    double first_frame_ms = -1;
    double cpu_percent = 0;
    bool ticks_only = false; // no schedstat here: resolution is one 10 ms tick
    long pss_kb = 0;
    long anon_kb = 0; // of pss_kb: heap and other anonymous memory
};

const char* const kSizes[] = {"800x480", "1280x800", "1920x1080"};

long CpuTicks(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    // Fields after the ")" that closes the command name; utime and stime are
    // fields 14 and 15 of the whole line.
    std::istringstream rest(text.substr(text.rfind(')') + 2));
    std::string field;
    long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {
        if (i == 14) utime = std::atol(field.c_str());
        if (i == 15) stime = std::atol(field.c_str());
    }
    return utime + stime;
}

// CPU time of every thread of the process in nanoseconds, from
// /proc/PID/task/*/schedstat: far finer than the 10 ms ticks of /proc/PID/stat,
// so an idle process shows a real figure rather than zero.
long long CpuNanoseconds(pid_t pid) {
    long long total = 0;
    std::error_code error;
    for (const auto& task :
         std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task", error)) {
        std::ifstream schedstat(task.path() / "schedstat");
        long long on_cpu = 0;
        if (schedstat >> on_cpu) total += on_cpu;
    }
    return total;
}

// One field of /proc/PID/smaps_rollup in kB ("Pss:", "Pss_Anon:"), -1 if absent.
long RollupKb(pid_t pid, const std::string& field) {
    std::ifstream rollup("/proc/" + std::to_string(pid) + "/smaps_rollup");
    std::string key;
    long value = 0;
    while (rollup >> key) {
        if (key == field) {
            rollup >> value;
            return value;
        }
        rollup.ignore(1 << 12, '\n');
    }
    return -1;
}

// Waits for the kiosk's "first frame presented" line on its stderr.
bool WaitFirstFrame(int fd, double timeout_s) {
    std::string seen;
    char buffer[512];
    auto deadline = Clock::now() + std::chrono::duration<double>(timeout_s);
    while (Clock::now() < deadline) {
        ssize_t n = read(fd, buffer, sizeof buffer);
        if (n <= 0) return false;
        seen.append(buffer, static_cast<std::size_t>(n));
        if (seen.find("first frame presented") != std::string::npos) return true;
    }
    return false;
}

Figures Measure(const std::string& binary, const char* role, const std::string& redraw, double seconds,
                const std::string& db, const char* size = "800x480") {
    Figures figures;
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) return figures;
    auto start = Clock::now();
    pid_t pid = fork();
    if (pid == 0) {
        dup2(pipe_fds[1], STDERR_FILENO);
        close(pipe_fds[0]);
        execl(binary.c_str(), binary.c_str(), role, "--windowed", size, "--db", db.c_str(), "--redraw",
              redraw.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    close(pipe_fds[1]);
    if (!WaitFirstFrame(pipe_fds[0], 20)) {
        std::fprintf(stderr, "%s (%s) showed no first frame; is DISPLAY set?\n", role, redraw.c_str());
        kill(pid, SIGKILL);
        waitpid(pid, nullptr, 0);
        return figures;
    }
    figures.first_frame_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    std::this_thread::sleep_for(std::chrono::seconds(2)); // let start-up work finish
    long ticks_before = CpuTicks(pid);
    long long ns_before = CpuNanoseconds(pid);
    auto measured_from = Clock::now();
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    long ticks_after = CpuTicks(pid);
    long long ns_after = CpuNanoseconds(pid);
    double elapsed = std::chrono::duration<double>(Clock::now() - measured_from).count();
    double cpu_s = static_cast<double>(ns_after - ns_before) / 1e9;
    figures.ticks_only = ns_after == 0; // a kernel without schedstat: 10 ms ticks
    if (figures.ticks_only)
        cpu_s = static_cast<double>(ticks_after - ticks_before) / static_cast<double>(sysconf(_SC_CLK_TCK));
    figures.cpu_percent = 100.0 * cpu_s / elapsed;
    figures.pss_kb = RollupKb(pid, "Pss:");
    figures.anon_kb = RollupKb(pid, "Pss_Anon:");
    kill(pid, SIGTERM);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    close(pipe_fds[0]);
    return figures;
}

void Print(const char* role, const Figures& idle, const Figures& busy, double seconds) {
    std::printf("%s process, 800x480 window, %s, %.0f s each\n", role,
                std::strcmp(role, "board") ? "attract screen" : "static board", seconds);
    std::printf("  %-28s %12s %12s\n", "", "on-change", "always");
    std::printf("  %-28s %11.3f%% %11.1f%%\n", "CPU (% of one core)", idle.cpu_percent, busy.cpu_percent);
    std::printf("  %-28s %9.1f MB %9.1f MB\n", "PSS", idle.pss_kb / 1024.0, busy.pss_kb / 1024.0);
    std::printf("  %-28s %9.0f ms %9.0f ms\n", "start to first frame", idle.first_frame_ms,
                busy.first_frame_ms);
    if (idle.cpu_percent > 0) {
        std::printf("  drawing every frame costs %.0fx the CPU of drawing on change\n",
                    busy.cpu_percent / idle.cpu_percent);
    } else {
        // Not one tick of CPU in the whole window: say what that bounds.
        double bound = idle.ticks_only ? 100.0 / static_cast<double>(sysconf(_SC_CLK_TCK)) / seconds : 0;
        std::printf("  idle: no CPU time measured in %.0f s (%s); drawing every frame used %.1f%%\n", seconds,
                    idle.ticks_only
                        ? ("under one clock tick, i.e. < " + std::to_string(bound).substr(0, 5) + "%").c_str()
                        : "per-thread schedstat, in ns: it did not run at all",
                    busy.cpu_percent);
    }
    std::printf("  targets: idle CPU < 2%%, PSS < 100 MB, first frame < 500 ms\n");
}

// PSS of the kiosk (attract screen) and the board (static) in windows of
// the three reference sizes, each after its first frame and 2 s idle.
void PrintMemory(const std::string& binary, const std::string& db) {
    std::printf("memory (PSS) by window size, after the first frame and 2 s idle\n");
    std::printf("  %-12s %26s %26s\n", "", "kiosk: all (anonymous)", "board: all (anonymous)");
    for (const char* size : kSizes) {
        Figures kiosk = Measure(binary, "kiosk", "on-change", 0, db, size);
        Figures board = Measure(binary, "board", "on-change", 0, db, size);
        std::printf("  %-12s %13.1f MB (%5.1f MB) %13.1f MB (%5.1f MB)\n", size, kiosk.pss_kb / 1024.0,
                    kiosk.anon_kb / 1024.0, board.pss_kb / 1024.0, board.anon_kb / 1024.0);
    }
    std::printf("  target: kiosk PSS <= 85 MB at 1280x800 with llvmpipe\n");
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s TAPSHEET_BINARY [SECONDS] [kiosk|board|both|memory|all]\n", argv[0]);
        return 2;
    }
    std::string binary = argv[1];
    double seconds = argc > 2 ? std::atof(argv[2]) : 10.0;
    const std::string which = argc > 3 ? argv[3] : "all";
    const bool both = which == "both" || which == "all";
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("tapsheet-bench-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    std::string db = (dir / "bench.db").string();
    bool ok = true;
    for (const char* role : {"kiosk", "board"}) {
        if (!both && which != role) continue;
        Figures idle = Measure(binary, role, "on-change", seconds, db);
        Figures busy = Measure(binary, role, "always", seconds, db);
        Print(role, idle, busy, seconds);
        ok = ok && idle.first_frame_ms >= 0 && busy.first_frame_ms >= 0;
        if (both && !std::strcmp(role, "kiosk")) std::printf("\n");
    }
    if (which == "all") std::printf("\n");
    if (which == "all" || which == "memory") PrintMemory(binary, db);
    std::filesystem::remove_all(dir);
    return ok ? 0 : 1;
}
