// What a new organiser and attendees ran into (issue 9, item 5), through real
// Dear ImGui frames, real fonts and a real database: a way forward on every
// step, steps that open at their top, no empty navigation row, a "more
// below" marker that scrolls, the mouse wheel, and visits wholly in Welsh or
// Irish when a pack translates none of the program's own words.
#include "kiosk_harness.h"

#include "app/core/loader.h"
#include "app/core/program_words.h"
#include "app/store/reader.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace tapsheet {
namespace {

// An organiser's own pack, written as the README shows: no `skippable`
// anywhere, no [ui] table, three languages. Long enough to scroll at 800x480.
constexpr const char* kOrganiserPack = R"(id = "organiser"
title = { en = "Improvement day", cy = "Diwrnod gwella", ga = "Lá feabhsúcháin" }
attract_prompt = { en = "Tap to start", cy = "Cyffyrddwch i ddechrau", ga = "Tapáil chun tosú" }
languages = [
    { code = "en", name = "English" },
    { code = "cy", name = "Cymraeg" },
    { code = "ga", name = "Gaeilge" },
]

[[steps]]
id = "role"
kind = "poll"
title = { en = "You", cy = "Chi", ga = "Tú féin" }
prompt = { en = "Where do you work?", cy = "Ble rydych chi'n gweithio?", ga = "Cá n-oibríonn tú?" }
options = [
    { id = "ward", label = { en = "Ward", cy = "Ward", ga = "Barda" } },
    { id = "clinic", label = { en = "Clinic", cy = "Clinig", ga = "Clinic" } },
]

[[steps]]
id = "gains"
kind = "sheet"
title = { en = "Gains", cy = "Enillion", ga = "Buntáistí" }
prompt = { en = "Tap every benefit that could apply.", cy = "Cyffyrddwch â phob mantais.", ga = "Tapáil gach buntáiste." }
allow_own = true

[[steps.groups]]
id = "people"
title = { en = "People", cy = "Pobl", ga = "Daoine" }
items = [
    { id = "p1", label = { en = "Benefit one", cy = "Mantais un", ga = "Buntáiste a haon" } },
    { id = "p2", label = { en = "Benefit two", cy = "Mantais dau", ga = "Buntáiste a dó" } },
    { id = "p3", label = { en = "Benefit three", cy = "Mantais tri", ga = "Buntáiste a trí" } },
    { id = "p4", label = { en = "Benefit four", cy = "Mantais pedwar", ga = "Buntáiste a ceathair" } },
    { id = "p5", label = { en = "Benefit five", cy = "Mantais pump", ga = "Buntáiste a cúig" } },
    { id = "p6", label = { en = "Benefit six", cy = "Mantais chwech", ga = "Buntáiste a sé" } },
]

[[steps.groups]]
id = "places"
title = { en = "Places", cy = "Lleoedd", ga = "Áiteanna" }
items = [
    { id = "q1", label = { en = "Place one", cy = "Lle un", ga = "Áit a haon" } },
    { id = "q2", label = { en = "Place two", cy = "Lle dau", ga = "Áit a dó" } },
    { id = "q3", label = { en = "Place three", cy = "Lle tri", ga = "Áit a trí" } },
    { id = "q4", label = { en = "Place four", cy = "Lle pedwar", ga = "Áit a ceathair" } },
    { id = "q5", label = { en = "Place five", cy = "Lle pump", ga = "Áit a cúig" } },
    { id = "q6", label = { en = "Place six", cy = "Lle chwech", ga = "Áit a sé" } },
]

[[steps]]
id = "effort"
kind = "domains"
title = { en = "Effort", cy = "Ymdrech", ga = "Iarracht" }
prompt = { en = "Where does your team put its effort?", cy = "Ble mae eich tîm yn rhoi ei ymdrech?", ga = "Cá gcuireann d'fhoireann a hiarracht?" }
focus_label = { en = "We focus on this", cy = "Rydym yn canolbwyntio ar hyn", ga = "Dírímid air seo" }
least_label = { en = "Gets least attention", cy = "Yn cael y sylw lleiaf", ga = "Is lú aird a fhaigheann sé" }

[[steps.sets]]
id = "ways"
title = { en = "Ways of working", cy = "Ffyrdd o weithio", ga = "Bealaí oibre" }

[[steps.sets.domains]]
id = "d1"
name = { en = "Leadership", cy = "Arweinyddiaeth", ga = "Ceannaireacht" }

[[steps.sets.domains]]
id = "d2"
name = { en = "Everyday improvement", cy = "Gwella bob dydd", ga = "Feabhsú laethúil" }

[[steps.sets.domains]]
id = "d3"
name = { en = "Redesign", cy = "Ailgynllunio", ga = "Athdhearadh" }

[[steps.sets.domains]]
id = "d4"
name = { en = "Innovation", cy = "Arloesi", ga = "Nuálaíocht" }
)";

