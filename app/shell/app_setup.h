// What the windowed commands (kiosk, board, demo) do before their loop:
// the pack, the windows with their themes, the kiosk's writer.
#pragma once

#include "app/session/admin_session.h"
#include "app/session/kiosk_session.h"
#include "app/shell/options.h"
#include "app/shell/run_loop.h"
#include "app/ui/common/theme.h"

#include <memory>
#include <string>

namespace tapsheet {

// A pack that failed to load is still a Pack (empty), so the kiosk can stay
// up and show staff the problem instead of exiting.
struct LoadedPack {
    Pack pack;
    bool ok = false;
    std::string problem; // the first error, for the out-of-service notice
    std::string advice;  // what staff should do about it
};
// Prints every problem (file:line:column) to stderr.
LoadedPack LoadPackReporting(const std::string& path);
// The kiosk's pack: none when the config file had a fatal problem (the
// notice then names it), else --content with the config's timeouts.
LoadedPack LoadKioskPack(const CommonOptions& options);

enum class WindowRole { Kiosk, Board };

// A window with its theme loaded into its own ImGui context: touch sizes
// from the DPI for the kiosk, room-readable sizes for the board, the glyphs
// of `pack`. Null with *error set on failure.
// --lang, or the pack's first language; an error names the languages there are.
bool ChooseLanguage(const CommonOptions& options, const Pack& pack, std::string* lang, std::string* error);

// One full-screen window (or --windowed) for `kiosk` or `board`, on
// --monitor or else on `default_monitor`.
WindowOptions SingleWindowOptions(const CommonOptions& options, const char* title, int default_monitor);

std::unique_ptr<Window> OpenThemedWindow(Backend backend, const WindowOptions& options, WindowRole role,
                                         float dpi, const Pack& pack, Theme& theme, std::string* error);

// The kiosk's session, with a writer on options.db that wakes `window`
// (none when the pack is bad: the kiosk then shows the problem).
std::unique_ptr<KioskSession> MakeKioskSession(const LoadedPack& loaded, const CommonOptions& options,
                                               Window& window, const char* command);

// Fills in --content and --db defaults.
void ApplyDefaults(CommonOptions& options);

// The pack chosen in the admin panel (kept beside the results), unless
// --content was given: call after ApplyDefaults.
void UseChosenPack(CommonOptions& options);

// The kiosk's staff side: the PIN and screen care from the config.
std::unique_ptr<AdminSession> MakeAdminSession(const CommonOptions& options, KioskSession& session);

// The kiosk and the board in one process on one database and one loop:
// `demo`, and `kiosk` with [kiosk] with_board (one program must drive both
// displays where there is no desktop). `options` are the kiosk's.
int RunKioskAndBoard(const CommonOptions& options, const LoadedPack& loaded, const char* command,
                     LoopOptions loop);

} // namespace tapsheet
