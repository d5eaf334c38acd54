// The fleet's message of visits (issue 12), both ends of it, on results
// files: a kiosk reads a batch out of its own file, the hub writes one into
// its file. The batch is JSON made and read by SQLite's own JSON functions,
// so no hand-written parser ever sees a hostile payload.
//
// A batch holds every visit of the kiosk's file whose change number (`seq`,
// schema.cpp) is in (from, to], with its answers and skips, the packs they
// use when asked, the moderation decisions and the current round. Visits
// only ever move up the seq order, so the batches from a point cover every
// change since it: the hub acknowledges the highest `to` it has committed
// without a gap, and a kiosk that resends from there loses nothing.
//
// {"v":1,"event":E,"kiosk":K,"stream":S,"from":A,"to":B,"round":"R",
//  "packs":[{hash,pack_id,source_text,first_used_at}],
//  "visits":[{id,kiosk_id,pack_hash,lang,round,started_at,ended_at,status,filtered,seq}],
//  "answers":[{visit_id,step_id,item_id,value,answered_at}],
//  "skips":[{visit_id,step_id,skipped_at}],
//  "moderation":[{step_id,item_id,text,status,decided_at}]}
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace tapsheet {

inline constexpr int kBatchVersion = 1;
// A kiosk's batch stays far below this; the hub refuses a larger payload
// before parsing it.
inline constexpr std::size_t kMaxBatchBytes = 4 * 1024 * 1024;

struct BatchHeader {
    std::string event;
    std::string kiosk;  // the kiosk's MQTT user: every visit must be its own
    std::string stream; // this results file's id, see ReadStreamId
};

struct Batch {
    std::int64_t from = 0;
    std::int64_t to = 0; // == from: nothing to send
    int visits = 0;
    int answers = 0;
    std::string json;
};

// The next batch after `from` from a kiosk's results file, at most
// `max_visits` visits (and their answers), packs included when
// `with_packs`. One read transaction.
int ReadBatch(sqlite3* db, const BatchHeader& header, std::int64_t from, int max_visits, bool with_packs,
              Batch* batch);

// This results file's stream id: made once (random), kept in its meta
// table, so a replaced file is a new stream whose changes start again at 1.
int ReadStreamId(sqlite3* db, std::string* stream);

// The hub's last acknowledgement this file has heard of, kept so a restarted
// kiosk does not resend the whole day (0 when none: it then sends it all,
// which changes nothing at the hub).
int ReadAcked(sqlite3* db, std::int64_t* acked);
int SaveAcked(sqlite3* db, std::int64_t acked);

// What is waiting after `acked`: answers of visits changed since, and the
// highest change.
struct Waiting {
    std::int64_t visits = 0;
    std::int64_t answers = 0;
    std::int64_t last_seq = 0;
    std::string last_answer_at; // "" when none
};
int ReadWaiting(sqlite3* db, std::int64_t acked, Waiting* waiting);

// The hub's acknowledgement (fleet_ingest.h AckJson), read on the kiosk.
struct HubAck {
    std::string stream;
    std::int64_t seq = 0;
    bool needs_packs = false;
};
bool ParseAck(sqlite3* db, std::string_view payload, HubAck* ack);
// The hub's status (app/fleet/hub.cpp: {"v":1,"boot":…,"state":…}): its
// state ("online", "offline", "lost"), or false when it is not one.
bool ParseHubState(sqlite3* db, std::string_view payload, std::string* state);

// The kiosk's own results file as its outbox reads it: a connection of its
// own (never the writer's), so reading a batch never waits on or delays an
// answer being saved beyond SQLite's own locking.
class OutboxFile {
  public:
    OutboxFile() = default;
    ~OutboxFile();
    OutboxFile(const OutboxFile&) = delete;
    OutboxFile& operator=(const OutboxFile&) = delete;

    // false with *error when the file cannot be opened or is not a results file.
    bool Open(const std::string& path, std::string* error);
    sqlite3* Db() const { return db_; }

  private:
    sqlite3* db_ = nullptr;
};

} // namespace tapsheet
