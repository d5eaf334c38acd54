// The kiosk's screens. Each takes a read-only view of the flow and returns
// intents; none of them writes anything itself (the app applies the intents).
#pragma once

#include "app/core/flow.h"
#include "app/core/kiosk_intent.h"
#include "app/ui/common/widgets.h"

#include <string>
#include <vector>

namespace tapsheet {

struct KioskView {
    const Flow& flow;
    KeyboardState keyboard;
    bool out_of_service = false;
    std::string service_problem;    // for staff: what is wrong
    std::string service_advice;     // for staff: what to do
    float drift_x = 0, drift_y = 0; // font units the start screen sits off its place (screen care)
};

// The whole kiosk for one frame, full-window. Call between NewFrame and Render.
Intents DrawKiosk(UiFrame& ui, const KioskView& view);

// One file per screen.
void DrawAttract(UiFrame& ui, const KioskView& view, Intents& out);
void DrawPoll(UiFrame& ui, const KioskView& view, float width, Intents& out);
void DrawSheet(UiFrame& ui, const KioskView& view, float width, Intents& out);
void DrawDomains(UiFrame& ui, const KioskView& view, float width, Intents& out);
void DrawReflection(UiFrame& ui, const KioskView& view, float width, Intents& out);
void DrawInfo(UiFrame& ui, const KioskView& view, float width, Intents& out);
void DrawThanks(UiFrame& ui, const KioskView& view, Intents& out);
void DrawStillThere(UiFrame& ui, const KioskView& view, Intents& out);
void DrawKeyboard(UiFrame& ui, const KioskView& view, Intents& out);
void DrawOutOfService(UiFrame& ui, const KioskView& view);

// Shared chrome of a step: progress on top, Back / Skip / Next below.
float DrawStepHeader(UiFrame& ui, const KioskView& view, float width);
void DrawStepPrompt(UiFrame& ui, const KioskView& view, float width); // top of the scrolling body
void DrawStepFooter(UiFrame& ui, const KioskView& view, float width, Intents& out);
float StepFooterHeight(const UiFrame& ui, const KioskView& view); // 0: nothing to show, no row

// Width of the readable column on a screen `avail` wide.
float ColumnWidth(const UiFrame& ui, float avail);

} // namespace tapsheet
