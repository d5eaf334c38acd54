#include "app/core/kiosk_intent.h"

namespace tapsheet {

void ApplyKioskIntent(const Intent& intent, double now, const VisitStart& start, Flow& flow,
                      KeyboardState& keyboard) {
    using Kind = Intent::Kind;
    switch (intent.kind) {
    case Kind::Start:
        // No visit starts on a kiosk that cannot store it.
        if (start.can_store) flow.Start(intent.id, start.new_visit_id(), now);
        break;
    case Kind::Choose:
        flow.Choose(intent.id, now);
        break;
    case Kind::Toggle:
        flow.Toggle(intent.id, now);
        break;
    case Kind::Mark:
        flow.Mark(intent.id, intent.mark, now);
        break;
    case Kind::Next:
        flow.Next(now);
        break;
    case Kind::Skip:
        flow.Skip(now);
        break;
    case Kind::Back:
        flow.Back(now);
        break;
    case Kind::Done:
        flow.Done(now);
        break;
    case Kind::RemoveOwn:
        flow.RemoveOwn(intent.index, now);
        break;
    case Kind::OpenText:
        if (flow.OpenText(intent.field, now)) keyboard = KeyboardState{};
        break;
    case Kind::TypeText:
        flow.TypeText(intent.id);
        keyboard.shift = false; // shift applies to one key, as on a phone
        break;
    case Kind::Backspace:
        flow.Backspace();
        break;
    case Kind::CloseText:
        flow.CloseText(intent.keep, now);
        break;
    case Kind::KeyboardShift:
        keyboard.shift = !keyboard.shift;
        break;
    case Kind::KeyboardLayer:
        keyboard.layer = static_cast<int>(intent.index);
        break;
    case Kind::StillHere:
        flow.StillHere(now);
        break;
    case Kind::StartOver:
        flow.StartOver(now);
        break;
    }
}

} // namespace tapsheet
