#include "app/store/fleet_batch.h"

#include "app/store/failure.h"
#include "app/store/sqlite_util.h"

namespace tapsheet {
namespace {

// ?1 event, ?2 kiosk, ?3 stream, ?4 from, ?5 to, ?6 with packs. The visits in
// (from, to] are chosen once, in a CTE, and everything else follows them.
constexpr const char* kBatchSql = R"sql(
WITH chosen AS (SELECT * FROM visits WHERE seq > ?4 AND seq <= ?5)
SELECT json_object('v', 1, 'event', ?1, 'kiosk', ?2, 'stream', ?3, 'from', ?4, 'to', ?5,
    'round', (SELECT value FROM meta WHERE key = 'round'),
    'packs', CASE WHEN ?6 THEN (SELECT json_group_array(json_object('hash', hash, 'pack_id', pack_id,
            'source_text', source_text, 'first_used_at', first_used_at))
        FROM packs WHERE hash IN (SELECT pack_hash FROM chosen)) ELSE json_array() END,
    'visits', (SELECT json_group_array(json_object('id', id, 'kiosk_id', kiosk_id, 'pack_hash', pack_hash,
            'lang', lang, 'round', round, 'started_at', started_at, 'ended_at', ended_at,
            'status', status, 'filtered', filtered, 'seq', seq)) FROM chosen),
    'answers', (SELECT json_group_array(json_object('visit_id', visit_id, 'step_id', step_id,
            'item_id', item_id, 'value', value, 'answered_at', answered_at))
        FROM answers WHERE visit_id IN (SELECT id FROM chosen)),
    'skips', (SELECT json_group_array(json_object('visit_id', visit_id, 'step_id', step_id,
            'skipped_at', skipped_at)) FROM skips WHERE visit_id IN (SELECT id FROM chosen)),
    'moderation', (SELECT json_group_array(json_object('step_id', step_id, 'item_id', item_id,
            'text', text, 'status', status, 'decided_at', decided_at)) FROM moderation)),
    (SELECT count(*) FROM chosen),
    (SELECT count(*) FROM answers WHERE visit_id IN (SELECT id FROM chosen))
)sql";

// The end of the next batch: the seq of its last visit.
int ReadBatchEnd(sqlite3* db, std::int64_t from, int max_visits, std::int64_t* to) {
    sql::Statement end(db, "SELECT coalesce(max(seq), ?1) FROM (SELECT seq FROM visits WHERE seq > ?1 "
                           "ORDER BY seq LIMIT ?2)");
    int rc = end.Bind(1, from).Bind(2, std::int64_t{max_visits}).Step();
    if (rc != SQLITE_ROW) return rc;
    *to = end.Int(0);
    return SQLITE_OK;
}

int ReadBatchJson(sqlite3* db, const BatchHeader& header, bool with_packs, Batch* batch) {
    sql::Statement read(db, kBatchSql);
    read.Bind(1, header.event).Bind(2, header.kiosk).Bind(3, header.stream);
    read.Bind(4, batch->from).Bind(5, batch->to).Bind(6, std::int64_t{with_packs ? 1 : 0});
    int rc = read.Step();
    if (rc != SQLITE_ROW) return rc;
    batch->json = read.Text(0);
    batch->visits = static_cast<int>(read.Int(1));
    batch->answers = static_cast<int>(read.Int(2));
    return SQLITE_OK;
}

} // namespace

int ReadBatch(sqlite3* db, const BatchHeader& header, std::int64_t from, int max_visits, bool with_packs,
              Batch* batch) {
    *batch = Batch{};
    batch->from = batch->to = from;
    // One snapshot for the end and the rows (a visit changed in between
    // moves above `to`, into a later batch, so two would be safe too).
    int rc = sql::Exec(db, "BEGIN");
    if (rc == SQLITE_OK) rc = ReadBatchEnd(db, from, max_visits, &batch->to);
    if (rc == SQLITE_OK && batch->to > from) rc = ReadBatchJson(db, header, with_packs, batch);
    sql::Exec(db, rc == SQLITE_OK ? "COMMIT" : "ROLLBACK");
    return rc;
}

