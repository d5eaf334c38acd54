// Compiled with tapsheet_ui_kiosk's include path by tests/layers: allowed.
#include "app/core/flow.h"
#include "app/ui/kiosk/kiosk_view.h"
