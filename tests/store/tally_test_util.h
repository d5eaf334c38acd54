// Shared by the tally tests: a record of what a test wrote, the figures it
// implies (in C++ and in plain SQL), and a fixture writing random visits.
#pragma once

#include "app/store/stamp.h"
#include "app/store/tally_reader.h"
#include "store_test_util.h"

#include <map>
#include <set>

namespace tapsheet::test {

// Every figure keyed by a readable name, so a mismatch names what differs:
// "today", "completed", "filtered", "recent", "respondents/level",
// "count/domains/vision=focus".
using Figures = std::map<std::string, int>;

inline const std::vector<std::string> kSteps = {"level", "aim", "improve", "domains", "sheet"};
inline constexpr const char* kLongAgo = "2000-01-01T00:00:00.000Z";

// What the test wrote to one visit, as the store should now hold it.
struct VisitRecord {
    std::string id;
    int round = 1;
    bool filtered = false;
    bool begun_long_ago = false; // started_at backdated
    std::string status = "open";
    std::map<std::string, std::vector<AnswerRow>> rows; // step -> latest answer; skipped steps absent
    std::set<std::string> answered_long_ago;            // steps whose answered_at was backdated
};

inline Figures FromTallies(const Tallies& tallies) {
    Figures figures = {{"today", tallies.visits_today},
                       {"completed", tallies.completed},
                       {"filtered", tallies.filtered},
                       {"recent", tallies.answers_last_10_min}};
    for (const StepTally& step : tallies.steps) {
        figures["respondents/" + step.step_id] = step.respondents;
        for (const TallyCount& item : step.items)
            figures["count/" + step.step_id + "/" + item.item_id + "=" + item.value] = item.count;
    }
    return figures;
}

inline bool IsFreeText(const std::string& item) {
    return item == "project" || item == "own";
}

// The cross-tab in the same shape: "visits", respondents and counts.
inline Figures FromCross(const CrossTally& cross) {
    Figures figures = {{"visits", cross.visits}};
    for (const StepTally& step : cross.steps) {
        figures["respondents/" + step.step_id] = step.respondents;
        for (const TallyCount& item : step.items)
            figures["count/" + step.step_id + "/" + item.item_id + "=" + item.value] = item.count;
    }
    return figures;
}

// Free text as "step/item/text" -> visits that wrote it.
inline Figures FreeTextOf(const Tallies& tallies) {
    Figures figures;
    for (const FreeText& text : tallies.free_text)
        figures[text.step_id + "/" + text.item_id + "/" + text.text] = text.count;
    return figures;
}

inline bool Gave(const VisitRecord& visit, const std::string& step, const std::string& item) {
    auto rows = visit.rows.find(step);
    if (rows == visit.rows.end()) return false;
    for (const AnswerRow& row : rows->second)
        if (row.item_id == item && row.value.empty()) return true;
    return false;
}

// Ground truth in C++: the rules of tally_reader.h applied to the record.
// With a cross step, only visits that gave `cross_item` there count.
inline Figures FromRecord(const std::vector<VisitRecord>& visits, int round,
                          const std::string& cross_step = "", const std::string& cross_item = "") {
    Figures figures = {{"today", 0}, {"completed", 0}, {"filtered", 0}, {"recent", 0}};
    for (const VisitRecord& visit : visits) {
        if (round != 0 && visit.round != round) continue;
        if (!cross_step.empty() && (visit.filtered || !Gave(visit, cross_step, cross_item))) continue;
        if (visit.filtered) {
            ++figures["filtered"];
            continue;
        }
        figures["today"] += visit.begun_long_ago ? 0 : 1;
        figures["completed"] += visit.status == "complete" ? 1 : 0;
        for (const auto& [step, rows] : visit.rows) {
            if (rows.empty()) continue; // an empty multi-choice answer leaves no row
            ++figures["respondents/" + step];
            figures["recent"] += visit.answered_long_ago.count(step) ? 0 : 1;
            std::set<std::string> distinct;
            for (const AnswerRow& row : rows)
                if (!IsFreeText(row.item_id)) distinct.insert(row.item_id + "=" + row.value);
            for (const std::string& item : distinct)
                ++figures["count/" + step + "/" + item];
        }
    }
    return figures;
}

// FromCross's shape, from the record.
inline Figures CrossFromRecord(const std::vector<VisitRecord>& visits, int round, const std::string& step,
                               const std::string& item) {
    Figures figures = FromRecord(visits, round, step, item);
    int counted = 0;
    for (const VisitRecord& visit : visits)
        counted += (round == 0 || visit.round == round) && !visit.filtered && Gave(visit, step, item);
    for (const char* window : {"today", "completed", "filtered", "recent"})
        figures.erase(window);
    figures["visits"] = counted;
    return figures;
}

inline Figures FreeTextFromRecord(const std::vector<VisitRecord>& visits, int round) {
    Figures figures;
    for (const VisitRecord& visit : visits) {
        if ((round != 0 && visit.round != round) || visit.filtered) continue;
        std::set<std::string> distinct;
        for (const auto& [step, rows] : visit.rows)
            for (const AnswerRow& row : rows)
                if (IsFreeText(row.item_id)) distinct.insert(step + "/" + row.item_id + "/" + row.value);
        for (const std::string& key : distinct)
            ++figures[key];
    }
    return figures;
}

inline void AddRows(sqlite3* db, const std::string& sql, const std::string& prefix, bool with_item,
                    Figures* out) {
    sqlite3_stmt* query = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &query, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    while (sqlite3_step(query) == SQLITE_ROW) {
        std::string key = prefix;
        const int columns = sqlite3_column_count(query);
        for (int column = 0; column + 1 < columns; ++column) {
            const char* sep = column == 0 ? "" : (with_item && column == 2 ? "=" : "/");
            key += sep + std::string(reinterpret_cast<const char*>(sqlite3_column_text(query, column)));
        }
        (*out)[key] = sqlite3_column_int(query, columns - 1);
    }
    sqlite3_finalize(query);
}

// Ground truth in SQL, written without the reader's joins: visits chosen
// first by id, then rows de-duplicated explicitly.
inline Figures FromSql(const std::string& path, int round, const std::string& midnight,
                       const std::string& recent) {
    const std::string counted = "(SELECT id FROM visits WHERE filtered = 0" +
                                (round ? " AND round = " + std::to_string(round) : std::string()) + ")";
    const std::string in_round = round ? " WHERE round = " + std::to_string(round) : std::string();
    Figures figures;
    figures["today"] = std::stoi(QueryOne(path, "SELECT count(*) FROM visits WHERE id IN " + counted +
                                                    " AND started_at >= '" + midnight + "'"));
    figures["completed"] = std::stoi(
        QueryOne(path, "SELECT count(*) FROM visits WHERE id IN " + counted + " AND status = 'complete'"));
    figures["filtered"] = std::stoi(QueryOne(path, "SELECT count(*) FROM visits" + in_round +
                                                       (round ? " AND" : " WHERE") + " filtered != 0"));
    figures["recent"] =
        std::stoi(QueryOne(path, "SELECT count(*) FROM (SELECT DISTINCT visit_id, step_id FROM answers "
                                 "WHERE visit_id IN " +
                                     counted + " AND answered_at >= '" + recent + "')"));
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    AddRows(
        db,
        "SELECT step_id, count(*) FROM (SELECT DISTINCT visit_id, step_id FROM answers WHERE visit_id IN " +
            counted + ") GROUP BY step_id",
        "respondents/", false, &figures);
    AddRows(
        db,
        "SELECT step_id, item_id, value, count(*) FROM (SELECT DISTINCT visit_id, step_id, item_id, value "
        "FROM answers WHERE item_id NOT IN ('project', 'own') AND visit_id IN " +
            counted + ") GROUP BY step_id, item_id, value",
        "count/", true, &figures);
    sqlite3_close(db);
    return figures;
}

// A random answer of the kind each step stores (see app/core/answer.h).
inline std::vector<AnswerRow> RandomRows(const std::string& step, std::mt19937& random) {
    auto chance = [&](int percent) { return static_cast<int>(random() % 100) < percent; };
    std::vector<AnswerRow> rows;
    if (step == "level")
        rows.push_back({std::vector<std::string>{"system", "org", "team"}[random() % 3], ""});
    if (step == "aim") rows.push_back({chance(50) ? "goal" : "conditions", ""});
    if (step == "improve") // multi choice; sometimes nothing chosen
        for (const char* option : {"patients", "costs", "population", "staff"})
            if (chance(40)) rows.push_back({option, ""});
    if (step == "domains")
        for (const char* domain : {"vision", "model", "culture", "redesign", "cqi", "innovation"}) {
            if (chance(35)) rows.push_back({domain, "focus"});
            if (chance(30)) rows.push_back({domain, "least"}); // focus and least at once is allowed
        }
    // A repeated row (a double tap that slipped through) must still count once.
    if ((step == "improve" || step == "domains") && !rows.empty() && chance(10)) rows.push_back(rows.front());
    if (step == "sheet") {
        for (const char* benefit : {"b1", "b2", "b3", "b4", "b5", "b6"})
            if (chance(45)) rows.push_back({benefit, ""});
        if (chance(40)) rows.push_back({"project", "Discharge lounge " + std::to_string(random() % 5)});
        if (chance(30)) rows.push_back({"own", "Fewer falls"});
    }
    return rows;
}

class TallyTest : public ::testing::Test {
  protected:
    void SetUp() override {
        path_ = dir_.Path("results.db");
        WriterOptions options = Options(path_, waker_);
        // Random visits are often alike; anti-stuffing has its own test.
        options.stuffing.burst_visits = 0;
        writer_ = std::make_unique<VisitWriter>(options, MakePack());
        ASSERT_TRUE(WaitReady(*writer_, waker_));
        ASSERT_TRUE(writer_->Health().ok) << writer_->Health().problem;
    }

