// The [[steps]] of a pack: polls, the reflection sheet, the domains grid,
// reflection questions and info cards.
#include "app/core/loader_reader.h"

#include <array>

namespace tapsheet::loader_internal {

namespace {

struct StepKindName {
    std::string_view name;
    StepKind kind;
};

constexpr std::array<StepKindName, 5> kStepKinds = {{
    {"poll", StepKind::Poll},
    {"sheet", StepKind::Sheet},
    {"domains", StepKind::Domains},
    {"reflection", StepKind::Reflection},
    {"info", StepKind::Info},
}};

void ReadOptions(PackReader& reader, const toml::array& array, IdScope& scope, std::string_view what,
                 std::vector<Option>* out) {
    for (const toml::node& element : array) {
        const toml::table* table = reader.AsTable(element, "an entry of " + std::string(what));
        if (table == nullptr) continue;
        reader.CheckKeys(*table, kOptionKeys, what);
        Option option;
        reader.ReadId(*table, scope, &option.id);
        reader.ReadText(*table, "label", &option.label, true);
        out->push_back(std::move(option));
    }
}

void ReadPoll(PackReader& reader, const toml::table& table, const std::string& what, Step* step) {
    reader.CheckKeys(table, kPollKeys, what);
    reader.ReadText(table, "prompt", &step->prompt, true);
    reader.ReadBool(table, "multi", &step->poll.multi);
    const toml::array* options = reader.ReadArray(table, "options", true, "a poll needs at least one option");
    IdScope scope("option");
    if (options != nullptr) ReadOptions(reader, *options, scope, "options of " + what, &step->poll.options);
}

void ReadSheetPlace(PackReader& reader, const toml::table& table, std::string* place) {
    *place = "bottom";
    if (!reader.ReadString(table, "place", place, false)) return;
    for (std::string_view known : kSheetPlaces)
        if (*place == known) return;
    reader.Error(*table.get("place"),
                 "unknown place " + Quote(*place) + "; use one of: left, right, top, bottom");
}

void ReadSheetGroups(PackReader& reader, const toml::array& groups, const std::string& what,
                     SheetStep* sheet) {
    IdScope group_scope("sheet group");
    IdScope item_scope("benefit"); // across the whole sheet: a benefit is counted once
    for (const toml::node& element : groups) {
        const toml::table* table = reader.AsTable(element, "a group of " + what);
        if (table == nullptr) continue;
        SheetGroup group;
        reader.CheckKeys(*table, kGroupKeys, "a group of " + what);
        reader.ReadId(*table, group_scope, &group.id);
        reader.ReadText(*table, "title", &group.title, true);
        ReadSheetPlace(reader, *table, &group.place);
        const toml::array* items =
            reader.ReadArray(*table, "items", true, "a sheet group needs at least one item");
        if (items != nullptr)
            ReadOptions(reader, *items, item_scope, "items of group " + Quote(group.id), &group.items);
        sheet->groups.push_back(std::move(group));
    }
}

void ReadSheet(PackReader& reader, const toml::table& table, const std::string& what, const UiStrings& ui,
               Step* step) {
    reader.CheckKeys(table, kSheetKeys, what);
    SheetStep& sheet = step->sheet;
    reader.ReadText(table, "prompt", &step->prompt, false);
    reader.ReadText(table, "project_prompt", &sheet.project_prompt, false);
    reader.ReadBool(table, "allow_own", &sheet.allow_own);
    // Without its own wording the "add your own" chip uses the pack's [ui] add_own.
    if (!reader.ReadText(table, "own_prompt", &sheet.own_prompt, false) || sheet.own_prompt.Empty())
        sheet.own_prompt = ui.add_own;
    const toml::array* groups = reader.ReadArray(
        table, "groups", true, "a sheet needs at least one group; add a [[steps.groups]] table");
    if (groups != nullptr) ReadSheetGroups(reader, *groups, what, &sheet);
}

void ReadDomainSet(PackReader& reader, const toml::table& table, IdScope& domain_scope, DomainSet* set) {
    const toml::array* domains =
        reader.ReadArray(table, "domains", true, "a domain set needs at least one domain");
    if (domains == nullptr) return;
    for (const toml::node& element : *domains) {
        const toml::table* domain_table = reader.AsTable(element, "a domain of set " + Quote(set->id));
        if (domain_table == nullptr) continue;
        Domain domain;
        reader.CheckKeys(*domain_table, kDomainKeys, "a domain of set " + Quote(set->id));
        reader.ReadId(*domain_table, domain_scope, &domain.id);
        reader.ReadText(*domain_table, "name", &domain.name, true);
        reader.ReadText(*domain_table, "expect", &domain.expect, false);
        set->domains.push_back(std::move(domain));
    }
}

void ReadDomains(PackReader& reader, const toml::table& table, const std::string& what, Step* step) {
    reader.CheckKeys(table, kDomainsKeys, what);
    DomainsStep& domains = step->domains;
    reader.ReadText(table, "prompt", &step->prompt, true);
    reader.ReadText(table, "focus_label", &domains.focus_label, true);
    reader.ReadText(table, "least_label", &domains.least_label, true);
    const toml::array* sets = reader.ReadArray(
        table, "sets", true, "a domains step needs at least one set; add a [[steps.sets]] table");
    if (sets == nullptr) return;
    IdScope set_scope("domain set");
    IdScope domain_scope("domain"); // across the step: answers name a domain alone
    for (const toml::node& element : *sets) {
        const toml::table* set_table = reader.AsTable(element, "a domain set of " + what);
        if (set_table == nullptr) continue;
        DomainSet set;
        reader.CheckKeys(*set_table, kDomainSetKeys, "a domain set of " + what);
        reader.ReadId(*set_table, set_scope, &set.id);
        reader.ReadText(*set_table, "title", &set.title, true);
        ReadDomainSet(reader, *set_table, domain_scope, &set);
        domains.sets.push_back(std::move(set));
    }
}

void ReadReflection(PackReader& reader, const toml::table& table, const std::string& what, Step* step) {
    reader.CheckKeys(table, kReflectionKeys, what);
    reader.ReadText(table, "prompt", &step->prompt, false);
    reader.ReadTextList(table, "questions", &step->reflection.questions, true,
                        "a reflection step needs at least one question");
}

void ReadInfo(PackReader& reader, const toml::table& table, const std::string& what, Step* step) {
    reader.CheckKeys(table, kInfoKeys, what);
    reader.ReadText(table, "prompt", &step->prompt, false);
    reader.ReadText(table, "body", &step->info.body, true);
}

// Reads `kind`; false (with an error) when missing or unknown.
bool ReadStepKind(PackReader& reader, const toml::table& table, StepKind* kind, std::string* kind_name) {
    if (!reader.ReadString(table, "kind", kind_name, true)) return false;
    for (const StepKindName& known : kStepKinds) {
        if (*kind_name == known.name) {
            *kind = known.kind;
            return true;
        }
    }
    reader.Error(*table.get("kind"), "unknown step kind " + Quote(*kind_name) +
                                         "; use one of: poll, sheet, domains, reflection, info");
    return false;
}

void ReadStep(PackReader& reader, const toml::table& table, IdScope& step_scope, Pack* pack) {
    Step step;
    reader.ReadId(table, step_scope, &step.id);
    std::string kind_name;
    // An unknown kind says nothing about which keys belong: stop here rather
    // than bury the one real mistake under unknown-key noise.
    if (!ReadStepKind(reader, table, &step.kind, &kind_name)) return;
    const std::string what = kind_name + " step " + Quote(step.id);
    reader.ReadText(table, "title", &step.title, false);
    reader.ReadBool(table, "skippable", &step.skippable);
    switch (step.kind) {
    case StepKind::Poll:
        ReadPoll(reader, table, what, &step);
        break;
    case StepKind::Sheet:
        ReadSheet(reader, table, what, pack->ui, &step);
        break;
    case StepKind::Domains:
        ReadDomains(reader, table, what, &step);
        break;
    case StepKind::Reflection:
        ReadReflection(reader, table, what, &step);
        break;
    case StepKind::Info:
        ReadInfo(reader, table, what, &step);
        break;
    }
    pack->steps.push_back(std::move(step));
}

} // namespace

std::vector<std::string_view> StepKindNames() {
    std::vector<std::string_view> names;
    for (const StepKindName& kind : kStepKinds)
        names.push_back(kind.name);
    return names;
}

void ReadSteps(PackReader& reader, const toml::table& root, Pack* pack) {
    const toml::array* steps =
        reader.ReadArray(root, "steps", true, "a pack needs at least one step; add a [[steps]] table");
    if (steps == nullptr) return;
    IdScope step_scope("step");
    for (const toml::node& element : *steps)
        if (const toml::table* table = reader.AsTable(element, "a step"))
            ReadStep(reader, *table, step_scope, pack);
}

} // namespace tapsheet::loader_internal
