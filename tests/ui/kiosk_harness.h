// Drives the real kiosk screens through real Dear ImGui frames without a GPU:
// frames are built and rendered to draw lists, never rasterised. Touches are
// synthetic (there is no touchscreen here), fed through ImGui's input queue
// as touch-screen mouse events, and targets are found by their id or label.
#pragma once

#include "app/session/kiosk_session.h"
#include "app/ui/common/theme.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace tapsheet {

class KioskHarness {
  public:
    KioskHarness(const Pack& pack, std::unique_ptr<VisitWriter> writer, int width, int height,
                 float dpi = 96);
    ~KioskHarness();

    // One frame: draw, render, apply intents, pump the store.
    Intents Frame();
    void Advance(double seconds) { now_ += seconds; }
    void SetNow(double now) { now_ = now; }

    // Finds a target drawn in the last frame by id, else by visible label.
    const TapTarget* Find(const std::string& id_or_label) const;
    // Drags the screen until the target is wholly visible.
    bool ScrollIntoView(const std::string& id_or_label);
    // A finger down and up at the target's centre (scrolled into view first).
    ::testing::AssertionResult Tap(const std::string& id_or_label);
    // A finger down and up at a point of the screen.
    void TapAt(ImVec2 at);
    // A tap by an absolute mouse (a touch monitor that reports as one, a
    // QEMU guest's tablet): move and press reach ImGui in the next frame,
    // the release in the one after (a touchscreen's press waits a frame).
    ::testing::AssertionResult MouseTap(const std::string& id_or_label);
    // Press at one target, slide by (dx, dy), release.
    void Swipe(const std::string& id_or_label, float dx, float dy);
    // Press at a point, slide by (dx, dy), release.
    void DragAt(ImVec2 from, float dx, float dy);
    // Frames until no save is pending (the writer thread acked), or 5 s.
    ::testing::AssertionResult WaitSaved();
    // Tap, then wait for its save and the tap guard to pass.
    ::testing::AssertionResult TapAndSettle(const std::string& id_or_label);

    KioskSession& Session() { return session_; }
    const Flow& GetFlow() const { return session_.GetFlow(); }
    const std::vector<TapTarget>& Targets() const { return targets_; }
    // Texts the screens recorded in the last frame (headings, notices, counters).
    const std::vector<DrawnText>& Texts() const { return texts_; }
    bool Shows(const std::string& text) const;
    // The vertical scroll of a scrolling window of the kiosk ("body",
    // "thanks-body"), or -1 when it was not drawn.
    float ScrollOf(const std::string& child) const;
    // That window's rectangle on screen.
    ImRect RectOf(const std::string& child) const;
    const Theme& GetTheme() const { return theme_; }
    double Now() const { return now_; }
    ImGuiContext* Context() const { return context_; }

  private:
    void Press(ImVec2 at);
    void Release();

    ImGuiContext* context_ = nullptr;
    Theme theme_;
    KioskSession session_;
    std::vector<TapTarget> targets_;
    std::vector<DrawnText> texts_;
    double now_ = 100;
};

std::string DefaultPackPath();
std::string TempDir(const std::string& name); // fresh, empty

} // namespace tapsheet
