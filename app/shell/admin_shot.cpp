#include "app/shell/admin_shot.h"

#include "app/session/admin_session.h"
#include "app/session/demo_figures.h"
#include "app/session/demo_fleet.h"
#include "app/session/kiosk_session.h"
#include "app/store/store.h"

#include "imgui.h"

#include <chrono>
#include <filesystem>
#include <unistd.h>

namespace tapsheet {

namespace {

using Kind = AdminIntent::Kind;

constexpr const char* kTabs[] = {"figures", "texts", "export", "content", "power", "fleet"};

void Press(AdminSession& admin, const char* digits, double now) {
    for (const char* d = digits; *d; d++) {
        AdminIntent intent = AdminIntent::Of(Kind::Digit);
        intent.digit = *d;
        admin.Apply({intent}, now);
    }
}

// Where the session stands for `screen`; false when the name is unknown.
bool DriveAdmin(AdminSession& admin, const std::string& screen, double now) {
    admin.CornerHeld(true, now - AdminState::kHoldSeconds);
    admin.CornerHeld(true, now);
    if (screen == "pin-pad") return Press(admin, "12", now), true;
    if (screen == "pin-locked") {
        for (int i = 0; i < PinLockout::kFreeTries; i++) {
            Press(admin, "0000", now);
            admin.Apply({AdminIntent::Of(Kind::Submit)}, now);
            admin.FinishPinCheck(now);
        }
        return true;
    }
    Press(admin, "1234", now);
    admin.Apply({AdminIntent::Of(Kind::Submit)}, now);
    admin.FinishPinCheck(now);
    std::string tab = screen.size() > 6 ? screen.substr(6) : "figures";
    if (tab == "fleet-hub") tab = "fleet";
    for (int i = 0; i < kAdminTabs; i++) {
        if (tab != kTabs[i]) continue;
        AdminIntent intent = AdminIntent::Of(Kind::Tab);
        intent.tab = static_cast<AdminTab>(i);
        admin.Apply({intent}, now);
        return true;
    }
    return false;
}

} // namespace

bool IsAdminScreen(const std::string& screen) {
    return screen == "pin-pad" || screen == "pin-locked" || screen == "admin" ||
           screen.rfind("admin:", 0) == 0;
}

bool DrawAdminScreen(Window& window, const Theme& theme, const Pack& pack, const std::string& screen,
                     std::string* error) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("tapsheet-admin-shot-" + std::to_string(getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    AdminSettings settings;
    settings.pin_hash = LegacyPinHash("1234", "5eed", 10);
    settings.kiosk_id = "kiosk-1";
    settings.db_path = (dir / "results.db").string();
    settings.content_path = pack.source_path;
    settings.export_dir = "/media"; // this machine's own: what staff would see
    // The Fleet tab: on the board's machine (the hub's file) or on a kiosk
    // whose answers wait for the hub.
    const bool fleet = screen.rfind("admin:fleet", 0) == 0;
    DemoFleetFiles files;
    bool ok = fleet ? WriteDemoFleet(pack, dir.string(), DemoFleet{}, std::chrono::system_clock::now(),
                                     &files, error)
                    : WriteDemoFigures(pack, settings.db_path, DemoFigures{}, error);
    if (fleet && ok) settings.db_path = screen == "admin:fleet-hub" ? files.hub : files.kiosks[4];
    if (screen == "admin:fleet") settings.kiosk_id = "kiosk-5";
    AdminSession admin(settings, nullptr);
    const OutboxView outbox = files.behind_outbox;
    if (screen == "admin:fleet") admin.SetOutbox([outbox] { return outbox; });
    const double now = 1000;
    if (ok && !DriveAdmin(admin, screen, now)) {
        *error = "unknown staff screen '" + screen + "' (pin-pad, pin-locked, admin or admin:" +
                 "figures|texts|export|content|power|fleet|fleet-hub)";
        ok = false;
    }
    for (int i = 0; ok && i < 2; ++i) {
        window.WaitEvents(0);
        window.BeginFrame();
        UiFrame ui{theme, "en", now, nullptr};
        DrawAdmin(ui, admin.View());
        window.EndFrame();
    }
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
    return ok;
}

} // namespace tapsheet
