// One transaction per job: what a Begin, Save or End means in SQL.
#include "app/store/writer_db.h"

#include "app/core/answer.h"
#include "app/store/health.h"

#include <chrono>
#include <exception>

namespace tapsheet {
namespace {

template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

const char* EndStatus(VisitEnd end) {
    return end == VisitEnd::Complete ? "complete" : "abandoned";
}

} // namespace

int WriterDb::Write(const WriterJob& job, double* transaction_ms) {
    using Clock = std::chrono::steady_clock;
    *transaction_ms = 0;
    if (!db_ || !statements_) return SQLITE_MISUSE;
    const Clock::time_point start = Clock::now();
    // IMMEDIATE: take the write lock up front, so a busy database fails (or
    // waits) here rather than half way through the job.
    int rc = sql::Exec(db_, "BEGIN IMMEDIATE");
    if (rc == SQLITE_OK) rc = RunJobCatching(job);
    if (rc == SQLITE_OK) rc = sql::Exec(db_, "COMMIT");
    if (rc != SQLITE_OK) RememberError(rc);
    // A failed COMMIT may leave the transaction open (BUSY) or already rolled
    // back (FULL, IOERR); roll back only what is still open.
    if (rc != SQLITE_OK && !sqlite3_get_autocommit(db_)) sql::Exec(db_, "ROLLBACK");
    *transaction_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    if (rc == SQLITE_OK) AfterCommit();
    return rc;
}

void WriterDb::AfterCommit() {
    ++committed_writes_;
    if (hooks_ && hooks_->read_only_after_writes == committed_writes_)
        sql::Exec(db_, "PRAGMA query_only = 1");
}

std::string WriterDb::RefusalText(int rc) const {
    // SQLITE_NOTFOUND is our own code for "no such (open) visit".
    if ((rc & 0xff) == SQLITE_NOTFOUND) return "no such visit, or it has already ended";
    return error_text_;
}

int WriterDb::RunJobCatching(const WriterJob& job) {
    // Binding copies strings, which can throw on a machine out of memory; an
    // exception must not escape the writer thread (that would end the kiosk).
    try {
        return RunJob(job);
    } catch (const std::exception&) {
        return SQLITE_NOMEM;
    }
}

int WriterDb::RunJob(const WriterJob& job) {
    return std::visit(Overloaded{
                          [this](const BeginJob& each) { return RunBegin(each); },
                          [this](const SaveJob& each) { return RunSave(each); },
                          [this](const EndJob& each) { return RunEnd(each); },
                          [this](const RoundJob& each) { return RunRound(each); },
                          [this](const FilterJob& each) { return RunFilter(each); },
                          [this](const ModerateJob& each) { return RunModerate(each); },
                          [this](const HiddenJob& each) { return RunHidden(each); },
                      },
                      job);
}

int WriterDb::RunBegin(const BeginJob& job) {
    return statements_->insert_visit.Bind(1, job.visit_id)
        .Bind(2, kiosk_id_)
        .Bind(3, pack_hash_)
        .Bind(4, job.lang)
        .Bind(5, job.stamp)
        .Run();
}

int WriterDb::RunSave(const SaveJob& job) {
    const StepAnswer& answer = job.answer;
    // Replace, never merge: the attendee's latest answer to a step is the
    // whole truth for that step, including "skipped".
    int rc = statements_->delete_answers.Bind(1, answer.visit_id).Bind(2, answer.step_id).Run();
    if (rc == SQLITE_OK) rc = statements_->delete_skip.Bind(1, answer.visit_id).Bind(2, answer.step_id).Run();
    if (rc == SQLITE_OK && answer.skipped)
        rc = statements_->insert_skip.Bind(1, answer.visit_id)
                 .Bind(2, answer.step_id)
                 .Bind(3, job.stamp)
                 .Run();
    if (answer.skipped) return rc;
    for (const AnswerRow& row : answer.rows) {
        if (rc != SQLITE_OK) break;
        rc = statements_->insert_answer.Bind(1, answer.visit_id)
                 .Bind(2, answer.step_id)
                 .Bind(3, row.item_id)
                 .Bind(4, CountedValue(row.item_id, row.value)) // stored as app/core/answer.h defines
                 .Bind(5, job.stamp)
                 .Run();
    }
    return rc;
}

int WriterDb::RunEnd(const EndJob& job) {
    int rc =
        statements_->end_visit.Bind(1, job.visit_id).Bind(2, EndStatus(job.end)).Bind(3, job.stamp).Run();
    // No open visit of that id: refuse this request, the store is fine.
    if (rc == SQLITE_OK && sqlite3_changes(db_) == 0) return SQLITE_NOTFOUND;
    if (rc == SQLITE_OK) rc = FlagBurst(job);
    return rc;
}

// Every distinct answer row of a visit, in a stable order, as one string.
int WriterDb::Signature(const std::string& visit_id, std::string* signature, int* steps) {
    signature->clear();
    *steps = 0;
    sql::Statement& rows = statements_->visit_rows;
    std::string last_step, last_row;
    int rc = rows.Bind(1, visit_id).Step();
    for (; rc == SQLITE_ROW; rc = rows.Step()) {
        const std::string item = rows.Text(1);
        std::string row = rows.Text(0) + '\x1f' + item + '\x1f';
        row.append(CountedValue(item, rows.Text(2))).append(1, '\x1e'); // a 0.1 "1" is the same choice
        if (row == last_row) continue;                                  // a repeated row says nothing new
        if (rows.Text(0) != last_step) ++*steps;
        last_step = rows.Text(0);
        signature->append(row);
        last_row = std::move(row);
    }
    rows.Reset();
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

// Inside the EndVisit transaction, so a burst is flagged the moment it
// forms and the board never counts it. See StuffingRules in store.h.
int WriterDb::FlagBurst(const EndJob& job) {
    if (stuffing_.burst_visits <= 0 || job.burst_since.empty()) return SQLITE_OK;
    std::string mine, theirs;
    int steps = 0;
    int rc = Signature(job.visit_id, &mine, &steps);
    if (rc != SQLITE_OK || steps < stuffing_.min_steps) return rc;
    std::vector<std::string> others, same;
    sql::Statement& ended = statements_->ended_since;
    rc = ended.Bind(1, kiosk_id_).Bind(2, job.burst_since).Bind(3, job.visit_id).Step();
    for (; rc == SQLITE_ROW; rc = ended.Step())
        others.push_back(ended.Text(0));
    ended.Reset();
    if (rc != SQLITE_DONE) return rc;
    for (const std::string& other : others) {
        rc = Signature(other, &theirs, &steps);
        if (rc != SQLITE_OK) return rc;
        if (theirs == mine) same.push_back(other);
    }
    if (static_cast<int>(same.size()) + 1 < stuffing_.burst_visits) return SQLITE_OK;
    same.push_back(job.visit_id);
    for (const std::string& visit : same) {
        rc = statements_->flag.Bind(1, visit).Run();
        if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
}

int WriterDb::RunRound(const RoundJob& job) {
    if (job.next) return statements_->next_round.Run();
    return statements_->set_round.Bind(1, std::to_string(job.round)).Run();
}

int WriterDb::RunFilter(const FilterJob& job) {
    int rc =
        statements_->set_filtered.Bind(1, job.visit_id).Bind(2, std::int64_t{job.filtered ? 1 : 0}).Run();
    if (rc == SQLITE_OK && sqlite3_changes(db_) == 0) return SQLITE_NOTFOUND;
    return rc;
}

int WriterDb::RunModerate(const ModerateJob& job) {
    return statements_->moderate.Bind(1, job.step_id)
        .Bind(2, job.item_id)
        .Bind(3, job.text)
        .Bind(4, job.approved ? "approved" : "rejected")
        .Bind(5, job.stamp)
        .Run();
}

int WriterDb::RunHidden(const HiddenJob& job) {
    return statements_->set_hidden.Bind(1, job.step_ids).Run();
}

} // namespace tapsheet
