// The [ui], [board] and [report] tables: words of the kiosk's own chrome
// (buttons, notices), of the board's pages (counts, totals, the timer) and
// of the organiser's report.
#include "app/core/loader_reader.h"
#include "app/core/program_words.h"

#include <algorithm>
#include <array>

namespace tapsheet::loader_internal {

namespace {

template <typename Strings> struct WordKey {
    std::string_view key; // the TOML key, spelled as the field
    LocalText Strings::*field;
    std::string_view fallback; // English
};
using UiKey = WordKey<UiStrings>;
using BoardKey = WordKey<BoardStrings>;
using ReportKey = WordKey<ReportStrings>;

// Any [ui] or [board] key a pack leaves out falls back to tapsheet's own
// word (the English below, the Welsh and Irish of program_words.cpp), so a
// short pack stays short and a pack written before a new button was added
// still loads. These are the only attendee-facing words held in C++: the
// chrome, never the content. A pack may reword any of them.
constexpr auto kUiKeys = std::to_array<UiKey>({
    {"start", &UiStrings::start, "Tap to start"},
    {"back", &UiStrings::back, "Back"},
    {"next", &UiStrings::next, "Next"},
    {"skip", &UiStrings::skip, "Skip"},
    {"finish", &UiStrings::finish, "Finish"},
    {"done", &UiStrings::done, "Done"},
    {"still_there", &UiStrings::still_there, "Still there?"},
    {"still_there_body", &UiStrings::still_there_body, "Tap anywhere to carry on."},
    {"continue_label", &UiStrings::continue_label, "Continue"},
    {"start_over", &UiStrings::start_over, "Start over"},
    {"saving", &UiStrings::saving, "Saving…"},
    {"step_of", &UiStrings::step_of, "Step {n} of {total}"},
    {"thanks_title", &UiStrings::thanks_title, "Thank you!"},
    {"thanks_body", &UiStrings::thanks_body, "Your answers have been added to the room's results."},
    {"resources_label", &UiStrings::resources_label, "Scan for resources"},
    {"keyboard_done", &UiStrings::keyboard_done, "Done"},
    {"keyboard_cancel", &UiStrings::keyboard_cancel, "Cancel"},
    {"add_own", &UiStrings::add_own, "Add your own"},
    {"project_placeholder", &UiStrings::project_placeholder, "Your project or goal"},
    {"choose_one", &UiStrings::choose_one, "Choose one"},
    {"choose_any", &UiStrings::choose_any, "Choose all that apply"},
    {"needs_answer", &UiStrings::needs_answer, "Choose at least one to go on"},
    {"out_of_service", &UiStrings::out_of_service, "Out of service"},
    {"out_of_service_body", &UiStrings::out_of_service_body,
     "Sorry, this kiosk is not taking answers right now."},
    {"for_staff", &UiStrings::for_staff, "For staff"},
});

// Everything a projected board page shows. The facilitator's control strip
// and moderation list stay in English in C++: staff text, like the kiosk's
// out-of-service details.
constexpr auto kBoardKeys = std::to_array<BoardKey>({
    {"answered", &BoardStrings::answered, "{n} people answered"},
    {"answered_one", &BoardStrings::answered_one, "1 person answered"},
    {"nobody_yet", &BoardStrings::nobody_yet, "No answers yet"},
    {"multi_note", &BoardStrings::multi_note,
     "More than one answer allowed: percentages add up to more than 100%"},
    {"hidden_notice", &BoardStrings::hidden_notice, "Results hidden until the facilitator reveals them"},
    {"hidden_count", &BoardStrings::hidden_count, "{n} people have answered so far"},
    {"added_by_room", &BoardStrings::added_by_room, "Added by the room"},
    {"more_projects", &BoardStrings::more_projects, "+ {n} more"},
    {"cross_title", &BoardStrings::cross_title, "Compare: {step}"},
    {"cross_header", &BoardStrings::cross_header, "Only those who answered: {answer} (n = {n})"},
    {"cross_header_hidden", &BoardStrings::cross_header_hidden, "Only those who answered: {answer}"},
    {"cross_none", &BoardStrings::cross_none, "Choose a poll answer to compare with"},
    {"cross_wait", &BoardStrings::cross_wait, "Counting…"},
    {"totals_title", &BoardStrings::totals_title, "The room so far"},
    {"visits_today", &BoardStrings::visits_today, "Visits today"},
    {"completed", &BoardStrings::completed, "Completed visits"},
    {"answers_last_10_min", &BoardStrings::answers_last_10_min, "Answers in the last 10 minutes"},
    {"filtered", &BoardStrings::filtered, "Visits filtered out (suspected repeats)"},
    {"round", &BoardStrings::round, "Round {n}"},
    {"round_earlier", &BoardStrings::round_earlier, "Round {n} (earlier)"},
    {"all_rounds", &BoardStrings::all_rounds, "All rounds"},
    {"timer_title", &BoardStrings::timer_title, "Activity timer"},
    {"timer_none", &BoardStrings::timer_none, "No timer chosen"},
    {"timer_ready", &BoardStrings::timer_ready, "Ready to start"},
    {"timer_paused", &BoardStrings::timer_paused, "Paused"},
    {"timer_up", &BoardStrings::timer_up, "Time is up"},
    {"timer_part", &BoardStrings::timer_part, "Part {n} of {total}"},
    {"timer_then", &BoardStrings::timer_then, "Then: {phase} ({m} min)"},
    {"timer_total", &BoardStrings::timer_total, "{m} min in all"},
    {"frozen", &BoardStrings::frozen, "Frozen"},
    {"hidden_tag", &BoardStrings::hidden_tag, "Hidden"},
    {"waiting_db", &BoardStrings::waiting_db, "Waiting for the kiosk's database…"},
    {"waiting_db_body", &BoardStrings::waiting_db_body,
     "The board shows the room's answers as soon as the kiosk has saved its first one."},
    {"not_updating", &BoardStrings::not_updating, "Figures not updating: {problem}"},
});

// The report's own words (`tapsheet report`): an organiser's document, in
// the pack's languages like the board.
constexpr auto kReportKeys = std::to_array<ReportKey>({
    {"heading", &ReportStrings::heading, "Results"},
    {"visits", &ReportStrings::visits, "Visits"},
    {"answers", &ReportStrings::answers, "Questions answered"},
    {"dates", &ReportStrings::dates, "Visits from {from} to {to} ({zone})"},
    {"no_visits", &ReportStrings::no_visits, "No visits yet"},
    {"several_packs", &ReportStrings::several_packs,
     "Answers were given under {n} versions of the content; labels are those of the latest."},
    {"projects", &ReportStrings::projects, "Projects named"},
    {"not_shown", &ReportStrings::not_shown,
     "Free text not shown: {pending} awaiting approval, {rejected} rejected"},
    {"cross_section", &ReportStrings::cross_section, "Compared by poll answer"},
    {"cross_intro", &ReportStrings::cross_intro,
     "Each column counts only the people who gave that answer; percentages are of those of them who "
     "answered the step."},
    {"everyone", &ReportStrings::everyone, "Everyone"},
    {"most_marked", &ReportStrings::most_marked, "The {n} most marked"},
    {"column_n", &ReportStrings::column_n, "n = {n}"},
    {"timeline", &ReportStrings::timeline, "Visits over the day"},
    {"timeline_note", &ReportStrings::timeline_note, "Each bar is {m} minutes"},
    {"counted", &ReportStrings::counted, "Counted"},
    {"filtered_out", &ReportStrings::filtered_out, "Filtered out"},
    {"filtered_title", &ReportStrings::filtered_title, "Filtered visits"},
    {"filtered_none", &ReportStrings::filtered_none, "No visits were filtered out."},
    {"filtered_body", &ReportStrings::filtered_body,
     "Suspected repeats (ballot stuffing): kept in the results file, left out of every figure in this "
     "report."},
    {"started", &ReportStrings::started, "Started"},
    {"kiosk", &ReportStrings::kiosk, "Kiosk"},
    {"status", &ReportStrings::status, "Status"},
    {"status_open", &ReportStrings::status_open, "Not finished"},
    {"status_complete", &ReportStrings::status_complete, "Completed"},
    {"status_abandoned", &ReportStrings::status_abandoned, "Abandoned"},
    {"footer", &ReportStrings::footer,
     "Figures leave out filtered visits. Free text appears only once a facilitator approved it."},
});

// A field added to the structs without a key here would stay empty.
static_assert(sizeof(UiStrings) == kUiKeys.size() * sizeof(LocalText));
static_assert(sizeof(BoardStrings) == kBoardKeys.size() * sizeof(LocalText));
static_assert(sizeof(ReportStrings) == kReportKeys.size() * sizeof(LocalText));

// tapsheet's own word for `key` in each declared language it has one in,
// default language first. A default language tapsheet has no words in gets
// the English, as its text.
LocalText ProgramText(const std::vector<Language>& languages, std::string_view table, std::string_view key,
                      std::string_view english) {
    std::string_view first = ProgramWord(table, key, languages.front().code);
    LocalText text = PlainText(languages.front().code, first.empty() ? english : first);
    for (std::size_t i = 1; i < languages.size(); ++i) {
        std::string_view word = ProgramWord(table, key, languages[i].code);
        if (!word.empty()) text.by_lang.emplace_back(languages[i].code, std::string(word));
    }
    return text;
}

// A pack's wording, with tapsheet's own word for each declared language the
// pack left out: a Welsh visit reads Welsh, not the pack's English, when the
// pack translated a button into some languages only.
LocalText Merged(const std::vector<Language>& languages, const LocalText& pack, const LocalText& program) {
    LocalText text;
    for (const Language& language : languages) {
        for (const auto* source : {&pack, &program}) {
            auto it = std::find_if(source->by_lang.begin(), source->by_lang.end(),
                                   [&](const auto& entry) { return entry.first == language.code; });
            if (it == source->by_lang.end()) continue;
            text.by_lang.push_back(*it);
            break;
        }
    }
    return text;
}

// Reads table `name` of `root` into `out`, key by key, after setting every
// key to tapsheet's own word.
template <typename Strings, std::size_t N>
void ReadWords(PackReader& reader, const toml::table& root, std::string_view name,
               const std::array<WordKey<Strings>, N>& keys, Strings* out) {
    for (const WordKey<Strings>& word : keys)
        out->*word.field = ProgramText(reader.languages, name, word.key, word.fallback);

    const toml::node* node = root.get(name);
    if (node == nullptr) return;
    const std::string section = "[" + std::string(name) + "]";
    const toml::table* table = node->as_table();
    if (table == nullptr) {
        reader.Error(*node,
                     Quote(name) + " must be a table (" + section + " section), not " + TypeName(*node));
        return;
    }
    KeyList allowed;
    for (const WordKey<Strings>& word : keys)
        allowed.push_back(word.key);
    reader.CheckKeys(*table, allowed, section);
    for (const WordKey<Strings>& word : keys) {
        LocalText text;
        if (!reader.ReadText(*table, word.key, &text, false)) continue;
        if (text.Empty())
            reader.Error(*table->get(word.key),
                         Quote(word.key) + " is empty; leave it out to use the default");
        else
            out->*word.field = Merged(reader.languages, text, out->*word.field);
    }
}

template <typename Strings, std::size_t N>
std::vector<std::pair<std::string_view, std::string_view>>
KeysOf(const std::array<WordKey<Strings>, N>& keys) {
    std::vector<std::pair<std::string_view, std::string_view>> out;
    for (const WordKey<Strings>& word : keys)
        out.emplace_back(word.key, word.fallback);
    return out;
}

template <typename Strings, std::size_t N>
std::string_view EnglishIn(const std::array<WordKey<Strings>, N>& keys, std::string_view key) {
    for (const WordKey<Strings>& word : keys)
        if (word.key == key) return word.fallback;
    return {};
}

template <typename Strings, std::size_t N>
void AddKeys(const std::array<WordKey<Strings>, N>& keys, std::vector<std::string_view>* out) {
    for (const WordKey<Strings>& word : keys)
        out->push_back(word.key);
}

} // namespace

std::vector<std::pair<std::string_view, std::string_view>> UiWordKeys() {
    return KeysOf(kUiKeys);
}

std::vector<std::pair<std::string_view, std::string_view>> BoardWordKeys() {
    return KeysOf(kBoardKeys);
}

std::vector<std::pair<std::string_view, std::string_view>> ReportWordKeys() {
    return KeysOf(kReportKeys);
}

void ReadUiStrings(PackReader& reader, const toml::table& root, Pack* pack) {
    ReadWords(reader, root, "ui", kUiKeys, &pack->ui);
}

void ReadBoardStrings(PackReader& reader, const toml::table& root, Pack* pack) {
    ReadWords(reader, root, "board", kBoardKeys, &pack->board);
}

void ReadReportStrings(PackReader& reader, const toml::table& root, Pack* pack) {
    ReadWords(reader, root, "report", kReportKeys, &pack->report);
}

std::string_view EnglishWord(std::string_view table, std::string_view key) {
    if (table == "ui") return EnglishIn(kUiKeys, key);
    if (table == "board") return EnglishIn(kBoardKeys, key);
    if (table == "report") return EnglishIn(kReportKeys, key);
    return {};
}

} // namespace tapsheet::loader_internal

namespace tapsheet {

std::vector<std::string_view> ProgramWordKeys(std::string_view table) {
    std::vector<std::string_view> keys;
    if (table == "ui") loader_internal::AddKeys(loader_internal::kUiKeys, &keys);
    if (table == "board") loader_internal::AddKeys(loader_internal::kBoardKeys, &keys);
    if (table == "report") loader_internal::AddKeys(loader_internal::kReportKeys, &keys);
    return keys;
}

} // namespace tapsheet
