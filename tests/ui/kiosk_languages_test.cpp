// A Welsh or Irish visit through real frames, with a pack that translates its
// own texts but none of the program's words (no [ui] table): every word the
// program owns is in the visit's language, on every screen, and the attract
// screen offers the event in each of its languages.
#include "glyph_check.h"
#include "kiosk_harness.h"

#include "app/core/loader.h"
#include "app/core/program_words.h"

#include <gtest/gtest.h>

#include <regex>

namespace tapsheet {
namespace {

constexpr const char* kPack = R"(id = "three-languages"
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
prompt = { en = "Where do you work?", cy = "Ble rydych chi'n gweithio?", ga = "Cá n-oibríonn tú?" }
options = [
    { id = "ward", label = { en = "On a ward", cy = "Ar ward", ga = "Ar bharda" } },
    { id = "clinic", label = { en = "In a clinic", cy = "Mewn clinig", ga = "I gclinic" } },
]

[[steps]]
id = "gains"
kind = "sheet"
prompt = { en = "Tap every benefit.", cy = "Cyffyrddwch â phob mantais.", ga = "Tapáil gach buntáiste." }
allow_own = true
project_prompt = { en = "Your project", cy = "Eich prosiect", ga = "Do thionscadal" }

[[steps.groups]]
id = "people"
title = { en = "People", cy = "Pobl", ga = "Daoine" }
items = [
    { id = "care", label = { en = "Better care", cy = "Gofal gwell", ga = "Cúram níos fearr" } },
]

[[steps]]
id = "effort"
kind = "domains"
prompt = { en = "Where does the effort go?", cy = "Ble mae'r ymdrech yn mynd?", ga = "Cá dtéann an iarracht?" }
focus_label = { en = "We focus on this", cy = "Rydym yn canolbwyntio ar hyn", ga = "Dírímid air seo" }
least_label = { en = "Gets least attention", cy = "Yn cael y sylw lleiaf", ga = "Is lú aird a fhaigheann sé" }

[[steps.sets]]
id = "ways"
title = { en = "Ways of working", cy = "Ffyrdd o weithio", ga = "Bealaí oibre" }

[[steps.sets.domains]]
id = "lead"
name = { en = "Leadership", cy = "Arweinyddiaeth", ga = "Ceannaireacht" }
)";

// The program's English words as patterns: "Step {n} of {total}" matches
// "Step 1 of 3". A drawn text that matches one is English leaking through.
std::vector<std::regex> EnglishWords() {
    std::vector<std::regex> words;
    for (std::string_view key : ProgramWordKeys("ui")) {
        std::string english(ProgramWord("ui", key, "en"));
        if (english == ProgramWord("ui", key, "cy") || english == ProgramWord("ui", key, "ga")) continue;
        std::string pattern = std::regex_replace(english, std::regex(R"([.?*+()\[\]|^$\\])"), R"(\$&)");
        pattern = std::regex_replace(pattern, std::regex(R"(\\\{[a-z]+\\\}|\{[a-z]+\})"), ".*");
        words.emplace_back("(\xE2\x80\xB9 |\\+ )?" + pattern + "( \xE2\x80\xBA| \\([0-9]+\\))?");
    }
    return words;
}

void ExpectNoEnglish(const KioskHarness& kiosk, const std::string& where) {
    const std::vector<std::regex> english = EnglishWords();
    std::vector<std::string> shown;
    for (const TapTarget& target : kiosk.Targets())
        if (target.text) shown.push_back(target.label);
    for (const DrawnText& text : kiosk.Texts())
        shown.push_back(text.text);
    for (const std::string& text : shown)
        for (const std::regex& word : english)
            EXPECT_FALSE(std::regex_match(text, word)) << where << ": English shows: '" << text << "'";
}

// Every shown text has its glyphs: the fonts hold the pack's characters in
// all its languages, so switching language at run time needs no new ones.
void ExpectGlyphs(const KioskHarness& kiosk, const std::string& where) {
    std::string shown;
    for (const TapTarget& target : kiosk.Targets())
        if (target.text) shown += target.label + "\n";
    for (const DrawnText& text : kiosk.Texts())
        shown += text.text + "\n";
    EXPECT_EQ(MissingGlyphs(kiosk.GetTheme(), shown), "") << where;
}

std::string Label(const KioskHarness& kiosk, const std::string& id) {
    const TapTarget* target = kiosk.Find(id);
    return target ? target->label : "(no " + id + ")";
}

class KioskLanguage : public testing::TestWithParam<const char*> {};

TEST_P(KioskLanguage, EveryWordOfTheProgramIsInTheVisitsLanguage) {
    const std::string lang = GetParam();
    LoadResult loaded = LoadPackText(kPack, "three.toml");
    ASSERT_TRUE(loaded.pack) << loaded.errors.front().ToString();
    const Pack& pack = *loaded.pack;
    const UiStrings& s = pack.ui;
    auto word = [&](const LocalText& text) { return text.Get(lang); };
    KioskHarness kiosk(pack, nullptr, 800, 480);

    // The attract screen: the event in each language, and each language's prompt.
    for (const char* title : {"Improvement day", "Diwrnod gwella", "Lá feabhsúcháin"})
        EXPECT_TRUE(kiosk.Shows(title)) << title;
    EXPECT_EQ(Label(kiosk, "start"), "Tap to start");
    EXPECT_TRUE(kiosk.Shows("Cyffyrddwch i ddechrau"));
    EXPECT_TRUE(kiosk.Shows("Tapáil chun tosú"));
    ExpectGlyphs(kiosk, "attract");
    const std::string name = lang == "cy" ? "Cymraeg" : "Gaeilge";
    ASSERT_TRUE(kiosk.TapAndSettle(name));
    ASSERT_EQ(kiosk.GetFlow().Lang(), lang);

    // A poll: the step counter, "Choose one", Skip.
    EXPECT_TRUE(kiosk.Shows(lang == "cy" ? "Cam 1 o 3" : "Céim 1 as 3"));
    EXPECT_TRUE(kiosk.Shows(word(s.choose_one)));
    EXPECT_EQ(Label(kiosk, "skip"), word(s.skip));
    ExpectNoEnglish(kiosk, "poll");
    ExpectGlyphs(kiosk, "poll");
    ASSERT_TRUE(kiosk.TapAndSettle("skip"));

    // The sheet: Back, Skip, then Next once something is chosen.
    EXPECT_EQ(Label(kiosk, "back"), "\xE2\x80\xB9 " + word(s.back));
    EXPECT_EQ(Label(kiosk, "project"), word(s.project_placeholder));
    EXPECT_EQ(Label(kiosk, "add-own"), "+ " + word(s.add_own));
    ExpectNoEnglish(kiosk, "sheet");
    ExpectGlyphs(kiosk, "sheet");
    ASSERT_TRUE(kiosk.Tap("care"));
    EXPECT_EQ(Label(kiosk, "next"), word(s.next) + " \xE2\x80\xBA");
    ExpectNoEnglish(kiosk, "sheet, chosen");
    ExpectGlyphs(kiosk, "sheet, chosen");

    // The keyboard.
    ASSERT_TRUE(kiosk.TapAndSettle("add-own"));
    EXPECT_EQ(Label(kiosk, "key-done"), word(s.keyboard_done));
    EXPECT_EQ(Label(kiosk, "key-cancel"), word(s.keyboard_cancel));
    ExpectNoEnglish(kiosk, "keyboard");
    ExpectGlyphs(kiosk, "keyboard");
    ASSERT_TRUE(kiosk.Tap("key-cancel"));
    kiosk.Advance(0.5);
    kiosk.Frame();

    // "Still there?"
    kiosk.Advance(pack.kiosk.idle_seconds + 1.0);
    kiosk.Frame();
    kiosk.Frame();
    ASSERT_TRUE(kiosk.GetFlow().StillThereShown());
    EXPECT_TRUE(kiosk.Shows(word(s.still_there)));
    EXPECT_TRUE(kiosk.Shows(word(s.still_there_body)));
    EXPECT_EQ(Label(kiosk, "still-here"), word(s.continue_label));
    EXPECT_EQ(Label(kiosk, "start-over"), word(s.start_over));
    ExpectNoEnglish(kiosk, "still there");
    ExpectGlyphs(kiosk, "still there");
    ASSERT_TRUE(kiosk.Tap("still-here"));
    kiosk.Advance(0.5);
    kiosk.Frame();
    ASSERT_TRUE(kiosk.TapAndSettle("next"));

    // The last step: Finish.
    ASSERT_EQ(kiosk.GetFlow().CurrentStep().id, "effort");
    ASSERT_TRUE(kiosk.Tap("focus-lead"));
    EXPECT_EQ(Label(kiosk, "next"), word(s.finish));
    ExpectNoEnglish(kiosk, "domains");
    ExpectGlyphs(kiosk, "domains");
    ASSERT_TRUE(kiosk.TapAndSettle("next"));

    // Thanks.
    ASSERT_EQ(kiosk.GetFlow().Screen(), FlowScreen::Thanks);
    EXPECT_TRUE(kiosk.Shows(word(s.thanks_title)));
    EXPECT_TRUE(kiosk.Shows(word(s.thanks_body)));
    EXPECT_EQ(Label(kiosk, "done").rfind(word(s.done) + " (", 0), 0u) << Label(kiosk, "done");
    ExpectNoEnglish(kiosk, "thanks");
    ExpectGlyphs(kiosk, "thanks");
    // And these are tapsheet's own words, not the pack's (it has no [ui]).
    EXPECT_EQ(word(s.still_there), ProgramWord("ui", "still_there", lang));
    EXPECT_NE(word(s.still_there), ProgramWord("ui", "still_there", "en"));
}

INSTANTIATE_TEST_SUITE_P(WelshAndIrish, KioskLanguage, testing::Values("cy", "ga"),
                         [](const testing::TestParamInfo<const char*>& info) {
                             return std::string(info.param);
                         });

} // namespace
} // namespace tapsheet
