// deploy/vm-test.sh's visits, power cuts and staff panel (issue 13), on
// the guest whose disk the script built. Boot 1: one whole visit tapped
// through the guest's virtio tablet (QMP). Then, CUTS times, visits are
// tapped until QEMU is killed with SIGKILL at a random moment (the power
// cut: no shutdown, the disk in cache=writethrough so the guest's flushes
// reach the host's file). After every boot, before the kiosk starts, the
// guest checks its results file (PRAGMA integrity_check) and copies it to
// the host; the host compares that copy with the visits it tapped
// (tests/vm/cut_check.h). Each boot must bring the kiosk's attract screen
// back by itself. The last boot: the staff gesture, the PIN tapped in and
// the staff panel closed again (tests/vm/staff_check.h).
//
// Every fourth cut comes 0 to 2 s after a visit's thank-you screen.
//
// The first tap on Start at boot 1, and after the staff panel closed, was
// once lost here: the guest draws so slowly that the tap landed in the
// kiosk window's second frame, where ImGui's keyboard navigation took it
// (fixed in the app: kTouchWindow in app/ui/common/widgets.h, proven by
// KioskFlow.AMouseTapOnTheKiosksSecondFrameStartsAVisit). The guest's
// kiosk logs every SDL event and what it made of each tap
// (SDL_EVENT_LOGGING, TAPSHEET_INPUT_TRACE), and a failed wait prints its
// threads, for the next one.
//
//   vm_guest_test QEMU_ARGS_FILE QMP_SOCKET SHARE_DIR OUT_DIR CUTS SEED PIN VNC_SOCKET BOARD_WxH
//
// At boot 1 the guest's kiosk runs with the board in its process
// (with_board) on a second head, which VNC_SOCKET turns on at BOARD_WxH
// (tests/vm/second_head.h): after the first visit the board's figures must
// be the visit's. The boots after a cut run the kiosk alone: under TCG the
// board's software rendering in the same process makes a visit take 80 s
// instead of 30 s, so almost no cut would come after a thank-you screen
// (and what a cut may lose is the kiosk's writes, the same either way).
//
// QEMU_ARGS_FILE: the QEMU program, then one argument per line.
#include "app/core/loader.h"
#include "tests/e2e/board_reader.h"
#include "tests/vm/cut_check.h"
#include "tests/vm/guest.h"
#include "tests/vm/staff_check.h"
#include "tests/vm/visit_script.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <thread>

namespace tapsheet::vm {

namespace {

struct Run {
    Pack pack;
    e2e::Truth truth;
    int visits = 0;
    int failures = 0;
};

// The cut, from a thread of its own: it lands wherever the taps are.
class CutTimer {
  public:
    CutTimer(Guest& guest, double seconds)
        : thread_([this, &guest, seconds] {
              const double due = e2e::SteadyNow() + seconds;
              while (!cancelled_ && e2e::SteadyNow() < due)
                  e2e::SleepSeconds(0.01);
              if (!cancelled_) guest.Cut(), fired_ = true;
          }) {}
    ~CutTimer() {
        cancelled_ = true;
        thread_.join();
    }
    bool Fired() const { return fired_; }

