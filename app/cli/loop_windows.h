// The kiosk and the board as windows of the shared run loop (run_loop.h).
#pragma once

#include "app/cli/board_session.h"
#include "app/cli/kiosk_session.h"
#include "app/cli/run_loop.h"
#include "app/ui/theme.h"

#include <string>

namespace tapsheet {

class KioskLoopWindow final : public LoopWindow {
  public:
    KioskLoopWindow(Window& window, KioskSession& session, const Theme& theme);
    Window& GetWindow() override { return window_; }
    int Update(double now) override;
    bool Draw(double now) override;
    double NextWake(double now) override;
    void Finish(double now) override;

  private:
    Window& window_;
    KioskSession& session_;
    const Theme& theme_;
    std::string default_lang_;
    double next_wake_ = 0;
};

class BoardLoopWindow final : public LoopWindow {
  public:
    // `lang`: the board's language (ChooseLanguage); the room reads one language.
    BoardLoopWindow(Window& window, BoardSession& session, const Theme& theme, std::string lang);
    Window& GetWindow() override { return window_; }
    int Update(double now) override;
    bool Draw(double now) override;
    double NextWake(double now) override;

  private:
    Window& window_;
    BoardSession& session_;
    const Theme& theme_;
    std::string lang_;
    double clock_due_ = 0; // the timer's next second
};

} // namespace tapsheet
