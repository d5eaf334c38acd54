#include "tests/vm/visit_script.h"

namespace tapsheet::vm {

namespace {

template <typename T> const T& Pick(const std::vector<T>& items, int n) {
    return items[static_cast<std::size_t>(n) % items.size()];
}

void AnswerPoll(e2e::KioskDriver& kiosk, const PollStep& poll, int n) {
    if (!poll.multi) return kiosk.Choose(Pick(poll.options, n).id); // moves on by itself
    kiosk.Toggle(Pick(poll.options, n).id);
    if (poll.options.size() > 2) kiosk.Toggle(Pick(poll.options, n + 2).id);
    kiosk.Next();
}

void AnswerSheet(e2e::KioskDriver& kiosk, const SheetStep& sheet, int n) {
    if (!sheet.project_prompt.Empty()) kiosk.TypeProject(VisitMarker(n));
    const SheetGroup& group = Pick(sheet.groups, n);
    kiosk.Toggle(Pick(group.items, n).id);
    if (sheet.groups.size() > 1) kiosk.Toggle(Pick(Pick(sheet.groups, n + 1).items, n).id);
    kiosk.Next();
}

void AnswerDomains(e2e::KioskDriver& kiosk, const DomainsStep& domains, int n) {
    const std::vector<Domain>& set = Pick(domains.sets, n).domains;
    kiosk.Mark(Pick(set, n).id, "focus");
    if (set.size() > 1) kiosk.Mark(Pick(set, n + 1).id, "least");
    kiosk.Next();
}

} // namespace

std::string VisitMarker(int number) {
    return {static_cast<char>('a' + number / 26 % 26), static_cast<char>('a' + number % 26)};
}

void TapVisit(e2e::KioskDriver& kiosk, const Pack& pack, int number, bool done) {
    kiosk.Start();
    for (const Step& step : pack.steps) {
        switch (step.kind) {
        case StepKind::Poll:
            AnswerPoll(kiosk, step.poll, number);
            break;
        case StepKind::Sheet:
            AnswerSheet(kiosk, step.sheet, number);
            break;
        case StepKind::Domains:
            AnswerDomains(kiosk, step.domains, number);
            break;
        case StepKind::Reflection:
        case StepKind::Info:
            kiosk.Next();
            break;
        }
    }
    if (done) kiosk.Done();
}

} // namespace tapsheet::vm
