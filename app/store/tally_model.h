// The board's tallies kept in memory, updated one visit at a time.
//
// TallyReader reads only the visits whose change sequence moved and hands
// each one's facts to Put(), which takes the visit's old contribution out of
// the running counts and adds the new one: a refresh costs O(changed rows),
// not O(answers). The rules of tally_reader.h are applied here.
#pragma once

#include "app/store/tally_reader.h"

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tapsheet {

// Lets unordered_map<std::string, ...> be searched by string_view.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
template <class Value> using TextMap = std::unordered_map<std::string, Value, TextHash, std::equal_to<>>;

struct FreeFact {
    int step = 0; // TallyModel step index
    std::string item_id, text, at;
};

// What one visit contributes, reduced to what the tallies need.
struct VisitFacts {
    int round = 1;
    bool filtered = false;
    bool complete = false;
    bool left_out = false; // not as a kiosk writes it (visit_rules.h): counted apart, nothing else
    std::string started_at;
    std::vector<int> slots;                         // distinct choice slots, sorted
    std::vector<std::pair<int, std::string>> steps; // (step, latest answered_at), one per step answered
    std::vector<FreeFact> free;                     // distinct (step, item, text)
};

class TallyModel {
  public:
    int StepIndex(std::string_view step_id);
    int SlotIndex(std::string_view step_id, std::string_view item_id, std::string_view value);

    // Collects one visit's answer rows (any order, repeats allowed) into facts.
    void AddRow(VisitFacts* facts, std::string_view step, std::string_view item, std::string_view value,
                std::string_view at);
    static void FinishFacts(VisitFacts* facts); // sorts and de-duplicates

    // Replaces what the model knew of visit `id`.
    void Put(const std::string& id, VisitFacts facts);
    void Clear();
    // Which visits count: round 0 every round; cross_slot -1 no cross-tab.
    // Rebuilds the running counts when either changed.
    void SetQuery(int round, int cross_slot);

    // Writes every figure except data_version, current_round, hidden_steps
    // and the moderation status of free text (the reader's, from SQL).
    void Emit(const std::string& midnight, const std::string& recent, Tallies* out) const;

  private:
    struct FreeCount {
        int count = 0;
        std::string first_at;
    };
    // Running counts over the visits one predicate accepts.
    struct Aggregate {
        int visits = 0, completed = 0, filtered = 0;
        std::vector<int> slot_counts, respondents;
        std::map<std::string, int> started, saved; // stamp -> visits begun / (visit, step) saves
        std::map<std::tuple<int, std::string, std::string>, FreeCount> free;
        void Apply(const VisitFacts& facts, int sign);
        void Reset() { *this = Aggregate(); }
    };
    struct Slot {
        int step = 0;
        std::string item_id, value;
    };

    bool InMain(const VisitFacts& facts) const {
        return !facts.left_out && (round_ == 0 || facts.round == round_);
    }
    bool InCross(const VisitFacts& facts) const;
    void Rebuild();
    void EmitSteps(const Aggregate& aggregate, std::vector<StepTally>* out) const;

    TextMap<VisitFacts> visits_;
    TextMap<int> step_index_, slot_index_;
    std::vector<std::string> steps_;
    std::vector<Slot> slots_;
    std::map<int, int> rounds_; // round -> visits, any status
    int left_out_ = 0;          // visits with left_out set
    Aggregate main_, cross_;
    int round_ = 0;
    int cross_slot_ = -1;
    std::string key_; // reused for slot lookups
};

} // namespace tapsheet
