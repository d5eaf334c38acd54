#include "tests/vm/cut_check.h"

#include "tests/e2e/app_process.h"
#include "tests/e2e/export_reader.h"

#include <map>
#include <set>
#include <tuple>

namespace tapsheet::vm {

namespace {

using Answer = std::tuple<std::string, std::string, std::string>; // step, item, value

struct StoredVisit {
    std::string status;
    std::string marker; // the project's name; "" when none was typed yet
    std::set<Answer> answers;
};

std::set<Answer> AnswersOf(const e2e::TruthVisit& visit) {
    std::set<Answer> answers;
    for (const auto& [step, answer] : visit.steps) {
        for (const auto& [item, value] : answer.Rows())
            answers.emplace(step, item, value);
        if (answer.skipped) answers.emplace(step, "", "skipped");
    }
    return answers;
}

std::string MarkerOf(const e2e::TruthVisit& visit) {
    for (const auto& [step, answer] : visit.steps)
        if (!answer.project.empty()) return answer.project;
    return "";
}

std::map<std::string, StoredVisit> StoredVisits(const std::vector<e2e::ExportRow>& rows) {
    std::map<std::string, StoredVisit> visits;
    for (const e2e::ExportRow& row : rows) {
        StoredVisit& visit = visits[row.at("visit_id")];
        visit.status = row.at("visit_status");
        visit.answers.emplace(row.at("step_id"), row.at("item_id"), row.at("value"));
        if (row.at("item_id") == "project") visit.marker = row.at("value");
    }
    return visits;
}

// One tapped visit against what is stored under its marker.
void CheckVisit(const e2e::TruthVisit& tapped, const std::vector<const StoredVisit*>& stored,
                CutCheck* check) {
    const std::string name = "visit '" + MarkerOf(tapped) + "'";
    const bool thanked = tapped.status == "complete";
    if (stored.size() > 1)
        check->problems.push_back(name + " is stored " + std::to_string(stored.size()) + " times");
    if (stored.empty()) {
        if (thanked)
            check->problems.push_back("LOST: " + name +
                                      " (its thank-you screen was seen) is not in the file");
        return;
    }
    // An interrupted visit's answers are not compared: the script records
    // a tap once its effect is on screen, so the cut may come after the
    // kiosk stored a tap the script had not yet recorded.
    const StoredVisit& found = *stored.front();
    const bool exact = found.answers == AnswersOf(tapped);
    if (thanked && (found.status != "complete" || !exact))
        check->problems.push_back(name + " (thank-you seen) is stored as " + found.status +
                                  (exact ? "" : " with other answers than were tapped"));
    check->thanked += thanked;
    check->interrupted_kept += !thanked;
}

} // namespace

CutCheck CheckResults(const std::filesystem::path& db, const e2e::Truth& truth) {
    CutCheck check;
    const e2e::CommandResult exported = e2e::RunTapsheet({"export", "--format", "csv", "--db", db.string()});
    std::string error;
    const std::vector<e2e::ExportRow> rows = e2e::ParseCsv(exported.output, &error);
    if (exported.exit_code != 0 || !error.empty()) {
        check.problems.push_back("tapsheet export of " + db.string() + " failed: " + error + exported.output);
        return check;
    }
    std::map<std::string, std::vector<const StoredVisit*>> by_marker;
    const std::map<std::string, StoredVisit> stored = StoredVisits(rows);
    for (const auto& [id, visit] : stored)
        by_marker[visit.marker].push_back(&visit);
    int unmarked_tapped = 0;
    for (const e2e::TruthVisit& tapped : truth.Visits()) {
        const std::string marker = MarkerOf(tapped);
        if (marker.empty()) { // cut before its name was typed: matched by count below
            unmarked_tapped++;
            if (tapped.status == "complete") check.problems.push_back("a thanked visit without a marker");
            continue;
        }
        CheckVisit(tapped, by_marker[marker], &check);
        by_marker.erase(marker);
    }
    for (const auto& [marker, visits] : by_marker) {
        if (marker.empty()) {
            if (static_cast<int>(visits.size()) > unmarked_tapped)
                check.problems.push_back(std::to_string(visits.size()) + " stored visits without a name, " +
                                         std::to_string(unmarked_tapped) +
                                         " interrupted before it was typed");
            for (const StoredVisit* visit : visits)
                if (visit->status == "complete") check.problems.push_back("a complete visit nobody finished");
            continue;
        }
        check.problems.push_back("visit '" + marker + "' is stored but was never tapped");
    }
    return check;
}

} // namespace tapsheet::vm
