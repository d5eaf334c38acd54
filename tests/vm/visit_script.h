// One visit of a pack tapped through by tests/e2e's KioskDriver, its
// answers varied by the visit's number; the project's name is a two-letter
// marker from that number, by which tests/vm/cut_check.h finds the visit.
#pragma once

#include "app/core/content.h"
#include "tests/e2e/kiosk_driver.h"

#include <string>

namespace tapsheet::vm {

std::string VisitMarker(int number); // 0 -> "aa", 27 -> "bb"

// Start to the thank-you screen, then (with `done`) Done: the attract
// screen again.
void TapVisit(e2e::KioskDriver& kiosk, const Pack& pack, int number, bool done = true);

} // namespace tapsheet::vm
