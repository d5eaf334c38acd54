// The kiosk's screens. Each takes a read-only view of the flow and returns
// intents; none of them writes anything itself (the app applies the intents).
#pragma once

#include "app/core/flow.h"
#include "app/ui/common/widgets.h"

#include <string>
#include <vector>

namespace tapsheet {

struct Intent {
    enum class Kind {
        Start,
        Choose,
        Toggle,
        Mark,
        Next,
        Skip,
        Back,
        Done,
        RemoveOwn,
        OpenText,
        TypeText,
        Backspace,
        CloseText,
        KeyboardShift,
        KeyboardLayer,
        StillHere,
        StartOver,
    };
    Kind kind = Kind::Next;
    std::string id; // option, benefit or domain id; language code for Start; typed text
    DomainMark mark = DomainMark::None;
    TextField field = TextField::None;
    bool keep = false;     // CloseText: keep the typed text
    std::size_t index = 0; // RemoveOwn; KeyboardLayer: the layer

    static Intent Of(Kind kind, std::string id = {}) {
        Intent intent;
        intent.kind = kind;
        intent.id = std::move(id);
        return intent;
    }
    static Intent MarkDomain(std::string domain_id, DomainMark mark) {
        Intent intent = Of(Kind::Mark, std::move(domain_id));
        intent.mark = mark;
        return intent;
    }
    static Intent Open(TextField field) {
        Intent intent = Of(Kind::OpenText);
        intent.field = field;
        return intent;
    }
    static Intent Close(bool keep) {
        Intent intent = Of(Kind::CloseText);
        intent.keep = keep;
        return intent;
    }
    static Intent AtIndex(Kind kind, std::size_t index) {
        Intent intent = Of(kind);
        intent.index = index;
        return intent;
    }
};
using Intents = std::vector<Intent>;

// State of the on-screen keyboard's layers: the app owns it, screens read it.
struct KeyboardState {
    bool shift = false;
    int layer = 0; // 0 letters, 1 accented letters, 2 numbers and punctuation
};

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
