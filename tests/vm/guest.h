// A QEMU guest whose kiosk the host drives (deploy/vm-test.sh builds its
// disk): booted as a child process, its serial console as the process's
// log, the kiosk's probe and a boot-time check of its results file read
// from the 9p folder it shares with the host, its screen tapped through QMP.
#pragma once

#include "tests/e2e/app_process.h"
#include "tests/e2e/window_driver.h"
#include "tests/vm/qmp.h"
#include "tests/vm/second_head.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace tapsheet::vm {

struct GuestOptions {
    std::string qemu;                      // the program
    std::vector<std::string> args;         // its arguments, without -serial
    std::filesystem::path qmp_socket;      // as the arguments name it
    std::filesystem::path share;           // the host's side of the guest's /run/vm-share
    std::filesystem::path out;             // each boot's console log goes here
    std::string vnc_socket;                // QEMU's VNC server on the second head ("": one head)
    int board_width = 0, board_height = 0; // the size the second head is asked for
};

// What the guest's vm-boot-check unit found before the kiosk started.
struct BootCheck {
    bool had_file = false;         // false: no results file yet (the first boot)
    std::string integrity;         // PRAGMA integrity_check's answer
    std::filesystem::path copy;    // the file as it was then (sqlite3 .backup)
    double seconds_to_check = 0;   // from power on
    double seconds_to_attract = 0; // from power on to the kiosk's attract screen
};

class Guest {
  public:
    explicit Guest(GuestOptions options);

    // Powers the guest on (boot `n` names its log) and waits for its boot
    // check and the kiosk's attract screen; throws e2e::E2eFailure when
    // either does not come. Without `with_board` the kernel's command line
    // says tapsheet.board=off (the guest's vm-board generator then starts
    // the kiosk alone) and the second head stays off.
    BootCheck Boot(int n, bool with_board);
    // The power cut: QEMU killed with SIGKILL, no shutdown.
    void Cut();
    e2e::WindowDriver& Kiosk() { return *kiosk_; }
    // The board the kiosk's process draws on the second head (read only;
    // after a Boot with the board).
    e2e::WindowDriver& Board() { return *board_; }
    e2e::AppProcess& Process() { return *process_; }

  private:
    void WaitForQmp();

    GuestOptions options_;
    std::unique_ptr<e2e::AppProcess> process_;
    std::unique_ptr<Qmp> qmp_;
    std::unique_ptr<QmpInput> input_;
    std::unique_ptr<e2e::WindowDriver> kiosk_;
    std::unique_ptr<e2e::WindowDriver> board_;
    std::unique_ptr<SecondHead> second_head_;
};

} // namespace tapsheet::vm
