#include "tests/bench/fleet_rig.h"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace tapsheet::bench {

namespace fs = std::filesystem;

FleetRig::FleetRig(std::vector<std::string> kiosks) : run_(std::move(kiosks)) {}

// fleet-setup.sh's <kiosk>.toml, its broker line changed to `port` when given
// (a TcpProxy's, for a partition).
fs::path FleetRig::KioskConfig(const std::string& kiosk, int port) const {
    std::ifstream in(run_.Dir() / (kiosk + ".toml"));
    std::string table;
    for (std::string line; std::getline(in, line);) {
        if (port > 0 && line.rfind("broker = ", 0) == 0)
            line = "broker = \"localhost:" + std::to_string(port) + "\"";
        table += line + "\n";
    }
    const fs::path config = run_.Dir() / (kiosk + ".bench.toml");
    std::ofstream(config) << table;
    return config;
}

std::unique_ptr<Child> FleetRig::StartKiosk(const std::string& self, const std::string& kiosk, long answers,
                                            int port) {
    auto child = std::make_unique<Child>(
        std::vector<std::string>{self, "--kiosk", KioskConfig(kiosk, port).string(),
                                 KioskFile(kiosk).string(), kiosk, std::to_string(answers)},
        run_.Dir() / (kiosk + ".log"));
    if (!child->WaitFor("ready", std::chrono::seconds(20))) return nullptr;
    return child;
}

std::vector<double> FleetRig::CommitTimes(const std::string& kiosk, long answers) const {
    std::vector<double> times(static_cast<std::size_t>(answers) + 1, 0);
    std::ifstream log(run_.Dir() / (kiosk + ".log"));
    for (std::string line; std::getline(log, line);) {
        std::istringstream fields(line);
        long k = 0;
        double at = 0;
        if (fields >> k >> at && k >= 1 && k <= answers) times[static_cast<std::size_t>(k)] = at;
    }
    return times;
}

double NowMs() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

long CpuTicks(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    const std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const std::size_t close = text.rfind(')');
    if (close == std::string::npos) return 0;
    // Fields after the ")" that closes the command name start at field 3;
    // utime and stime are fields 14 and 15.
    std::istringstream rest(text.substr(close + 2));
    std::string field;
    long ticks = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i)
        if (i >= 14) ticks += std::atol(field.c_str());
    return ticks;
}

long CountAnswers(const fs::path& file, const std::string& kiosk) {
    const std::string text = fleet_test::QueryText(
        file, "SELECT count(*) FROM answers a JOIN visits v ON v.id = a.visit_id WHERE v.kiosk_id = '" +
                  kiosk + "'");
    return text.empty() ? -1 : std::atol(text.c_str());
}

} // namespace tapsheet::bench
