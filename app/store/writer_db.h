// The writer thread's connection: opening (check, migrate, record the pack)
// and one transaction per job. Used only by VisitWriter's thread.
#pragma once

#include "app/store/sqlite_util.h"
#include "app/store/store.h"
#include "app/store/writer_testing.h"

#include <memory>
#include <string>
#include <variant>

namespace tapsheet {

struct BeginJob {
    std::string visit_id;
    std::string lang;
    std::string stamp;
};

struct SaveJob {
    StepAnswer answer;
    std::string stamp;
};

struct EndJob {
    std::string visit_id;
    VisitEnd end = VisitEnd::Complete;
    std::string stamp;
    std::string burst_since; // stamp: visits ended since then may form a burst with this one
};

struct RoundJob {
    int round = 1;
    bool next = false; // round + 1 of the stored one; `round` unused
};

struct FilterJob {
    std::string visit_id;
    bool filtered = false;
};

struct ModerateJob {
    std::string step_id, item_id, text;
    bool approved = false;
    std::string stamp;
};

struct HiddenJob {
    std::string step_ids; // comma-separated (step ids never hold a comma)
};

using WriterJob = std::variant<BeginJob, SaveJob, EndJob, RoundJob, FilterJob, ModerateJob, HiddenJob>;

class WriterDb {
  public:
    WriterDb() = default;
    ~WriterDb();
    WriterDb(const WriterDb&) = delete;
    WriterDb& operator=(const WriterDb&) = delete;

    // Opens (creating if needed), checks, migrates and records the pack.
    // On failure the connection is closed and the file left as it was.
    StoreHealth Open(const WriterOptions& options, const Pack& pack);

    // Runs one job as one BEGIN IMMEDIATE .. COMMIT transaction. Returns
    // SQLITE_OK once committed; *transaction_ms gets the time it took.
    int Write(const WriterJob& job, double* transaction_ms);

    // Staff-facing description of a failed Write's code.
    StoreHealth Describe(int rc) const;
    // Why a request alone was refused (IsRequestError), for the log.
    std::string RefusalText(int rc) const;

    void Close();
    const Durability& Settings() const { return durability_; }

  private:
    struct Statements {
        sql::Statement insert_visit, delete_answers, delete_skip, insert_answer, insert_skip;
        sql::Statement end_visit, set_round, next_round, set_filtered, moderate, set_hidden;
        sql::Statement ended_since, visit_rows, flag;
    };

    StoreHealth Fail(int rc);
    StoreHealth Refuse(StoreHealth health); // closes, leaving the file as it is
    StoreHealth LookBeforeTouching(int* version);
    void RememberError(int rc);
    int OpenConnection();
    int Configure();
    int RecordPack(const Pack& pack);
    int CloseStaleVisits(const std::string& kiosk_id);
    int Prepare();
    int ApplyHooks();
    int RunJobCatching(const WriterJob& job);
    int RunJob(const WriterJob& job);
    int RunBegin(const BeginJob& job);
    int RunSave(const SaveJob& job);
    int RunEnd(const EndJob& job);
    int RunRound(const RoundJob& job);
    int RunFilter(const FilterJob& job);
    int FlagBurst(const EndJob& job);
    int Signature(const std::string& visit_id, std::string* signature, int* steps);
    int RunModerate(const ModerateJob& job);
    int RunHidden(const HiddenJob& job);
    void AfterCommit();

    sqlite3* db_ = nullptr;
    Durability durability_;
    std::string path_;
    std::string kiosk_id_;
    StuffingRules stuffing_;
    std::string pack_hash_;
    std::shared_ptr<const WriterTestHooks> hooks_;
    int committed_writes_ = 0;
    std::string error_text_; // SQLite's message for the last failure
    int system_errno_ = 0;   // and the operating system's errno, if any
    std::unique_ptr<Statements> statements_;
};

} // namespace tapsheet
