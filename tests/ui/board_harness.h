// Drives the real board screens through real Dear ImGui frames without a GPU
// (draw lists only, as the kiosk harness does), with figures built by hand:
// every text the board draws is recorded, so tests can check its size and
// place, and what the room can read.
#pragma once

#include "app/core/loader.h"
#include "app/ui/board/board_widgets.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tapsheet {

// The shipped pack `file` (in assets/content), loaded or the test fails.
Pack LoadShippedPack(const std::string& file);

// Figures for every results step of `pack`, in the thousands (respondents
// 12,345 and up), with ties among the most tapped benefits, free text of
// every status (see kPendingText, kRejectedText, kApprovedProject, kApprovedOwn),
// two rounds, and a cross-tab by the first poll's first option.
Tallies SampleTallies(const Pack& pack);
inline constexpr const char* kPendingText = "PENDING project name, not approved";
inline constexpr const char* kPendingOwn = "PENDING own benefit, not approved";
inline constexpr const char* kRejectedText = "REJECTED text that must never show";
inline constexpr const char* kApprovedProject = "Virtual wards for frail older people";
inline constexpr const char* kApprovedOwn = "Better data sharing between teams";

class BoardHarness {
  public:
    BoardHarness(const Pack& pack, int width, int height, std::string lang = {});
    ~BoardHarness();

    // One frame: draw, render, apply the intents to the state; returns them.
    BoardIntents Frame();
    // Shows `page` with no transition under way.
    void Show(const BoardPage& page);
    // Moves the clock on (timers, transitions).
    void Advance(double seconds) { now_ += seconds; }

    // A mouse click at a target's centre; returns the intents of its frames.
    BoardIntents Click(const TapTarget& target);
    BoardIntents Click(const std::string& id_or_label);
    // A key pressed and released.
    BoardIntents Key(ImGuiKey key);

    const TapTarget* Find(const std::string& id_or_label) const;
    bool Drew(const std::string& text) const; // some text contains `text`

    BoardState& State() { return state_; }
    Tallies& Figures() { return tallies_; }
    AnimatedValues& Anim() { return anim_; }
    const Theme& GetTheme() const { return theme_; }
    const std::vector<DrawnText>& Texts() const { return texts_; }
    const std::vector<TapTarget>& Targets() const { return targets_; }
    double Now() const { return now_; }
    int Width() const { return width_; }
    int Height() const { return height_; }
    const Pack& GetPack() const { return pack_; }

    bool have_data = true;
    std::string store_problem;
    const FleetView* fleet = nullptr; // the strip's fleet tag (a hub's file)
    bool apply = true;                // apply intents to the state after each frame

  private:
    const Pack& pack_;
    int width_, height_;
    std::string lang_;
    ImGuiContext* context_ = nullptr;
    Theme theme_;
    BoardState state_;
    Tallies tallies_;
    AnimatedValues anim_;
    std::vector<DrawnText> texts_;
    std::vector<TapTarget> targets_;
    double now_ = 100;
};

// Every page a room can see (BoardPages without moderation).
std::vector<BoardPage> PublicPages(const BoardState& state);
std::string Describe(const BoardPage& page);

} // namespace tapsheet
