#include "sheet_packs.h"

#include <gtest/gtest.h>

namespace tapsheet {

namespace {

constexpr const char* kWords[] = {"better",    "care",     "for",     "people",   "in",       "the",
                                  "community", "shorter",  "waits",   "stronger", "teams",    "improved",
                                  "safety",    "quality",  "fewer",   "delays",   "more",     "time",
                                  "with",      "patients", "clearer", "data",     "shared",   "learning",
                                  "across",    "services", "and",     "staff",    "wellbeing"};
constexpr int kWordCount = static_cast<int>(sizeof(kWords) / sizeof(kWords[0]));

std::string Items(int first, int count, int chars) {
    std::string items;
    for (int i = first; i < first + count; ++i)
        items += "    { id = \"b" + std::to_string(i) + "\", label = \"" + BenefitLabel(i, chars) + "\" },\n";
    return items;
}

} // namespace

std::string BenefitLabel(int index, int chars) {
    std::string label = "Benefit " + std::to_string(index + 1);
    for (int w = index * 5; static_cast<int>(label.size()) < chars; ++w)
        label += " " + std::string(kWords[w % kWordCount]);
    label.resize(static_cast<std::size_t>(chars)); // exactly `chars`: the last word may be cut
    return label;
}

std::string SheetPackText(const std::vector<SheetGroupSpec>& groups, int chars) {
    std::string text = R"(id = "big-sheet"
title = "A big reflection sheet"

[[steps]]
id = "level"
kind = "poll"
prompt = "Are you looking to achieve change at a…"
options = [{ id = "system", label = "System level" }, { id = "team", label = "Individual and team level" }]

[[steps]]
id = "benefits"
kind = "sheet"
title = "Reflection sheet"
prompt = "Mark all that could apply."
project_prompt = "Your improvement project or goal:"
allow_own = true
)";
    int first = 0;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        text += "\n[[steps.groups]]\nid = \"group-" + std::to_string(g) +
                "\"\ntitle = \"Priorities for group " + std::to_string(g + 1) +
                " of the sheet\"\nplace = \"" + groups[g].place + "\"\nitems = [\n" +
                Items(first, groups[g].items, chars) + "]\n";
        first += groups[g].items;
    }
    return text;
}

Pack SheetPack(const std::vector<SheetGroupSpec>& groups, int chars) {
    LoadResult loaded = LoadPackText(SheetPackText(groups, chars), "big-sheet.toml");
    for (const LoadError& error : loaded.errors)
        ADD_FAILURE() << error.ToString();
    return loaded.pack.value_or(Pack{});
}

std::vector<std::vector<SheetGroupSpec>> Spreads(int count) {
    const int third = count / 3;
    return {
        {{"left", 3}, {"right", 3}, {"bottom", count - 6}},  // the default pack's shape
        {{"bottom", count}},                                 // one group under the box
        {{"left", count / 2}, {"right", count - count / 2}}, // both sides
        {{"left", count}},                                   // one side
        {{"top", third}, {"left", 2}, {"right", 2}, {"bottom", count - third - 4}}, // all four places
        {{"top", count / 2}, {"bottom", count - count / 2}},                        // above and below
    };
}

} // namespace tapsheet
