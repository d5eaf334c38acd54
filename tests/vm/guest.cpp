#include "tests/vm/guest.h"

#include "tests/e2e/probe_reader.h"

#include <csignal>
#include <fstream>

namespace tapsheet::vm {

namespace {

// TCG boots a Debian guest to its first frame in about 30 s on an idle
// 2-core machine; this allows for a loaded one.
constexpr double kBootSeconds = 300;
// A wait for the guest's kiosk to draw what a tap brought: with the board
// in its process, TCG's software rendering of both screens once held the
// next kiosk frame back for more than the 20 s a host's kiosk gets.
constexpr double kFrameWaitSeconds = 90;

std::string ReadAll(const std::filesystem::path& path) {
    std::ifstream file(path);
    return std::string(std::istreambuf_iterator<char>(file), {});
}

} // namespace

Guest::Guest(GuestOptions options) : options_(std::move(options)) {}

void Guest::WaitForQmp() {
    const double start = e2e::SteadyNow();
    for (;;) {
        auto qmp = std::make_unique<Qmp>(options_.qmp_socket.string());
        if (qmp->Ok()) {
            qmp_ = std::move(qmp);
            return;
        }
        if (process_->Exited() || e2e::SteadyNow() - start > 30)
            throw e2e::E2eFailure("QEMU's QMP socket " + options_.qmp_socket.string() +
                                  " does not answer:\n" + process_->Log());
        e2e::SleepSeconds(0.1);
    }
}

BootCheck Guest::Boot(int n, bool with_board) {
    board_.reset();
    kiosk_.reset();
    second_head_.reset();
    input_.reset();
    qmp_.reset();
    process_.reset();
    const std::filesystem::path probe = options_.share / "kiosk.probe";
    const std::filesystem::path check = options_.share / "boot-check.txt";
    const std::filesystem::path board_probe = options_.share / "kiosk.probe.board";
    for (const auto& stale :
         {probe, board_probe, check, options_.share / "boot.db", options_.share / "kiosk.threads"})
        std::filesystem::remove(stale);
    std::vector<std::string> args = options_.args;
    if (!with_board)
        for (std::size_t i = 0; i + 1 < args.size(); i++)
            if (args[i] == "-append") args[i + 1] += " tapsheet.board=off";
    // The console (the kernel's, systemd's and the kiosk's journal) is the log.
    args.insert(args.end(), {"-chardev", "stdio,id=console,signal=off", "-serial", "chardev:console"});
    const double on = e2e::SteadyNow();
    process_ = std::make_unique<e2e::AppProcess>(
        options_.qemu, args, options_.out / ("boot-" + std::to_string(n) + ".console.log"));
    if (with_board && !options_.vnc_socket.empty()) {
        second_head_ =
            std::make_unique<SecondHead>(options_.vnc_socket, options_.board_width, options_.board_height);
        if (!second_head_->Error().empty())
            throw e2e::E2eFailure("the second head: " + second_head_->Error());
    }
    WaitForQmp();
    input_ = std::make_unique<QmpInput>(*qmp_);
    kiosk_ = std::make_unique<e2e::WindowDriver>(*input_, *process_, probe, "the guest's kiosk");
    kiosk_->SetWait(kFrameWaitSeconds);
    kiosk_->SetThreadsFile(options_.share / "kiosk.threads");
    if (with_board) {
        board_ = std::make_unique<e2e::WindowDriver>(*input_, *process_, board_probe, "the guest's board");
        board_->SetWait(kFrameWaitSeconds);
        board_->SetThreadsFile(options_.share / "kiosk.threads");
    }

    BootCheck result;
    while (!std::filesystem::exists(check)) {
        if (process_->Exited()) kiosk_->Fail("QEMU ended before the boot check");
        if (e2e::SteadyNow() - on > kBootSeconds) kiosk_->Fail("no boot check from the guest");
        e2e::SleepSeconds(0.2);
    }
    result.seconds_to_check = e2e::SteadyNow() - on;
    const std::string text = ReadAll(check);
    result.had_file = text.rfind("integrity ", 0) == 0;
    if (result.had_file) {
        result.integrity = text.substr(10, text.find('\n') - 10);
        result.copy = options_.out / ("boot-" + std::to_string(n) + ".db");
        std::filesystem::copy_file(options_.share / "boot.db", result.copy,
                                   std::filesystem::copy_options::overwrite_existing);
    }
    kiosk_->Attach();
    kiosk_->WaitFor([](const e2e::ProbeFrame& f) { return f.Get("screen") == "attract"; },
                    "the attract screen after power on", kBootSeconds);
    result.seconds_to_attract = e2e::SteadyNow() - on;
    return result;
}

void Guest::Cut() {
    if (process_) kill(process_->Pid(), SIGKILL);
}

} // namespace tapsheet::vm
