// A kiosk joins its fleet (issue 12) when its config has a [fleet] table:
// the outbox starts beside the writer, on its own threads.
#pragma once

#include "app/fleet/outbox.h"
#include "app/session/admin_session.h"
#include "app/shell/options.h"
#include "app/store/store.h"

#include <memory>

namespace tapsheet {

// nullptr without [fleet], or when the fleet cannot work (said on stderr
// with the reason: the kiosk then takes answers alone, as without [fleet]).
// `writer` is the kiosk's writer: on a new results file its thread makes
// the file, so the outbox waits (a few seconds at most) until it is Ready()
// rather than finding no file and leaving the kiosk out of its fleet.
// `admin`, when given, shows the outbox (or why the fleet is off) on its
// Fleet tab.
std::unique_ptr<Outbox> StartOutbox(const CommonOptions& options, const VisitWriter* writer,
                                    const char* command, AdminSession* admin = nullptr);

} // namespace tapsheet