Pack LoadOrganiserPack(const std::string& extra_first_step = "", const std::string& replace = "",
                       const std::string& with = "") {
    std::string text = kOrganiserPack;
    if (!replace.empty()) text.replace(text.find(replace), replace.size(), with);
    if (!extra_first_step.empty()) text.insert(text.find("[[steps]]"), extra_first_step);
    LoadResult result = LoadPackText(text, "organiser.toml");
    EXPECT_TRUE(result.pack) << (result.errors.empty() ? "" : result.errors.front().ToString());
    return *result.pack;
}

std::unique_ptr<VisitWriter> MakeWriter(const std::string& db, const Pack& pack) {
    WriterOptions options;
    options.db_path = db;
    options.kiosk_id = "ux-kiosk";
    return std::make_unique<VisitWriter>(options, pack);
}

void GoTo(KioskHarness& kiosk, const std::string& step_id) {
    for (int i = 0; i < 10 && kiosk.GetFlow().CurrentStep().id != step_id; ++i)
        ASSERT_TRUE(kiosk.TapAndSettle("skip")) << "on " << kiosk.GetFlow().CurrentStep().id;
    ASSERT_EQ(kiosk.GetFlow().CurrentStep().id, step_id);
}

// Drags the body up until it is at its end, as a finger would.
void ScrollToEnd(KioskHarness& kiosk) {
    for (int i = 0; i < 20 && kiosk.Find("more-below"); ++i) {
        ImRect body = kiosk.RectOf("body");
        kiosk.DragAt(ImVec2(body.GetCenter().x, body.Max.y - 10), 0, -(body.GetHeight() - 20));
    }
}

TEST(KioskWayForward, SheetAndDomainsWithNothingTappedOfferSkip) {
    Pack pack = LoadOrganiserPack();
    std::string db = TempDir("ux-skip") + "/kiosk.db";
    KioskHarness kiosk(pack, MakeWriter(db, pack), 800, 480);
    ASSERT_TRUE(kiosk.TapAndSettle("Tap to start"));
    std::string visit = kiosk.GetFlow().VisitId();
    GoTo(kiosk, "gains");
    // Nothing tapped: the way on is Skip, never a dead Next.
    EXPECT_EQ(kiosk.Find("next"), nullptr);
    const TapTarget* skip = kiosk.Find("skip");
    ASSERT_NE(skip, nullptr);
    EXPECT_TRUE(skip->enabled);
    // Choosing turns it into Next; unchoosing back into Skip.
    ASSERT_TRUE(kiosk.Tap("Benefit one"));
    EXPECT_EQ(kiosk.Find("skip"), nullptr);
    ASSERT_NE(kiosk.Find("next"), nullptr);
    EXPECT_TRUE(kiosk.Find("next")->enabled);
    ASSERT_TRUE(kiosk.Tap("Benefit one"));
    ASSERT_NE(kiosk.Find("skip"), nullptr);
    ASSERT_TRUE(kiosk.TapAndSettle("skip"));
    ASSERT_EQ(kiosk.GetFlow().CurrentStep().id, "effort");
    EXPECT_EQ(kiosk.Find("next"), nullptr);
    ASSERT_TRUE(kiosk.TapAndSettle("skip"));
    EXPECT_EQ(kiosk.GetFlow().Screen(), FlowScreen::Thanks);
    ASSERT_TRUE(kiosk.WaitSaved());
    StoreReader reader(db);
    ASSERT_TRUE(reader.Ok()) << reader.Error();
    std::vector<std::string> skipped = reader.SkippedSteps(visit);
    std::sort(skipped.begin(), skipped.end());
    EXPECT_EQ(skipped, (std::vector<std::string>{"effort", "gains", "role"}));
    EXPECT_EQ(reader.Visit(visit)->status, "complete");
    for (const StoredAnswer& answer : reader.Answers(visit))
        ADD_FAILURE() << "a skipped step left an answer: " << answer.step_id << " " << answer.item_id;
}

