#include "tests/fleet/broker.h"

#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <netinet/in.h>
#include <pwd.h>
#include <sstream>
#include <stdexcept>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace tapsheet::fleet_test {

namespace fs = std::filesystem;

namespace {

const fs::path kSource = TAPSHEET_SOURCE_DIR;

std::string ReadFile(const fs::path& path) {
    std::ifstream file(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(file), {});
}

// /usr/sbin is not on every user's PATH.
std::string MosquittoBinary() {
    return fs::exists("/usr/sbin/mosquitto") ? "/usr/sbin/mosquitto" : "mosquitto";
}

[[noreturn]] void Exec(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (const std::string& arg : argv)
        args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
}

int ExitCode(int status) {
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// The snippet fleet-setup.sh wrote for /etc/mosquitto/conf.d, unchanged but
// for its listener (on 127.0.0.1 only), plus what a test's broker needs:
// persistence and the log in the test's folder, and no switch to the user
// mosquitto when started as root (it could not read the folder).
std::string PrivateConfig(const std::string& snippet, int port, const fs::path& dir) {
    const std::string listener = "listener " + std::to_string(port);
    std::istringstream in(snippet);
    std::string config;
    for (std::string line; std::getline(in, line);)
        config += (line == listener ? listener + " 127.0.0.1" : line) + "\n";
    const passwd* user = getpwuid(geteuid());
    config += "\n# The test's own broker (tests/fleet/broker.cpp).\n";
    config += "persistence_location " + dir.string() + "/\n";
    config += "log_dest file " + (dir / "mosquitto.log").string() + "\n";
    config += "user " + std::string(user ? user->pw_name : "root") + "\n";
    return config;
}

} // namespace

CommandResult RunCommand(const std::vector<std::string>& argv) {
    CommandResult result;
    int fds[2];
    if (argv.empty() || pipe(fds) != 0) return result;
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        dup2(fds[1], STDOUT_FILENO);
        dup2(fds[1], STDERR_FILENO);
        Exec(argv);
    }
    close(fds[1]);
    char buffer[4096];
    ssize_t n = 0;
    while ((n = read(fds[0], buffer, sizeof buffer)) > 0)
        result.output.append(buffer, static_cast<std::size_t>(n));
    close(fds[0]);
    int status = 0;
    if (pid > 0 && waitpid(pid, &status, 0) == pid) result.exit_code = ExitCode(status);
    return result;
}

int FreePort() {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    int port = 0;
    if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    close(fd);
    return port;
}

bool WaitUntil(const std::function<bool()>& done, std::chrono::milliseconds wait) {
    const auto deadline = std::chrono::steady_clock::now() + wait;
    while (!done()) {
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

TestBroker::TestBroker(std::string event, std::vector<std::string> kiosks) : event_(std::move(event)) {
    char name[] = "/tmp/tapsheet-fleet-XXXXXX";
    if (!mkdtemp(name)) throw std::runtime_error("TestBroker: mkdtemp failed");
    dir_ = name;
    port_ = FreePort();
    std::vector<std::string> argv = {(kSource / "deploy/fleet-setup.sh").string(),
                                     event_,
                                     dir_.string(),
                                     "--hub-host",
                                     "localhost",
                                     "--port",
                                     std::to_string(port_),
                                     "--broker-dir",
                                     (dir_ / "mosquitto").string(),
                                     "--client-dir",
                                     dir_.string()};
    argv.insert(argv.end(), kiosks.begin(), kiosks.end());
    const CommandResult setup = RunCommand(argv);
    const std::string snippet = ReadFile(dir_ / "mosquitto/tapsheet.conf");
    if (setup.exit_code != 0 || snippet.empty() || port_ == 0) {
        fs::remove_all(dir_);
        throw std::runtime_error("deploy/fleet-setup.sh failed (exit " + std::to_string(setup.exit_code) +
                                 "):\n" + setup.output);
    }
    std::ofstream(Config()) << PrivateConfig(snippet, port_, dir_);
}

TestBroker::~TestBroker() {
    Kill9();
    if (!std::getenv("TAPSHEET_FLEET_KEEP")) fs::remove_all(dir_);
}

bool TestBroker::Start(std::chrono::milliseconds wait) {
    if (Running()) return true;
    const std::string out = (dir_ / "mosquitto.out").string();
    pid_ = fork();
    if (pid_ == 0) {
        // Never outlive the test (the thread that started it), even on a crash.
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        const int fd = open(out.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        dup2(fd, STDOUT_FILENO);
        dup2(fd, STDERR_FILENO);
        Exec({MosquittoBinary(), "-c", Config().string()});
    }
    const auto deadline = std::chrono::steady_clock::now() + wait;
    while (std::chrono::steady_clock::now() < deadline) {
        if (!Running()) return false;
        TestClient probe(For("hub"));
        if (probe.Connect(port_, std::chrono::seconds(2))) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

bool TestBroker::Reap(int options) {
    if (pid_ <= 0) return true;
    int status = 0;
    if (waitpid(pid_, &status, options) != pid_) return false;
    pid_ = -1;
    return true;
}

bool TestBroker::Running() {
    return !Reap(WNOHANG);
}

void TestBroker::Kill9() {
    if (pid_ <= 0) return;
    kill(pid_, SIGKILL);
    Reap(0);
}

bool TestBroker::Terminate() {
    if (pid_ <= 0) return true;
    kill(pid_, SIGCONT); // a stopped broker could not act on SIGTERM
    kill(pid_, SIGTERM);
    for (int i = 0; i < 200 && Running(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    return !Running();
}

void TestBroker::Stop() {
    if (pid_ > 0) kill(pid_, SIGSTOP);
}

void TestBroker::Cont() {
    if (pid_ > 0) kill(pid_, SIGCONT);
}

void TestBroker::ZeroPersistence() {
    std::error_code error;
    const auto size = fs::file_size(PersistenceFile(), error);
    if (error) return;
    // In place, not truncated: the file keeps its length, as after a power cut.
    std::ofstream file(PersistenceFile(), std::ios::binary | std::ios::in | std::ios::out);
    file << std::string(static_cast<std::size_t>(size), '\0');
}

CommandResult TestBroker::CheckPersistence() {
    return RunCommand({(kSource / "deploy/mosquitto-db-check.sh").string(), PersistenceFile().string()});
}

std::string TestBroker::Password(const std::string& user) const {
    std::ifstream file(PasswordFile(user));
    std::string line;
    std::getline(file, line);
    return line;
}

Credentials TestBroker::For(const std::string& user) const {
    return {user, Password(user), Ca().string(), Cert(user).string(), Key(user).string()};
}

std::string TestBroker::KioskTopic(const std::string& kiosk, const std::string& what) const {
    return "tapsheet/" + event_ + "/kiosk/" + kiosk + "/" + what;
}

std::string TestBroker::Log() const {
    return ReadFile(dir_ / "mosquitto.log") + ReadFile(dir_ / "mosquitto.out");
}

} // namespace tapsheet::fleet_test
