// What the control strip offers, and the menus its buttons open. Its labels
// stay in English here, not in the pack: they are staff text, like the
// kiosk's out-of-service details. Only the room's words it repeats (round
// labels, page titles) come from the pack.
#include "app/ui/board/board_controls.h"

#include <algorithm>

namespace tapsheet {

namespace {

using Kind = BoardIntent::Kind;

BoardIntent ShowPage(const BoardPage& page) {
    BoardIntent intent = BoardIntent::Of(Kind::ShowPage);
    intent.page = page;
    return intent;
}

BoardIntent WithIndex(Kind kind, std::size_t index) {
    BoardIntent intent = BoardIntent::Of(kind);
    intent.index = index;
    return intent;
}

BoardIntent WithId(Kind kind, const std::string& id) {
    BoardIntent intent = BoardIntent::Of(kind);
    intent.id = id;
    return intent;
}

bool HasTimer(const BoardView& view) {
    return view.state.timer.timer >= 0 && view.state.timer.timer < static_cast<int>(view.pack.timers.size());
}

StripItem Item(std::string id, std::string label, BoardIntents intents,
               ButtonKind kind = ButtonKind::Secondary, bool enabled = true) {
    StripItem item;
    item.id = std::move(id);
    item.label = std::move(label);
    item.intents = std::move(intents);
    item.kind = kind;
    item.enabled = enabled;
    return item;
}

StripItem Menu(std::string id, std::string label, const char* menu, bool enabled = true) {
    StripItem item = Item(std::move(id), std::move(label), {}, ButtonKind::Secondary, enabled);
    item.menu = menu;
    return item;
}

void PageItems(const BoardView& view, std::vector<StripItem>& items) {
    std::string page =
        "Page " + std::to_string(PageNumber(view.state)) + " of " + std::to_string(view.state.pages.size());
    items.push_back(Item("prev", "\xE2\x80\xB9 Previous", {BoardIntent::Of(Kind::PreviousPage)}));
    items.push_back(Menu("pages", page, "pages-menu"));
    items.push_back(Item("next", "Next \xE2\x80\xBA", {BoardIntent::Of(Kind::NextPage)}));
    std::string step = HideableStep(view);
    bool hidden = !step.empty() && IsHidden(view, step);
    items.push_back(Item("hide", hidden ? "Reveal results" : "Hide results",
                         {WithId(hidden ? Kind::Reveal : Kind::Hide, step)},
                         hidden ? ButtonKind::Primary : ButtonKind::Secondary, !step.empty()));
    bool frozen = view.state.frozen;
    items.push_back(Item("freeze", frozen ? "Unfreeze" : "Freeze", {BoardIntent::Of(Kind::ToggleFreeze)},
                         frozen ? ButtonKind::Primary : ButtonKind::Secondary));
    bool drop_in = view.state.drop_in;
    items.push_back(Item("drop-in", drop_in ? "Drop-in: on" : "Drop-in: off",
                         {BoardIntent::Of(Kind::ToggleDropIn)},
                         drop_in ? ButtonKind::Primary : ButtonKind::Secondary));
}

void TimerItems(const BoardView& view, std::vector<StripItem>& items) {
    if (view.pack.timers.empty()) return;
    const TimerRun& run = view.state.timer;
    std::string label = "Timer";
    if (HasTimer(view))
        label =
            "Timer: " + std::to_string(view.pack.timers[static_cast<std::size_t>(run.timer)].TotalMinutes()) +
            " min";
    items.push_back(Menu("timer", label, "timer-menu"));
    items.push_back(Item("timer-go", run.running ? "Pause" : "Start",
                         {BoardIntent::Of(run.running ? Kind::TimerPause : Kind::TimerStart)},
                         ButtonKind::Secondary, HasTimer(view)));
    items.push_back(Item("timer-reset", "Reset", {BoardIntent::Of(Kind::TimerReset)}, ButtonKind::Secondary,
                         run.running || run.elapsed_before > 0));
}

void RoundItems(const UiFrame& ui, const BoardView& view, std::vector<StripItem>& items) {
    const Tallies& tallies = view.tallies;
    bool earlier = tallies.rounds.size() > 1 || view.state.round_shown != 0;
    items.push_back(Menu("round", "Showing: " + RoundLabel(ui, view), "round-menu", earlier));
    items.push_back(Menu("new-round", "New round", "new-round-menu"));
    int pending = PendingTexts(tallies);
    bool on_moderation = view.state.page.kind == BoardPageKind::Moderation;
    BoardPage back = view.state.previous.kind == BoardPageKind::Moderation ? view.state.pages.front()
                                                                           : view.state.previous;
    std::string label = pending > 0 ? "Moderation (" + Thousands(pending) + " waiting)" : "Moderation";
    if (on_moderation) label = "Close moderation";
    items.push_back(Item("moderation", label, {ShowPage(on_moderation ? back : ModerationPage(view))},
                         pending > 0 && !on_moderation ? ButtonKind::Primary : ButtonKind::Secondary));
    items.push_back(Item("hide-controls", "Hide controls", {BoardIntent::Of(Kind::ToggleControls)}));
}

float MenuWidth(const UiFrame& ui, float units) {
    return std::min(ui.theme.U(units), ImGui::GetMainViewport()->Size.x - 2 * ui.theme.Margin());
}

void PagesMenu(UiFrame& ui, const BoardView& view, BoardIntents& out) {
    float width = MenuWidth(ui, 30);
    std::size_t current = PageNumber(view.state);
    for (std::size_t i = 0; i < view.state.pages.size(); ++i) {
        const BoardPage& page = view.state.pages[i];
        std::string label = std::to_string(i + 1) + "  " + PageName(ui, view, page);
        ImGui::PushID(static_cast<int>(i));
        if (MenuButton(ui, "page", label, width, i + 1 == current)) {
            out.push_back(ShowPage(page));
            ImGui::CloseCurrentPopup();
        }
        ImGui::PopID();
    }
}

void TimerMenu(UiFrame& ui, const BoardView& view, BoardIntents& out) {
    float width = MenuWidth(ui, 24);
    for (std::size_t i = 0; i < view.pack.timers.size(); ++i) {
        const ActivityTimer& timer = view.pack.timers[i];
        std::string label = ui.T(timer.title) + " (" + std::to_string(timer.TotalMinutes()) + " min)";
        ImGui::PushID(static_cast<int>(i));
        if (MenuButton(ui, "timer", label, width, static_cast<int>(i) == view.state.timer.timer)) {
            out.push_back(WithIndex(Kind::TimerChoose, i));
            ImGui::CloseCurrentPopup();
        }
        ImGui::PopID();
    }
}

void RoundMenu(UiFrame& ui, const BoardView& view, BoardIntents& out) {
    float width = MenuWidth(ui, 18);
    const Tallies& tallies = view.tallies;
    std::string current = "Current: Round " + std::to_string(tallies.current_round);
    if (MenuButton(ui, "round-current", current, width, view.state.round_shown == 0)) {
        out.push_back(WithIndex(Kind::ShowRound, 0));
        ImGui::CloseCurrentPopup();
    }
    for (int round : tallies.rounds) {
        if (round == tallies.current_round) continue;
        ImGui::PushID(round);
        if (MenuButton(ui, "round", "Round " + std::to_string(round), width,
                       view.state.round_shown == round)) {
            out.push_back(WithIndex(Kind::ShowRound, static_cast<std::size_t>(round)));
            ImGui::CloseCurrentPopup();
        }
        ImGui::PopID();
    }
    if (MenuButton(ui, "round-all", ui.T(view.pack.board.all_rounds), width,
                   view.state.round_shown == kAllRounds)) {
        out.push_back(BoardIntent::Of(Kind::ShowAllRounds));
        ImGui::CloseCurrentPopup();
    }
    // For the facilitator only (the strip is never projected as a page):
    // visits an edited or damaged file holds are in no figure, and say so.
    if (tallies.left_out > 0) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ImGui::TextUnformatted(LeftOutNote(tallies.left_out).c_str());
        ImGui::PopTextWrapPos();
    }
}

// A new round is the one thing here that cannot be undone: a second tap confirms it.
void NewRoundMenu(UiFrame& ui, const BoardView& view, BoardIntents& out) {
    float width = MenuWidth(ui, 20);
    std::string next = std::to_string(view.tallies.current_round + 1);
    MenuLabel(ui, "Start round " + next + "? Answers so far are kept as earlier rounds.", width);
    ImGui::Dummy(ImVec2(width, ui.theme.U(0.2f)));
    if (MenuButton(ui, "new-round-confirm", "Start round " + next, width, true)) {
        out.push_back(BoardIntent::Of(Kind::NewRound));
        ImGui::CloseCurrentPopup();
    }
    if (MenuButton(ui, "new-round-cancel", "Cancel", width)) ImGui::CloseCurrentPopup();
}

} // namespace

