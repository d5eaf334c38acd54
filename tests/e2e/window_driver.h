// Drives one real `tapsheet` window through the X server and reads what it
// draws from its --probe file. Every wait polls the probe file with a
// generous timeout and, when the timeout passes, throws with what the
// window last showed and the process's log (GoogleTest reports the throw as
// the test's failure).
#pragma once

#include "tests/e2e/app_process.h"
#include "tests/e2e/probe_reader.h"
#include "tests/e2e/screen_input.h"

#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>

namespace tapsheet::e2e {

// Timeouts: generous, as CI machines are slow; a pass never waits for them.
inline constexpr double kWait = 20;

// How a tap is sent: a pointer moves to the point, presses, releases.
struct TapTiming {
    bool move = true;        // a motion event to the point first (false: press where the pointer is)
    bool warp = false;       // that motion by XWarpPointer (xdotool) rather than XTest
    double before_press = 0; // seconds between the motion and the press
    double hold = 0.04;      // seconds between press and release
};

struct E2eFailure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class WindowDriver {
  public:
    WindowDriver(ScreenInput& x, AppProcess& process, std::filesystem::path probe, std::string name);

    // Waits for a first frame and the process's window (the one titled
    // `title`, when the process has two).
    void Attach(const std::string& title = "");
    // The newest frame the process wrote.
    ProbeFrame Latest();
    // Polls the probe until `done` holds for a frame; returns that frame.
    // `timeout` < 0: the driver's wait (kWait unless SetWait changed it).
    ProbeFrame WaitFor(const std::function<bool(const ProbeFrame&)>& done, const std::string& what,
                       double timeout = -1);
    // A slower program's default wait (a QEMU guest's kiosk, drawn by TCG).
    void SetWait(double seconds) { wait_ = seconds; }
    // Where a failure reads the program's threads from, instead of
    // /proc/PID (a QEMU guest's kiosk: a file its guest writes).
    void SetThreadsFile(std::filesystem::path file) { threads_file_ = std::move(file); }
    // A frame drawn after this moment (the program has seen what came before).
    // After a drag ending at (x, y): waits until the program has taken all
    // of it (the pointer up there, nothing left in ImGui's queue) and, for
    // up to 3 s, for a frame after that one, which shows the scroll it
    // made. A slow program (a QEMU guest's) takes one press or release a
    // frame: targets read before then are where they were.
    ProbeFrame DragTakenIn(float x, float y);
    ProbeFrame NextFrame();

    // Input at a point in window coordinates (ImGui's = the window's pixels).
    void MoveTo(float x, float y);
    void WarpTo(float x, float y);
    void TapAt(float x, float y, const TapTiming& timing = {});
    // Waits until the target `id` is drawn and enabled, then taps its centre.
    void TapWhenEnabled(const std::string& id);
    // A finger pressed at (x, y), slid by (dx, dy) in steps, lifted.
    void Drag(float x, float y, float dx, float dy);
    void Key(const std::string& keysym_name); // with the window focused

    // Writes the frame's texts and targets beside the probe, for a person
    // to read after a failure; returns that file's path.
    std::string Keep(const ProbeFrame& frame, const std::string& what);

    ScreenInput& Input() { return x_; }
    unsigned long Window() const { return window_; }
    AppProcess& Process() { return process_; }
    [[noreturn]] void Fail(const std::string& what, const ProbeFrame* last = nullptr);

  private:
    void ScreenPoint(float x, float y, int* sx, int* sy);

    ScreenInput& x_;
    AppProcess& process_;
    std::filesystem::path probe_;
    std::string name_;
    unsigned long window_ = 0;
    double wait_ = kWait;
    std::filesystem::path threads_file_;
};

void SleepSeconds(double seconds);

} // namespace tapsheet::e2e
