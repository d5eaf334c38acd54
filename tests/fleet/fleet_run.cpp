#include "tests/fleet/fleet_run.h"

#include <sqlite3.h>

#include <algorithm>
#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace tapsheet::fleet_test {

namespace fs = std::filesystem;

namespace {

const fs::path kSource = TAPSHEET_SOURCE_DIR;

std::string ReadAll(const fs::path& path) {
    std::ifstream file(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(file), {});
}

// Every visit, answer and skip as one text each: what `merge` and the hub
// must carry over unchanged (seq is each file's own numbering).
const char* const kRowsSql =
    "SELECT 'visit ' || id || ' ' || kiosk_id || ' ' || pack_hash || ' ' || lang || ' ' || round || ' ' || "
    "started_at || ' ' || coalesce(ended_at, '-') || ' ' || status || ' ' || filtered FROM visits "
    "UNION ALL SELECT 'answer ' || visit_id || ' ' || step_id || ' ' || item_id || ' ' || value || ' ' || "
    "answered_at FROM answers "
    "UNION ALL SELECT 'skip ' || visit_id || ' ' || step_id || ' ' || skipped_at FROM skips";

sqlite3* OpenReadOnly(const fs::path& file) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return nullptr;
    }
    sqlite3_busy_timeout(db, 5000);
    return db;
}

std::vector<std::string> Column(const fs::path& file, const std::string& sql) {
    std::vector<std::string> rows;
    sqlite3* db = OpenReadOnly(file);
    sqlite3_stmt* statement = nullptr;
    if (db && sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK)
        while (sqlite3_step(statement) == SQLITE_ROW) {
            const unsigned char* text = sqlite3_column_text(statement, 0);
            rows.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
        }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return rows;
}

// fleet-setup.sh's <user>.toml, with the broker's address and the event
// changed where the run says so: the file a kiosk is given at the event.
std::string FleetTable(const fs::path& dir, const std::string& user, int port, const std::string& event) {
    std::istringstream in(ReadAll(dir / (user + ".toml")));
    std::string table;
    for (std::string line; std::getline(in, line);) {
        if (port > 0 && line.rfind("broker = ", 0) == 0)
            line = "broker = \"localhost:" + std::to_string(port) + "\"";
        if (!event.empty() && line.rfind("event = ", 0) == 0) line = "event = \"" + event + "\"";
        table += line + "\n";
    }
    return table;
}

} // namespace

Child::Child(const std::vector<std::string>& argv, fs::path log) : log_(std::move(log)) {
    pid_ = fork();
    if (pid_ != 0) return;
    // Never outlive the test, even when it crashes.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    const int fd = open(log_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    dup2(fd, STDOUT_FILENO);
    dup2(fd, STDERR_FILENO);
    std::vector<char*> args;
    for (const std::string& arg : argv)
        args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
}

Child::~Child() {
    Kill9();
}

bool Child::Running() {
    if (pid_ <= 0) return false;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) != pid_) return true;
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    pid_ = -1;
    return false;
}

void Child::Kill9() {
    if (pid_ <= 0) return;
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    exit_code_ = 128 + SIGKILL;
    pid_ = -1;
}

bool Child::Terminate(std::chrono::milliseconds wait) {
    if (pid_ > 0) kill(pid_, SIGTERM);
    if (!WaitUntil([&] { return !Running(); }, wait)) Kill9();
    return exit_code_ == 0;
}

std::string Child::Log() const {
    return ReadAll(log_);
}

bool Child::WaitFor(const std::string& text, std::chrono::milliseconds wait) {
    bool ended = false;
    const bool seen = WaitUntil(
        [&] {
            if (Log().find(text) != std::string::npos) return true;
            ended = !Running();
            return ended;
        },
        wait);
    return seen && Log().find(text) != std::string::npos;
}

KioskRun Writes(std::string kiosk, long visits, unsigned seed, int every_ms) {
    KioskRun run;
    run.kiosk = std::move(kiosk);
    run.visits = visits;
    run.seed = seed;
    run.every_ms = every_ms;
    return run;
}

KioskRun KioskRun::Via(int other_port) const {
    KioskRun run = *this;
    run.port = other_port;
    return run;
}

KioskRun KioskRun::InFile(std::string name) const {
    KioskRun run = *this;
    run.file = std::move(name);
    return run;
}

KioskRun KioskRun::ForEvent(std::string other_event) const {
    KioskRun run = *this;
    run.event = std::move(other_event);
    return run;
}

std::string Comparison::Summary() const {
    return "kiosks' files " + std::to_string(kiosk_rows) + " rows, hub's file " + std::to_string(hub_rows) +
           " rows: " + std::to_string(lost) + " lost, " + std::to_string(doubled) + " doubled or unknown";
}

FleetRun::FleetRun(std::vector<std::string> kiosks)
    : broker_(std::make_unique<TestBroker>("expo-2026", std::move(kiosks))) {
    if (!broker_->Start()) throw std::runtime_error("mosquitto did not start:\n" + broker_->Log());
}

