// What surrounds the steps: facilitators' activity timers, evidence cards and
// resources for the thank-you screen.
#include "app/core/loader_reader.h"

namespace tapsheet::loader_internal {

namespace {

// A link an attendee can follow from a phone after scanning it.
bool IsLink(std::string_view url) {
    return url.starts_with("https://") || url.starts_with("http://") || url.starts_with("mailto:");
}

void ReadLink(PackReader& reader, const toml::table& table, std::string_view key, std::string* url,
              bool required) {
    if (reader.ReadString(table, key, url, required) && !IsLink(*url))
        reader.Error(*table.get(key),
                     Quote(key) + " must start with https://, http:// or mailto:, not " + Quote(*url));
}

// Each [[section]] entry as a table; null entries are reported and skipped.
template <typename ReadEntry>
void ForEachEntry(PackReader& reader, const toml::table& root, std::string_view section,
                  ReadEntry read_entry) {
    const toml::array* array = reader.ReadArray(root, section, false, "");
    if (array == nullptr) return;
    for (const toml::node& element : *array)
        if (const toml::table* table = reader.AsTable(element, "an entry of " + Quote(section)))
            read_entry(*table);
}

void ReadPhases(PackReader& reader, const toml::table& table, ActivityTimer* timer) {
    const toml::array* phases = reader.ReadArray(table, "phases", true, "a timer needs at least one phase");
    if (phases == nullptr) return;
    for (const toml::node& element : *phases) {
        const toml::table* phase_table = reader.AsTable(element, "a phase of timer " + Quote(timer->id));
        if (phase_table == nullptr) continue;
        TimerPhase phase;
        reader.CheckKeys(*phase_table, kPhaseKeys, "a phase of timer " + Quote(timer->id));
        reader.ReadText(*phase_table, "name", &phase.name, true);
        reader.ReadInt(*phase_table, "minutes", 1, 240, &phase.minutes, true);
        timer->phases.push_back(std::move(phase));
    }
}

} // namespace

void ReadTimers(PackReader& reader, const toml::table& root, Pack* pack) {
    IdScope scope("timer");
    ForEachEntry(reader, root, "timers", [&](const toml::table& table) {
        ActivityTimer timer;
        reader.CheckKeys(table, kTimerKeys, "[[timers]]");
        reader.ReadId(table, scope, &timer.id);
        reader.ReadText(table, "title", &timer.title, true);
        ReadPhases(reader, table, &timer);
        pack->timers.push_back(std::move(timer));
    });
}

void ReadEvidence(PackReader& reader, const toml::table& root, Pack* pack) {
    IdScope scope("evidence card");
    ForEachEntry(reader, root, "evidence", [&](const toml::table& table) {
        EvidenceCard card;
        reader.CheckKeys(table, kEvidenceKeys, "[[evidence]]");
        reader.ReadId(table, scope, &card.id);
        reader.ReadText(table, "title", &card.title, true);
        reader.ReadText(table, "summary", &card.summary, true);
        reader.ReadTextList(table, "points", &card.points, false,
                            "leave 'points' out for a card without any");
        pack->evidence.push_back(std::move(card));
    });
}

void ReadResources(PackReader& reader, const toml::table& root, Pack* pack) {
    IdScope scope("resource");
    ForEachEntry(reader, root, "resources", [&](const toml::table& table) {
        Resource resource;
        reader.CheckKeys(table, kResourceKeys, "[[resources]]");
        reader.ReadId(table, scope, &resource.id);
        reader.ReadText(table, "title", &resource.title, true);
        ReadLink(reader, table, "url", &resource.url, true);
        pack->resources.push_back(std::move(resource));
    });
    ReadLink(reader, root, "resources_url", &pack->resources_url, false);
}

} // namespace tapsheet::loader_internal
