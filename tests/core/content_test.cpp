// The content model, and the two packs shipped in assets/content checked
// against the seed slides: counts and exact wording.
#include "app/core/content.h"
#include "app/core/loader.h"
#include "app/core/sha256.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace tapsheet {
namespace {

std::string ContentPath(const char* name) {
    return std::string(TAPSHEET_SOURCE_DIR) + "/assets/content/" + name;
}

Pack LoadShipped(const char* name) {
    LoadResult result = LoadPackFile(ContentPath(name));
    for (const LoadError& error : result.errors)
        ADD_FAILURE() << error.ToString();
    return result.pack.value_or(Pack{});
}

std::vector<std::string> Labels(const std::vector<Option>& options) {
    std::vector<std::string> labels;
    for (const Option& option : options)
        labels.push_back(option.label.Get("en"));
    return labels;
}

TEST(LocalText, GetFallsBackToTheDefaultLanguage) {
    LocalText text;
    text.by_lang = {{"en", "Next"}, {"cy", "Ymlaen"}};
    EXPECT_EQ(text.Get("cy"), "Ymlaen");
    EXPECT_EQ(text.Get("en"), "Next");
    EXPECT_EQ(text.Get("ga"), "Next");
    EXPECT_EQ(text.Get(""), "Next");
    EXPECT_FALSE(text.Empty());
}

TEST(LocalText, AnUnwrittenTextIsEmpty) {
    const LocalText text;
    EXPECT_TRUE(text.Empty());
    EXPECT_EQ(text.Get("en"), "");
}

TEST(ActivityTimer, TotalIsTheSumOfPhases) {
    ActivityTimer timer;
    EXPECT_EQ(timer.TotalMinutes(), 0);
    timer.phases = {{LocalText{}, 4}, {LocalText{}, 9}};
    EXPECT_EQ(timer.TotalMinutes(), 13);
}

TEST(Pack, FindStepAndReflection) {
    Pack pack;
    EXPECT_EQ(pack.FindStep("level"), nullptr);
    EXPECT_EQ(pack.Reflection(), nullptr);
    pack.steps.resize(2);
    pack.steps[0].id = "level";
    pack.steps[1].id = "reflect";
    pack.steps[1].kind = StepKind::Reflection;
    EXPECT_EQ(pack.FindStep("reflect"), &pack.steps[1]);
    EXPECT_EQ(pack.Reflection(), &pack.steps[1].reflection);
}

TEST(DefaultPack, StepsInTheOrderOfTheSession) {
    const Pack pack = LoadShipped("default.toml");
    ASSERT_EQ(pack.steps.size(), 6u);
    const char* ids[] = {"level", "aim", "improvement", "benefits", "reflect", "domains"};
    const StepKind kinds[] = {StepKind::Poll,  StepKind::Poll,       StepKind::Poll,
                              StepKind::Sheet, StepKind::Reflection, StepKind::Domains};
    for (int i = 0; i < 6; i++) {
        EXPECT_EQ(pack.steps[i].id, ids[i]);
        EXPECT_EQ(pack.steps[i].kind, kinds[i]);
    }
    EXPECT_EQ(pack.title.Get("en"), "Shifting improvement from the margins to the mainstream");
    ASSERT_EQ(pack.languages.size(), 1u);
    EXPECT_EQ(pack.languages[0].code, "en");
}

TEST(DefaultPack, EnergiserPolls) {
    const Pack pack = LoadShipped("default.toml");
    const Step* level = pack.FindStep("level");
    const Step* aim = pack.FindStep("aim");
    const Step* improvement = pack.FindStep("improvement");
    ASSERT_TRUE(level && aim && improvement);
    EXPECT_EQ(level->prompt.Get("en"), "Are you looking to achieve change at a…");
    EXPECT_EQ(Labels(level->poll.options), (std::vector<std::string>{"System level", "Organisational level",
                                                                     "Individual and team level"}));
    EXPECT_EQ(aim->prompt.Get("en"), "Are you working to…");
    EXPECT_EQ(Labels(aim->poll.options),
              (std::vector<std::string>{"Achieve a particular service goal",
                                        "Create the enabling conditions for improvement"}));
    EXPECT_EQ(improvement->prompt.Get("en"), "Are you aiming to achieve an improvement in terms of…");
    EXPECT_EQ(Labels(improvement->poll.options),
              (std::vector<std::string>{"Patient experience", "Reducing costs", "Population health",
                                        "Staff experience and wellbeing"}));
    EXPECT_FALSE(level->poll.multi);
    EXPECT_FALSE(aim->poll.multi);
    EXPECT_TRUE(improvement->poll.multi);
    EXPECT_TRUE(level->skippable && aim->skippable && improvement->skippable);
}

TEST(DefaultPack, ReflectionSheetHasFourteenBenefitsInThreeGroups) {
    const Pack pack = LoadShipped("default.toml");
    const Step* step = pack.FindStep("benefits");
    ASSERT_NE(step, nullptr);
    const SheetStep& sheet = step->sheet;
    EXPECT_TRUE(step->skippable);
    EXPECT_TRUE(sheet.allow_own);
    EXPECT_EQ(sheet.own_prompt.Get("en"), "Add your own benefit");
    EXPECT_EQ(sheet.project_prompt.Get("en"), "Your improvement project or goal:");
    ASSERT_EQ(sheet.groups.size(), 3u);
    EXPECT_EQ(sheet.groups[0].title.Get("en"), "Priorities for patients");
    EXPECT_EQ(sheet.groups[1].title.Get("en"), "Priorities for staff");
    EXPECT_EQ(sheet.groups[2].title.Get("en"), "Organisation and system priorities");
    EXPECT_EQ(sheet.groups[0].place, "left");
    EXPECT_EQ(sheet.groups[1].place, "right");
    EXPECT_EQ(sheet.groups[2].place, "bottom");
    EXPECT_EQ(Labels(sheet.groups[0].items),
              (std::vector<std::string>{"Improved safety and outcomes", "Easier access and reduced delays",
                                        "Better experience and increased agency"}));
    EXPECT_EQ(Labels(sheet.groups[1].items),
              (std::vector<std::string>{"Improved workplace culture", "Enhanced job control and satisfaction",
                                        "Opportunities for professional development"}));
    EXPECT_EQ(Labels(sheet.groups[2].items),
              (std::vector<std::string>{
                  "More effective adoption of technology", "Stronger collaborative working",
                  "Improved recruitment and retention", "Improved handover and flow",
                  "Reduced waste and avoided costs", "Strategic targeting of scarce resources",
                  "Reliable safety and quality", "More effective scaling of innovation"}));
}

TEST(DefaultPack, ReflectionQuestions) {
    const Pack pack = LoadShipped("default.toml");
    const ReflectionStep* reflection = pack.Reflection();
    ASSERT_NE(reflection, nullptr);
    EXPECT_EQ(reflection, &pack.FindStep("reflect")->reflection);
    ASSERT_EQ(reflection->questions.size(), 3u);
    EXPECT_EQ(reflection->questions[0].Get("en"),
              "How far is your work designed to meet the priorities of all groups? Does this matter?");
    EXPECT_EQ(reflection->questions[2].Get("en"),
              "What support do you need to achieve these benefits and understand progress?");
}

TEST(DefaultPack, TwoSetsOfThreeDomains) {
    const Pack pack = LoadShipped("default.toml");
    const Step* step = pack.FindStep("domains");
    ASSERT_NE(step, nullptr);
    const DomainsStep& domains = step->domains;
    EXPECT_EQ(domains.focus_label.Get("en"), "We focus on this");
    EXPECT_EQ(domains.least_label.Get("en"), "Gets least attention");
    ASSERT_EQ(domains.sets.size(), 2u);
    EXPECT_EQ(domains.sets[0].title.Get("en"), "Creating the conditions");
    EXPECT_EQ(domains.sets[1].title.Get("en"), "Delivering transformation");
    ASSERT_EQ(domains.sets[0].domains.size(), 3u);
    ASSERT_EQ(domains.sets[1].domains.size(), 3u);
    EXPECT_EQ(domains.sets[0].domains[2].name.Get("en"), "Capabilities, connections and culture");
    EXPECT_EQ(domains.sets[1].domains[0].name.Get("en"), "System and pathway redesign");
    EXPECT_EQ(
        domains.sets[0].domains[0].expect.Get("en"),
        "An inspiring vision without the ability and skills to deliver: loss of momentum. Cynicism and low "
        "morale.");
    EXPECT_EQ(
        domains.sets[1].domains[2].expect.Get("en"),
        "Individual tech or other solutions that may not embed well or meet the priorities for the health "
        "system. Increased inequity. Wasted resource and potential.");
}

TEST(DefaultPack, TimersEvidenceAndResources) {
    const Pack pack = LoadShipped("default.toml");
    ASSERT_EQ(pack.timers.size(), 2u);
    EXPECT_EQ(pack.timers[0].id, "benefits-activity");
    EXPECT_EQ(pack.timers[0].TotalMinutes(), 13);
    ASSERT_EQ(pack.timers[0].phases.size(), 2u);
    EXPECT_EQ(pack.timers[0].phases[0].minutes, 4);
    EXPECT_EQ(pack.timers[0].phases[0].name.Get("en"), "Identify the potential benefits");
    EXPECT_EQ(pack.timers[0].phases[1].minutes, 9);
    EXPECT_EQ(pack.timers[1].id, "domains-activity");
    EXPECT_EQ(pack.timers[1].TotalMinutes(), 18);

    ASSERT_EQ(pack.evidence.size(), 4u);
    EXPECT_EQ(pack.evidence[0].title.Get("en"), "Improved workplace culture");
    EXPECT_EQ(pack.evidence[3].title.Get("en"), "Strategic targeting of scarce resources");
    EXPECT_EQ(pack.evidence[3].summary.Get("en"),
              "Improvement approaches can ensure that resources are used "
              "effectively, and that staff time is spent in the most useful way.");
    EXPECT_EQ(pack.evidence[0].points.size(), 3u);
    EXPECT_EQ(pack.evidence[1].points.size(), 2u);
    EXPECT_EQ(pack.evidence[2].points.size(), 3u);
    EXPECT_EQ(pack.evidence[3].points.size(), 2u);

    EXPECT_EQ(pack.resources_url, "https://www.health.org.uk/the-case-for-improvement");
    ASSERT_FALSE(pack.resources.empty());
    EXPECT_EQ(pack.resources[0].url, "https://www.health.org.uk/the-case-for-improvement");
}

TEST(DefaultPack, UiStringsAndKioskSettings) {
    const Pack pack = LoadShipped("default.toml");
    EXPECT_EQ(pack.ui.start.Get("en"), "Tap to start");
    EXPECT_EQ(pack.ui.still_there.Get("en"), "Still there?");
    EXPECT_EQ(pack.ui.step_of.Get("en"), "Step {n} of {total}");
    EXPECT_EQ(pack.attract_prompt.Get("en"), "Tap to start");
    EXPECT_EQ(pack.kiosk.idle_seconds, 45);
    EXPECT_EQ(pack.kiosk.still_there_seconds, 15);
    EXPECT_EQ(pack.kiosk.thanks_seconds, 20);
}

TEST(DefaultPack, SourceTextAndHashAreTheFileBytes) {
    const Pack pack = LoadShipped("default.toml");
    std::ifstream file(ContentPath("default.toml"), std::ios::binary);
    std::stringstream bytes;
    bytes << file.rdbuf();
    EXPECT_EQ(pack.source_text, bytes.str());
    EXPECT_EQ(pack.source_hash, Sha256Hex(bytes.str()));
    EXPECT_EQ(pack.source_hash.size(), 64u);
    EXPECT_EQ(pack.source_path, ContentPath("default.toml"));
}

TEST(WelshDemoPack, ADifferentFlowFromData) {
    const Pack pack = LoadShipped("welsh-demo.toml");
    ASSERT_EQ(pack.steps.size(), 5u);
    const StepKind kinds[] = {StepKind::Info, StepKind::Poll, StepKind::Sheet, StepKind::Poll,
                              StepKind::Domains};
    for (int i = 0; i < 5; i++)
        EXPECT_EQ(pack.steps[i].kind, kinds[i]) << "step " << i;
    EXPECT_EQ(pack.steps[1].poll.options.size(), 4u);
    EXPECT_EQ(pack.steps[3].poll.options.size(), 3u);
    EXPECT_TRUE(pack.steps[3].poll.multi);
    ASSERT_EQ(pack.steps[2].sheet.groups.size(), 2u);
    EXPECT_EQ(pack.steps[2].sheet.groups[0].items.size(), 2u);
    EXPECT_EQ(pack.steps[2].sheet.groups[1].items.size(), 4u);
    ASSERT_EQ(pack.steps[4].domains.sets.size(), 1u);
    EXPECT_EQ(pack.steps[4].domains.sets[0].domains.size(), 2u);
    EXPECT_EQ(pack.Reflection(), nullptr);
    ASSERT_EQ(pack.timers.size(), 1u);
    EXPECT_EQ(pack.timers[0].TotalMinutes(), 10);
    EXPECT_EQ(pack.kiosk.idle_seconds, 60);
}

TEST(WelshDemoPack, TranslationsAndFallback) {
    const Pack pack = LoadShipped("welsh-demo.toml");
    ASSERT_EQ(pack.languages.size(), 3u);
    EXPECT_EQ(pack.languages[0].code, "en");
    EXPECT_EQ(pack.languages[1].name, "Cymraeg");
    EXPECT_EQ(pack.languages[2].code, "ga");
    // The pack's own wording of a program word, in all three languages.
    EXPECT_EQ(pack.ui.project_placeholder.Get("cy"), "Cyffyrddwch i deipio ei enw");
    EXPECT_EQ(pack.ui.project_placeholder.Get("ga"), "Tapáil chun a ainm a chlóscríobh");
    EXPECT_EQ(pack.steps[1].prompt.Get("cy"), "Ydych chi'n gweithio…");
    EXPECT_EQ(pack.steps[1].prompt.Get("ga"), "An bhfuil tú ag obair…");
    EXPECT_EQ(pack.steps[3].poll.options[2].label.Get("cy"), "Pobl hŷn");
    EXPECT_EQ(pack.timers[0].title.Get("cy"), "Trafodaeth grŵp");
    EXPECT_EQ(pack.steps[0].title.Get("ga"), "Fáilte");
    // Left out of [ui]: tapsheet's own words, in Welsh and Irish too.
    EXPECT_EQ(pack.ui.next.Get("cy"), "Nesaf");
    EXPECT_EQ(pack.ui.back.Get("cy"), "Yn ôl");
    EXPECT_EQ(pack.ui.skip.Get("ga"), "Scipeáil");
    EXPECT_EQ(pack.ui.keyboard_done.Get("cy"), "Iawn");
    // A language the pack lacks: the default.
    EXPECT_EQ(pack.ui.next.Get("fr"), "Next");
}

} // namespace
} // namespace tapsheet
