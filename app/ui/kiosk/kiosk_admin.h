// The kiosk's staff screens: the PIN pad and the admin panel, opened by a
// long press in the start screen's top-left corner. Like every screen they
// take a read-only view and return intents; ApplyAdminIntent (app/core/admin_intent.h) and the
// session (app/session/admin_session)
// does the work. Staff text is English, like the board's control strip.
#pragma once

#include "app/core/admin.h"
#include "app/core/admin_intent.h"
#include "app/core/figures.h"
#include "app/core/fleet_view.h"
#include "app/ui/common/widgets.h"

#include <string>
#include <vector>

namespace tapsheet {

// A place the panel can act on: a USB stick to export to, a pack to switch to.
struct AdminPlace {
    std::string label; // what staff read
    std::string path;
    bool current = false; // the pack in use
};

struct AdminView {
    explicit AdminView(const AdminState& admin) : state(admin) {}
    const AdminState& state;
    AdminTab tab = AdminTab::Overview;
    std::string kiosk_id;
    std::string db_path;
    const Tallies* tallies = nullptr; // null: the figures cannot be read (see problem)
    std::string problem;              // why not, for staff
    std::vector<AdminPlace> sticks;
    std::vector<AdminPlace> packs;
    std::string export_dir;                             // where sticks are looked for
    std::string status;                                 // the last action's outcome
    bool status_is_error = false;                       // drawn in the warning colour
    AdminIntent::Kind armed = AdminIntent::Kind::Close; // a second tap on this confirms it
    std::size_t armed_index = 0;
    OutboxView outbox; // this kiosk's own place in a fleet
    FleetView fleet;   // when the kiosk's file is a hub's (the board's machine): every kiosk
};

// Full-screen, over the kiosk. Call between NewFrame and Render.
AdminIntents DrawAdmin(UiFrame& ui, const AdminView& view);

// One file each.
void DrawPinPad(UiFrame& ui, const AdminView& view, AdminIntents& out);
void DrawAdminPanel(UiFrame& ui, const AdminView& view, AdminIntents& out);
void DrawAdminModeration(UiFrame& ui, const AdminView& view, float width, AdminIntents& out);
void DrawAdminFleet(UiFrame& ui, const AdminView& view, float width);

// A staff screen's top row, `width` wide from x: its title, and on the
// right one button that closes the screen (Close, Cancel).
void StaffHeader(UiFrame& ui, const char* title, const char* button_id, const char* button_label,
                 ButtonKind button_kind, float x, float width, AdminIntents& out);

// The start screen asleep: black, or the screen under a dark veil.
void DrawSleepCover(bool blank);

// The corner the gesture starts in, in screen pixels (top-left, 3 units square).
ImRect AdminCorner(const Theme& theme);

} // namespace tapsheet
