// Texts people see that a pack leaves untranslated into one of the languages
// it declares. Not an error (the pack loads, and those visits show the
// default language there), but an organiser checking a pack wants to know:
// `tapsheet validate` prints these as warnings.
#pragma once

#include "app/core/content.h"
#include "app/core/loader.h"

#include <vector>

namespace tapsheet {

// One warning per text, naming the file, line and column of the text and the
// languages it lacks; for the kiosk's, board's and report's own words
// ([ui], [board], [report]) tapsheet's built-in Welsh and Irish count as
// translations. Reads the pack's own source (`source_text`).
std::vector<LoadError> MissingTranslations(const Pack& pack);

} // namespace tapsheet
