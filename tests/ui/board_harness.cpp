#include "board_harness.h"

#include "imgui.h"

#include <algorithm>

namespace tapsheet {

namespace {

// 12,345 and up, so every count has a thousands separator somewhere.
int Big(std::size_t i) {
    return 12345 + static_cast<int>(i) * 1111;
}

StepTally PollTally(const Step& step, int respondents) {
    StepTally tally{step.id, respondents, {}};
    std::size_t n = step.poll.options.size();
    for (std::size_t i = 0; i < n; ++i) {
        int count = step.poll.multi ? respondents * static_cast<int>(n - i) / static_cast<int>(n + 1)
                                    : respondents / static_cast<int>(n) +
                                          (i == 0 ? respondents % static_cast<int>(n) : 0);
        tally.items.push_back({step.poll.options[i].id, "", count});
    }
    return tally;
}

// The first benefit of each group ties at the top; others fall away.
StepTally SheetTally(const Step& step, int respondents) {
    StepTally tally{step.id, respondents, {}};
    for (const SheetGroup& group : step.sheet.groups)
        for (std::size_t i = 0; i < group.items.size(); ++i)
            tally.items.push_back(
                {group.items[i].id, "", respondents * 3 / 4 - static_cast<int>(i) * respondents / 12});
    return tally;
}

StepTally DomainsTally(const Step& step, int respondents) {
    StepTally tally{step.id, respondents, {}};
    std::size_t i = 0;
    for (const DomainSet& set : step.domains.sets)
        for (const Domain& domain : set.domains) {
            tally.items.push_back(
                {domain.id, "focus", respondents / 2 - static_cast<int>(i) * respondents / 16});
            tally.items.push_back(
                {domain.id, "least", respondents / 5 + static_cast<int>(i) * respondents / 14});
            ++i;
        }
    return tally;
}

std::vector<StepTally> StepTallies(const Pack& pack, int base) {
    std::vector<StepTally> steps;
    for (std::size_t i = 0; i < pack.steps.size(); ++i) {
        const Step& step = pack.steps[i];
        int respondents = base + static_cast<int>(i) * 1111;
        if (step.kind == StepKind::Poll) steps.push_back(PollTally(step, respondents));
        if (step.kind == StepKind::Sheet) steps.push_back(SheetTally(step, respondents));
        if (step.kind == StepKind::Domains) steps.push_back(DomainsTally(step, respondents));
    }
    return steps;
}

void AddFreeText(const Pack& pack, Tallies& t) {
    for (const Step& step : pack.steps) {
        if (step.kind != StepKind::Sheet) continue;
        t.free_text.push_back({step.id, "project", kPendingText, 2, "", Moderation::Pending});
        t.free_text.push_back({step.id, "own", kPendingOwn, 1, "", Moderation::Pending});
        t.free_text.push_back({step.id, "project", kApprovedProject, 1234, "", Moderation::Approved});
        t.free_text.push_back({step.id, "own", kApprovedOwn, 2345, "", Moderation::Approved});
        t.free_text.push_back({step.id, "own", kRejectedText, 3, "", Moderation::Rejected});
        t.free_text.push_back({step.id, "project", kRejectedText, 3, "", Moderation::Rejected});
    }
}

} // namespace

Pack LoadShippedPack(const std::string& file) {
    LoadResult loaded = LoadPackFile(std::string(TAPSHEET_SOURCE_DIR) + "/assets/content/" + file);
    EXPECT_TRUE(loaded.pack) << file;
    return loaded.pack ? *loaded.pack : Pack{};
}

Tallies SampleTallies(const Pack& pack) {
    Tallies t;
    t.round = 2;
    t.current_round = 2;
    t.rounds = {1, 2};
    t.visits_today = 12345;
    t.completed = 10987;
    t.filtered = 1234;
    t.answers_last_10_min = 2345;
    t.steps = StepTallies(pack, Big(0));
    AddFreeText(pack, t);
    for (const Step& step : pack.steps) {
        if (step.kind != StepKind::Poll || step.poll.options.empty()) continue;
        t.cross.step_id = step.id;
        t.cross.item_id = step.poll.options.front().id;
        t.cross.visits = 4321;
        t.cross.steps = StepTallies(pack, 4321);
        break;
    }
    return t;
}

BoardHarness::BoardHarness(const Pack& pack, int width, int height, std::string lang)
    : pack_(pack), width_(width), height_(height), lang_(std::move(lang)) {
    if (lang_.empty()) lang_ = pack.languages.empty() ? "en" : pack.languages.front().code;
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    std::string error;
    EXPECT_TRUE(SetupBoardTheme(theme_, width, height, pack, &error)) << error;
    unsigned char* pixels = nullptr;
    int atlas_w = 0, atlas_h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &atlas_w, &atlas_h);
    state_ = NewBoardState(pack, now_);
    tallies_ = SampleTallies(pack);
    if (!tallies_.cross.step_id.empty()) state_.cross = {tallies_.cross.step_id, tallies_.cross.item_id};
}