FleetRun::~FleetRun() {
    kiosks_.clear();
    hub_.reset();
}

bool FleetRun::StartHub() {
    hub_ = std::make_unique<Child>(
        std::vector<std::string>{TAPSHEET_BINARY, "hub", "--config", (Dir() / "hub.toml").string(),
                                 "--database", HubFile().string()},
        // A log per start: a restarted hub's "writing" is its own.
        Dir() /
            (++hub_starts_ == 1 ? std::string("hub.log") : "hub-" + std::to_string(hub_starts_) + ".log"));
    return hub_->WaitFor("writing", std::chrono::seconds(20));
}

fs::path FleetRun::KioskConfig(const KioskRun& run) const {
    const std::string file = run.File();
    const fs::path config = Dir() / (file + ".toml");
    std::ofstream(config) << FleetTable(Dir(), run.kiosk, run.port, run.event);
    return config;
}

bool FleetRun::StartKiosk(const KioskRun& run) {
    const std::string file = run.File();
    auto child = std::make_unique<Child>(
        std::vector<std::string>{FLEET_KIOSK_BINARY, "--config", KioskConfig(run).string(), "--db",
                                 KioskFile(file).string(), "--kiosk", run.kiosk, "--pack",
                                 (kSource / "assets/content/default.toml").string(), "--visits",
                                 std::to_string(run.visits), "--seed", std::to_string(run.seed), "--every-ms",
                                 std::to_string(run.every_ms), "--stall-s", std::to_string(run.stall_s)},
        Dir() / (file + ".log"));
    Child& started = *child;
    kiosks_[file] = std::move(child);
    return started.WaitFor("ready", std::chrono::seconds(20));
}

std::string FleetRun::Logs() const {
    std::string logs = "hub:\n" + (hub_ ? hub_->Log() : std::string("(not started)\n"));
    for (const auto& [file, child] : kiosks_)
        logs += file + ":\n" + child->Log();
    return logs;
}

Child& FleetRun::Kiosk(const std::string& file) {
    return *kiosks_.at(file);
}

bool FleetRun::WaitWritten(const std::string& file, std::chrono::milliseconds wait) {
    return Kiosk(file).WaitFor("written", wait);
}

std::vector<std::string> FleetRun::Files(const std::vector<std::string>& only) const {
    if (!only.empty()) return only;
    std::vector<std::string> files;
    for (const auto& [file, child] : kiosks_)
        files.push_back(file);
    return files;
}

Comparison FleetRun::Compare(const std::vector<std::string>& only) const {
    std::vector<std::string> kiosk_rows;
    for (const std::string& file : Files(only)) {
        std::vector<std::string> rows = ResultRows(KioskFile(file));
        kiosk_rows.insert(kiosk_rows.end(), rows.begin(), rows.end());
    }
    std::sort(kiosk_rows.begin(), kiosk_rows.end());
    const std::vector<std::string> hub_rows = ResultRows(HubFile());
    std::vector<std::string> lost, doubled;
    std::set_difference(kiosk_rows.begin(), kiosk_rows.end(), hub_rows.begin(), hub_rows.end(),
                        std::back_inserter(lost));
    std::set_difference(hub_rows.begin(), hub_rows.end(), kiosk_rows.begin(), kiosk_rows.end(),
                        std::back_inserter(doubled));
    Comparison comparison;
    comparison.kiosk_rows = static_cast<long>(kiosk_rows.size());
    comparison.hub_rows = static_cast<long>(hub_rows.size());
    comparison.lost = static_cast<long>(lost.size());
    comparison.doubled = static_cast<long>(doubled.size());
    return comparison;
}

Comparison FleetRun::WaitDelivered(std::chrono::milliseconds wait, const std::vector<std::string>& only) {
    Comparison last;
    WaitUntil(
        [&] {
            last = Compare(only);
            if (!last.Equal() || last.kiosk_rows == 0) return false;
            for (const std::string& file : Files(only))
                if (HeardAck(KioskFile(file)) < LastChange(KioskFile(file))) return false;
            return true;
        },
        wait);
    return last;
}

CommandResult FleetRun::FleetStatus() const {
    return RunCommand({TAPSHEET_BINARY, "fleet-status", "--config", (Dir() / "hub.toml").string(),
                       "--database", HubFile().string()});
}

std::vector<std::string> ResultRows(const fs::path& file) {
    std::vector<std::string> rows = Column(file, kRowsSql);
    std::sort(rows.begin(), rows.end());
    return rows;
}

std::string QueryText(const fs::path& file, const std::string& sql) {
    const std::vector<std::string> rows = Column(file, sql);
    return rows.empty() ? "" : rows.front();
}

long LastChange(const fs::path& kiosk_file) {
    return std::atol(QueryText(kiosk_file, "SELECT coalesce(max(seq), 0) FROM visits").c_str());
}

long HeardAck(const fs::path& kiosk_file) {
    return std::atol(
        QueryText(kiosk_file,
                  "SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM meta WHERE key = 'fleet_acked'")
            .c_str());
}

} // namespace tapsheet::fleet_test
