// The kiosk and the board as windows of the shared run loop (run_loop.h).
#pragma once

#include "app/session/admin_session.h"
#include "app/session/board_session.h"
#include "app/session/kiosk_session.h"
#include "app/shell/probe.h"
#include "app/shell/run_loop.h"
#include "app/ui/common/theme.h"

#include <string>

namespace tapsheet {

class KioskLoopWindow final : public LoopWindow {
  public:
    // `admin` (may be null: screenshots, tests): the staff side and screen care.
    KioskLoopWindow(Window& window, KioskSession& session, const Theme& theme, AdminSession* admin = nullptr);
    Window& GetWindow() override { return window_; }
    int Update(double now) override;
    bool Draw(double now) override;
    double NextWake(double now) override;
    void Finish(double now) override;
    int ExitCode() const override { return admin_ != nullptr ? admin_->ExitCode() : -1; }
    void SetProbe(Probe* probe) { probe_ = probe; } // tests: what each frame drew

  private:
    bool DrawAdminFrame(double now, bool touched);
    bool Idle() const; // the start screen (or the notice), nobody mid-visit

    Window& window_;
    KioskSession& session_;
    const Theme& theme_;
    AdminSession* admin_;
    bool swallow_touch_ = false; // the finger that woke the screen is still down
    std::string default_lang_;
    double next_wake_ = 0;
    Probe* probe_ = nullptr;
    bool trace_ = false; // TAPSHEET_INPUT_TRACE=1: each tap's intents to stderr
};

class BoardLoopWindow final : public LoopWindow {
  public:
    // `lang`: the board's language (ChooseLanguage); the room reads one language.
    BoardLoopWindow(Window& window, BoardSession& session, const Theme& theme, std::string lang);
    Window& GetWindow() override { return window_; }
    int Update(double now) override;
    bool Draw(double now) override;
    double NextWake(double now) override;
    void SetProbe(Probe* probe) { probe_ = probe; } // tests: what each frame drew

  private:
    Window& window_;
    BoardSession& session_;
    const Theme& theme_;
    std::string lang_;
    double clock_due_ = 0; // the timer's next second
    Probe* probe_ = nullptr;
};

} // namespace tapsheet
