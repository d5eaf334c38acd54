#include "app/core/admin_intent.h"

namespace tapsheet {

namespace {

using Kind = AdminIntent::Kind;

// A second tap on the armed action confirms it; any other tap arms itself.
bool Confirmed(const AdminIntent& intent, AdminPanel& panel) {
    const bool second = panel.armed == intent.kind && panel.armed_index == intent.index;
    panel.armed = second ? Kind::Close : intent.kind;
    panel.armed_index = intent.index;
    return second;
}

AdminEffect ShowTab(const AdminIntent& intent, AdminPanel& panel) {
    // Tapping Texts again reads the store again; the rows stay put.
    const bool listing = panel.tab == AdminTab::Moderation && intent.tab == AdminTab::Moderation;
    panel.tab = intent.tab;
    return listing ? AdminEffect::TextsReread : AdminEffect::TabShown;
}

} // namespace

bool NeedsConfirming(Kind kind) {
    return kind == Kind::NewRound || kind == Kind::SwitchPack || kind == Kind::Restart || kind == Kind::Quit;
}

AdminEffect ApplyAdminIntent(const AdminIntent& intent, double now, AdminState& state, AdminPanel& panel) {
    state.Touched(now);
    if (NeedsConfirming(intent.kind) && !Confirmed(intent, panel)) return AdminEffect::None;
    if (!NeedsConfirming(intent.kind)) panel.armed = Kind::Close;
    switch (intent.kind) {
    case Kind::Digit:
        state.Digit(intent.digit, now);
        return AdminEffect::None;
    case Kind::Backspace:
        state.Backspace(now);
        return AdminEffect::None;
    case Kind::Submit:
        return state.Submit(now) ? AdminEffect::CheckPin : AdminEffect::None;
    case Kind::Close:
        state.Close();
        return AdminEffect::None;
    case Kind::Tab:
        return ShowTab(intent, panel);
    case Kind::NewRound:
        return AdminEffect::NewRound;
    case Kind::Moderate:
        return AdminEffect::Moderate;
    case Kind::LookForSticks:
        return AdminEffect::LookForSticks;
    case Kind::Export:
        return AdminEffect::Export;
    case Kind::SwitchPack:
        return AdminEffect::SwitchPack;
    case Kind::SleepNow:
        state.Close();
        return AdminEffect::SleepNow;
    case Kind::Restart:
        return AdminEffect::Restart;
    case Kind::Quit:
        return AdminEffect::Quit;
    }
    return AdminEffect::None;
}

} // namespace tapsheet