TEST(KioskWayForward, ARequiredStepSaysWhyNextWaits) {
    Pack pack = LoadOrganiserPack("", "allow_own = true", "allow_own = true\nskippable = false");
    std::string db = TempDir("ux-required") + "/kiosk.db";
    KioskHarness kiosk(pack, MakeWriter(db, pack), 800, 480);
    ASSERT_TRUE(kiosk.TapAndSettle("Tap to start"));
    std::string visit = kiosk.GetFlow().VisitId();
    GoTo(kiosk, "gains");
    EXPECT_EQ(kiosk.Find("skip"), nullptr) << "the organiser made this step required";
    const TapTarget* next = kiosk.Find("next");
    ASSERT_NE(next, nullptr);
    EXPECT_FALSE(next->enabled);
    EXPECT_TRUE(kiosk.Shows(pack.ui.needs_answer.Get("en"))) << "Next must not wait silently";
    ASSERT_TRUE(kiosk.Tap("Place two"));
    EXPECT_FALSE(kiosk.Shows(pack.ui.needs_answer.Get("en")));
    ASSERT_TRUE(kiosk.TapAndSettle("next"));
    EXPECT_EQ(kiosk.GetFlow().CurrentStep().id, "effort");
    ASSERT_TRUE(kiosk.WaitSaved());
    StoreReader reader(db);
    std::vector<StoredAnswer> answers = reader.Answers(visit);
    ASSERT_EQ(answers.size(), 1u);
    EXPECT_EQ(answers[0].item_id, "q2");
}

// A required single-choice poll first: no Back, no Skip, no Next. The row
// they would sit in is not kept empty: the options have the whole height.
TEST(KioskWayForward, TheFirstStepKeepsNoEmptyNavigationRow) {
    const std::string first = R"([[steps]]
id = "six"
kind = "poll"
skippable = false
prompt = "Pick one"
options = [
    { id = "o1", label = "One" }, { id = "o2", label = "Two" }, { id = "o3", label = "Three" },
    { id = "o4", label = "Four" }, { id = "o5", label = "Five" }, { id = "o6", label = "Six" },
]

)";
    Pack pack = LoadOrganiserPack(first);
    KioskHarness kiosk(pack, nullptr, 800, 480);
    ASSERT_TRUE(kiosk.TapAndSettle("Tap to start"));
    ASSERT_EQ(kiosk.GetFlow().CurrentStep().id, "six");
    for (const char* id : {"back", "skip", "next"})
        EXPECT_EQ(kiosk.Find(id), nullptr) << id;
    ImRect body = kiosk.RectOf("body");
    EXPECT_GE(body.Max.y, 480 - kiosk.GetTheme().Margin() - 1) << "the body stops above an empty row";
    // The sixth option is reached by scrolling, and answers.
    ASSERT_TRUE(kiosk.TapAndSettle("Six"));
    EXPECT_EQ(kiosk.GetFlow().CurrentStep().id, "role");
    EXPECT_NE(kiosk.Find("back"), nullptr);
}

// A frame slow enough to take the whole slide and the lift at once (the
// QEMU guest's software rendering did) still scrolls by the slide, and a
// slide over a chip that ends with the lift does not toggle it.
TEST(KioskScrolling, ASlideThatEndsWithItsLiftInOneFrameScrolls) {
    Pack pack = LoadOrganiserPack();
    KioskHarness kiosk(pack, nullptr, 800, 480);
    ASSERT_TRUE(kiosk.TapAndSettle("Tap to start"));
    GoTo(kiosk, "gains");
    ASSERT_NE(kiosk.Find("more-below"), nullptr) << "the sheet should scroll at 800x480";
    const ImRect body = kiosk.RectOf("body");
    const ImVec2 from(body.GetCenter().x, body.Max.y - 20);
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMousePosEvent(from.x, from.y);
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    kiosk.Frame();
    io.AddMousePosEvent(from.x, from.y - 120);
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    kiosk.Frame();
    kiosk.Frame();
    EXPECT_GT(kiosk.ScrollOf("body"), 60.0f) << "the slide scrolled the sheet";
    EXPECT_TRUE(kiosk.GetFlow().Draft().selected.empty()) << "the slide toggled nothing";
}

TEST(KioskScrolling, EveryStepOpensAtItsTop) {
    Pack pack = LoadOrganiserPack();
    KioskHarness kiosk(pack, nullptr, 800, 480);
    ASSERT_TRUE(kiosk.TapAndSettle("Tap to start"));
    GoTo(kiosk, "gains");
    ScrollToEnd(kiosk);
    ASSERT_GT(kiosk.ScrollOf("body"), 100.0f) << "the sheet should scroll at 800x480";
    ASSERT_TRUE(kiosk.TapAndSettle("skip"));
    ASSERT_EQ(kiosk.GetFlow().CurrentStep().id, "effort");
    EXPECT_EQ(kiosk.ScrollOf("body"), 0.0f) << "the domains opened where the sheet was left";
    const TapTarget* first_row = kiosk.Find("focus-d1");
    ASSERT_NE(first_row, nullptr);
    EXPECT_TRUE(first_row->visible);
    // Back shows the step before from its top too.
    ScrollToEnd(kiosk);
    ASSERT_GT(kiosk.ScrollOf("body"), 0.0f);
    ASSERT_TRUE(kiosk.TapAndSettle("back"));
    ASSERT_EQ(kiosk.GetFlow().CurrentStep().id, "gains");
    EXPECT_EQ(kiosk.ScrollOf("body"), 0.0f);
    // Typing keeps the sheet where it was: the keyboard is not a new step.
    ScrollToEnd(kiosk);
    float before = kiosk.ScrollOf("body");
    ASSERT_TRUE(kiosk.TapAndSettle("add-own"));
    ASSERT_EQ(kiosk.GetFlow().EditingField(), TextField::Own);
    ASSERT_TRUE(kiosk.Tap("key-done"));
    kiosk.Advance(0.5);
    kiosk.Frame();
    EXPECT_EQ(kiosk.ScrollOf("body"), before);
}

