// The words tapsheet itself shows: buttons and notices of the kiosk, counts
// and totals of the board, headings of the report. They are the defaults of a
// pack's [ui], [board] and [report] tables. tapsheet ships them in English,
// Welsh and Irish, so a Welsh or Irish visit is wholly in its language even
// when the pack translates none of them; a pack may still reword any of them.
#pragma once

#include <string_view>
#include <vector>

namespace tapsheet {

// The languages tapsheet has its own words in: "en", "cy", "ga".
bool HasProgramWords(std::string_view lang);

// The word `key` of `table` ("ui", "board" or "report") in `lang`; empty
// when tapsheet has no such word or not in that language. English comes
// from the loader's tables (loader_ui.cpp), Welsh and Irish from
// program_words.cpp.
std::string_view ProgramWord(std::string_view table, std::string_view key, std::string_view lang);

// Every key of `table`, in the order of the loader's table.
std::vector<std::string_view> ProgramWordKeys(std::string_view table);

} // namespace tapsheet
