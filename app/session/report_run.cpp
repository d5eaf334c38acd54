// The report of a results file (results_out.h): its visits and figures read
// by the board's rules, labelled with the pack of its latest visit.
#include "app/session/results_out.h"

#include "app/core/loader.h"
#include "app/report/report_text.h"
#include "app/store/report_reader.h"

#include <ctime>
#include <string>
#include <utility>
#include <vector>

namespace tapsheet {

namespace {

// The local zone's distance from UTC at the first visit: "the day" is the
// event's day where the kiosk stood, while stamps are stored in UTC.
int UtcOffsetAt(const std::vector<ReportVisit>& visits) {
    long long minutes = 0;
    if (visits.empty() || !report::LocalMinutes(visits.front().started_at, 0, &minutes)) return 0;
    const std::time_t seconds = static_cast<std::time_t>(minutes * 60);
    std::tm local{};
    localtime_r(&seconds, &local);
    return static_cast<int>(local.tm_gmtoff / 60);
}

bool ChooseLanguage(const Pack& pack, const std::string& asked, std::string* lang, std::string* error) {
    if (asked.empty()) return *lang = pack.languages.front().code, true;
    std::string known;
    for (const Language& language : pack.languages) {
        if (language.code == asked) return *lang = asked, true;
        known += (known.empty() ? "" : ", ") + language.code;
    }
    return *error = "--lang " + asked + ": the content pack has " + known, false;
}

// Cross-tab every option of every poll of the pack.
std::vector<std::pair<std::string, std::string>> PollAnswers(const Pack& pack) {
    std::vector<std::pair<std::string, std::string>> answers;
    for (const Step& step : pack.steps)
        if (step.kind == StepKind::Poll)
            for (const Option& option : step.poll.options)
                answers.emplace_back(step.id, option.id);
    return answers;
}

} // namespace

bool MakeReportFor(const std::string& db_path, int round, const std::string& lang, ReportRun* out,
                   std::string* error) {
    ReportVisits visits;
    if (!ReadReportVisits(db_path, round, &visits, error)) return false;
    if (visits.pack_text.empty()) return *error = "no content pack stored in " + db_path + " yet", false;
    LoadResult loaded = LoadPackText(visits.pack_text, "stored pack " + visits.pack_hash);
    if (!loaded.pack)
        return *error =
                   "this version cannot read the stored content pack: " + loaded.errors.front().ToString(),
               false;
    std::string language;
    if (!ChooseLanguage(*loaded.pack, lang, &language, error)) return false;
    ReportFacts facts;
    facts.round = round;
    facts.packs_used = visits.packs_used;
    facts.utc_offset_minutes = UtcOffsetAt(visits.visits);
    facts.visits = std::move(visits.visits);
    if (!ReadReportCounts(db_path, round, PollAnswers(*loaded.pack), &facts, error)) return false;
    out->report = MakeReport(*loaded.pack, language, facts);
    out->visits = static_cast<int>(facts.visits.size());
    out->kiosks = std::move(visits.kiosks);
    out->left_out = visits.left_out;
    return true;
}

} // namespace tapsheet
