#include "app/shell/probe.h"

#include <cstdio>

namespace tapsheet {

namespace {

const char* ScreenName(FlowScreen screen) {
    switch (screen) {
    case FlowScreen::Attract:
        return "attract";
    case FlowScreen::Step:
        return "step";
    case FlowScreen::Thanks:
        return "thanks";
    }
    return "?";
}

const char* FieldName(TextField field) {
    switch (field) {
    case TextField::None:
        return "none";
    case TextField::Project:
        return "project";
    case TextField::Own:
        return "own";
    }
    return "?";
}

const char* PageKindName(BoardPageKind kind) {
    switch (kind) {
    case BoardPageKind::Poll:
        return "poll";
    case BoardPageKind::Sheet:
        return "sheet";
    case BoardPageKind::Domains:
        return "domains";
    case BoardPageKind::CrossTab:
        return "crosstab";
    case BoardPageKind::Totals:
        return "totals";
    case BoardPageKind::Timer:
        return "timer";
    case BoardPageKind::Evidence:
        return "evidence";
    case BoardPageKind::Moderation:
        return "moderation";
    }
    return "?";
}

const char* Flag(bool value) {
    return value ? "1" : "0";
}

void AddDraft(const Flow& flow, ProbeState& state) {
    const StepDraft& draft = flow.Draft();
    for (const std::string& id : draft.selected)
        state.emplace_back("selected", id);
    for (const auto& [id, mark] : draft.marks)
        state.emplace_back("mark", id + (mark == DomainMark::Focus ? " focus" : " least"));
    if (!draft.project.empty()) state.emplace_back("project", draft.project);
    for (const std::string& text : draft.own)
        state.emplace_back("own", text);
}

} // namespace

ProbeState KioskProbeState(const Flow& flow, const KeyboardState& keyboard, bool out_of_service, double now) {
    ProbeState state;
    state.emplace_back("screen", out_of_service ? "out-of-service" : ScreenName(flow.Screen()));
    if (flow.Screen() == FlowScreen::Step) state.emplace_back("step", flow.CurrentStep().id);
    state.emplace_back("lang", flow.Lang());
    state.emplace_back("still_there", Flag(flow.StillThereShown()));
    char guard[40];
    std::snprintf(guard, sizeof guard, "%.4f", flow.GuardUntil());
    state.emplace_back("guard_until", guard);
    state.emplace_back("cooling", Flag(flow.CoolingDown(now)));
    state.emplace_back("busy", Flag(flow.Busy()));
    state.emplace_back("editing", FieldName(flow.EditingField()));
    state.emplace_back("buffer", flow.EditBuffer());
    state.emplace_back("keyboard_layer", std::to_string(keyboard.layer));
    state.emplace_back("shift", Flag(keyboard.shift));
    if (flow.Screen() == FlowScreen::Step) AddDraft(flow, state);
    return state;
}

ProbeState AdminProbeState(const AdminState& admin, double now) {
    ProbeState state;
    state.emplace_back("screen", "admin");
    state.emplace_back("admin", admin.Screen() == AdminScreen::Panel ? "panel" : "pin-pad");
    state.emplace_back("pin_checking", Flag(admin.Checking()));
    state.emplace_back("pin_locked", Flag(admin.Locked(now)));
    state.emplace_back("pin_failures", std::to_string(admin.Lockout().Failures()));
    state.emplace_back("pin_entered", std::to_string(admin.Entry().size())); // how many digits, never which
    return state;
}

ProbeState BoardProbeState(const BoardState& state, bool have_data, double now) {
    ProbeState out;
    out.emplace_back("page", PageKindName(state.page.kind));
    out.emplace_back("page_step", state.page.step_id);
    out.emplace_back("page_index", std::to_string(state.page.index));
    out.emplace_back("settled", Flag(TransitionProgress(state, now) >= 1.0));
    out.emplace_back("controls", Flag(state.controls));
    out.emplace_back("have_data", Flag(have_data));
    out.emplace_back("cross", state.cross.poll_step_id + " " + state.cross.item_id);
    out.emplace_back("round_shown", std::to_string(state.round_shown));
    return out;
}

} // namespace tapsheet
