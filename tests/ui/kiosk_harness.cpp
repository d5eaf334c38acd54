#include "kiosk_harness.h"

#include "imgui.h"
#include "imgui_internal.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>
#include <unistd.h>

namespace tapsheet {

KioskHarness::KioskHarness(const Pack& pack, std::unique_ptr<VisitWriter> writer, int width, int height,
                           float dpi)
    : session_(pack, std::move(writer)) {
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    std::string error;
    EXPECT_TRUE(SetupTheme(theme_, width, height, dpi, pack, &error)) << error;
    unsigned char* pixels = nullptr;
    int atlas_w = 0, atlas_h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &atlas_w, &atlas_h); // real glyphs, no GPU upload
    Frame();
}

KioskHarness::~KioskHarness() {
    ImGui::DestroyContext(context_);
}

Intents KioskHarness::Frame() {
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60.0f;
    now_ += io.DeltaTime;
    session_.GetFlow().Tick(now_);
    session_.Pump(now_);
    ImGui::NewFrame();
    targets_.clear();
    texts_.clear();
    const Flow& flow = session_.GetFlow();
    const Pack& pack = flow.GetPack();
    std::string lang = flow.Lang().empty() ? pack.languages.front().code : flow.Lang();
    UiFrame ui{theme_, lang, now_, &targets_, &texts_};
    Intents intents = DrawKiosk(ui, session_.View());
    ImGui::Render();
    session_.Apply(intents, now_);
    session_.Pump(now_);
    return intents;
}

const TapTarget* KioskHarness::Find(const std::string& id_or_label) const {
    for (const TapTarget& target : targets_)
        if (target.id == id_or_label) return &target;
    for (const TapTarget& target : targets_)
        if (target.label == id_or_label) return &target;
    return nullptr;
}

bool KioskHarness::Shows(const std::string& text) const {
    for (const DrawnText& drawn : texts_)
        if (drawn.text == text) return true;
    return false;
}

namespace {

// A child window is named "parent/child_XXXXXXXX" by ImGui.
ImGuiWindow* ChildWindow(ImGuiContext* context, const std::string& child) {
    std::string part = "/" + child + "_";
    for (ImGuiWindow* window : context->Windows)
        if (window->Active && std::string(window->Name).find(part) != std::string::npos) return window;
    return nullptr;
}

} // namespace

float KioskHarness::ScrollOf(const std::string& child) const {
    ImGuiWindow* window = ChildWindow(context_, child);
    return window ? window->Scroll.y : -1.0f;
}

ImRect KioskHarness::RectOf(const std::string& child) const {
    ImGuiWindow* window = ChildWindow(context_, child);
    return window ? window->Rect() : ImRect();
}

void KioskHarness::Press(ImVec2 at) {
    ImGuiIO& io = ImGui::GetIO();
    session_.GetFlow().Touch(now_);
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(at.x, at.y);
    Frame();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    Frame();
}

::testing::AssertionResult KioskHarness::MouseTap(const std::string& id_or_label) {
    const TapTarget* target = Find(id_or_label);
    if (target == nullptr) return ::testing::AssertionFailure() << "no target '" << id_or_label << "'";
    const ImVec2 at((target->min.x + target->max.x) * 0.5f, (target->min.y + target->max.y) * 0.5f);
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMousePosEvent(at.x, at.y);
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    Frame();
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    Frame();
    return ::testing::AssertionSuccess();
}

void KioskHarness::Release() {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    Frame();
    // The finger is gone: as the platform layer does, nothing stays hovered.
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    Frame();
}

