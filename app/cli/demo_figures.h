// A deterministic set of visits, written through the real VisitWriter, so
// board screenshots and tests show realistic figures: skewed poll answers,
// a sheet with favourites, domain marks, skipped steps, abandoned and
// filtered visits, and free text approved, rejected and pending.
#pragma once

#include "app/core/content.h"

#include <string>

namespace tapsheet {

struct DemoFigures {
    int visits = 57;
    unsigned seed = 11;
};

// Fills (creating) the database at db_path; returns once every write has
// committed. False with *error naming the file when the store refused.
bool WriteDemoFigures(const Pack& pack, const std::string& db_path, const DemoFigures& figures,
                      std::string* error);

} // namespace tapsheet
