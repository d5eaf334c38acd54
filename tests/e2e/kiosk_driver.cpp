#include "tests/e2e/kiosk_driver.h"

#include <algorithm>

namespace tapsheet::e2e {

namespace {

bool Has(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// The code points of a UTF-8 string, each as its own string.
std::vector<std::string> Characters(const std::string& text) {
    std::vector<std::string> out;
    for (unsigned char c : text) {
        if ((c & 0xC0) == 0x80 && !out.empty())
            out.back() += static_cast<char>(c);
        else
            out.emplace_back(1, static_cast<char>(c));
    }
    return out;
}

std::string MarkOf(const ProbeFrame& frame, const std::string& domain) {
    for (const std::string& mark : frame.All("mark"))
        if (mark.rfind(domain + " ", 0) == 0) return mark.substr(domain.size() + 1);
    return "";
}

std::vector<std::string> MarksOf(const ProbeFrame& frame) {
    return frame.All("mark");
}

} // namespace

KioskDriver::KioskDriver(WindowDriver& window, const Pack& pack, Truth& truth, double idle,
                         double still_there)
    : window_(window), pack_(pack), truth_(truth), idle_(idle), still_there_(still_there) {}

std::string KioskDriver::StepId() {
    const ProbeFrame frame = window_.Latest();
    return frame.Get("screen") == "step" ? frame.Get("step") : "";
}

const Step& KioskDriver::CurrentStep() {
    const std::string id = StepId();
    const Step* step = pack_.FindStep(id);
    if (step == nullptr) window_.Fail("not on a step of the pack (step '" + id + "')");
    return *step;
}

// Step `step`'s answer, being given now (so no longer skipped).
TruthStep& KioskDriver::Answer(const std::string& step) {
    TruthStep& answer = truth_.Current().steps[step];
    answer.skipped = false;
    return answer;
}

ProbeFrame KioskDriver::ReadyFor(const std::string& id) {
    for (int scrolls = 0;; scrolls++) {
        ProbeFrame frame = window_.WaitFor([&](const ProbeFrame& f) { return f.Target(id) != nullptr; },
                                           "target '" + id + "' drawn");
        const ProbeTarget t = *frame.Target(id);
        if (t.visible) break;
        if (scrolls == 8) window_.Fail("target '" + id + "' never scrolled into view", &frame);
        // A finger slides the list: up to bring what is below into view.
        const float room = std::max(40.0f, (t.clip_y1 - t.clip_y0) * 0.6f);
        const bool below = t.y1 > t.clip_y1;
        const float y = below ? t.clip_y1 - 12 : t.clip_y0 + 12;
        const float dy =
            below ? -std::min(room, t.y1 - t.clip_y1 + 60) : std::min(room, t.clip_y0 - t.y0 + 60);
        window_.Drag(t.CentreX(), y, 0, dy);
        window_.DragTakenIn(t.CentreX(), y + dy);
    }
    ProbeFrame frame = window_.WaitFor(
        [&](const ProbeFrame& f) {
            const ProbeTarget* t = f.Target(id);
            return t != nullptr && t->visible && t->enabled;
        },
        "target '" + id + "' enabled");
    // Taps in the first 0.35 s after a screen change are ignored on purpose
    // (a double tap must not answer two questions): a person is slower.
    // The guard is in the kiosk's clock, as the frame's time is: in a QEMU
    // guest that is not this machine's (the guest's kiosk once lost taps
    // this wait did not hold back), so the wait left is taken from the
    // frame; read after it was drawn, that only waits a little longer.
    const double guard = std::stod("0" + frame.Get("guard_until"));
    SleepSeconds(guard + 0.03 - frame.time);
    return window_.Latest();
}

// The kiosk's own buttons speak the visit's language (the pack's words, or
// the program's Welsh and Irish where the pack has none).
void KioskDriver::ExpectWords(const ProbeFrame& frame, const ProbeTarget& target) {
    const std::string lang = frame.Get("lang");
    const UiStrings& ui = pack_.ui;
    const std::vector<std::pair<std::string, std::vector<const LocalText*>>> words = {
        {"next", {&ui.next, &ui.finish}},     {"skip", {&ui.skip}}, {"back", {&ui.back}},
        {"still-here", {&ui.continue_label}}, {"done", {&ui.done}}, {"key-done", {&ui.keyboard_done}}};
    for (const auto& [id, texts] : words) {
        if (id != target.id || lang.empty()) continue;
        bool found = false;
        for (const LocalText* text : texts)
            found = found || target.label.find(text->Get(lang)) != std::string::npos;
        if (!found) window_.Fail("'" + id + "' reads '" + target.label + "' on a visit in " + lang, &frame);
    }
}

void KioskDriver::Tap(const std::string& id, const TapTiming& timing) {
    const ProbeFrame frame = ReadyFor(id);
    const ProbeTarget* t = frame.Target(id);
    if (t == nullptr || !t->visible) window_.Fail("target '" + id + "' went away", &frame);
    ExpectWords(frame, *t);
    window_.TapAt(t->CentreX(), t->CentreY(), timing);
}

void KioskDriver::Start(const std::string& lang) {
    window_.WaitFor(
        [](const ProbeFrame& f) { return f.Get("screen") == "attract" && f.Get("cooling") == "0"; },
        "the start screen, past its cooldown");
    const std::string first = pack_.languages.empty() ? "en" : pack_.languages.front().code;
    const std::string code = lang.empty() ? first : lang;
    Tap(code == first ? "start" : "lang-" + code);
    const ProbeFrame frame = window_.WaitFor([](const ProbeFrame& f) { return f.Get("screen") == "step"; },
                                             "the first step after Start");
    if (frame.Get("lang") != code)
        window_.Fail("the visit began in '" + frame.Get("lang") + "', not " + code, &frame);
    if (frame.Get("step") != pack_.steps.front().id)
        window_.Fail("the visit did not begin at the first step", &frame);
    truth_.Begin(code);
}

void KioskDriver::AfterStepLeft(const std::string& left) {
    const ProbeFrame frame = window_.WaitFor(
        [&](const ProbeFrame& f) { return f.Get("screen") != "step" || f.Get("step") != left; },
        "the kiosk to leave step '" + left + "'");
    if (frame.Get("screen") == "thanks") truth_.Current().status = "complete";
}

void KioskDriver::WaitForStep(const std::string& step, const std::string& what) {
    window_.WaitFor([&](const ProbeFrame& f) { return f.Get("screen") == "step" && f.Get("step") == step; },
                    what);
}

// The label the kiosk drew for option or benefit `id` is the pack's, in the
// visit's language.
void KioskDriver::ExpectLabel(const std::string& id) {
    const ProbeFrame frame = window_.Latest();
    const Step& step = CurrentStep();
    std::vector<const Option*> options;
    for (const Option& option : step.poll.options)
        options.push_back(&option);
    for (const SheetGroup& group : step.sheet.groups)
        for (const Option& item : group.items)
            options.push_back(&item);
    for (const Option* option : options) {
        const ProbeTarget* t = frame.Target(id);
        if (option->id != id || t == nullptr) continue;
        const std::string& want = option->label.Get(frame.Get("lang"));
        if (t->label != want)
            window_.Fail("'" + id + "' reads '" + t->label + "', not '" + want + "'", &frame);
    }
}

void KioskDriver::Choose(const std::string& option) {
    const std::string step = StepId();
    ExpectLabel(option);
    Tap(option);
    Answer(step).selected = {option};
    AfterStepLeft(step);
}

void KioskDriver::Toggle(const std::string& item) {
    const std::string step = StepId();
    const bool was = Has(window_.Latest().All("selected"), item);
    ExpectLabel(item);
    Tap(item);
    const ProbeFrame frame = window_.WaitFor(
        [&](const ProbeFrame& f) { return f.Get("step") == step && Has(f.All("selected"), item) != was; },
        std::string(was ? "'" + item + "' cleared" : "'" + item + "' selected"));
    TruthStep& draft = Answer(step);
    if (was)
        draft.selected.erase(std::find(draft.selected.begin(), draft.selected.end(), item));
    else
        draft.selected.push_back(item);
    if (frame.All("selected") != draft.selected) window_.Fail("the selection is not what was tapped", &frame);
}

void KioskDriver::Mark(const std::string& domain, const std::string& mark) {
    const std::string step = StepId();
    const std::string before = MarkOf(window_.Latest(), domain);
    const std::string after = before == mark ? "" : mark; // tapping the mark it has clears it
    Tap(mark + "-" + domain);
    const ProbeFrame frame = window_.WaitFor(
        [&](const ProbeFrame& f) { return f.Get("step") == step && MarkOf(f, domain) == after; },
        "domain '" + domain + "' marked '" + after + "'");
    auto& marks = Answer(step).marks;
    auto it = std::find_if(marks.begin(), marks.end(), [&](const auto& m) { return m.first == domain; });
    if (after.empty())
        marks.erase(it);
    else if (it != marks.end())
        it->second = after;
    else
        marks.emplace_back(domain, after);
    std::vector<std::string> expected;
    for (const auto& [id, value] : marks)
        expected.push_back(id + " " + value);
    if (MarksOf(frame) != expected) window_.Fail("the marks are not what was tapped", &frame);
}

void KioskDriver::Next() {
    const std::string step = StepId();
    Tap("next");
    AfterStepLeft(step);
}

void KioskDriver::Skip() {
    const std::string step = StepId();
    Tap("skip");
    TruthStep skipped; // a skipped step keeps nothing but the skip
    skipped.skipped = true;
    truth_.Current().steps[step] = skipped;
    AfterStepLeft(step);
}

void KioskDriver::Back() {
    const std::string step = StepId();
    const auto at =
        std::find_if(pack_.steps.begin(), pack_.steps.end(), [&](const Step& s) { return s.id == step; });
    if (at == pack_.steps.begin() || at == pack_.steps.end()) window_.Fail("no step before '" + step + "'");
    Tap("back");
    WaitForStep((at - 1)->id, "Back to '" + (at - 1)->id + "'");
}

void KioskDriver::TypeText(const std::string& text) {
    std::string typed = window_.Latest().Get("buffer");
    for (const std::string& ch : Characters(text)) {
        TypeChar(ch, typed);
        typed += ch;
    }
}

// Finds the key on the keyboard as a person would: on this layer, with
// shift, or on another layer (the accents, the numbers).
void KioskDriver::TypeChar(const std::string& ch, const std::string& typed_so_far) {
    const std::string id = ch == " " ? "key-space" : "key-" + ch;
    const std::string after = typed_so_far + ch;
    auto try_key = [&]() {
        if (window_.Latest().Target(id) == nullptr) return false;
        Tap(id);
        window_.WaitFor([&](const ProbeFrame& f) { return f.Get("buffer") == after; },
                        "'" + after + "' typed");
        return true;
    };
    auto set_shift = [&](bool on) {
        if ((window_.Latest().Get("shift") == "1") == on) return;
        Tap("key-shift");
        window_.WaitFor([&](const ProbeFrame& f) { return (f.Get("shift") == "1") == on; }, "shift");
    };
    auto try_both = [&]() {
        set_shift(false);
        if (try_key()) return true;
        set_shift(true);
        if (try_key()) return true;
        set_shift(false);
        return false;
    };
    if (try_both()) return;
    std::vector<std::string> layers;
    for (const ProbeTarget& t : window_.Latest().targets)
        if (t.id.rfind("key-layer-", 0) == 0) layers.push_back(t.id);
    for (const std::string& layer : layers) {
        const std::string before = window_.Latest().Get("keyboard_layer");
        Tap(layer);
        window_.WaitFor([&](const ProbeFrame& f) { return f.Get("keyboard_layer") != before; }, layer);
        if (try_both()) return;
    }
    window_.Fail("no key types '" + ch + "' on any layer of the keyboard");
}

void KioskDriver::TypeProject(const std::string& text) {
    const std::string step = StepId();
    Tap("project");
    window_.WaitFor([](const ProbeFrame& f) { return f.Get("editing") == "project"; },
                    "the keyboard for the project");
    TypeText(text);
    Tap("key-done");
    window_.WaitFor(
        [&](const ProbeFrame& f) { return f.Get("editing") == "none" && f.Get("project") == text; },
        "the project name '" + text + "' kept");
    Answer(step).project = text;
}

void KioskDriver::AddOwn(const std::string& text) {
    const std::string step = StepId();
    Tap("add-own");
    window_.WaitFor([](const ProbeFrame& f) { return f.Get("editing") == "own"; },
                    "the keyboard for a benefit");
    TypeText(text);
    Tap("key-done");
    window_.WaitFor(
        [&](const ProbeFrame& f) { return f.Get("editing") == "none" && Has(f.All("own"), text); },
        "the benefit '" + text + "' added");
    Answer(step).own.push_back(text);
}

void KioskDriver::KeepGoingWhenAsked() {
    window_.WaitFor([](const ProbeFrame& f) { return f.Get("still_there") == "1"; }, "\"Still there?\"",
                    idle_ + kWait);
    Tap("still-here");
    window_.WaitFor([](const ProbeFrame& f) { return f.Get("still_there") == "0"; }, "\"Still there?\" gone");
}

void KioskDriver::WalkAway() {
    const double idle = idle_ + still_there_;
    window_.WaitFor([](const ProbeFrame& f) { return f.Get("still_there") == "1"; }, "\"Still there?\"",
                    idle + kWait);
    window_.WaitFor([](const ProbeFrame& f) { return f.Get("screen") == "attract"; },
                    "the start screen after the walk-away", idle + kWait);
    truth_.Current().status = "abandoned";
}

void KioskDriver::Done() {
    Tap("done");
    window_.WaitFor([](const ProbeFrame& f) { return f.Get("screen") == "attract"; },
                    "the start screen after Done");
}

} // namespace tapsheet::e2e
