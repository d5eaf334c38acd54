// The content pack: everything an attendee reads, as data. Loaded from TOML
// (see loader.h); no wording for attendees lives in C++.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tapsheet {

// A text with its translations. The first entry is the pack's default
// language; Get() falls back to it when a translation is missing.
struct LocalText {
    std::vector<std::pair<std::string, std::string>> by_lang; // (language code, text)

    const std::string& Get(std::string_view lang) const;
    bool Empty() const { return by_lang.empty() || by_lang.front().second.empty(); }
};

struct Language {
    std::string code; // "en", "cy", "ga"
    std::string name; // in its own language: "English", "Cymraeg"
};

struct Option {
    std::string id;
    LocalText label;
};

enum class StepKind { Poll, Sheet, Domains, Reflection, Info };

struct PollStep {
    bool multi = false;
    std::vector<Option> options;
};

// One group of benefit chips on the reflection sheet. `place` says where the
// group sits around the centre box on the paper sheet (left, right, bottom),
// so the board can lay it out the same way.
struct SheetGroup {
    std::string id;
    LocalText title;
    std::string place;
    std::vector<Option> items;
};

struct SheetStep {
    LocalText project_prompt; // centre box, optional free text; empty: no box
    bool allow_own = false;   // "add your own benefit"
    LocalText own_prompt;
    std::vector<SheetGroup> groups;
};

struct Domain {
    std::string id;
    LocalText name;
    LocalText expect; // "you might expect to get..." when this domain stands alone
};

struct DomainSet {
    std::string id;
    LocalText title;
    std::vector<Domain> domains;
};

struct DomainsStep {
    LocalText focus_label; // "We focus on this"
    LocalText least_label; // "Gets least attention"
    std::vector<DomainSet> sets;
};

struct ReflectionStep {
    std::vector<LocalText> questions;
};

struct InfoStep {
    LocalText body;
};

struct Step {
    std::string id;
    StepKind kind = StepKind::Info;
    LocalText title;  // short heading
    LocalText prompt; // the question or instruction
    // Skip is offered on every step unless the pack says `skippable = false`;
    // such a step waits for an answer (Next says why it waits).
    bool skippable = true;
    PollStep poll;
    SheetStep sheet;
    DomainsStep domains;
    ReflectionStep reflection;
    InfoStep info;
};

struct TimerPhase {
    LocalText name;
    int minutes = 0;
};

struct ActivityTimer {
    std::string id;
    LocalText title;
    std::vector<TimerPhase> phases; // one phase: a plain countdown
    int TotalMinutes() const;
};

struct EvidenceCard {
    std::string id;
    LocalText title;
    LocalText summary;
    std::vector<LocalText> points;
};

struct Resource {
    std::string id;
    LocalText title;
    std::string url;
};

// Words of the kiosk's own chrome (buttons, notices), translatable like the rest.
struct UiStrings {
    LocalText start, back, next, skip, finish, done;
    LocalText still_there, still_there_body, continue_label, start_over;
    LocalText saving, step_of; // step_of: "Step {n} of {total}"
    LocalText thanks_title, thanks_body, resources_label;
    LocalText keyboard_done, keyboard_cancel, add_own, project_placeholder;
    LocalText choose_one, choose_any, needs_answer; // needs_answer: a required step, nothing chosen
    LocalText out_of_service, out_of_service_body, for_staff;
};

// Words of the board the room reads (counts, notices, totals, rounds, the
// timer), translatable like the rest. {n}, {total}, {answer}, {step},
// {phase}, {m} and {problem} are filled in by the board.
struct BoardStrings {
    LocalText answered, answered_one, nobody_yet, multi_note; // answered: "{n} people answered"
    LocalText hidden_notice, hidden_count, added_by_room, more_projects;
    LocalText cross_title, cross_header, cross_header_hidden, cross_none, cross_wait;
    LocalText totals_title, visits_today, completed, answers_last_10_min, filtered;
    LocalText round, round_earlier, all_rounds;
    LocalText timer_title, timer_none, timer_ready, timer_paused, timer_up;
    LocalText timer_part, timer_then, timer_total; // "Part {n} of {total}", "Then: {phase} ({m} min)"
    LocalText frozen, hidden_tag, waiting_db, waiting_db_body, not_updating;
};

// Words of `tapsheet report`, the results an organiser takes home; the
// report also uses the board's words where they say the same thing.
// {n}, {from}, {to}, {zone}, {m}, {pending} and {rejected} are filled in.
struct ReportStrings {
    LocalText heading, visits, answers, dates, no_visits, several_packs;
    LocalText projects, not_shown, cross_section, cross_intro, everyone, most_marked, column_n;
    LocalText timeline, timeline_note, counted, filtered_out;
    LocalText filtered_title, filtered_none, filtered_body, started, kiosk, status;
    LocalText status_open, status_complete, status_abandoned, footer;
};

struct KioskSettings {
    int idle_seconds = 45;        // no touch for this long: "Still there?"
    int still_there_seconds = 15; // countdown before returning to attract
    int thanks_seconds = 20;      // thank-you screen returns to attract
    int cooldown_seconds = 3;     // after a visit ends, Start waits this long: slows ballot stuffing
};

struct Pack {
    std::string id;
    std::string source_path; // file it was loaded from
    std::string source_text; // the TOML as read, stored with results
    std::string source_hash; // hex SHA-256 of source_text
    LocalText title;         // event title
    LocalText subtitle;
    LocalText attract_prompt;        // "Tap to start"
    std::vector<Language> languages; // first is the default
    UiStrings ui;
    BoardStrings board;
    ReportStrings report;
    KioskSettings kiosk;
    std::vector<Step> steps;
    std::vector<ActivityTimer> timers;
    std::vector<EvidenceCard> evidence;
    std::vector<Resource> resources;
    std::string resources_url; // encoded in the thank-you QR code

    const Step* FindStep(std::string_view id) const;
    // The questions shown on the thank-you screen: those of the first
    // reflection step, if any.
    const ReflectionStep* Reflection() const;
};

} // namespace tapsheet
