#include "app/core/moderation_order.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>

namespace tapsheet {

namespace {

using TextKey = std::tuple<std::string, std::string, std::string>; // step, item, text

TextKey KeyOf(const FreeText& text) {
    return {text.step_id, text.item_id, text.text};
}

} // namespace

void SortForModeration(std::vector<FreeText>* texts) {
    std::stable_sort(texts->begin(), texts->end(), [](const FreeText& a, const FreeText& b) {
        const bool a_pending = a.status == Moderation::Pending;
        const bool b_pending = b.status == Moderation::Pending;
        if (a_pending != b_pending) return a_pending;
        return a.first_at < b.first_at;
    });
}

void KeepListedOrder(const std::vector<FreeText>& listed, std::vector<FreeText>* fresh) {
    std::map<TextKey, std::size_t> row;
    for (std::size_t i = 0; i < listed.size(); ++i)
        row.emplace(KeyOf(listed[i]), i);
    auto place = [&](const FreeText& text) {
        auto found = row.find(KeyOf(text));
        return found != row.end() ? found->second : listed.size(); // new ones after
    };
    std::stable_sort(fresh->begin(), fresh->end(),
                     [&](const FreeText& a, const FreeText& b) { return place(a) < place(b); });
}

} // namespace tapsheet
