#include "app/store/tally_model.h"

#include <algorithm>

namespace tapsheet {
namespace {

// Adds `sign` to a count kept in a map, erasing it at zero so the maps only
// ever hold live stamps (and Emit's walks stay short).
void AddTo(std::map<std::string, int>& counts, const std::string& key, int sign) {
    auto [at, inserted] = counts.try_emplace(key, 0);
    at->second += sign;
    if (at->second == 0) counts.erase(at);
}

void AddAt(std::vector<int>& counts, int index, int sign) {
    if (static_cast<std::size_t>(index) >= counts.size())
        counts.resize(static_cast<std::size_t>(index) + 1, 0);
    counts[static_cast<std::size_t>(index)] += sign;
}

int CountFrom(const std::map<std::string, int>& counts, const std::string& from) {
    int total = 0;
    for (auto at = counts.lower_bound(from); at != counts.end(); ++at)
        total += at->second;
    return total;
}

} // namespace

int TallyModel::StepIndex(std::string_view step_id) {
    auto found = step_index_.find(step_id);
    if (found != step_index_.end()) return found->second;
    steps_.emplace_back(step_id);
    return step_index_.emplace(std::string(step_id), static_cast<int>(steps_.size()) - 1).first->second;
}

int TallyModel::SlotIndex(std::string_view step_id, std::string_view item_id, std::string_view value) {
    // Ids never hold \x1f, so the joined key is unambiguous.
    key_.assign(step_id).append(1, '\x1f').append(item_id).append(1, '\x1f').append(value);
    auto found = slot_index_.find(std::string_view(key_));
    if (found != slot_index_.end()) return found->second;
    slots_.push_back({StepIndex(step_id), std::string(item_id), std::string(value)});
    return slot_index_.emplace(key_, static_cast<int>(slots_.size()) - 1).first->second;
}

void TallyModel::AddRow(VisitFacts* facts, std::string_view step, std::string_view item,
                        std::string_view value, std::string_view at) {
    const int step_index = StepIndex(step);
    facts->steps.emplace_back(step_index, std::string(at));
    if (IsFreeTextItem(item))
        facts->free.push_back({step_index, std::string(item), std::string(value), std::string(at)});
    else
        facts->slots.push_back(SlotIndex(step, item, CountedValue(item, value)));
}

void TallyModel::FinishFacts(VisitFacts* facts) {
    std::sort(facts->slots.begin(), facts->slots.end());
    facts->slots.erase(std::unique(facts->slots.begin(), facts->slots.end()), facts->slots.end());
    // Latest stamp first within a step, then keep one entry per step.
    std::sort(facts->steps.begin(), facts->steps.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second > b.second;
    });
    facts->steps.erase(std::unique(facts->steps.begin(), facts->steps.end(),
                                   [](const auto& a, const auto& b) { return a.first == b.first; }),
                       facts->steps.end());
    auto free_key = [](const FreeFact& fact) { return std::tie(fact.step, fact.item_id, fact.text); };
    std::sort(facts->free.begin(), facts->free.end(),
              [&](const FreeFact& a, const FreeFact& b) { return free_key(a) < free_key(b); });
    facts->free.erase(
        std::unique(facts->free.begin(), facts->free.end(),
                    [&](const FreeFact& a, const FreeFact& b) { return free_key(a) == free_key(b); }),
        facts->free.end());
}

void TallyModel::Aggregate::Apply(const VisitFacts& facts, int sign) {
    if (facts.filtered) {
        filtered += sign;
        return;
    }
    visits += sign;
    completed += facts.complete ? sign : 0;
    AddTo(started, facts.started_at, sign);
    for (int slot : facts.slots)
        AddAt(slot_counts, slot, sign);
    for (const auto& [step, at] : facts.steps) {
        AddAt(respondents, step, sign);
        AddTo(saved, at, sign);
    }
    for (const FreeFact& fact : facts.free) {
        auto [at, inserted] = free.try_emplace({fact.step, fact.item_id, fact.text});
        FreeCount& count = at->second;
        count.count += sign;
        // first_at only moves earlier; a removed first writer leaves it as
        // it was, which only matters for the moderation list's order.
        if (sign > 0 && (count.first_at.empty() || fact.at < count.first_at)) count.first_at = fact.at;
        if (count.count == 0) free.erase(at);
    }
}

