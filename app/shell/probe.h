// --probe FILE (or TAPSHEET_PROBE=FILE), for end-to-end tests: after every
// frame a window draws, what it drew goes to FILE, so a test driving the
// real process through the X server knows where to tap and what the screen
// shows without reading the store. Written to FILE.tmp and renamed, so a
// reader never sees half a frame. Nothing is written without the option.
//
// One record per line, fields separated by tabs; strings escape tab,
// newline and backslash as \t, \n and \\:
//   frame N                   frames drawn so far (1 the first)
//   time SECONDS              the frame's clock (steady clock, CLOCK_MONOTONIC)
//   display W H               the window's size in ImGui units (= X pixels)
//   state KEY VALUE           what the window shows: its screen, page, flow state
//   target ID LABEL X0 Y0 X1 Y1 ENABLED VISIBLE LAYER CLIPX0 CLIPY0 CLIPX1 CLIPY1
//   text TEXT X0 Y0 X1 Y1 SIZE   (the board's texts; the kiosk's screens record none)
//   end
#pragma once

#include "app/core/admin.h"
#include "app/core/board.h"
#include "app/core/flow.h"
#include "app/ui/kiosk/kiosk_view.h"

#include <string>
#include <utility>
#include <vector>

namespace tapsheet {

using ProbeState = std::vector<std::pair<std::string, std::string>>;

class Probe {
  public:
    explicit Probe(std::string path) : path_(std::move(path)) {}

    // Where the next frame records its targets and texts (UiFrame's fields).
    std::vector<TapTarget>* Targets() { return &targets_; }
    std::vector<DrawnText>* Texts() { return &texts_; }

    // After the frame's EndFrame: writes it, then forgets its records. The
    // current ImGui context gives the display size.
    void Write(double now, const ProbeState& state);

  private:
    std::string path_;
    long frame_ = 0;
    std::vector<TapTarget> targets_;
    std::vector<DrawnText> texts_;
    bool warned_ = false;
};

// What the kiosk shows: the flow's screen and step, the visit's language and
// the current step's choices (for tests to wait on the effect of a tap).
ProbeState KioskProbeState(const Flow& flow, const KeyboardState& keyboard, bool out_of_service, double now);
// The staff screens: which one, and the PIN pad's check and lock-out.
ProbeState AdminProbeState(const AdminState& admin, double now);
// What the board shows: the page, whether its transition has settled, the
// controls and the cross-tab's filter.
ProbeState BoardProbeState(const BoardState& state, bool have_data, double now);

} // namespace tapsheet
