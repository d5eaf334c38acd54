// The monkey at the kiosk (kiosk_monkey_test.cpp, soak_test.cpp): one
// random event at a time through the harness's real frames.
#pragma once

#include "kiosk_harness.h"

#include "imgui.h"

#include <cfloat>
#include <random>

namespace tapsheet {

constexpr ImGuiKey kKeys[] = {ImGuiKey_Escape, ImGuiKey_Enter, ImGuiKey_Backspace, ImGuiKey_Tab,
                              ImGuiKey_Space,  ImGuiKey_F4,    ImGuiKey_Q,         ImGuiKey_W};

class Monkey {
  public:
    Monkey(KioskHarness& kiosk, unsigned seed) : kiosk_(kiosk), random_(seed) {}

    void Event() {
        const int dice = Roll(100);
        if (dice < 55)
            TapATarget();
        else if (dice < 70)
            kiosk_.TapAt(Anywhere());
        else if (dice < 78)
            kiosk_.DragAt(Anywhere(), Spread(), Spread());
        else if (dice < 81)
            LongPress();
        else if (dice < 87)
            Key();
        else if (dice < 97)
            Pause(0.05 + Roll(100) / 100.0);
        else
            Pause(20 + Roll(200)); // "Still there?", a walk-away, the screen's sleep
    }

  private:
    int Roll(int n) { return static_cast<int>(random_() % static_cast<unsigned>(n)); }
    ImVec2 Size() const { return ImGui::GetIO().DisplaySize; }
    ImVec2 Anywhere() {
        return ImVec2(static_cast<float>(Roll(static_cast<int>(Size().x))),
                      static_cast<float>(Roll(static_cast<int>(Size().y))));
    }
    float Spread() { return static_cast<float>(Roll(601) - 300); }

    void TapATarget() {
        const std::vector<TapTarget>& targets = kiosk_.Targets();
        if (targets.empty()) return;
        const TapTarget target = targets[static_cast<std::size_t>(Roll(static_cast<int>(targets.size())))];
        kiosk_.TapAt(ImVec2((target.min.x + target.max.x) / 2, (target.min.y + target.max.y) / 2));
        if (Roll(2)) Pause(0.4); // past the double-tap guard, as a person would be
    }

    // A held finger: in the top-left corner it is the staff gesture.
    void LongPress() {
        const ImVec2 at = Roll(2) ? ImVec2(4, 4) : Anywhere();
        ImGuiIO& io = ImGui::GetIO();
        io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
        io.AddMousePosEvent(at.x, at.y);
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
        for (int i = 0; i < 8; ++i) {
            kiosk_.Advance(0.5);
            kiosk_.Frame();
        }
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
        kiosk_.Frame();
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
        kiosk_.Frame();
    }

    // A keyboard plugged into the kiosk (or a stuck key): keys and characters.
    void Key() {
        ImGuiIO& io = ImGui::GetIO();
        const ImGuiKey key = kKeys[Roll(static_cast<int>(std::size(kKeys)))];
        const bool ctrl = Roll(3) == 0;
        if (ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, true);
        io.AddKeyEvent(key, true);
        io.AddInputCharacter(static_cast<unsigned>('!' + Roll(90)));
        kiosk_.Frame();
        io.AddKeyEvent(key, false);
        if (ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, false);
        kiosk_.Frame();
    }

  public:
    // Simulated time runs far faster than the writer's real thread: a pause
    // lets the last save land first, as it would while a person waits.
    void Pause(double seconds) {
        EXPECT_TRUE(kiosk_.WaitSaved());
        kiosk_.Advance(seconds);
        kiosk_.Frame();
    }

  private:
    KioskHarness& kiosk_;
    std::mt19937 random_;
};

} // namespace tapsheet
