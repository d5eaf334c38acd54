// Content packs with big reflection sheets, made for the board's layout
// tests: `count` benefits with labels of about `chars` characters, spread
// over groups placed as asked, loaded by the real loader.
#pragma once

#include "app/core/loader.h"

#include <string>
#include <vector>

namespace tapsheet {

struct SheetGroupSpec {
    const char* place; // left, right, top, bottom
    int items;
};

// A label of ordinary words, exactly `chars` characters long.
std::string BenefitLabel(int index, int chars);

// The pack's TOML: a poll (for the cross-tab) and one sheet, "benefits",
// with the groups given, the project box and own benefits allowed.
std::string SheetPackText(const std::vector<SheetGroupSpec>& groups, int chars);
Pack SheetPack(const std::vector<SheetGroupSpec>& groups, int chars);

// `count` benefits spread over the places the way a pack might:
// the default pack's shape (3 left, 3 right, the rest below) and others.
std::vector<std::vector<SheetGroupSpec>> Spreads(int count);

} // namespace tapsheet
