#include "app/core/answer.h"

namespace tapsheet {

AnswerRow ChosenRow(std::string_view option_id) {
    return {std::string(option_id), std::string(kChosen)};
}

AnswerRow ProjectRow(std::string_view name) {
    return {std::string(kProjectItem), std::string(name)};
}

AnswerRow OwnRow(std::string_view benefit) {
    return {std::string(kOwnItem), std::string(benefit)};
}

std::string_view MarkValue(DomainMark mark) {
    switch (mark) {
    case DomainMark::Focus:
        return kFocusValue;
    case DomainMark::Least:
        return kLeastValue;
    case DomainMark::None:
        break;
    }
    return {};
}

AnswerRow MarkRow(std::string_view domain_id, DomainMark mark) {
    return {std::string(domain_id), std::string(MarkValue(mark))};
}

bool IsFreeTextItem(std::string_view item_id) {
    return item_id == kProjectItem || item_id == kOwnItem;
}

std::string_view CountedValue(std::string_view item_id, std::string_view value) {
    if (IsFreeTextItem(item_id) || value == kFocusValue || value == kLeastValue) return value;
    return kChosen;
}

} // namespace tapsheet
