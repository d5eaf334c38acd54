// The staff page's Fleet tab (issue 12): this kiosk's own place in a fleet
// (its outbox), every kiosk's health when this kiosk's file is the hub's
// (the board's machine), or a plain line that it works alone. Staff text,
// in English like the rest of the panel.
#include "app/ui/kiosk/kiosk_admin.h"

namespace tapsheet {

namespace {

void Heading(UiFrame& ui, const std::string& text, float width) {
    TextBlock(ui, ui.theme.body_bold, ui.theme.colors.text, text, width);
}

void Line(UiFrame& ui, const std::string& text, float width) {
    TextBlock(ui, ui.theme.body, ui.theme.colors.text, text, width);
}

void Muted(UiFrame& ui, const std::string& text, float width) {
    TextBlock(ui, ui.theme.body, ui.theme.colors.text_muted, text, width);
}

// Trouble in the panel's warning colour (orange-brown: 4.5:1 on the page).
void Trouble(UiFrame& ui, const std::string& text, float width) {
    TextBlock(ui, ui.theme.body_bold, ui.theme.colors.least, text, width);
}

void Space(const UiFrame& ui, float units) {
    ImGui::Dummy(ImVec2(1, ui.theme.U(units)));
}

std::string KioskDetails(const FleetKioskRow& row) {
    if (row.state == "never seen") return "has not reported yet";
    std::string text =
        "last answer " + (row.last_answer_ago < 0 ? std::string("none yet") : AgoText(row.last_answer_ago));
    text += " \xC2\xB7 " + std::to_string(row.waiting) + " waiting";
    text += " \xC2\xB7 clock " + ClockOffsetText(row.clock_offset_ms);
    return text;
}

std::string KioskNote(const FleetKioskRow& row) {
    std::string note;
    if (row.duplicate) note += "Two kiosks use this id: give one another id. ";
    if (row.refused > 0) note += std::to_string(row.refused) + " messages refused by the broker. ";
    if (row.state == "lost") note += "Its connection dropped: power, network or the kiosk stopped. ";
    if (row.state == "silent") note += "No word for a minute. ";
    if (!note.empty()) note.pop_back();
    return note;
}

void KioskRow(UiFrame& ui, const FleetKioskRow& row, float width) {
    const std::string heading = row.id + " \xC2\xB7 " + row.state;
    if (Troubled(row))
        Trouble(ui, heading, width);
    else
        Heading(ui, heading, width);
    Muted(ui, KioskDetails(row), width);
    const std::string note = KioskNote(row);
    if (!note.empty()) Line(ui, note, width);
    Space(ui, 0.3f);
}

void DrawHub(UiFrame& ui, const FleetView& fleet, float width) {
    Heading(ui, "Every kiosk (this is the hub's results file)", width);
    if (!fleet.problem.empty())
        return Trouble(ui, "The fleet's health cannot be read: " + fleet.problem, width);
    if (fleet.hub_silent) {
        Trouble(ui,
                fleet.hub_heard_ago < 0 ? "The hub has never been heard: is tapsheet-hub running?"
                                        : "The hub is silent: last heard " + AgoText(fleet.hub_heard_ago) +
                                              ". Is tapsheet-hub running? The rows below are old.",
                width);
    } else {
        Muted(ui, "Hub: last heard " + AgoText(fleet.hub_heard_ago), width);
    }
    Line(ui, FleetTagOf(fleet).text, width);
    Space(ui, 0.3f);
    for (const FleetKioskRow& row : fleet.kiosks)
        KioskRow(ui, row, width);
}

void DrawOutbox(UiFrame& ui, const OutboxView& outbox, float width) {
    Heading(ui, "This kiosk sends its answers to the hub", width);
    Muted(ui, "Broker " + outbox.broker + ", event " + outbox.event, width);
    if (outbox.connected)
        Line(ui, "Connected to the broker", width);
    else
        Trouble(ui, "Not connected to the broker: answers wait here and are sent later", width);
    Line(ui, "Last change the hub confirmed: " + std::to_string(outbox.acked), width);
    Line(ui, "Answers waiting for the hub: " + std::to_string(outbox.waiting), width);
    if (outbox.refused > 0)
        Trouble(ui, "Messages the broker refused: " + std::to_string(outbox.refused), width);
    else
        Line(ui, "Messages the broker refused: 0", width);
    if (!outbox.problem.empty()) Trouble(ui, "Problem: " + outbox.problem, width);
    Muted(ui, "Every answer stays in this kiosk's own file as well; none is lost while the network is down.",
          width);
}

void DrawAlone(UiFrame& ui, const AdminView& view, float width) {
    if (!view.outbox.off_reason.empty()) {
        Trouble(ui, "The fleet is off: " + view.outbox.off_reason, width);
        Muted(ui, "This kiosk keeps every answer in its own file until that is fixed.", width);
        return;
    }
    Heading(ui, "This kiosk works alone", width);
    Line(ui, "Its answers stay in its own file (" + view.db_path + ").", width);
    Muted(ui,
          "To join a fleet (several kiosks, one board), add a [fleet] table to the kiosk's config: broker, "
          "event, password_file, ca, cert and key, as deploy/fleet-setup.sh makes them.",
          width);
}

} // namespace

void DrawAdminFleet(UiFrame& ui, const AdminView& view, float width) {
    if (view.outbox.enabled) DrawOutbox(ui, view.outbox, width);
    if (view.outbox.enabled && view.fleet.hub_file) Space(ui, 0.6f);
    if (view.fleet.hub_file) DrawHub(ui, view.fleet, width);
    if (!view.outbox.enabled && !view.fleet.hub_file) DrawAlone(ui, view, width);
}

} // namespace tapsheet