BoardHarness::~BoardHarness() {
    ImGui::DestroyContext(context_);
}

BoardIntents BoardHarness::Frame() {
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60.0f;
    now_ += io.DeltaTime;
    ImGui::NewFrame();
    texts_.clear();
    targets_.clear();
    UiFrame ui{theme_, lang_, now_, &targets_, &texts_};
    BoardView view{pack_, state_, tallies_, anim_, have_data, store_problem, fleet};
    BoardIntents intents = DrawBoard(ui, view);
    ImGui::Render();
    for (const BoardIntent& intent : intents)
        if (apply) ApplyBoardIntent(state_, pack_, intent, now_);
    return intents;
}

void BoardHarness::Show(const BoardPage& page) {
    state_.page = page;
    state_.previous = page;
    state_.page_since = now_ - 10;
    Frame();
    Frame();
}

BoardIntents BoardHarness::Click(const TapTarget& target) {
    ImGuiIO& io = ImGui::GetIO();
    ImVec2 at((target.min.x + target.max.x) * 0.5f, (target.min.y + target.max.y) * 0.5f);
    BoardIntents all;
    auto frame = [&] {
        BoardIntents got = Frame();
        all.insert(all.end(), got.begin(), got.end());
    };
    io.AddMousePosEvent(at.x, at.y);
    frame();
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    frame();
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    frame();
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    frame();
    return all;
}

BoardIntents BoardHarness::Click(const std::string& id_or_label) {
    const TapTarget* target = Find(id_or_label);
    EXPECT_NE(target, nullptr) << "no target '" << id_or_label << "'";
    if (!target) return {};
    TapTarget copy = *target; // the next frame replaces the list
    return Click(copy);
}

BoardIntents BoardHarness::Key(ImGuiKey key) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(key, true);
    BoardIntents intents = Frame();
    io.AddKeyEvent(key, false);
    BoardIntents after = Frame();
    intents.insert(intents.end(), after.begin(), after.end());
    return intents;
}

const TapTarget* BoardHarness::Find(const std::string& id_or_label) const {
    for (const TapTarget& target : targets_)
        if (target.id == id_or_label) return &target;
    for (const TapTarget& target : targets_)
        if (target.label == id_or_label) return &target;
    return nullptr;
}

bool BoardHarness::Drew(const std::string& text) const {
    return std::any_of(texts_.begin(), texts_.end(),
                       [&](const DrawnText& drawn) { return drawn.text.find(text) != std::string::npos; });
}

std::vector<BoardPage> PublicPages(const BoardState& state) {
    std::vector<BoardPage> pages;
    for (const BoardPage& page : state.pages)
        if (page.kind != BoardPageKind::Moderation) pages.push_back(page);
    return pages;
}

std::string Describe(const BoardPage& page) {
    const char* const kinds[] = {"poll",   "sheet", "domains",  "crosstab",
                                 "totals", "timer", "evidence", "moderation"};
    return std::string(kinds[static_cast<int>(page.kind)]) + ":" + page.step_id + ":" +
           std::to_string(page.index);
}

} // namespace tapsheet