TEST(KioskScrolling, TheMoreBelowMarkerScrollsWhenTapped) {
    Pack pack = LoadOrganiserPack();
    for (auto [w, h] : {std::pair{800, 480}, std::pair{720, 1280}, std::pair{1920, 1080}}) {
        SCOPED_TRACE(std::to_string(w) + "x" + std::to_string(h));
        KioskHarness kiosk(pack, nullptr, w, h);
        ASSERT_TRUE(kiosk.TapAndSettle("Tap to start"));
        GoTo(kiosk, "gains");
        if (h == 1080 || h == 1280) {
            // Tall screens show the whole sheet: no marker to tap.
            if (!kiosk.Find("more-below")) continue;
        }
        const TapTarget* marker = kiosk.Find("more-below");
        ASSERT_NE(marker, nullptr);
        EXPECT_GE(marker->max.y - marker->min.y + 0.5f, kiosk.GetTheme().target_min) << "a finger's size";
        float before = kiosk.ScrollOf("body");
        ImVec2 centre((marker->min.x + marker->max.x) / 2, (marker->min.y + marker->max.y) / 2);
        kiosk.TapAt(centre);
        kiosk.Frame();
        EXPECT_GT(kiosk.ScrollOf("body"), before + 50.0f);
        EXPECT_TRUE(kiosk.GetFlow().Draft().selected.empty()) << "the tap toggled a chip under the marker";
        // Tapping on reaches the end, where the marker goes away.
        for (int i = 0; i < 10 && kiosk.Find("more-below"); ++i) {
            kiosk.TapAt(centre);
            kiosk.Frame();
        }
        EXPECT_EQ(kiosk.Find("more-below"), nullptr);
        EXPECT_TRUE(kiosk.Find("add-own")->visible);
        EXPECT_TRUE(kiosk.GetFlow().Draft().selected.empty());
    }
}

// On a wide screen the marker reaches past the list into the page margin:
// a finger on that part of it counts too.
TEST(KioskScrolling, TheMarkersPartInTheMarginScrollsToo) {
    LoadResult loaded = LoadPackFile(DefaultPackPath());
    ASSERT_TRUE(loaded.pack);
    KioskHarness kiosk(*loaded.pack, nullptr, 1920, 1080);
    ASSERT_TRUE(kiosk.TapAndSettle("Tap to start"));
    GoTo(kiosk, "benefits");
    const TapTarget* marker = kiosk.Find("more-below");
    ASSERT_NE(marker, nullptr);
    ImRect body = kiosk.RectOf("body");
    ASSERT_GT(marker->max.x, body.Max.x + 4) << "the marker reaches into the margin at 1920x1080";
    float before = kiosk.ScrollOf("body");
    kiosk.TapAt(ImVec2(marker->max.x - 2, (marker->min.y + marker->max.y) / 2));
    kiosk.Frame();
    EXPECT_GT(kiosk.ScrollOf("body"), before + 50.0f);
}

TEST(KioskScrolling, TheMouseWheelScrollsTheBody) {
    Pack pack = LoadOrganiserPack();
    KioskHarness kiosk(pack, nullptr, 800, 480);
    ASSERT_TRUE(kiosk.TapAndSettle("Tap to start"));
    GoTo(kiosk, "gains");
    ImRect body = kiosk.RectOf("body");
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(body.GetCenter().x, body.GetCenter().y);
    kiosk.Frame();
    io.AddMouseWheelEvent(0, -1);
    kiosk.Frame();
    kiosk.Frame();
    EXPECT_GT(kiosk.ScrollOf("body"), 10.0f);
    float down = kiosk.ScrollOf("body");
    io.AddMouseWheelEvent(0, 1);
    kiosk.Frame();
    kiosk.Frame();
    EXPECT_LT(kiosk.ScrollOf("body"), down);
}

} // namespace
} // namespace tapsheet
