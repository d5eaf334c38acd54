// The kiosk's staff screens through real Dear ImGui frames (no GPU), for
// admin_screens_test.cpp and admin_fleet_test.cpp: an AdminSession drawn and
// tapped as the kiosk's loop does.
#pragma once

#include "app/core/loader.h"
#include "app/session/admin_session.h"
#include "app/ui/kiosk/kiosk_admin.h"

#include "imgui.h"

#include <gtest/gtest.h>

#include <cfloat>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace tapsheet {

inline Pack DefaultPack() {
    LoadResult loaded = LoadPackFile(std::string(TAPSHEET_SOURCE_DIR) + "/assets/content/default.toml");
    EXPECT_TRUE(loaded.pack.has_value());
    return std::move(*loaded.pack);
}

inline std::filesystem::path FreshDir(const std::string& name) {
    auto dir =
        std::filesystem::temp_directory_path() / ("tapsheet-admin-" + name + "-" + std::to_string(getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

// An ImGui context drawing only the staff screens, with touches as the
// platform layer sends them.
class AdminHarness {
  public:
    AdminHarness(AdminSession& admin, int width, int height) : admin_(admin) {
        context_ = ImGui::CreateContext();
        ImGui::SetCurrentContext(context_);
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
        std::string error;
        EXPECT_TRUE(SetupTheme(theme_, width, height, 96, DefaultPack(), &error)) << error;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        Frame();
    }
    ~AdminHarness() { ImGui::DestroyContext(context_); }

    void Frame() {
        ImGui::SetCurrentContext(context_);
        ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
        now_ += 1.0 / 60.0;
        admin_.Tick(now_); // as the loop does: takes a finished PIN check's outcome
        ImGui::NewFrame();
        targets_.clear();
        texts_.clear();
        UiFrame ui{theme_, "en", now_, &targets_, &texts_};
        const AdminIntents intents = DrawAdmin(ui, admin_.View());
        ImGui::Render();
        admin_.Apply(intents, now_);
    }

    const TapTarget* Find(const std::string& id_or_label) const {
        for (const TapTarget& target : targets_)
            if (target.id == id_or_label || target.label == id_or_label) return &target;
        return nullptr;
    }

    ::testing::AssertionResult Tap(const std::string& id_or_label) {
        const TapTarget* target = Find(id_or_label);
        if (target == nullptr) return ::testing::AssertionFailure() << "no target " << id_or_label;
        if (!target->visible) return ::testing::AssertionFailure() << id_or_label << " is not on screen";
        const ImVec2 at((target->min.x + target->max.x) / 2, (target->min.y + target->max.y) / 2);
        ImGuiIO& io = ImGui::GetIO();
        io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
        io.AddMousePosEvent(at.x, at.y);
        Frame();
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
        Frame();
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
        Frame();
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
        Frame();
        return ::testing::AssertionSuccess();
    }

    const std::vector<TapTarget>& Targets() const { return targets_; }
    // Every label and text drawn in the last frame, a line each.
    std::string Shown() const {
        std::string shown;
        for (const TapTarget& target : targets_)
            shown += target.label + "\n";
        for (const DrawnText& text : texts_)
            shown += text.text + "\n";
        return shown;
    }
    const Theme& GetTheme() const { return theme_; }
    double Now() const { return now_; }

  private:
    AdminSession& admin_;
    ImGuiContext* context_ = nullptr;
    Theme theme_;
    std::vector<TapTarget> targets_;
    std::vector<DrawnText> texts_;
    double now_ = 100;
};

inline void OpenPad(AdminSession& admin, double now) {
    admin.CornerHeld(true, now);
    admin.CornerHeld(true, now + AdminState::kHoldSeconds);
    ASSERT_EQ(admin.State().Screen(), AdminScreen::PinPad);
}

// The digits and OK, then frames until the check (on its own thread) is done.
inline void EnterPin(AdminHarness& harness, AdminSession& admin, const char* pin) {
    for (const char* d = pin; *d; d++)
        ASSERT_TRUE(harness.Tap(std::string("pin-") + *d));
    ASSERT_TRUE(harness.Tap("pin-OK"));
    for (int i = 0; i < 1000 && admin.State().Checking(); i++) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        harness.Frame();
    }
    ASSERT_FALSE(admin.State().Checking()) << "the PIN check never came back";
}

} // namespace tapsheet
