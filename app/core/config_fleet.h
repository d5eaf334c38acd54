// config.cpp's reader of the [fleet] table (config_fleet.cpp).
#pragma once

#include "app/core/fleet_config.h"
#include "app/core/loader_reader.h"

namespace tapsheet {

// Reads [fleet] into *out; any problem is reported to `reader` and leaves
// *out disabled, so a kiosk with a broken [fleet] still takes answers alone.
void ReadFleet(loader_internal::PackReader& reader, const toml::table& fleet, FleetConfig* out);

} // namespace tapsheet
