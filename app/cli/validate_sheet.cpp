#include "app/cli/validate_sheet.h"

#include "app/ui/board/board_widgets.h"
#include "app/ui/common/theme.h"

#include "imgui.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace tapsheet {

namespace {

// The sizes a board is checked at: the same layout in font units, but fonts
// are rasterised at each size.
constexpr std::pair<int, int> kScreens[] = {{1920, 1080}, {1280, 720}};

// A busy day: every benefit marked by some of 987 people, three approved
// project names, six approved own benefits (more than a row holds).
Tallies BusyDay(const Step& sheet) {
    Tallies tallies;
    tallies.rounds = {1};
    StepTally step{sheet.id, 987, {}};
    int i = 0;
    for (const SheetGroup& group : sheet.sheet.groups)
        for (const Option& item : group.items)
            step.items.push_back({item.id, "", 900 - 37 * (i++ % 20)});
    std::sort(step.items.begin(), step.items.end(),
              [](const TallyCount& a, const TallyCount& b) { return a.item_id < b.item_id; });
    tallies.steps.push_back(step);
    for (int n = 1; n <= 3; ++n)
        tallies.free_text.push_back({sheet.id, "project", "Falls prevention on ward " + std::to_string(n),
                                     40 - n, "", Moderation::Approved});
    for (int n = 1; n <= 6; ++n)
        tallies.free_text.push_back({sheet.id, "own", "Fewer repeat appointments " + std::to_string(n),
                                     30 - n, "", Moderation::Approved});
    return tallies;
}

// An ImGui context of its own with the board's fonts at one screen size.
class Offscreen {
  public:
    Offscreen(int width, int height, const Pack& pack) : context_(ImGui::CreateContext()) {
        ImGui::SetCurrentContext(context_);
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
        io.DeltaTime = 1.0f / 60.0f;
        ok_ = SetupBoardTheme(theme_, width, height, pack, &error_) && io.Fonts->Build();
    }
    ~Offscreen() { ImGui::DestroyContext(context_); }
    Offscreen(const Offscreen&) = delete;
    Offscreen& operator=(const Offscreen&) = delete;

    bool Ok() const { return ok_; }
    const std::string& Error() const { return error_; }

    // The smallest type of the sheet page drawn in `lang`, as a fraction of
    // the room's full size.
    float SheetScale(const Pack& pack, const Step& sheet, const std::string& lang) {
        ImGui::SetCurrentContext(context_);
        BoardState state = NewBoardState(pack, 0);
        state.controls = false;
        state.page = BoardPage::Of(BoardPageKind::Sheet, sheet.id);
        state.previous = state.page;
        state.page_since = -100;
        Tallies tallies = BusyDay(sheet);
        AnimatedValues anim;
        std::vector<TapTarget> targets;
        std::vector<DrawnText> texts;
        ImGui::NewFrame();
        UiFrame ui{theme_, lang, 0, &targets, &texts};
        DrawBoard(ui, BoardView{pack, state, tallies, anim, true, {}});
        ImGui::Render();
        float smallest = theme_.unit;
        for (const DrawnText& text : texts)
            smallest = std::min(smallest, text.size);
        return smallest / theme_.unit;
    }

  private:
    ImGuiContext* context_;
    Theme theme_;
    std::string error_;
    bool ok_ = false;
};

// Where step `id` is in the pack's file: its `id` key.
LoadError AtStep(const Pack& pack, const std::string& id, std::string message) {
    LoadError at{pack.source_path, 0, 0, std::move(message)};
    try {
        toml::table root = toml::parse(pack.source_text, std::string_view(pack.source_path));
        const toml::array* steps = root["steps"].as_array();
        for (std::size_t i = 0; steps && i < steps->size(); ++i) {
            const toml::table* step = steps->get(i)->as_table();
            const toml::node* id_node = step ? step->get("id") : nullptr;
            if (!id_node || id_node->value_or(std::string()) != id) continue;
            at.line = static_cast<int>(id_node->source().begin.line);
            at.column = static_cast<int>(id_node->source().begin.column);
        }
    } catch (const toml::parse_error&) {
        // The pack loaded from this very text: cannot happen; the file alone is named.
    }
    return at;
}

std::string Percent(float scale) {
    return std::to_string(static_cast<int>(std::lround(scale * 100))) + "%";
}

} // namespace

std::vector<LoadError> SheetSizeWarnings(const Pack& pack) {
    std::vector<LoadError> warnings;
    std::vector<std::unique_ptr<Offscreen>> screens;
    for (const Step& step : pack.steps) {
        if (step.kind != StepKind::Sheet) continue;
        if (screens.empty())
            for (auto [width, height] : kScreens)
                screens.push_back(std::make_unique<Offscreen>(width, height, pack));
        for (const Language& language : pack.languages) {
            float scale = 1;
            for (const auto& screen : screens) {
                if (!screen->Ok())
                    return {{pack.source_path, 0, 0, "note: cannot measure the sheet: " + screen->Error()}};
                scale = std::min(scale, screen->SheetScale(pack, step, language.code));
            }
            if (scale >= 0.999f) continue;
            warnings.push_back(
                AtStep(pack, step.id,
                       "warning: sheet '" + step.id + "' does not fit the board at full size in " +
                           language.name + ": its type would shrink to " + Percent(scale) +
                           " (full size holds about " + std::to_string(kFullSizeSheetBenefits) +
                           " benefits of up to " + std::to_string(kFullSizeSheetLabelChars) +
                           " characters); shorten the labels, or move some benefits to a second sheet"));
        }
    }
    return warnings;
}

} // namespace tapsheet
