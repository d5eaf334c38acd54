#include "app/core/figures.h"

#include <algorithm>
#include <functional>

namespace tapsheet {

namespace {

const StepTally* FindStep(const std::vector<StepTally>& steps, std::string_view step_id) {
    for (const StepTally& step : steps)
        if (step.step_id == step_id) return &step;
    return nullptr;
}

} // namespace

int StepTally::Count(std::string_view item_id, std::string_view value) const {
    for (const TallyCount& item : items)
        if (item.item_id == item_id && item.value == value) return item.count;
    return 0;
}

const StepTally* CrossTally::Step(std::string_view step_id) const {
    return FindStep(steps, step_id);
}

const StepTally* Tallies::Step(std::string_view step_id) const {
    return FindStep(steps, step_id);
}

const StepTally* ReportFacts::Step(std::string_view step_id) const {
    for (const StepTally& step : steps)
        if (step.step_id == step_id) return &step;
    return nullptr;
}

const CrossTally* ReportFacts::Cross(std::string_view poll_step_id, std::string_view item_id) const {
    for (const CrossTally& cross : crosses)
        if (cross.step_id == poll_step_id && cross.item_id == item_id) return &cross;
    return nullptr;
}

bool IsPublic(const FreeText& text) {
    return text.status == Moderation::Approved;
}

std::vector<const FreeText*> PublicTexts(const std::vector<FreeText>& texts, std::string_view step_id,
                                         std::string_view item_id) {
    std::vector<const FreeText*> out;
    for (const FreeText& text : texts)
        if (text.step_id == step_id && text.item_id == item_id && IsPublic(text)) out.push_back(&text);
    return out;
}

int StandOutThreshold(std::vector<int> counts) {
    std::erase_if(counts, [](int count) { return count <= 0; });
    if (counts.empty()) return 0;
    std::sort(counts.begin(), counts.end(), std::greater<int>());
    return counts[std::min<std::size_t>(kStandOutCount - 1, counts.size() - 1)];
}

std::string LeftOutNote(int left_out) {
    if (left_out <= 0) return {};
    return std::to_string(left_out) + (left_out == 1 ? " visit" : " visits") +
           " left out: not as a kiosk writes them (the file was edited or damaged). Everything else is "
           "counted.";
}

} // namespace tapsheet
