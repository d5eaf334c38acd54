// A private mosquitto for the fleet tests and benchmarks: the event's files
// made by deploy/fleet-setup.sh in a temporary folder, the broker config it
// writes (TLS, passwords, the ACL) with the listener on a free 127.0.0.1
// port, persistence and the log in that folder, and `mosquitto -c` as a
// child process (no daemon, no system service), which the tests kill,
// pause and restart.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <sys/types.h>

#include "tests/fleet/mqtt_client.h"

namespace tapsheet::fleet_test {

struct CommandResult {
    int exit_code = -1; // 128 + the signal when one ended it
    std::string output; // stdout and stderr
};
// Runs argv[0] (found on PATH) to its end.
CommandResult RunCommand(const std::vector<std::string>& argv);

// A free TCP port on 127.0.0.1 (bound to port 0, then released).
int FreePort();

// Polls `done` every 10 ms; true once it is, false after `wait`.
bool WaitUntil(const std::function<bool()>& done, std::chrono::milliseconds wait);

class TestBroker {
  public:
    // Runs deploy/fleet-setup.sh for `event` and `kiosks` (users: the kiosks
    // and "hub") into a new folder under /tmp, and writes mosquitto.conf
    // there. Starts nothing. Throws std::runtime_error when the script fails.
    TestBroker(std::string event, std::vector<std::string> kiosks);
    // Kills the broker; removes the folder unless TAPSHEET_FLEET_KEEP is set.
    ~TestBroker();
    TestBroker(const TestBroker&) = delete;
    TestBroker& operator=(const TestBroker&) = delete;

    // Starts mosquitto (again: same port, same files) and waits until it
    // accepts a TLS connection with the hub's credentials. False when it
    // exited or did not accept within `wait`: Log() says why.
    bool Start(std::chrono::milliseconds wait = std::chrono::seconds(10));
    bool Running();
    pid_t Pid() const { return pid_; }
    void Kill9();     // SIGKILL, as a power cut: nothing saved since the last autosave
    bool Terminate(); // SIGTERM, as systemctl stop: mosquitto saves its persistence file
    void Stop();      // SIGSTOP: the broker hangs with its connections open
    void Cont();      // SIGCONT

    // Overwrites the persistence file with zero bytes of its length, as a
    // power cut can leave it (mosquitto issues 2639, 3160).
    void ZeroPersistence();
    // deploy/mosquitto-db-check.sh on the persistence file: what the
    // mosquitto.service drop-in runs before each start.
    CommandResult CheckPersistence();

    int Port() const { return port_; }
    const std::filesystem::path& Dir() const { return dir_; }
    const std::string& Event() const { return event_; }
    std::filesystem::path Config() const { return dir_ / "mosquitto.conf"; }
    std::filesystem::path PersistenceFile() const { return dir_ / "mosquitto.db"; }
    std::filesystem::path Ca() const { return dir_ / "ca.crt"; }
    std::filesystem::path Cert(const std::string& user) const { return dir_ / (user + ".crt"); }
    std::filesystem::path Key(const std::string& user) const { return dir_ / (user + ".key"); }
    std::filesystem::path PasswordFile(const std::string& user) const { return dir_ / (user + ".password"); }
    std::string Password(const std::string& user) const;
    // The user's whole set: its certificate, key and password, the event's CA.
    Credentials For(const std::string& user) const;
    // tapsheet/EVENT/kiosk/KIOSK/WHAT (visits, status, ack).
    std::string KioskTopic(const std::string& kiosk, const std::string& what) const;
    // The broker's log file and what it printed on stdout and stderr.
    std::string Log() const;

  private:
    bool Reap(int options); // true once the child is gone (waitpid)

    std::string event_;
    std::filesystem::path dir_;
    int port_ = 0;
    pid_t pid_ = -1;
};

} // namespace tapsheet::fleet_test
