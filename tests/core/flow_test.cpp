#include "app/core/flow.h"

#include <gtest/gtest.h>

namespace tapsheet {
namespace {

LocalText Txt(const std::string& text) {
    return LocalText{{{"en", text}}};
}

Step Poll(const std::string& id, bool multi, std::vector<std::string> options, bool skippable = true) {
    Step step;
    step.id = id;
    step.kind = StepKind::Poll;
    step.skippable = skippable;
    step.poll.multi = multi;
    for (const std::string& option : options)
        step.poll.options.push_back({option, Txt(option)});
    return step;
}

Pack SmallPack() {
    Pack pack;
    pack.id = "test";
    pack.languages = {{"en", "English"}};
    pack.steps.push_back(Poll("level", false, {"system", "org", "team"}));
    pack.steps.push_back(Poll("aims", true, {"patients", "costs"}, false));
    Step sheet;
    sheet.id = "sheet";
    sheet.kind = StepKind::Sheet;
    sheet.skippable = true;
    sheet.sheet.groups.push_back({"g", Txt("G"), "left", {{"b1", Txt("B1")}, {"b2", Txt("B2")}}});
    pack.steps.push_back(sheet);
    Step domains;
    domains.id = "domains";
    domains.kind = StepKind::Domains;
    domains.domains.sets.push_back({"set", Txt("Set"), {{"d1", Txt("D1"), {}}, {"d2", Txt("D2"), {}}}});
    pack.steps.push_back(domains);
    pack.kiosk.idle_seconds = 30;
    pack.kiosk.still_there_seconds = 10;
    pack.kiosk.thanks_seconds = 15;
    return pack;
}

// Acks every command the flow emitted, as a store that commits at once would.
std::vector<StoreCommand> AckAll(Flow& flow, double now) {
    std::vector<StoreCommand> commands = flow.TakeCommands();
    for (const StoreCommand& command : commands)
        flow.Acked(command.seq, true, now);
    return commands;
}

// Starts a visit and answers the two polls, to land on the sheet.
void StartAtSheet(Flow& flow, double& t) {
    flow.Start("en", "v1", t);
    flow.Skip(t += 1);
    AckAll(flow, t);
    flow.Toggle("costs", t += 1);
    flow.Next(t);
    AckAll(flow, t);
}

TEST(Flow, WholeVisitEmitsOneCommandPerAnswer) {
    Pack pack = SmallPack();
    Flow flow(pack);
    double t = 10;
    ASSERT_TRUE(flow.Start("en", "v1", t));
    EXPECT_EQ(flow.Screen(), FlowScreen::Step);
    EXPECT_TRUE(flow.Choose("org", t += 1));
    EXPECT_TRUE(flow.Saving());
    auto commands = AckAll(flow, t);
    ASSERT_EQ(commands.size(), 2u);
    EXPECT_EQ(commands[0].kind, StoreCommand::Kind::BeginVisit);
    EXPECT_EQ(commands[1].answer.step_id, "level");
    ASSERT_EQ(commands[1].answer.rows.size(), 1u);
    EXPECT_EQ(commands[1].answer.rows[0].item_id, "org");
    EXPECT_EQ(flow.CurrentStep().id, "aims");

    EXPECT_FALSE(flow.Next(t += 1)) << "nothing chosen yet";
    EXPECT_TRUE(flow.Toggle("patients", t));
    EXPECT_TRUE(flow.Toggle("costs", t));
    EXPECT_TRUE(flow.Toggle("patients", t));
    EXPECT_TRUE(flow.Next(t));
    commands = AckAll(flow, t);
    // Each toggle saved the draft as it was (walk-away keeps it), then Next.
    ASSERT_EQ(commands.size(), 4u);
    EXPECT_EQ(commands[0].answer.rows.size(), 1u);
    EXPECT_EQ(commands[1].answer.rows.size(), 2u);
    EXPECT_EQ(commands[2].answer.rows.size(), 1u);
    ASSERT_EQ(commands[3].answer.rows.size(), 1u);
    EXPECT_EQ(commands[3].answer.rows[0].item_id, "costs");

    EXPECT_TRUE(flow.Skip(t += 1));
    commands = AckAll(flow, t);
    EXPECT_TRUE(commands[0].answer.skipped);
    EXPECT_EQ(flow.CurrentStep().id, "domains");

    EXPECT_TRUE(flow.Mark("d1", DomainMark::Focus, t += 1));
    EXPECT_TRUE(flow.Mark("d2", DomainMark::Least, t));
    EXPECT_TRUE(flow.Next(t));
    commands = AckAll(flow, t);
    ASSERT_EQ(commands.size(), 3u); // two marks saved as given, then Next
    EXPECT_EQ(commands[2].answer.rows.size(), 2u);
    EXPECT_EQ(commands[2].answer.rows[1].value, "least");
    commands = flow.TakeCommands(); // the last answer's ack ends the visit
    ASSERT_EQ(commands.size(), 1u);
    EXPECT_EQ(commands[0].kind, StoreCommand::Kind::EndVisit);
    EXPECT_EQ(commands[0].end, VisitEnd::Complete);
    EXPECT_EQ(flow.Screen(), FlowScreen::Thanks);
}

TEST(Flow, NoAdvanceUntilTheStoreAcks) {
    Pack pack = SmallPack();
    Flow flow(pack);
    double t = 10;
    flow.Start("en", "v1", t);
    flow.Choose("team", t += 1);
    std::vector<StoreCommand> commands = flow.TakeCommands();
    EXPECT_EQ(flow.CurrentStep().id, "level");
    EXPECT_FALSE(flow.Choose("org", t += 1)) << "a second answer while the first is saving";
    flow.Acked(commands[0].seq, true, t); // the BeginVisit ack does not advance
    EXPECT_EQ(flow.CurrentStep().id, "level");
    flow.Acked(commands[1].seq, true, t);
    EXPECT_EQ(flow.CurrentStep().id, "aims");
}

TEST(Flow, DoubleTapCannotAnswerTwoQuestions) {
    Pack pack = SmallPack();
    pack.steps[1] = Poll("second", false, {"a", "b"});
    Flow flow(pack);
    double t = 10;
    flow.Start("en", "v1", t);
    t += 1;
    EXPECT_TRUE(flow.Choose("system", t));
    AckAll(flow, t + 0.05);
    EXPECT_EQ(flow.CurrentStep().id, "second");
    EXPECT_FALSE(flow.Choose("a", t + 0.15)) << "second tap of a double tap lands on the next question";
    EXPECT_TRUE(flow.TakeCommands().empty());
    EXPECT_TRUE(flow.Choose("a", t + 1.0));
}

TEST(Flow, BackShowsEarlierChoicesAndResaveReplaces) {
    Pack pack = SmallPack();
    Flow flow(pack);
    double t = 10;
    flow.Start("en", "v1", t);
    flow.Choose("org", t += 1);
    AckAll(flow, t);
    EXPECT_TRUE(flow.Back(t += 1));
    EXPECT_EQ(flow.CurrentStep().id, "level");
    EXPECT_TRUE(flow.IsSelected("org"));
    EXPECT_TRUE(flow.CanProceed());
    flow.Choose("team", t += 1);
    auto commands = AckAll(flow, t);
    ASSERT_EQ(commands.size(), 1u);
    EXPECT_EQ(commands[0].answer.step_id, "level");
    EXPECT_EQ(commands[0].answer.rows[0].item_id, "team");
}

TEST(Flow, IdleAsksThenAbandonsAndForgets) {
    Pack pack = SmallPack();
    Flow flow(pack);
    double t = 10;
    flow.Start("en", "v1", t);
    flow.Choose("org", t += 1);
    AckAll(flow, t);
    flow.Touch(t += 1); // the app reports every touch
    flow.Toggle("costs", t);
    flow.Tick(t + 29);
    EXPECT_FALSE(flow.StillThereShown());
    flow.Tick(t + 31);
    EXPECT_TRUE(flow.StillThereShown());
    EXPECT_NEAR(flow.StillThereLeft(t + 36), 5.0, 1e-9);
    flow.Tick(t + 41.5);
    EXPECT_EQ(flow.Screen(), FlowScreen::Attract);
    auto commands = flow.TakeCommands();
    ASSERT_EQ(commands.size(), 2u);
    EXPECT_EQ(commands[0].answer.rows[0].item_id, "costs") << "the tap before walking away was saved";
    EXPECT_EQ(commands[1].kind, StoreCommand::Kind::EndVisit);
    EXPECT_EQ(commands[1].end, VisitEnd::Abandoned);
    // The next person sees nothing of the last one's choices.
    flow.Start("en", "v2", t + 50);
    AckAll(flow, t + 50);
    EXPECT_FALSE(flow.IsSelected("org"));
    flow.Choose("system", t + 51);
    AckAll(flow, t + 51);
    EXPECT_FALSE(flow.IsSelected("costs"));
}

TEST(Flow, StillHereKeepsTheVisit) {
    Pack pack = SmallPack();
    Flow flow(pack);
    double t = 10;
    flow.Start("en", "v1", t);
    flow.Tick(t + 31);
    ASSERT_TRUE(flow.StillThereShown());
    EXPECT_TRUE(flow.StillHere(t + 33));
    flow.Tick(t + 50);
    EXPECT_EQ(flow.Screen(), FlowScreen::Step);
    EXPECT_FALSE(flow.StillThereShown());
}

TEST(Flow, ThanksReturnsToAttractOnItsOwn) {
    Pack pack = SmallPack();
    pack.steps.resize(1);
    Flow flow(pack);
    double t = 10;
    flow.Start("en", "v1", t);
    flow.Choose("org", t += 1);
    AckAll(flow, t);
    EXPECT_EQ(flow.Screen(), FlowScreen::Thanks);
    flow.Tick(t + 14);
    EXPECT_EQ(flow.Screen(), FlowScreen::Thanks);
    flow.Tick(t + 15.1);
    EXPECT_EQ(flow.Screen(), FlowScreen::Attract);
}

TEST(Flow, FailedSaveEndsTheVisitWithoutAdvancing) {
    Pack pack = SmallPack();
    Flow flow(pack);
    double t = 10;
    flow.Start("en", "v1", t);
    flow.Choose("org", t += 1);
    auto commands = flow.TakeCommands();
    flow.Acked(commands[1].seq, false, t);
    EXPECT_TRUE(flow.Failed());
    EXPECT_EQ(flow.Screen(), FlowScreen::Attract);
    EXPECT_FALSE(flow.IsSelected("org"));
    commands = flow.TakeCommands();
    ASSERT_EQ(commands.size(), 1u);
    EXPECT_EQ(commands[0].kind, StoreCommand::Kind::EndVisit);
    EXPECT_EQ(commands[0].end, VisitEnd::Abandoned);
    EXPECT_EQ(commands[0].visit_id, "v1");
}

TEST(Flow, AnOldVisitsFailedEndDoesNotDisturbTheNextOne) {
    Pack pack = SmallPack();
    pack.steps.resize(1);
    Flow flow(pack);
    double t = 10;
    flow.Start("en", "v1", t);
    flow.Choose("org", t += 1);
    AckAll(flow, t); // the last step: the visit ends complete
    std::vector<StoreCommand> end = flow.TakeCommands();
    ASSERT_EQ(end.size(), 1u);
    flow.Done(t += 1);
    ASSERT_TRUE(flow.Start("en", "v2", t += pack.kiosk.cooldown_seconds + 1));
    flow.Acked(end[0].seq, false, t); // v1's end failed late
    EXPECT_EQ(flow.Screen(), FlowScreen::Step);
    EXPECT_EQ(flow.VisitId(), "v2");
}

TEST(Flow, StartWaitsForTheCooldownAfterAVisit) {
    Pack pack = SmallPack();
    pack.steps.resize(1);
    pack.kiosk.cooldown_seconds = 3;
    Flow flow(pack);
    double t = 10;
    EXPECT_FALSE(flow.CoolingDown(t)); // the first visit of the day need not wait
    ASSERT_TRUE(flow.Start("en", "v1", t));
    flow.Choose("org", t += 1);
    AckAll(flow, t);
    ASSERT_TRUE(flow.Done(t += 1));
    const double ended = t;
    EXPECT_TRUE(flow.CoolingDown(t + 1));
    EXPECT_DOUBLE_EQ(flow.NextDeadline(t + 1), ended + 3); // the loop wakes to enable Start again
    EXPECT_FALSE(flow.Start("en", "v2", t + 2.9));
    EXPECT_EQ(flow.Screen(), FlowScreen::Attract);
    EXPECT_FALSE(flow.CoolingDown(ended + 3));
    EXPECT_TRUE(flow.Start("en", "v2", ended + 3));
    EXPECT_EQ(flow.VisitId(), "v2");
}

TEST(Flow, SkipForgetsWhatWasTappedSoBackShowsTheTruth) {
    Pack pack = SmallPack();
    Flow flow(pack);
    double t = 10;
    StartAtSheet(flow, t);
    ASSERT_EQ(flow.CurrentStep().id, "sheet");
    flow.Toggle("b1", t += 1);
    flow.Skip(t);
    auto commands = AckAll(flow, t);
    EXPECT_TRUE(commands.back().answer.skipped);
    EXPECT_TRUE(commands.back().answer.rows.empty());
    ASSERT_TRUE(flow.Back(t += 1));
    ASSERT_EQ(flow.CurrentStep().id, "sheet");
    EXPECT_FALSE(flow.IsSelected("b1")) << "the store has the sheet as skipped";
    EXPECT_EQ(flow.ForwardAction(), Forward::Skip);
}

// A person with nothing to choose is never stuck: Next with nothing chosen
// skips (recorded as a skip), unless the pack made the step required.
TEST(Flow, NextWithNothingChosenSkipsUnlessTheStepIsRequired) {
    Pack pack = SmallPack();
    Flow flow(pack);
    double t = 10;
    flow.Start("en", "v1", t);
    flow.Skip(t += 1);
    AckAll(flow, t);
    ASSERT_EQ(flow.CurrentStep().id, "aims"); // skippable = false
    EXPECT_EQ(flow.ForwardAction(), Forward::NeedsAnswer);
    EXPECT_FALSE(flow.Next(t += 1));
    EXPECT_FALSE(flow.Skip(t));
    EXPECT_TRUE(flow.TakeCommands().empty());
    flow.Toggle("costs", t);
    EXPECT_EQ(flow.ForwardAction(), Forward::Next);
    EXPECT_TRUE(flow.Next(t));
    AckAll(flow, t);
    ASSERT_EQ(flow.CurrentStep().id, "sheet");
    EXPECT_EQ(flow.ForwardAction(), Forward::Skip);
    EXPECT_TRUE(flow.Next(t += 1)) << "Next with nothing chosen is a skip, not a dead button";
    std::vector<StoreCommand> commands = AckAll(flow, t);
    ASSERT_EQ(commands.size(), 1u);
    EXPECT_EQ(commands[0].answer.step_id, "sheet");
    EXPECT_TRUE(commands[0].answer.skipped);
    ASSERT_EQ(flow.CurrentStep().id, "domains");
    EXPECT_TRUE(pack.steps[3].skippable) << "a step is skippable unless the pack says not";
    EXPECT_EQ(flow.ForwardAction(), Forward::Skip);
    flow.Mark("d1", DomainMark::Least, t += 1);
    EXPECT_EQ(flow.ForwardAction(), Forward::Next);
}

TEST(Flow, EachScreenEnteredAndEachKeyboardOpenedIsNew) {
    Pack pack = SmallPack();
    pack.steps[2].sheet.allow_own = true;
    Flow flow(pack);
    double t = 10;
    std::uint64_t attract = flow.ScreenSerial();
    StartAtSheet(flow, t);
    std::uint64_t sheet = flow.ScreenSerial();
    EXPECT_GT(sheet, attract);
    std::uint64_t keyboard = flow.KeyboardSerial();
    ASSERT_TRUE(flow.OpenText(TextField::Own, t += 1));
    EXPECT_GT(flow.KeyboardSerial(), keyboard);
    flow.CloseText(false, t);
    EXPECT_EQ(flow.ScreenSerial(), sheet) << "back from the keyboard, the sheet stays where it was";
    ASSERT_TRUE(flow.Back(t += 1));
    EXPECT_GT(flow.ScreenSerial(), sheet) << "a step gone back to is entered anew";
}

TEST(Flow, TextLimitCountsLettersNotBytes) {
    Pack pack = SmallPack();
    FlowTiming timing;
    timing.max_text = 3;
    Flow flow(pack, timing);
    double t = 10;
    StartAtSheet(flow, t);
    ASSERT_TRUE(flow.OpenText(TextField::Own, t += 1));
    for (int i = 0; i < 5; ++i)
        flow.TypeText("\xC5\xB5"); // ŵ
    EXPECT_EQ(flow.EditBuffer(), "\xC5\xB5\xC5\xB5\xC5\xB5");
}

TEST(Flow, KeyboardEditsWholeCharacters) {
    Pack pack = SmallPack();
    pack.steps[2].sheet.allow_own = true;
    Flow flow(pack);
    double t = 10;
    StartAtSheet(flow, t);
    ASSERT_EQ(flow.CurrentStep().id, "sheet");
    EXPECT_TRUE(flow.OpenText(TextField::Own, t += 1));
    EXPECT_FALSE(flow.Toggle("b1", t += 1)) << "chips are inert under the keyboard";
    flow.TypeText("D");
    flow.TypeText("\xC5\xB5"); // ŵ: two bytes
    flow.Backspace();
    EXPECT_EQ(flow.EditBuffer(), "D");
    flow.TypeText("r");
    EXPECT_TRUE(flow.CloseText(true, t));
    ASSERT_EQ(flow.Draft().own.size(), 1u);
    EXPECT_EQ(flow.Draft().own[0], "Dr");
    EXPECT_TRUE(flow.OpenText(TextField::Project, t += 1));
    flow.TypeText("  ");
    flow.CloseText(true, t);
    EXPECT_EQ(flow.Draft().project, "") << "blank project names are not kept";
    EXPECT_TRUE(flow.Next(t += 1));
    auto commands = AckAll(flow, t);
    ASSERT_EQ(commands[0].answer.rows.size(), 1u);
    EXPECT_EQ(commands[0].answer.rows[0].item_id, "own");
    EXPECT_EQ(commands[0].answer.rows[0].value, "Dr");
}

TEST(Flow, DomainMarksToggleAndSwitch) {
    Pack pack = SmallPack();
    pack.steps.erase(pack.steps.begin(), pack.steps.begin() + 3);
    Flow flow(pack);
    double t = 10;
    flow.Start("en", "v1", t);
    t += 1;
    flow.Mark("d1", DomainMark::Focus, t);
    EXPECT_EQ(flow.MarkOf("d1"), DomainMark::Focus);
    flow.Mark("d1", DomainMark::Least, t);
    EXPECT_EQ(flow.MarkOf("d1"), DomainMark::Least);
    flow.Mark("d1", DomainMark::Least, t);
    EXPECT_EQ(flow.MarkOf("d1"), DomainMark::None);
    EXPECT_FALSE(flow.CanProceed());
}

} // namespace
} // namespace tapsheet
