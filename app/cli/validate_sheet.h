// What `tapsheet validate` says about the size of a pack's reflection
// sheets: each is laid out as the board lays it out (the real board screen,
// drawn offscreen) on 16:9 screens, in each of the pack's languages, with a
// busy day's figures (hundreds of people), approved project names and more
// of the room's own benefits than fit. A sheet whose type would shrink below
// the room's full size is a warning: the pack still loads.
#pragma once

#include "app/core/content.h"
#include "app/core/loader.h"

#include <vector>

namespace tapsheet {

// One warning per sheet step that does not fit at full size, at the step's
// `id` in the file; a note (line 0) when the board's fonts cannot be loaded.
std::vector<LoadError> SheetSizeWarnings(const Pack& pack);

} // namespace tapsheet
