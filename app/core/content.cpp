#include "app/core/content.h"

namespace tapsheet {

namespace {

// What Get() returns for a text nobody wrote (an optional field left out):
// a reference must point somewhere, and an empty string draws as nothing.
const std::string kNoText;

} // namespace

const std::string& LocalText::Get(std::string_view lang) const {
    for (const auto& [code, text] : by_lang)
        if (code == lang) return text;
    // A missing translation shows the default language, never a blank.
    return by_lang.empty() ? kNoText : by_lang.front().second;
}

int ActivityTimer::TotalMinutes() const {
    int total = 0;
    for (const TimerPhase& phase : phases)
        total += phase.minutes;
    return total;
}

const Step* Pack::FindStep(std::string_view step_id) const {
    for (const Step& step : steps)
        if (step.id == step_id) return &step;
    return nullptr;
}

const ReflectionStep* Pack::Reflection() const {
    for (const Step& step : steps)
        if (step.kind == StepKind::Reflection) return &step.reflection;
    return nullptr;
}

} // namespace tapsheet