std::string HideableStep(const BoardView& view) {
    const BoardPage& page = view.state.page;
    bool results = page.kind == BoardPageKind::Poll || page.kind == BoardPageKind::Sheet ||
                   page.kind == BoardPageKind::Domains || page.kind == BoardPageKind::CrossTab;
    return results ? page.step_id : std::string();
}

BoardPage ModerationPage(const BoardView& view) {
    for (const BoardPage& page : view.state.pages)
        if (page.kind == BoardPageKind::Moderation) return page;
    BoardPage page;
    page.kind = BoardPageKind::Moderation;
    return page;
}

int PendingTexts(const Tallies& tallies) {
    return static_cast<int>(
        std::count_if(tallies.free_text.begin(), tallies.free_text.end(),
                      [](const FreeText& text) { return text.status == Moderation::Pending; }));
}

std::vector<StripItem> StripItems(const UiFrame& ui, const BoardView& view) {
    std::vector<StripItem> items;
    PageItems(view, items);
    TimerItems(view, items);
    RoundItems(ui, view, items);
    return items;
}

void DrawStripMenu(UiFrame& ui, const BoardView& view, const char* menu, const ImRect& anchor,
                   BoardIntents& out) {
    if (!BeginMenu(ui.theme, menu, anchor.Min, ImVec2(anchor.Min.x, anchor.Max.y))) return;
    std::string name = menu;
    if (name == "pages-menu") PagesMenu(ui, view, out);
    if (name == "timer-menu") TimerMenu(ui, view, out);
    if (name == "round-menu") RoundMenu(ui, view, out);
    if (name == "new-round-menu") NewRoundMenu(ui, view, out);
    ImGui::EndPopup();
}

} // namespace tapsheet
