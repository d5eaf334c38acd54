// The kiosk's staff side at run time: opens the PIN pad on the gesture,
// routes the staff screens' intents to ApplyAdminIntent
// (app/core/admin_intent.h), and carries out the effects they ask (moderation
// and new rounds through the kiosk's writer, export to a USB stick, switch
// pack, sleep, restart, quit). Checks the PIN off the UI thread, keeping
// the lock-out on disk (app/session/pin_check.h). Also the screen's sleep.
#pragma once

#include "app/core/config.h"
#include "app/core/fleet_view.h"
#include "app/core/screen_care.h"
#include "app/session/pin_check.h"
#include "app/store/store.h"
#include "app/store/tally_reader.h"
#include "app/ui/kiosk/kiosk_admin.h"

#include <functional>
#include <future>
#include <memory>
#include <string>

namespace tapsheet {

struct AdminSettings {
    std::string pin_hash;     // empty: the PIN pad never opens the panel
    std::string lockout_path; // wrong tries kept across restarts (PinLockoutFile); empty: in memory
    std::string kiosk_id;
    std::string db_path;
    std::string content_path;
    std::string packs_dir; // more packs to offer (/etc/tapsheet/content)
    std::string export_dir = "/media";
    bool sticks_need_mount = true; // false: any writable folder there (tests cannot mount)
    SleepHours sleep;
    // Writes every result into a new folder in `dir`; *summary says what.
    std::function<bool(const std::string& dir, std::string* summary, std::string* error)> export_to;
    std::vector<std::string> fleet_kiosks; // [fleet] kiosks: listed on a hub's file before they report
};

// Exit codes the service unit knows: 75 restarts (RestartForceExitStatus),
// 0 stays stopped.
inline constexpr int kExitRestart = 75;

class AdminSession {
  public:
    AdminSession(AdminSettings settings, VisitWriter* writer);
    ~AdminSession(); // waits for a PIN check in progress

    AdminState& State() { return state_; }
    ScreenSleep& Sleep() { return sleep_; }
    bool Open() const { return state_.Screen() != AdminScreen::Closed; }

    // Every frame where the gesture counts; opens the PIN pad.
    void CornerHeld(bool held, double now);
    void Touched(double now) { state_.Touched(now); }
    // Takes a finished PIN check's outcome; closes what was left alone;
    // while the panel is open, reads the figures again every kRefreshSeconds.
    void Tick(double now);
    // Waits for the PIN check in progress and takes its outcome (screenshots).
    void FinishPinCheck(double now);
    static constexpr double kRefreshSeconds = 30;
    bool Asleep(double now, bool idle) const;
    bool SleepBlank() const { return settings_.sleep.blank; }
    double NextWake(double now) const;
    // The kiosk's outbox, read for the Fleet tab (the shell has it; none:
    // the kiosk works alone).
    void SetOutbox(std::function<OutboxView()> outbox) { outbox_ = std::move(outbox); }
    // The Fleet tab reads the hub's health this often while it shows.
    static constexpr double kFleetSeconds = 2.0;

    AdminView View() const;
    void Apply(const AdminIntents& intents, double now);
    int ExitCode() const { return exit_code_; } // -1: keep running

  private:
    void ApplyOne(const AdminIntent& intent, double now);
    void LoadLockout(double now);
    void StartPinCheck(double now);
    void TakePinCheck(double now);
    void OpenPanel(double now);
    void Refresh(bool keep_rows); // keep_rows: the Texts tab's rows stay where they are
    void RefreshFleet(double now);
    void Export(std::size_t index);
    void SwitchPack(std::size_t index);
    void Moderate(const AdminIntent& intent);
    void Say(std::string status, bool error);

    AdminSettings settings_;
    VisitWriter* writer_;
    AdminState state_;
    ScreenSleep sleep_;
    AdminPanel panel_;
    std::unique_ptr<TallyReader> reader_;
    Tallies tallies_;
    bool have_tallies_ = false;
    std::vector<AdminPlace> sticks_, packs_;
    std::string status_;
    bool status_is_error_ = false;
    int exit_code_ = -1;
    double next_refresh_ = 0; // while the panel is open
    std::function<OutboxView()> outbox_;
    FleetView fleet_;
    double next_fleet_ = 0; // while the Fleet tab shows
    bool lockout_loaded_ = false;
    std::future<PinCheckResult> check_; // valid while a PIN is being checked
};

} // namespace tapsheet
