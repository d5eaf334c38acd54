// The hub's side of the fleet (issue 12) on its results file: each kiosk's
// batch (fleet_batch.h) checked as hostile, merged with `merge`'s rules
// (merge.h), and the point up to which each kiosk's changes are committed
// without a gap, which the hub then acknowledges to the kiosk.
#pragma once

#include "app/store/merge.h"

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tapsheet {

// The hub's own tables beside the results (the board, report, export and
// merge never read them): created if missing.
int PrepareHubTables(sqlite3* db);

struct IngestContext {
    std::string event;
    std::string kiosk;               // from the topic, i.e. the user the broker authenticated
    std::vector<std::string> kiosks; // the event's kiosks; empty: any
};

struct IngestResult {
    bool accepted = false;
    std::string why;          // why it was refused, in words, for the hub's log
    bool needs_packs = false; // refused only because its packs were not sent along
    std::string stream;
    std::int64_t committed = 0; // the stream's committed point after it (when the stream is known)
    MergeCounts counts;
};

// Checks and merges one payload, inside the caller's transaction (its own
// savepoint: a refused batch changes nothing). SQLITE_OK also for a refused
// batch (result->accepted false); an error code only when the hub's file
// itself failed.
int IngestBatch(sqlite3* db, const IngestContext& context, std::string_view payload, IngestResult* result);

// The last committed point of each kiosk's most recent stream, to
// acknowledge again after the hub (re)connects.
struct StreamPoint {
    std::string kiosk;
    std::string stream;
    std::int64_t committed = 0;
};
int ReadStreamPoints(sqlite3* db, std::vector<StreamPoint>* points);

// The acknowledgement the hub publishes to `point.kiosk`:
// {"v":1,"stream":S,"seq":N,"needs_packs":false}. needs_packs asks the kiosk
// to resend from N with its content packs.
std::string AckJson(sqlite3* db, const StreamPoint& point, bool needs_packs);

// The hub's results file: one connection, WAL, synchronous=FULL (merge's
// target connection), with the hub's tables.
class HubFile {
  public:
    HubFile() = default;
    ~HubFile();
    HubFile(const HubFile&) = delete;
    HubFile& operator=(const HubFile&) = delete;

    bool Open(const std::string& path, std::string* error);
    sqlite3* Db() const { return db_; }
    // The error of the last failed call, in words, naming the file.
    std::string Explain(int rc) const;

  private:
    sqlite3* db_ = nullptr;
    std::string path_;
};

} // namespace tapsheet