bool TallyModel::InCross(const VisitFacts& facts) const {
    if (cross_slot_ < 0 || facts.filtered || !InMain(facts)) return false;
    return std::binary_search(facts.slots.begin(), facts.slots.end(), cross_slot_);
}

void TallyModel::Put(const std::string& id, VisitFacts facts) {
    auto [at, inserted] = visits_.try_emplace(id);
    VisitFacts& known = at->second;
    if (!inserted) {
        if (InMain(known)) main_.Apply(known, -1);
        if (InCross(known)) cross_.Apply(known, -1);
        if (known.left_out)
            left_out_--;
        else if (--rounds_[known.round] == 0)
            rounds_.erase(known.round);
    }
    known = std::move(facts);
    if (InMain(known)) main_.Apply(known, +1);
    if (InCross(known)) cross_.Apply(known, +1);
    if (known.left_out)
        left_out_++;
    else
        ++rounds_[known.round];
}

void TallyModel::Clear() {
    visits_.clear();
    rounds_.clear();
    left_out_ = 0;
    main_.Reset();
    cross_.Reset();
}

void TallyModel::SetQuery(int round, int cross_slot) {
    if (round == round_ && cross_slot == cross_slot_) return;
    round_ = round;
    cross_slot_ = cross_slot;
    Rebuild();
}

void TallyModel::Rebuild() {
    main_.Reset();
    cross_.Reset();
    for (const auto& [id, facts] : visits_) {
        if (InMain(facts)) main_.Apply(facts, +1);
        if (InCross(facts)) cross_.Apply(facts, +1);
    }
}

void TallyModel::EmitSteps(const Aggregate& aggregate, std::vector<StepTally>* out) const {
    std::vector<StepTally> by_step(steps_.size());
    for (std::size_t step = 0; step < steps_.size(); ++step) {
        by_step[step].step_id = steps_[step];
        if (step < aggregate.respondents.size()) by_step[step].respondents = aggregate.respondents[step];
    }
    for (std::size_t slot = 0; slot < aggregate.slot_counts.size(); ++slot) {
        const int count = aggregate.slot_counts[slot];
        if (count > 0)
            by_step[slots_[slot].step].items.push_back({slots_[slot].item_id, slots_[slot].value, count});
    }
    out->clear();
    for (StepTally& step : by_step) {
        if (step.respondents <= 0) continue;
        std::sort(step.items.begin(), step.items.end(), [](const TallyCount& a, const TallyCount& b) {
            return std::tie(a.item_id, a.value) < std::tie(b.item_id, b.value);
        });
        out->push_back(std::move(step));
    }
    std::sort(out->begin(), out->end(),
              [](const StepTally& a, const StepTally& b) { return a.step_id < b.step_id; });
}

void TallyModel::Emit(const std::string& midnight, const std::string& recent, Tallies* out) const {
    out->round = round_;
    out->visits_today = CountFrom(main_.started, midnight);
    out->completed = main_.completed;
    out->filtered = main_.filtered;
    out->left_out = left_out_;
    out->answers_last_10_min = CountFrom(main_.saved, recent);
    EmitSteps(main_, &out->steps);
    out->rounds.clear();
    for (const auto& [round, visits] : rounds_)
        out->rounds.push_back(round);
    out->free_text.clear();
    for (const auto& [key, count] : main_.free) {
        const auto& [step, item_id, text] = key;
        out->free_text.push_back({steps_[static_cast<std::size_t>(step)], item_id, text, count.count,
                                  count.first_at, Moderation::Pending});
    }
    out->cross.visits = cross_.visits;
    EmitSteps(cross_, &out->cross.steps);
    if (cross_slot_ < 0) out->cross = CrossTally();
}

} // namespace tapsheet