  private:
    std::atomic<bool> cancelled_{false}, fired_{false};
    std::thread thread_;
};

// The boot's check of the file the last cut left.
void CheckBoot(Run& run, const BootCheck& boot, int n) {
    std::printf("boot %d: the guest's check of its results file %.1f s after power on, the attract screen by "
                "itself %.1f s after\n",
                n, boot.seconds_to_check, boot.seconds_to_attract);
    if (!boot.had_file) {
        if (!run.truth.Visits().empty()) run.failures++, std::printf("  FAILED: the results file is gone\n");
        return;
    }
    if (boot.integrity != "ok") run.failures++;
    const CutCheck check = CheckResults(boot.copy, run.truth);
    std::printf(
        "  integrity_check: %s; visits with a thank-you screen seen: %d, all there; interrupted visits "
        "with answers kept: %d\n",
        boot.integrity.c_str(), check.thanked, check.interrupted_kept);
    for (const std::string& problem : check.problems)
        std::printf("  FAILED: %s\n", problem.c_str());
    run.failures += static_cast<int>(check.problems.size());
}

// Visits until the cut; false when something else stopped them.
bool VisitsUntilCut(Run& run, Guest& guest, double cut_after) {
    e2e::KioskDriver kiosk(guest.Kiosk(), run.pack, run.truth, 120, 30);
    const CutTimer cut(guest, cut_after);
    try {
        for (;;)
            TapVisit(kiosk, run.pack, run.visits++);
    } catch (const std::exception& stopped) {
        if (guest.Process().Exited(std::chrono::seconds(5)) && cut.Fired()) return true;
        std::printf("  FAILED during visit '%s' before the cut: %s\n", VisitMarker(run.visits - 1).c_str(),
                    stopped.what());
        return false;
    }
}

// Every fourth cut: a whole visit, then the cut 0 to 2 s after its
// thank-you screen came, when the answers a person just saw acknowledged
// must be in the file (a random moment rarely lands there: a visit is
// about 30 s of taps under TCG).
bool VisitThenCut(Run& run, Guest& guest, double delay) {
    e2e::KioskDriver kiosk(guest.Kiosk(), run.pack, run.truth, 120, 30);
    try {
        TapVisit(kiosk, run.pack, run.visits++, false);
        guest.Kiosk().WaitFor([](const e2e::ProbeFrame& f) { return f.Get("screen") == "thanks"; },
                              "the thank-you screen");
        run.truth.Current().status = "complete";
    } catch (const std::exception& failed) {
        std::printf("  FAILED during visit '%s': %s\n", VisitMarker(run.visits - 1).c_str(), failed.what());
        return false;
    }
    e2e::SleepSeconds(delay);
    guest.Cut();
    guest.Process().Exited(std::chrono::seconds(5));
    return true;
}

// The board's first page (a poll) before and after the first visit: its
// figures must go from the empty file's to the visit's, read from what
// the board on the second head drew (its probe).
void CheckBoard(Run& run, Guest& guest, const e2e::ProbeFrame& before) {
    e2e::BoardExpectation expect{run.pack, run.truth, "en", {}};
    const Step* poll = run.pack.FindStep(before.Get("page_step"));
    if (poll == nullptr || before.Get("page") != "poll") {
        run.failures++, std::printf("  FAILED: the board's first page is not a poll\n");
        return;
    }
    if (expect.Poll(before, *poll).empty()) {
        run.failures++,
            std::printf("  FAILED: the visit does not change the figures of '%s'\n", poll->id.c_str());
        return;
    }
    const double start = e2e::SteadyNow();
    guest.Board().WaitFor(
        [&](const e2e::ProbeFrame& f) {
            return f.Get("page_step") == poll->id && f.Get("settled") == "1" && expect.Poll(f, *poll).empty();
        },
        "the visit's answer on the board's '" + poll->id + "' page", 120);
    std::printf("  the board on the second head: '%s' shows the visit's answer (%.1f s after the thank-you "
                "screen)\n",
                poll->id.c_str(), e2e::SteadyNow() - start);
}

void StaffPanel(Guest& guest, const std::string& pin) {
    const double check = OpenAndCloseStaffPanel(guest.Kiosk(), pin);
    std::printf("  the corner held: the PIN pad; %zu digits and OK: the staff panel (the PIN's check took "
                "%.1f s); Close: the attract screen\n",
                pin.size(), check);
}

void FirstBoot(Run& run, Guest& guest) {
    const e2e::ProbeFrame board_before = guest.Board().WaitFor(
        [](const e2e::ProbeFrame& f) { return f.Get("settled") == "1"; }, "the board's first page", 120);
    e2e::KioskDriver kiosk(guest.Kiosk(), run.pack, run.truth, 120, 30);
    const double start = e2e::SteadyNow();
    TapVisit(kiosk, run.pack, run.visits++);
    std::printf("  a whole visit tapped through the guest's tablet in %.0f s: '%s', thank-you seen\n",
                e2e::SteadyNow() - start, VisitMarker(0).c_str());
    CheckBoard(run, guest, board_before);
}

GuestOptions ReadOptions(char** argv) {
    GuestOptions options;
    std::ifstream args(argv[1]);
    std::getline(args, options.qemu);
    for (std::string line; std::getline(args, line);)
        options.args.push_back(line);
    options.qmp_socket = argv[2];
    options.share = argv[3];
    options.out = argv[4];
    options.vnc_socket = argv[8];
    std::sscanf(argv[9], "%dx%d", &options.board_width, &options.board_height);
    return options;
}

int Main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // each line as it comes, into vm-test.sh's log
    if (argc != 10) {
        std::fprintf(stderr, "usage: vm_guest_test QEMU_ARGS_FILE QMP_SOCKET SHARE_DIR OUT_DIR CUTS SEED PIN "
                             "VNC_SOCKET BOARD_WxH\n");
        return 2;
    }
    const int cuts = std::atoi(argv[5]);
    std::mt19937 random(static_cast<unsigned>(std::strtoul(argv[6], nullptr, 10)));
    // A visit takes about 30 s of taps under TCG (Start to Done): most
    // cuts land mid-visit, some just after a thank-you screen.
    std::uniform_real_distribution<double> cut_after(1.0, 40.0);
    std::uniform_real_distribution<double> after_thanks(0.0, 2.0);
    Run run;
    LoadResult loaded = LoadPackFile(std::string(TAPSHEET_SOURCE_DIR) + "/assets/content/default.toml");
    if (!loaded.pack) return std::fprintf(stderr, "vm_guest_test: the default pack does not load\n"), 1;
    run.pack = std::move(*loaded.pack);
    Guest guest(ReadOptions(argv));
    for (int boot = 1; boot <= cuts + 1; boot++) {
        CheckBoot(run, guest.Boot(boot, boot == 1), boot);
        if (boot == cuts + 1) {
            StaffPanel(guest, argv[7]);
            break;
        }
        if (boot == 1) FirstBoot(run, guest);
        const bool thanks = boot % 4 == 0;
        const double after = thanks ? after_thanks(random) : cut_after(random);
        if (!(thanks ? VisitThenCut(run, guest, after) : VisitsUntilCut(run, guest, after))) return 1;
        const e2e::TruthVisit& last = run.truth.Visits().back();
        std::printf("cut %d/%d: QEMU killed %.1f s %s, in visit '%s' (%s)\n", boot, cuts, after,
                    thanks ? "after a thank-you screen" : "into the visits",
                    VisitMarker(run.visits - 1).c_str(),
                    last.status == "complete" ? "its thank-you screen seen" : "before its thank-you screen");
        std::fflush(stdout);
    }
    guest.Cut();
    std::printf("%d power cuts, %d visits begun, %d with a thank-you screen seen: %s\n", cuts, run.visits,
                run.truth.Completed(), run.failures == 0 ? "every one in the file" : "FAILED");
    return run.failures == 0 ? 0 : 1;
}

} // namespace

} // namespace tapsheet::vm

int main(int argc, char** argv) {
    try {
        return tapsheet::vm::Main(argc, argv);
    } catch (const std::exception& failure) {
        std::printf("vm_guest_test: FAILED: %s\n", failure.what());
        return 1;
    }
}
