#include "app/session/demo_figures.h"

#include "app/session/kiosk_session.h"
#include "app/store/store.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <thread>
#include <vector>

namespace tapsheet {

namespace {

// xorshift32: the same figures on every machine and every run.
struct Dice {
    std::uint32_t state;
    std::uint32_t Next() {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return state;
    }
    bool Chance(double p) { return (Next() % 1000) < p * 1000; }
    // Index below n, earlier ones likelier (a room is never uniform).
    std::size_t Skewed(std::size_t n, std::size_t favourite) {
        const std::size_t pick = Next() % (n * (n + 1) / 2);
        std::size_t index = 0, bound = n;
        for (std::size_t left = pick; left >= bound; left -= bound--)
            index++;
        return (index + favourite) % n;
    }
};

const char* const kOwnBenefits[] = {"Fewer falls on the ward", "Shorter waits for clinic letters",
                                    "More time for teaching", "Better handovers between shifts",
                                    "Less agency spend"};
const char* const kProjects[] = {"Discharge before noon", "Sepsis screening in ED", "Community frailty hub"};

// Visits 30 to 33 give the same answers in a burst: the writer's
// anti-stuffing check flags them, as it would at a real kiosk.
constexpr int kBurstFirst = 30;
constexpr int kBurstVisits = 4;

// An attendee at the kiosk: every answer goes in as the intent a screen
// returns for a tap, through the real KioskSession, Flow and VisitWriter,
// so the demo's file holds exactly what a kiosk writes.
class DemoAttendee {
  public:
    DemoAttendee(const Pack& pack, std::unique_ptr<VisitWriter> writer)
        : pack_(pack), session_(pack, std::move(writer)) {}

    bool Visit(Dice& dice, int visit);
    bool Moderate();
    bool Drain();
    std::string Problem() const;

  private:
    bool Do(const Intent& intent);
    bool Settle();
    void Type(TextField field, const std::string& text);
    void Poll(const Step& step, Dice& dice, std::size_t salt);
    void Sheet(const Step& step, Dice& dice, int visit);
    void Domains(const Step& step, Dice& dice);
    void WalkAway();

