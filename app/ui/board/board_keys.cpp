// The facilitator's keys on the board machine. Each does what a strip
// button does, so the strip can stay hidden from the projected image.
#include "app/ui/board/board_controls.h"

namespace tapsheet {

namespace {

using Kind = BoardIntent::Kind;

bool Pressed(ImGuiKey key) {
    return ImGui::IsKeyPressed(key, false);
}

BoardIntent ShowPage(const BoardPage& page) {
    BoardIntent intent = BoardIntent::Of(Kind::ShowPage);
    intent.page = page;
    return intent;
}

// 1..9 choose pages one to nine, 0 the tenth.
void DigitKeys(const BoardView& view, BoardIntents& out) {
    for (int digit = 0; digit <= 9; ++digit) {
        ImGuiKey top = static_cast<ImGuiKey>(ImGuiKey_0 + digit);
        ImGuiKey pad = static_cast<ImGuiKey>(ImGuiKey_Keypad0 + digit);
        if (!Pressed(top) && !Pressed(pad)) continue;
        std::size_t index = digit == 0 ? 9 : static_cast<std::size_t>(digit - 1);
        if (index < view.state.pages.size()) out.push_back(ShowPage(view.state.pages[index]));
    }
}

// Space starts or pauses the timer, choosing the pack's first if none is.
void TimerKey(const BoardView& view, BoardIntents& out) {
    const TimerRun& run = view.state.timer;
    if (view.pack.timers.empty()) return;
    if (run.timer < 0) {
        BoardIntent choose = BoardIntent::Of(Kind::TimerChoose);
        choose.index = 0;
        out.push_back(choose);
    }
    out.push_back(BoardIntent::Of(run.running ? Kind::TimerPause : Kind::TimerStart));
}

void HideKey(const BoardView& view, BoardIntents& out) {
    std::string step = HideableStep(view);
    if (step.empty()) return;
    BoardIntent intent = BoardIntent::Of(IsHidden(view, step) ? Kind::Reveal : Kind::Hide);
    intent.id = step;
    out.push_back(intent);
}

// M opens the moderation list, and from it goes back where it came from.
void ModerationKey(const BoardView& view, BoardIntents& out) {
    const BoardState& state = view.state;
    if (state.page.kind != BoardPageKind::Moderation) {
        out.push_back(ShowPage(ModerationPage(view)));
        return;
    }
    bool came_from_elsewhere = state.previous.kind != BoardPageKind::Moderation;
    out.push_back(ShowPage(came_from_elsewhere ? state.previous : state.pages.front()));
}

void TimerPageKey(const BoardView& view, BoardIntents& out) {
    for (const BoardPage& page : view.state.pages)
        if (page.kind == BoardPageKind::Timer) out.push_back(ShowPage(page));
}

} // namespace

void BoardKeys(const BoardView& view, BoardIntents& out) {
    if (Pressed(ImGuiKey_LeftArrow) || Pressed(ImGuiKey_PageUp))
        out.push_back(BoardIntent::Of(Kind::PreviousPage));
    if (Pressed(ImGuiKey_RightArrow) || Pressed(ImGuiKey_PageDown))
        out.push_back(BoardIntent::Of(Kind::NextPage));
    DigitKeys(view, out);
    if (Pressed(ImGuiKey_Space)) TimerKey(view, out);
    if (Pressed(ImGuiKey_F)) out.push_back(BoardIntent::Of(Kind::ToggleFreeze));
    if (Pressed(ImGuiKey_H)) HideKey(view, out);
    if (Pressed(ImGuiKey_D)) out.push_back(BoardIntent::Of(Kind::ToggleDropIn));
    if (Pressed(ImGuiKey_C)) out.push_back(BoardIntent::Of(Kind::ToggleControls));
    if (Pressed(ImGuiKey_M)) ModerationKey(view, out);
    if (Pressed(ImGuiKey_T)) TimerPageKey(view, out);
}

} // namespace tapsheet
