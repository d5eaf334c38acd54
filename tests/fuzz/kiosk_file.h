// Results files written the way a kiosk writes them: through the real
// VisitWriter, one acknowledged request at a time. The merge fuzz target
// makes its target file with it, and make_merge_corpus its seeds, so both
// hold exactly the bytes a kiosk leaves on its disk.
#pragma once

#include "app/core/content.h"

#include <string>

namespace tapsheet::fuzz {

// A tiny pack (the store keeps its text and treats its hash as opaque), so
// the files stay small enough for a fuzzer to mutate.
Pack TinyPack();

// The ids of visits every file written here shares: merging one such file
// into another meets visits it already holds, not only new ones.
inline constexpr const char* kSharedVisits[] = {"shared-visit-1", "shared-visit-2"};

// A short day at a kiosk: `visits` visits besides the shared ones, with
// polls, a sheet with a project and an own benefit, domains, a skipped
// step, an abandoned visit, one still open, a flagged one, a moderation
// decision of each kind, a hidden step and a second round. false with
// *error when the writer refused anything.
bool WriteKioskDay(const std::string& path, const std::string& kiosk_id, const Pack& pack, int visits,
                   std::string* error);

} // namespace tapsheet::fuzz
