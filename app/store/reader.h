// Read-only access to the kiosk's database, for the board, tools and tests.
// A StoreReader opens its own read-only connection; in WAL mode it never
// blocks the writer, and it never creates or migrates a file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace tapsheet {

struct VisitCounts {
    int open = 0;
    int complete = 0;
    int abandoned = 0;
    int filtered = 0; // of all the above, those flagged by anti-stuffing
    int Total() const { return open + complete + abandoned; }
};

struct StoredVisit {
    std::string id;
    std::string kiosk_id;
    std::string pack_hash;
    std::string lang;
    int round = 1;
    std::string started_at;
    std::string ended_at; // "" while open
    std::string status;   // "open", "complete" or "abandoned"
    bool filtered = false;
};

struct StoredAnswer {
    std::string step_id;
    std::string item_id;
    std::string value;
    std::string answered_at;
};

struct ItemCount {
    std::string item_id;
    int count = 0;
};

class StoreReader {
  public:
    explicit StoreReader(const std::string& db_path);
    ~StoreReader();
    StoreReader(const StoreReader&) = delete;
    StoreReader& operator=(const StoreReader&) = delete;

    bool Ok() const { return error_.empty(); }
    const std::string& Error() const { return error_; } // last failure, naming the file

    int SchemaVersion();
    int Round(); // meta "round"
    int PackCount();
    // Changes whenever another connection commits (PRAGMA data_version):
    // the board polls it to know when to recompute its tallies.
    std::int64_t DataVersion();

    VisitCounts CountVisits(int round = 0); // 0: every round
    std::optional<StoredVisit> Visit(const std::string& visit_id);
    std::vector<StoredAnswer> Answers(const std::string& visit_id); // by step, then insertion
    std::vector<std::string> SkippedSteps(const std::string& visit_id);
    // Answer rows per item of one step, over visits not filtered; most first.
    std::vector<ItemCount> CountItems(const std::string& step_id, int round = 0);

    // `PRAGMA integrity_check`: "ok", or the problems found one per line.
    std::string IntegrityCheck();

  private:
    void Fail(int rc);
    std::int64_t QueryNumber(const char* text);

    sqlite3* db_ = nullptr;
    std::string path_;
    std::string error_;
};

} // namespace tapsheet