    void Save(VisitRecord& visit, const std::string& step, std::mt19937& random) {
        if (random() % 100 < 15) {
            visit.rows.erase(step);
            tickets_.push_back(writer_->SaveAnswer(Skip(visit.id, step)));
            return;
        }
        std::vector<AnswerRow> rows = RandomRows(step, random);
        visit.rows[step] = rows;
        tickets_.push_back(writer_->SaveAnswer(Answer(visit.id, step, std::move(rows))));
    }

    // One attendee: some steps in order, perhaps going back to change one,
    // then complete, abandoned or walked away from (left open).
    VisitRecord WriteVisit(int round, std::mt19937& random) {
        VisitRecord visit;
        visit.id = NewVisitId();
        visit.round = round;
        tickets_.push_back(writer_->BeginVisit(visit.id, "en"));
        const std::size_t reached = random() % (kSteps.size() + 1);
        for (std::size_t step = 0; step < reached; ++step)
            Save(visit, kSteps[step], random);
        for (int resave = 0; reached > 0 && resave < 3 && random() % 100 < 35; ++resave)
            Save(visit, kSteps[random() % reached], random);
        const int end = static_cast<int>(random() % 100);
        const bool finished = reached == kSteps.size() && end < 80;
        if (finished || end < 50) {
            visit.status = finished ? "complete" : "abandoned";
            tickets_.push_back(
                writer_->EndVisit(visit.id, finished ? VisitEnd::Complete : VisitEnd::Abandoned));
        }
        if (random() % 100 < 12) {
            visit.filtered = random() % 100 < 85; // a few are flagged, then cleared again
            tickets_.push_back(writer_->SetFiltered(visit.id, true));
            if (!visit.filtered) tickets_.push_back(writer_->SetFiltered(visit.id, false));
        }
        return visit;
    }

    // Moves some visits to another day and some answers out of the last 10
    // minutes, straight in SQL, so the time windows have something to leave out.
    void Backdate(std::vector<VisitRecord>& visits, std::mt19937& random) {
        std::string sql = "BEGIN;";
        for (VisitRecord& visit : visits) {
            if (random() % 100 < 10) {
                visit.begun_long_ago = true;
                sql += "UPDATE visits SET started_at = '" + std::string(kLongAgo) + "' WHERE id = '" +
                       visit.id + "';";
            }
            for (const auto& [step, rows] : visit.rows)
                if (random() % 100 < 15) {
                    visit.answered_long_ago.insert(step);
                    sql += "UPDATE answers SET answered_at = '" + std::string(kLongAgo) +
                           "' WHERE visit_id = '" + visit.id + "' AND step_id = '" + step + "';";
                }
        }
        ASSERT_EQ(ExecRaw(path_, sql + "COMMIT;"), SQLITE_OK);
    }

    TempDir dir_;
    std::string path_;
    Waker waker_; // declared before the writer: it must outlive it
    std::unique_ptr<VisitWriter> writer_;
    std::vector<Ticket> tickets_;
};

} // namespace tapsheet::test
