// Where the admin panel can act: USB sticks to export to, content packs to
// switch to, and the file that remembers the pack chosen on the screen.
#pragma once

#include "app/ui/kiosk/kiosk_admin.h"

#include <string>
#include <vector>

namespace tapsheet {

// Writable mount points at most two levels under `dir` (/media/usb0,
// /media/<user>/<label>). `require_mount` false: every writable folder
// there (tests, where nothing can be mounted).
std::vector<AdminPlace> FindSticks(const std::string& dir, bool require_mount = true);

// The *.toml packs beside `current` and in `extra_dir`, by title; the ones
// that do not load are left out (switching to them could only fail).
std::vector<AdminPlace> ListPacks(const std::string& current, const std::string& extra_dir);

// The pack chosen in the admin panel is kept beside the results (the
// kiosk's user cannot write /etc): this file names it, and while it exists
// it wins over the config's [kiosk] content. Empty: none chosen.
std::string ChosenPackFile(const std::string& db_path);
std::string ReadChosenPack(const std::string& db_path);
bool WriteChosenPack(const std::string& db_path, const std::string& pack_path, std::string* error);

} // namespace tapsheet
