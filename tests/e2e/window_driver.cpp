#include "tests/e2e/window_driver.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <thread>

namespace tapsheet::e2e {

void SleepSeconds(double seconds) {
    if (seconds > 0) std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
}

WindowDriver::WindowDriver(ScreenInput& x, AppProcess& process, std::filesystem::path probe, std::string name)
    : x_(x), process_(process), probe_(std::move(probe)), name_(std::move(name)) {}

void WindowDriver::Fail(const std::string& what, const ProbeFrame* last) {
    std::string message = name_ + ": " + what;
    ProbeFrame frame;
    if (last == nullptr && ReadProbe(probe_, &frame)) last = &frame;
    if (last != nullptr) {
        char age[64];
        std::snprintf(age, sizeof age, " (drawn %.1f s before this message)", SteadyNow() - last->time);
        message += "\n  last frame: " + last->Summary() + age;
    }
    if (!threads_file_.empty()) {
        std::ifstream threads(threads_file_);
        message += "\n  " + name_ + "'s threads (" + threads_file_.string() + "):\n" +
                   std::string(std::istreambuf_iterator<char>(threads), {});
    } else if (!process_.Exited()) {
        message += "\n  " + name_ + "'s threads:\n" + process_.Threads();
    }
    std::string log = process_.Log();
    if (log.size() > 3000) log = "…" + log.substr(log.size() - 3000);
    message += "\n  " + name_ + "'s log:\n" + log;
    throw E2eFailure(message);
}

std::string WindowDriver::Keep(const ProbeFrame& frame, const std::string& what) {
    std::string name;
    for (char c : what)
        name += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
    const std::filesystem::path path = probe_.parent_path() / (name_ + "-" + name + ".txt");
    std::ofstream out(path);
    out << what << "\n" << frame.Summary() << "\n";
    for (const ProbeText& t : frame.texts)
        out << "text " << t.x0 << "," << t.y0 << " - " << t.x1 << "," << t.y1 << "  " << t.text << "\n";
    for (const ProbeTarget& t : frame.targets)
        out << "target " << t.x0 << "," << t.y0 << " - " << t.x1 << "," << t.y1 << "  " << t.id << " '"
            << t.label << "'\n";
    return path.string();
}

void WindowDriver::Attach(const std::string& title) {
    ProbeFrame frame =
        WaitFor([](const ProbeFrame& f) { return f.frame > 0; }, "a first frame in the probe", 60);
    const double start = SteadyNow();
    while ((window_ = x_.FindWindowOf(process_.Pid(), title)) == 0) {
        if (SteadyNow() - start > kWait) Fail("no window with _NET_WM_PID " + std::to_string(process_.Pid()));
        SleepSeconds(0.02);
    }
    // A window manager (or KMSDRM, where the one window always has it)
    // gives the window keyboard focus; Xvfb alone gives it to none.
    x_.Focus(window_);
}

ProbeFrame WindowDriver::Latest() {
    return WaitFor([](const ProbeFrame&) { return true; }, "a frame");
}

ProbeFrame WindowDriver::WaitFor(const std::function<bool(const ProbeFrame&)>& done, const std::string& what,
                                 double timeout) {
    if (timeout < 0) timeout = wait_;
    const double start = SteadyNow();
    ProbeFrame frame;
    bool have = false;
    for (;;) {
        if (ReadProbe(probe_, &frame)) {
            have = true;
            if (done(frame)) return frame;
        }
        if (process_.Exited())
            Fail("exited (code " + std::to_string(process_.ExitCode()) + ") waiting for " + what);
        if (SteadyNow() - start > timeout)
            Fail("timed out after " + std::to_string(static_cast<int>(timeout)) + " s waiting for " + what,
                 have ? &frame : nullptr);
        SleepSeconds(0.005);
    }
}

void WindowDriver::TapWhenEnabled(const std::string& id) {
    const ProbeFrame frame = WaitFor(
        [&](const ProbeFrame& f) {
            const ProbeTarget* t = f.Target(id);
            return t != nullptr && t->visible && t->enabled;
        },
        "'" + id + "' enabled");
    const ProbeTarget* t = frame.Target(id);
    TapAt(t->CentreX(), t->CentreY());
}

ProbeFrame WindowDriver::DragTakenIn(float x, float y) {
    const long taken = WaitFor(
                           [x, y](const ProbeFrame& f) {
                               const bool nowhere = f.pointer_x < -1e30;
                               const bool there =
                                   std::abs(f.pointer_x - x) < 1.5 && std::abs(f.pointer_y - y) < 1.5;
                               return !f.pointer_down && (nowhere || there) && f.input_queue <= 0;
                           },
                           "the drag taken in")
                           .frame;
    const double until = SteadyNow() + 3;
    ProbeFrame frame = Latest();
    while (frame.frame <= taken && SteadyNow() < until) {
        SleepSeconds(0.01);
        frame = Latest();
    }
    return frame;
}

// By the frame's number, not its time: a QEMU guest's kiosk keeps the
// guest's clock, not this machine's.
ProbeFrame WindowDriver::NextFrame() {
    const long seen = Latest().frame;
    return WaitFor([seen](const ProbeFrame& f) { return f.frame > seen; }, "a new frame");
}

void WindowDriver::ScreenPoint(float x, float y, int* sx, int* sy) {
    int ox = 0, oy = 0;
    if (!x_.Origin(window_, &ox, &oy)) Fail("its window is gone");
    *sx = ox + static_cast<int>(std::lround(x));
    *sy = oy + static_cast<int>(std::lround(y));
}

void WindowDriver::MoveTo(float x, float y) {
    int sx = 0, sy = 0;
    ScreenPoint(x, y, &sx, &sy);
    x_.MoveTo(sx, sy);
}

void WindowDriver::WarpTo(float x, float y) {
    int sx = 0, sy = 0;
    ScreenPoint(x, y, &sx, &sy);
    x_.WarpTo(sx, sy);
}

void WindowDriver::TapAt(float x, float y, const TapTiming& timing) {
    if (timing.move && timing.warp)
        WarpTo(x, y);
    else if (timing.move)
        MoveTo(x, y);
    SleepSeconds(timing.before_press);
    x_.Press();
    SleepSeconds(timing.hold);
    x_.Release();
}

void WindowDriver::Drag(float x, float y, float dx, float dy) {
    MoveTo(x, y);
    SleepSeconds(0.03);
    x_.Press();
    const int steps = 12;
    for (int i = 1; i <= steps; i++) {
        SleepSeconds(0.02);
        MoveTo(x + dx * static_cast<float>(i) / steps, y + dy * static_cast<float>(i) / steps);
    }
    SleepSeconds(0.05);
    x_.Release();
}

void WindowDriver::Key(const std::string& keysym_name) {
    x_.Focus(window_);
    x_.Key(keysym_name);
}

} // namespace tapsheet::e2e