// Scrolls the way a person does: a finger drag in the middle of the screen.
bool KioskHarness::ScrollIntoView(const std::string& id_or_label) {
    ImGuiIO& io = ImGui::GetIO();
    for (int attempt = 0; attempt < 40; ++attempt) {
        const TapTarget* target = Find(id_or_label);
        if (!target) return false;
        if (target->visible) return true;
        // Drag inside the target's window by what it lacks to be whole, in
        // strokes no longer than a third of that window.
        float span = (target->clip_max.y - target->clip_min.y) / 3.0f;
        float margin = 4.0f;
        float dy = target->min.y < target->clip_min.y ? target->clip_min.y - target->min.y + margin
                                                      : target->clip_max.y - target->max.y - margin;
        // A finger's first movement within the drag threshold scrolls nothing.
        dy += (dy < 0 ? -1.0f : 1.0f) * (theme_.U(0.6f) + margin);
        dy = std::clamp(dy, -span, span);
        ImVec2 from((target->clip_min.x + target->clip_max.x) * 0.5f,
                    (target->clip_min.y + target->clip_max.y) * 0.5f);
        Press(from);
        for (int i = 1; i <= 6; ++i) {
            io.AddMousePosEvent(from.x, from.y + dy * static_cast<float>(i) / 6);
            Frame();
        }
        Release();
    }
    return false;
}

::testing::AssertionResult KioskHarness::Tap(const std::string& id_or_label) {
    if (!ScrollIntoView(id_or_label)) {
        const TapTarget* target = Find(id_or_label);
        if (!target) return ::testing::AssertionFailure() << "no target '" << id_or_label << "' on screen";
        return ::testing::AssertionFailure() << "target '" << id_or_label << "' cannot be scrolled into view";
    }
    const TapTarget* target = Find(id_or_label);
    ImVec2 centre((target->min.x + target->max.x) * 0.5f, (target->min.y + target->max.y) * 0.5f);
    Press(centre);
    Release();
    return ::testing::AssertionSuccess();
}

void KioskHarness::TapAt(ImVec2 at) {
    Press(at);
    Release();
}

void KioskHarness::DragAt(ImVec2 from, float dx, float dy) {
    Press(from);
    ImGuiIO& io = ImGui::GetIO();
    for (int i = 1; i <= 6; ++i) {
        io.AddMousePosEvent(from.x + dx * static_cast<float>(i) / 6, from.y + dy * static_cast<float>(i) / 6);
        Frame();
    }
    Release();
}

void KioskHarness::Swipe(const std::string& id_or_label, float dx, float dy) {
    ASSERT_TRUE(ScrollIntoView(id_or_label)) << id_or_label;
    const TapTarget* target = Find(id_or_label);
    ASSERT_NE(target, nullptr) << id_or_label;
    ImVec2 at((target->min.x + target->max.x) * 0.5f, (target->min.y + target->max.y) * 0.5f);
    Press(at);
    ImGuiIO& io = ImGui::GetIO();
    for (int i = 1; i <= 4; ++i) {
        io.AddMousePosEvent(at.x + dx * static_cast<float>(i) / 4, at.y + dy * static_cast<float>(i) / 4);
        Frame();
    }
    // Slide back onto the target before lifting: still a swipe, not a tap.
    io.AddMousePosEvent(at.x, at.y);
    Frame();
    Release();
}

::testing::AssertionResult KioskHarness::WaitSaved() {
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < until) {
        Frame();
        bool pending = session_.GetFlow().Saving() || (session_.Writer() && session_.Writer()->Pending() > 0);
        if (!pending) return ::testing::AssertionSuccess();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return ::testing::AssertionFailure() << "the store did not ack within 5 s";
}

::testing::AssertionResult KioskHarness::TapAndSettle(const std::string& id_or_label) {
    ::testing::AssertionResult tapped = Tap(id_or_label);
    if (!tapped) return tapped;
    ::testing::AssertionResult saved = WaitSaved();
    if (!saved) return saved;
    Advance(0.5); // past the double-tap guard
    Frame();
    return ::testing::AssertionSuccess();
}

std::string DefaultPackPath() {
    return std::string(TAPSHEET_SOURCE_DIR) + "/assets/content/default.toml";
}

std::string TempDir(const std::string& name) {
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("tapsheet-test-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir.string();
}

} // namespace tapsheet
