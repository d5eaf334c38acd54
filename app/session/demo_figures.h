// A deterministic set of visits for the demo, screenshots and tests, made
// by the real path: each answer is the intent a kiosk screen returns for a
// tap, applied to a real KioskSession (the Flow and the VisitWriter a kiosk
// runs), so the file holds exactly what a kiosk writes. Skewed poll answers,
// a sheet with favourites, free text typed key by key, domain marks, skipped
// steps, walk-aways (by the flow's own idle clock), a burst of identical
// visits the writer's anti-stuffing check flags, and the facilitator's
// moderation: approved, rejected and pending text.
#pragma once

#include "app/core/content.h"

#include <string>

namespace tapsheet {

struct DemoFigures {
    int visits = 57;
    unsigned seed = 11;
    std::string kiosk_id = "demo-figures"; // the writer's kiosk id (a fleet's kiosk)
};

// Fills (creating) the database at db_path; returns once every write has
// committed. False with *error naming the file when the store refused.
bool WriteDemoFigures(const Pack& pack, const std::string& db_path, const DemoFigures& figures,
                      std::string* error);

} // namespace tapsheet
