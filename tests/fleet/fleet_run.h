// A whole fleet as it runs at an event, for the fleet's end-to-end tests:
// a private mosquitto (TestBroker), the real `tapsheet hub` process writing
// its results file, and headless kiosk processes (fleet_kiosk: the real
// writer and the real outbox) each with its own results file. The one
// ground truth is the kiosks' own files: Delivered() compares every visit,
// answer and skip in them with the hub's file, row by row.
#pragma once

#include "tests/fleet/broker.h"

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <sys/types.h>

namespace tapsheet::fleet_test {

// A child process; its stdout and stderr go to a log file.
class Child {
  public:
    Child(const std::vector<std::string>& argv, std::filesystem::path log);
    ~Child(); // SIGKILL if still running
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    pid_t Pid() const { return pid_; }
    bool Running();
    void Kill9();
    // SIGTERM, then waits; true when it exited 0.
    bool Terminate(std::chrono::milliseconds wait = std::chrono::seconds(20));
    std::string Log() const;
    // Waits until the log holds `text`; false when it did not within
    // `wait` or the process ended first.
    bool WaitFor(const std::string& text, std::chrono::milliseconds wait);

  private:
    std::filesystem::path log_;
    pid_t pid_ = -1;
    int exit_code_ = -1;
};

struct KioskRun {
    std::string kiosk = "kiosk-1"; // its id, and its user unless `user` is set
    std::string file;              // its results file's name in the run's folder; "" = "<kiosk>.db"
    long visits = 20;
    unsigned seed = 1;
    int every_ms = 0;
    int port = 0;       // the broker's port it dials (a proxy's); 0 = the broker's own
    std::string event;  // the event its [fleet] names; "" = the broker's
    double stall_s = 0; // its outbox's stall timer; 0 = the outbox's own

    std::string File() const { return file.empty() ? kiosk + ".db" : file; }
    KioskRun Via(int other_port) const;
    KioskRun InFile(std::string name) const;
    KioskRun ForEvent(std::string other_event) const;
};
// `kiosk` writing `visits` random visits, one every `every_ms` at most.
KioskRun Writes(std::string kiosk, long visits, unsigned seed, int every_ms = 0);

// A row-by-row comparison of the hub's file with the kiosks' files.
struct Comparison {
    long kiosk_rows = 0;
    long hub_rows = 0;
    long lost = 0;    // in a kiosk's file, not in the hub's
    long doubled = 0; // in the hub's file more often than in the kiosks', or not in theirs
    bool Equal() const { return lost == 0 && doubled == 0; }
    std::string Summary() const;
};

class FleetRun {
  public:
    // A broker for `kiosks` (and the hub), started; throws when it cannot start.
    explicit FleetRun(std::vector<std::string> kiosks);
    ~FleetRun();

    TestBroker& Broker() { return *broker_; }
    std::filesystem::path Dir() const { return broker_->Dir(); }
    std::filesystem::path HubFile() const { return Dir() / "hub.db"; }
    std::filesystem::path KioskFile(const std::string& file) const { return Dir() / file; }

    // `tapsheet hub` on HubFile(); true once it is subscribed ("writing" logged).
    bool StartHub();
    Child& Hub() { return *hub_; }
    // A fleet_kiosk process; true once it said "ready".
    bool StartKiosk(const KioskRun& run);
    Child& Kiosk(const std::string& file);
    // Waits until the kiosk's process has committed all its visits locally.
    bool WaitWritten(const std::string& file, std::chrono::milliseconds wait);

    // The kiosk files started so far (each once), or only `files`, against
    // the hub's file.
    Comparison Compare(const std::vector<std::string>& files = {}) const;
    // Waits until Compare() is equal and every kiosk file has heard the
    // hub's acknowledgement of its last change; the last comparison.
    Comparison WaitDelivered(std::chrono::milliseconds wait, const std::vector<std::string>& files = {});
    // `tapsheet fleet-status` on the hub's file.
    CommandResult FleetStatus() const;
    // The hub's log and each kiosk's, for a failure's message.
    std::string Logs() const;

  private:
    std::filesystem::path KioskConfig(const KioskRun& run) const;
    std::vector<std::string> Files(const std::vector<std::string>& only) const;

    std::unique_ptr<TestBroker> broker_;
    std::unique_ptr<Child> hub_;
    int hub_starts_ = 0;
    std::map<std::string, std::unique_ptr<Child>> kiosks_; // by file name
};

// Every visit, answer and skip of a results file, one text per row
// (the hub's own seq aside), sorted.
std::vector<std::string> ResultRows(const std::filesystem::path& file);
// A text of one query's first column, or "" when the file cannot be read.
std::string QueryText(const std::filesystem::path& file, const std::string& sql);
// The kiosk file's last change (max seq) and the hub's acknowledgement it heard.
long LastChange(const std::filesystem::path& kiosk_file);
long HeardAck(const std::filesystem::path& kiosk_file);

} // namespace tapsheet::fleet_test
