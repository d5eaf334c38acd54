#include "app/cli/demo_figures.h"

#include "app/store/store.h"

#include <chrono>
#include <cstdint>
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

std::vector<AnswerRow> PollRows(const Step& step, Dice& dice, std::size_t salt) {
    const std::size_t n = step.poll.options.size();
    std::vector<AnswerRow> rows = {{step.poll.options[dice.Skewed(n, salt % n)].id, ""}};
    if (!step.poll.multi) return rows;
    for (const Option& option : step.poll.options)
        if (option.id != rows.front().item_id && dice.Chance(0.3)) rows.push_back({option.id, ""});
    return rows;
}

std::vector<AnswerRow> SheetRows(const Step& step, Dice& dice, int visit) {
    std::vector<AnswerRow> rows;
    std::size_t position = 0;
    for (const SheetGroup& group : step.sheet.groups)
        for (const Option& item : group.items)
            if (dice.Chance(0.12 + 0.06 * double((position++ * 7) % 11))) rows.push_back({item.id, ""});
    if (step.sheet.allow_own && visit % 6 == 1) rows.push_back({"own", kOwnBenefits[(visit / 6) % 5]});
    if (!step.sheet.project_prompt.Empty() && visit % 9 == 2)
        rows.push_back({"project", kProjects[(visit / 9) % 3]});
    return rows;
}

std::vector<AnswerRow> DomainRows(const Step& step, Dice& dice) {
    std::vector<AnswerRow> rows;
    for (const DomainSet& set : step.domains.sets) {
        const std::size_t n = set.domains.size();
        const std::size_t focus = dice.Skewed(n, 0);
        rows.push_back({set.domains[focus].id, "focus"});
        if (n > 1) rows.push_back({set.domains[(focus + 1 + dice.Next() % (n - 1)) % n].id, "least"});
    }
    return rows;
}

StepAnswer AnswerFor(const Step& step, const std::string& visit_id, Dice& dice, int visit, std::size_t salt) {
    StepAnswer answer{visit_id, step.id, false, {}};
    if (step.kind == StepKind::Poll) answer.rows = PollRows(step, dice, salt);
    if (step.kind == StepKind::Sheet) answer.rows = SheetRows(step, dice, visit);
    if (step.kind == StepKind::Domains) answer.rows = DomainRows(step, dice);
    return answer;
}

void WriteVisit(VisitWriter& writer, const Pack& pack, Dice& dice, int visit) {
    const std::string id = "demo-" + std::to_string(visit);
    writer.BeginVisit(id, pack.languages.empty() ? "en" : pack.languages.front().code);
    const bool walks_away = visit % 8 == 5;
    std::size_t salt = 0;
    for (const Step& step : pack.steps) {
        salt++;
        if (step.kind != StepKind::Poll && step.kind != StepKind::Sheet && step.kind != StepKind::Domains)
            continue;
        if (walks_away && step.kind == StepKind::Domains) break; // left before the end
        if (visit % 11 == 3 && step.kind == StepKind::Domains) {
            writer.SaveAnswer({id, step.id, true, {}}); // skipped
            continue;
        }
        writer.SaveAnswer(AnswerFor(step, id, dice, visit, salt));
    }
    writer.EndVisit(id, walks_away ? VisitEnd::Abandoned : VisitEnd::Complete);
    // Now and then a visit the anti-stuffing check flagged.
    if (visit % 23 == 7) writer.SetFiltered(id, true);
}

// The facilitator has been through part of the list: some approved, one
// rejected, the rest still waiting.
void Moderate(VisitWriter& writer, const Pack& pack) {
    for (const Step& step : pack.steps) {
        if (step.kind != StepKind::Sheet) continue;
        writer.Moderate(step.id, "own", kOwnBenefits[1], true);
        writer.Moderate(step.id, "own", kOwnBenefits[3], true);
        writer.Moderate(step.id, "own", kOwnBenefits[4], false);
        writer.Moderate(step.id, "project", kProjects[0], true);
    }
}

} // namespace

bool WriteDemoFigures(const Pack& pack, const std::string& db_path, const DemoFigures& figures,
                      std::string* error) {
    WriterOptions options;
    options.db_path = db_path;
    options.kiosk_id = "demo-figures";
    VisitWriter writer(options, pack);
    Dice dice{figures.seed | 1u};
    for (int visit = 0; visit < figures.visits; visit++)
        WriteVisit(writer, pack, dice, visit);
    Moderate(writer, pack);
    bool all_committed = true;
    // The writer commits on its own thread; wait for every ticket.
    while (!writer.Ready() || writer.Pending() > 0) {
        for (const Ack& ack : writer.TakeAcks())
            all_committed &= ack.committed;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    for (const Ack& ack : writer.TakeAcks())
        all_committed &= ack.committed;
    if (all_committed) return true;
    const StoreHealth health = writer.Health();
    if (error) *error = "could not write the demo figures: " + (health.ok ? db_path : health.problem);
    return false;
}

} // namespace tapsheet
