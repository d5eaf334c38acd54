// What a visit row a kiosk writes looks like, as SQL conditions on the
// columns of `visits` (unqualified). One list for every reader: `merge`
// refuses a source with a visit that breaks one (naming the rule), and the
// board, the report and the export leave such a visit out and count it, so
// one bad visit (an edited file, bad luck) never refuses a whole file.
#pragma once

#include "app/store/sqlite_util.h"

#include <string>

namespace tapsheet {

struct VisitRule {
    const char* good; // holds for every visit a kiosk writes
    const char* what; // what is wrong when it does not
};

#define TAPSHEET_SQL_TIME(x)                                                                                 \
    "(typeof(" x ") = 'text' AND length(" x ") BETWEEN 19 AND 40 AND " x                                     \
    " GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]*')"
#define TAPSHEET_SQL_ID(x) "(typeof(" x ") = 'text' AND length(" x ") BETWEEN 1 AND 64)"

inline constexpr VisitRule kVisitRules[] = {
    {TAPSHEET_SQL_ID("id"), "its id is not text of 1 to 64 characters"},
    {TAPSHEET_SQL_ID("kiosk_id"), "its kiosk id is not text of 1 to 64 characters"},
    {"(typeof(lang) = 'text' AND length(lang) BETWEEN 1 AND 35)", "its language is not a language code"},
    {"(typeof(round) = 'integer' AND round BETWEEN 1 AND 100000)",
     "its round is not a whole number from 1 to 100000"},
    {TAPSHEET_SQL_TIME("started_at"), "its start is not a time"},
    {"(ended_at IS NULL OR " TAPSHEET_SQL_TIME("ended_at") ")", "its end is not a time"},
    {"(typeof(status) = 'text' AND status IN ('open', 'complete', 'abandoned'))",
     "its status is not open, complete or abandoned"},
    {"(typeof(filtered) = 'integer' AND filtered IN (0, 1))", "its filtered mark is not 0 or 1"},
    {"(typeof(pack_hash) = 'text')", "its content pack is not named"},
};

// Every rule, and the visit's pack stored in `packs`: the condition the
// board, the report and the export count a visit under.
inline std::string WellFormedVisit() {
    std::string all = "(pack_hash IN (SELECT hash FROM packs)";
    for (const VisitRule& rule : kVisitRules)
        all += std::string(" AND ") + rule.good;
    return all + ")";
}

// Visits of the whole file the readers leave out.
inline int CountLeftOut(sqlite3* db, int* left_out) {
    const std::string text = "SELECT count(*) FROM visits WHERE NOT " + WellFormedVisit();
    std::int64_t count = 0;
    const int rc = sql::QueryInt(db, text.c_str(), &count);
    *left_out = static_cast<int>(count);
    return rc;
}

} // namespace tapsheet
