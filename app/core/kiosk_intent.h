// What a kiosk screen asks for (an Intent), and applying it: to the visit's
// Flow and to the on-screen keyboard's layers. Beside the state it changes,
// as BoardIntent is beside BoardState (board.h): the screens return intents,
// the session only routes them here and carries the flow's commands to the
// store.
#pragma once

#include "app/core/flow.h"

#include <cstddef>
#include <functional>
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

// What a Start needs from outside the flow: a kiosk that cannot store a
// visit starts none, and each visit gets a fresh id.
struct VisitStart {
    bool can_store = true;
    std::function<std::string()> new_visit_id;
};

void ApplyKioskIntent(const Intent& intent, double now, const VisitStart& start, Flow& flow,
                      KeyboardState& keyboard);

} // namespace tapsheet
