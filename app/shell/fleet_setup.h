// A kiosk joins its fleet (issue 12) when its config has a [fleet] table:
// the outbox starts beside the writer, on its own threads.
#pragma once

#include "app/fleet/outbox.h"
#include "app/shell/options.h"

#include <memory>

namespace tapsheet {

// nullptr without [fleet], or when the fleet cannot work (said on stderr
// with the reason: the kiosk then takes answers alone, as without [fleet]).
// Call once the results file exists (after the kiosk's session is made).
std::unique_ptr<Outbox> StartOutbox(const CommonOptions& options, const char* command);

} // namespace tapsheet
