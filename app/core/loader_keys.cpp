// PackTables(): the loader's own key lists (loader_reader.h, loader_ui.cpp)
// under the headings docs/content-packs.md gives them.
#include "app/core/loader_reader.h"
#include "app/core/pack_keys.h"

namespace tapsheet {

namespace {

using namespace loader_internal;

PackTable Table(std::string_view heading, std::span<const std::string_view> keys) {
    PackTable table{heading, {}};
    for (std::string_view key : keys)
        table.keys.push_back({key, {}});
    return table;
}

PackTable Words(std::string_view heading,
                const std::vector<std::pair<std::string_view, std::string_view>>& keys) {
    PackTable table{heading, {}};
    for (const auto& [key, fallback] : keys)
        table.keys.push_back({key, fallback});
    return table;
}

} // namespace

std::vector<PackTable> PackTables() {
    return {
        Table("The pack (top level)", kPackKeys),
        Table("`languages`", kLanguageKeys),
        Table("`[kiosk]`", kKioskKeys),
        Words("`[ui]`", UiWordKeys()),
        Words("`[board]`", BoardWordKeys()),
        Words("`[report]`", ReportWordKeys()),
        Table("`[[steps]]` with `kind = \"poll\"`", kPollKeys),
        Table("Poll `options`", kOptionKeys),
        Table("`[[steps]]` with `kind = \"sheet\"`", kSheetKeys),
        Table("`[[steps.groups]]`", kGroupKeys),
        Table("Group `items`", kOptionKeys),
        Table("`[[steps]]` with `kind = \"domains\"`", kDomainsKeys),
        Table("`[[steps.sets]]`", kDomainSetKeys),
        Table("`[[steps.sets.domains]]`", kDomainKeys),
        Table("`[[steps]]` with `kind = \"reflection\"`", kReflectionKeys),
        Table("`[[steps]]` with `kind = \"info\"`", kInfoKeys),
        Table("`[[timers]]`", kTimerKeys),
        Table("Timer `phases`", kPhaseKeys),
        Table("`[[evidence]]`", kEvidenceKeys),
        Table("`[[resources]]`", kResourceKeys),
    };
}

std::vector<std::string_view> StepKinds() {
    return StepKindNames();
}

std::vector<std::string_view> SheetPlaces() {
    return {kSheetPlaces.begin(), kSheetPlaces.end()};
}

} // namespace tapsheet
