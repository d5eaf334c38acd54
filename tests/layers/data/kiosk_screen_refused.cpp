// Compiled with tapsheet_ui_kiosk's include path by tests/layers: the
// store is not on it, so this must not compile.
#include "app/store/tally_reader.h"
#include "app/ui/kiosk/kiosk_view.h"
