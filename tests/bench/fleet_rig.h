// The fleet as the benchmarks run it (bench_fleet): tests/fleet's FleetRun
// (a private mosquitto through TestBroker, the real `tapsheet hub` process
// on its results file) plus kiosk processes that are bench_fleet itself
// started again with --kiosk: the real VisitWriter and the real Outbox, one
// answer per visit, each commit's steady clock printed to the kiosk's log so
// the figures compare with bench_board_latency's single-file path.
#pragma once

#include "tests/fleet/fleet_run.h"

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <sys/types.h>

namespace tapsheet::bench {

using fleet_test::Child;

class FleetRig {
  public:
    // A broker for `kiosks` and the hub, started; throws when it cannot start.
    explicit FleetRig(std::vector<std::string> kiosks);

    fleet_test::FleetRun& Run() { return run_; }
    std::filesystem::path HubFile() const { return run_.HubFile(); }
    std::filesystem::path KioskFile(const std::string& kiosk) const { return run_.Dir() / (kiosk + ".db"); }
    bool StartHub() { return run_.StartHub(); }
    pid_t HubPid() { return run_.Hub().Pid(); }
    pid_t BrokerPid() { return run_.Broker().Pid(); }
    int BrokerPort() { return run_.Broker().Port(); }

    // `self --kiosk CONFIG DB KIOSK ANSWERS`, dialling `port` (0: the
    // broker's own); nullptr when it did not say "ready" in time.
    std::unique_ptr<Child> StartKiosk(const std::string& self, const std::string& kiosk, long answers,
                                      int port = 0);
    // Kiosk answer k's commit, in steady-clock milliseconds, from its log
    // ("k MS" lines); index 0 unused.
    std::vector<double> CommitTimes(const std::string& kiosk, long answers) const;

  private:
    std::filesystem::path KioskConfig(const std::string& kiosk, int port) const;

    fleet_test::FleetRun run_;
};

// Milliseconds on the steady clock (CLOCK_MONOTONIC: the same in every process).
double NowMs();
// utime + stime of a process, in clock ticks (/proc/PID/stat).
long CpuTicks(pid_t pid);
// Answers of `kiosk`'s visits in a results file (the hub's), -1 when unreadable.
long CountAnswers(const std::filesystem::path& file, const std::string& kiosk);

} // namespace tapsheet::bench
