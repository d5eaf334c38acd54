// The order of the moderation list (the board's page and the kiosk staff
// panel's Texts tab). It opens with the texts waiting for a decision first;
// while it stays open, a decision or a refresh never moves a row, so the
// next tap lands on the text the facilitator is looking at.
#pragma once

#include "app/core/figures.h"

#include <vector>

namespace tapsheet {

// The list as it opens: pending first, then oldest first.
void SortForModeration(std::vector<FreeText>* texts);

// `fresh` in the order of `listed` (the rows on screen); texts not listed
// yet follow them, in their own order; listed texts now gone drop out.
void KeepListedOrder(const std::vector<FreeText>& listed, std::vector<FreeText>* fresh);

} // namespace tapsheet
