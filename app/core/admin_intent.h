// What the staff screens ask for (an AdminIntent), and applying it to the
// PIN pad and the panel's own state, beside that state as BoardIntent is
// beside BoardState. What needs the world outside (the store, USB sticks,
// the service manager) comes back as an AdminEffect, which the session
// (app/session/admin_session.h) carries out.
#pragma once

#include "app/core/admin.h"
#include "app/core/figures.h"

#include <cstddef>
#include <string>
#include <vector>

namespace tapsheet {

enum class AdminTab { Overview, Moderation, Export, Content, Power, Fleet };
inline constexpr int kAdminTabs = 6;

struct AdminIntent {
    enum class Kind {
        Digit,
        Backspace,
        Submit,
        Close, // the PIN pad's Cancel, the panel's Close
        Tab,
        NewRound,
        Moderate,
        LookForSticks,
        Export,
        SwitchPack,
        SleepNow,
        Restart,
        Quit,
    };
    Kind kind = Kind::Close;
    char digit = 0;
    AdminTab tab = AdminTab::Overview;
    std::size_t index = 0; // Moderate: the text; Export: the stick; SwitchPack: the pack
    Moderation status = Moderation::Approved;

    static AdminIntent Of(Kind kind) {
        AdminIntent intent;
        intent.kind = kind;
        return intent;
    }
    static AdminIntent At(Kind kind, std::size_t index) {
        AdminIntent intent = Of(kind);
        intent.index = index;
        return intent;
    }
};
using AdminIntents = std::vector<AdminIntent>;

// The panel's state besides the PIN pad's (AdminState): the tab shown, and
// the action armed by a first tap.
struct AdminPanel {
    AdminTab tab = AdminTab::Overview;
    AdminIntent::Kind armed = AdminIntent::Kind::Close; // a second tap on this confirms it
    std::size_t armed_index = 0;
};

enum class AdminEffect {
    None,          // done here, or an armed action waiting for its second tap
    CheckPin,      // OK on the PIN pad: check AdminState::Entry() (slow), then CheckDone
    TabShown,      // read the figures
    TextsReread,   // the Texts tab tapped again: read again, rows stay put
    NewRound,      // confirmed
    Moderate,      // intent.index, intent.status
    LookForSticks, //
    Export,        // intent.index: the stick
    SwitchPack,    // confirmed; intent.index: the pack
    SleepNow,      // the panel is closed; blank the screen
    Restart,       // confirmed
    Quit,          // confirmed
};

// Actions a stray tap must not do wait for a second tap on the same button.
bool NeedsConfirming(AdminIntent::Kind kind);

AdminEffect ApplyAdminIntent(const AdminIntent& intent, double now, AdminState& state, AdminPanel& panel);

} // namespace tapsheet