int ReadStreamId(sqlite3* db, std::string* stream) {
    int rc = sql::Exec(db, "INSERT OR IGNORE INTO meta (key, value) "
                           "VALUES ('fleet_stream', lower(hex(randomblob(12))))");
    if (rc != SQLITE_OK) return rc;
    return sql::QueryText(db, "SELECT value FROM meta WHERE key = 'fleet_stream'", stream);
}

int ReadAcked(sqlite3* db, std::int64_t* acked) {
    *acked = 0;
    return sql::QueryInt(
        db, "SELECT coalesce(CAST(max(value) AS INTEGER), 0) FROM meta WHERE key = 'fleet_acked'", acked);
}

int SaveAcked(sqlite3* db, std::int64_t acked) {
    sql::Statement save(db, "INSERT INTO meta (key, value) VALUES ('fleet_acked', ?1) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    return save.Bind(1, std::to_string(acked)).Run();
}

int ReadWaiting(sqlite3* db, std::int64_t acked, Waiting* waiting) {
    *waiting = Waiting{};
    sql::Statement read(
        db, "SELECT (SELECT count(*) FROM visits WHERE seq > ?1), "
            "(SELECT count(*) FROM answers WHERE visit_id IN (SELECT id FROM visits WHERE seq > ?1)), "
            "(SELECT coalesce(max(seq), 0) FROM visits), "
            "(SELECT coalesce(max(answered_at), '') FROM answers WHERE visit_id IN "
            "(SELECT id FROM visits ORDER BY seq DESC LIMIT 20))");
    int rc = read.Bind(1, acked).Step();
    if (rc != SQLITE_ROW) return rc;
    waiting->visits = read.Int(0);
    waiting->answers = read.Int(1);
    waiting->last_seq = read.Int(2);
    // The latest answer bumped its visit to the top of the seq order; a few
    // visits ended (or abandoned) since may sit above it, hence 20, not 1.
    waiting->last_answer_at = read.Text(3);
    return SQLITE_OK;
}

bool ParseAck(sqlite3* db, std::string_view payload, HubAck* ack) {
    sql::Statement read(db, "SELECT ?1 ->> '$.v', json_type(?1, '$.stream'), ?1 ->> '$.stream', "
                            "json_type(?1, '$.seq'), ?1 ->> '$.seq', coalesce(?1 ->> '$.needs_packs', 0)");
    if (read.Bind(1, payload).Step() != SQLITE_ROW) return false;
    if (read.Int(0) != 1 || read.Text(1) != "text" || read.Text(3) != "integer" || read.Int(4) < 0)
        return false;
    *ack = {read.Text(2), read.Int(4), read.Int(5) != 0};
    return true;
}

bool ParseHubState(sqlite3* db, std::string_view payload, std::string* state) {
    sql::Statement read(db, "SELECT ?1 ->> '$.v', json_type(?1, '$.state'), ?1 ->> '$.state'");
    if (read.Bind(1, payload).Step() != SQLITE_ROW) return false;
    if (read.Int(0) != 1 || read.Text(1) != "text") return false;
    *state = read.Text(2);
    return true;
}

OutboxFile::~OutboxFile() {
    sqlite3_close_v2(db_);
}

bool OutboxFile::Open(const std::string& path, std::string* error) {
    // Never created here: the kiosk's writer makes and migrates the file.
    int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_extended_result_codes(db_, 1);
        // The writer holds the write lock for a few milliseconds per answer;
        // the outbox writes only its meta rows and can wait.
        sqlite3_busy_timeout(db_, 10000);
        rc = sql::Exec(db_, "PRAGMA synchronous = FULL");
    }
    std::string why;
    if (rc == SQLITE_OK) rc = CheckResultsFile(db_, "main", &why);
    if (rc == SQLITE_OK) return true;
    *error = why.empty() ? ExplainFailure(CaptureFailure(db_, rc), path) : path + ": " + why;
    sqlite3_close_v2(db_);
    db_ = nullptr;
    return false;
}

} // namespace tapsheet