    const Pack& pack_;
    KioskSession session_;
    double now_ = 1000;
    bool failed_ = false;
};

// Applies one intent, then waits for the store as the kiosk's loop does
// and lets the tap guard pass, as a person's next tap would.
bool DemoAttendee::Do(const Intent& intent) {
    session_.Apply({intent}, now_);
    return Settle();
}

bool DemoAttendee::Settle() {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    session_.Pump(now_);
    while (session_.GetFlow().Saving() && std::chrono::steady_clock::now() < give_up) {
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        session_.Pump(now_);
    }
    now_ += 0.5;
    failed_ |= session_.GetFlow().Saving() || session_.GetFlow().Failed() || session_.OutOfService();
    return !failed_;
}

// One key of the on-screen keyboard per letter, whole UTF-8 characters.
void DemoAttendee::Type(TextField field, const std::string& text) {
    Do(Intent::Open(field));
    for (std::size_t at = 0; at < text.size();) {
        std::size_t length = 1;
        while (at + length < text.size() && (static_cast<unsigned char>(text[at + length]) & 0xC0) == 0x80)
            length++;
        session_.Apply({Intent::Of(Intent::Kind::TypeText, text.substr(at, length))}, now_);
        at += length;
    }
    Do(Intent::Close(true));
}

void DemoAttendee::Poll(const Step& step, Dice& dice, std::size_t salt) {
    const std::size_t n = step.poll.options.size();
    const std::string& first = step.poll.options[dice.Skewed(n, salt % n)].id;
    if (!step.poll.multi) {
        Do(Intent::Of(Intent::Kind::Choose, first)); // a single choice moves on by itself
        return;
    }
    Do(Intent::Of(Intent::Kind::Toggle, first));
    for (const Option& option : step.poll.options)
        if (option.id != first && dice.Chance(0.3)) Do(Intent::Of(Intent::Kind::Toggle, option.id));
    Do(Intent::Of(Intent::Kind::Next));
}

void DemoAttendee::Sheet(const Step& step, Dice& dice, int visit) {
    std::size_t position = 0;
    for (const SheetGroup& group : step.sheet.groups)
        for (const Option& item : group.items)
            if (dice.Chance(0.12 + 0.06 * double((position++ * 7) % 11)))
                Do(Intent::Of(Intent::Kind::Toggle, item.id));
    if (step.sheet.allow_own && visit % 6 == 1) Type(TextField::Own, kOwnBenefits[(visit / 6) % 5]);
    if (!step.sheet.project_prompt.Empty() && visit % 9 == 2)
        Type(TextField::Project, kProjects[(visit / 9) % 3]);
    const bool anything = session_.GetFlow().CanProceed();
    Do(Intent::Of(anything ? Intent::Kind::Next : Intent::Kind::Skip));
}

void DemoAttendee::Domains(const Step& step, Dice& dice) {
    for (const DomainSet& set : step.domains.sets) {
        const std::size_t n = set.domains.size();
        const std::size_t focus = dice.Skewed(n, 0);
        Do(Intent::MarkDomain(set.domains[focus].id, DomainMark::Focus));
        if (n > 1)
            Do(Intent::MarkDomain(set.domains[(focus + 1 + dice.Next() % (n - 1)) % n].id,
                                  DomainMark::Least));
    }
    Do(Intent::Of(Intent::Kind::Next));
}

// Nobody touches the screen: "Still there?" comes, counts down, and the
// visit ends as abandoned, by the flow's own clock.
void DemoAttendee::WalkAway() {
    now_ += pack_.kiosk.idle_seconds + 1;
    session_.GetFlow().Tick(now_);
    now_ += pack_.kiosk.still_there_seconds + 1;
    session_.GetFlow().Tick(now_);
    Settle();
}

bool DemoAttendee::Visit(Dice& dice, int visit) {
    const std::vector<Language>& languages = pack_.languages;
    std::string lang = languages.empty() ? "en" : languages.front().code;
    if (languages.size() > 1 && visit % 5 == 4) lang = languages[1].code; // another language now and then
    now_ += pack_.kiosk.cooldown_seconds + 0.5;
    if (!Do(Intent::Of(Intent::Kind::Start, lang))) return false;
    const bool walks_away = visit % 8 == 5;
    std::size_t salt = 0;
    for (const Step& step : pack_.steps) {
        salt++;
        if (walks_away && step.kind == StepKind::Domains) {
            WalkAway(); // left before the end
            return !failed_;
        }
        if (step.kind == StepKind::Poll) Poll(step, dice, salt);
        if (step.kind == StepKind::Sheet) Sheet(step, dice, visit);
        const bool skips = visit % 11 == 3 && step.skippable;
        if (step.kind == StepKind::Domains && skips) Do(Intent::Of(Intent::Kind::Skip));
        if (step.kind == StepKind::Domains && !skips) Domains(step, dice);
        if (step.kind == StepKind::Reflection || step.kind == StepKind::Info)
            Do(Intent::Of(Intent::Kind::Next));
        if (failed_) return false;
    }
    Do(Intent::Of(Intent::Kind::Done)); // leaves the thank-you screen
    return !failed_;
}

// The facilitator has been through part of the list: some approved, one
// rejected, the rest still waiting (what the board's moderation page sends).
bool DemoAttendee::Moderate() {
    VisitWriter* writer = session_.Writer();
    for (const Step& step : pack_.steps) {
        if (step.kind != StepKind::Sheet) continue;
        const std::string own(kOwnItem), project(kProjectItem);
        writer->Moderate(step.id, own, kOwnBenefits[1], true);
        writer->Moderate(step.id, own, kOwnBenefits[3], true);
        writer->Moderate(step.id, own, kOwnBenefits[4], false);
        writer->Moderate(step.id, project, kProjects[0], true);
    }
    return Drain();
}

// The writer commits on its own thread: wait for every ticket.
bool DemoAttendee::Drain() {
    VisitWriter* writer = session_.Writer();
    while (!writer->Ready() || writer->Pending() > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        session_.Pump(now_);
    }
    session_.Pump(now_);
    return !failed_ && writer->Health().ok;
}

std::string DemoAttendee::Problem() const {
    KioskView view = session_.View();
    return view.service_problem;
}

} // namespace

bool WriteDemoFigures(const Pack& pack, const std::string& db_path, const DemoFigures& figures,
                      std::string* error) {
    WriterOptions options;
    options.db_path = db_path;
    options.kiosk_id = figures.kiosk_id;
    DemoAttendee attendee(pack, std::make_unique<VisitWriter>(options, pack));
    bool ok = attendee.Drain(); // opened, or the reason why not
    Dice dice{figures.seed | 1u};
    Dice burst{0};
    for (int visit = 0; ok && visit < figures.visits; visit++) {
        const bool in_burst = visit >= kBurstFirst && visit < kBurstFirst + kBurstVisits;
        if (visit == kBurstFirst) burst = dice;
        if (!in_burst) {
            ok = attendee.Visit(dice, visit);
            continue;
        }
        Dice same = burst; // each visit of the burst throws the same dice
        ok = attendee.Visit(same, kBurstFirst);
        dice = same; // and the visit after it does not
    }
    ok = ok && attendee.Moderate();
    if (ok) return true;
    const std::string problem = attendee.Problem();
    if (error) *error = "could not write the demo figures: " + (problem.empty() ? db_path : problem);
    return false;
}

} // namespace tapsheet
