#include "app/store/fleet_ingest.h"

#include "app/store/failure.h"
#include "app/store/fleet_batch.h"
#include "app/store/merge_source.h"
#include "app/store/sqlite_util.h"
#include "app/store/stamp.h"

#include <algorithm>
#include <cctype>

namespace tapsheet {
namespace {

constexpr const char* kHubTablesSql = R"sql(
CREATE TABLE IF NOT EXISTS fleet_streams (
    kiosk_id TEXT NOT NULL,
    stream TEXT NOT NULL,
    committed INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (kiosk_id, stream)
);
CREATE TABLE IF NOT EXISTS fleet_visits (
    visit_id TEXT PRIMARY KEY NOT NULL,
    stream TEXT NOT NULL,
    seq INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS fleet_kiosks (
    kiosk_id TEXT PRIMARY KEY NOT NULL,
    boot TEXT NOT NULL,
    previous_boot TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    clock_offset_ms INTEGER NOT NULL DEFAULT 0,
    waiting INTEGER NOT NULL DEFAULT 0,
    last_answer_at TEXT NOT NULL DEFAULT '',
    refused INTEGER NOT NULL DEFAULT 0,
    duplicate_at TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS fleet_hub (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    boot TEXT NOT NULL,
    heard_at TEXT NOT NULL
);
)sql";

// The envelope: ?1 the payload. One row: everything the checks below need.
constexpr const char* kEnvelopeSql = R"sql(
SELECT json_type(?1), json_type(?1, '$.v'), json_extract(?1, '$.v'),
    json_type(?1, '$.event'), json_extract(?1, '$.event'),
    json_type(?1, '$.kiosk'), json_extract(?1, '$.kiosk'),
    json_type(?1, '$.stream'), json_extract(?1, '$.stream'),
    json_type(?1, '$.from'), json_extract(?1, '$.from'),
    json_type(?1, '$.to'), json_extract(?1, '$.to'),
    (SELECT count(*) FROM (SELECT 1 FROM json_each(?1) WHERE key IN ('packs', 'visits', 'answers',
        'skips', 'moderation') AND type = 'array'))
)sql";

// Each list holds objects of plain values only: a nested object or array
// would reach the row checks as JSON text.
constexpr const char* kShapeSql = R"sql(
SELECT count(*) FROM json_each(?1) list, json_each(list.value) row
WHERE list.key IN ('packs', 'visits', 'answers', 'skips', 'moderation') AND (row.type <> 'object'
    OR EXISTS (SELECT 1 FROM json_each(row.value) field WHERE field.type IN ('object', 'array')))
)sql";

constexpr const char* kLoadSql[] = {
    "CREATE TEMP TABLE in_packs AS SELECT value ->> 'hash' AS hash, value ->> 'pack_id' AS pack_id, "
    "value ->> 'source_text' AS source_text, value ->> 'first_used_at' AS first_used_at "
    "FROM json_each(?1, '$.packs')",
    "CREATE TEMP TABLE in_visits AS SELECT value ->> 'id' AS id, value ->> 'kiosk_id' AS kiosk_id, "
    "value ->> 'pack_hash' AS pack_hash, value ->> 'lang' AS lang, value ->> 'round' AS round, "
    "value ->> 'started_at' AS started_at, value ->> 'ended_at' AS ended_at, value ->> 'status' AS status, "
    "value ->> 'filtered' AS filtered, value ->> 'seq' AS seq FROM json_each(?1, '$.visits')",
    "CREATE TEMP TABLE in_batch AS SELECT ?1 ->> '$.stream' AS stream",
    "CREATE TEMP TABLE in_answers AS SELECT value ->> 'visit_id' AS visit_id, value ->> 'step_id' AS "
    "step_id, "
    "value ->> 'item_id' AS item_id, value ->> 'value' AS value, value ->> 'answered_at' AS answered_at "
    "FROM json_each(?1, '$.answers')",
    "CREATE TEMP TABLE in_skips AS SELECT value ->> 'visit_id' AS visit_id, value ->> 'step_id' AS step_id, "
    "value ->> 'skipped_at' AS skipped_at FROM json_each(?1, '$.skips')",
    "CREATE TEMP TABLE in_moderation AS SELECT value ->> 'step_id' AS step_id, value ->> 'item_id' AS "
    "item_id, "
    "value ->> 'text' AS text, value ->> 'status' AS status, value ->> 'decided_at' AS decided_at "
    "FROM json_each(?1, '$.moderation')",
    "CREATE TEMP TABLE in_meta AS SELECT 'round' AS key, ?1 ->> '$.round' AS value "
    "WHERE json_type(?1, '$.round') IS NOT NULL",
};

// A visit's copy is newer than the hub's when its kiosk changed it since
// (a higher seq of the same stream), even within the same millisecond.
constexpr const char* kNewerInItsStream =
    "typeof(s.seq) = 'integer' AND s.seq > coalesce((SELECT f.seq FROM main.fleet_visits f WHERE f.visit_id "
    "= s.id "
    "AND f.stream = (SELECT stream FROM in_batch)), 9223372036854775807)";

constexpr const char* kRememberSeqSql =
    "INSERT INTO main.fleet_visits (visit_id, stream, seq) SELECT id, (SELECT stream FROM in_batch), seq "
    "FROM in_visits WHERE typeof(seq) = 'integer' AND true ON CONFLICT (visit_id) DO UPDATE SET "
    "stream = excluded.stream, seq = excluded.seq WHERE excluded.stream <> stream OR excluded.seq > seq";

// A stream id as kiosks make them (ReadStreamId): it goes back into an
// acknowledgement and a log line.
bool IsStreamId(const std::string& text) {
    if (text.empty() || text.size() > 64) return false;
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

// The hub's file itself failed (full, read-only, damaged, locked): not the
// batch's fault, so not a refusal.
bool FileFailed(int rc) {
    switch (sql::BaseCode(rc)) {
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_CANTOPEN:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_NOMEM:
    case SQLITE_PERM:
        return true;
    default:
        return false;
    }
}

// The envelope's fields, or *why it is refused.
bool ReadEnvelope(sqlite3* db, const IngestContext& context, std::string_view payload, IngestResult* result,
                  std::int64_t* from, std::int64_t* to) {
    sql::Statement read(db, kEnvelopeSql);
    if (read.Bind(1, payload).Step() != SQLITE_ROW) {
        result->why = "it is not JSON";
        return false;
    }
    auto refuse = [&](std::string why) {
        result->why = std::move(why);
        return false;
    };
    if (read.Text(0) != "object") return refuse("it is not a JSON object");
    if (read.Text(1) != "integer") return refuse("it has no schema version 'v'");
    if (read.Int(2) != 1)
        return refuse("its schema version is " + read.Text(2) +
                      "; this hub reads version 1 (update tapsheet)");
    if (read.Text(3) != "text" || read.Text(4) != context.event)
        return refuse("it is for event '" + read.Text(4).substr(0, 64) + "', not '" + context.event + "'");
    if (read.Text(5) != "text" || read.Text(6) != context.kiosk)
        return refuse("it says it is from kiosk '" + read.Text(6).substr(0, 64) + "', on kiosk '" +
                      context.kiosk + "''s topic");
    if (read.Text(7) != "text" || !IsStreamId(read.Text(8)))
        return refuse("its stream id is not 1 to 64 letters and digits");
    if (read.Text(9) != "integer" || read.Text(11) != "integer" || read.Int(10) < 0 ||
        read.Int(12) <= read.Int(10))
        return refuse("its 'from' and 'to' are not whole numbers with from < to");
    if (read.Int(13) != 5)
        return refuse("it lacks one of its lists of packs, visits, answers, skips, moderation");
    result->stream = read.Text(8);
    *from = read.Int(10);
    *to = read.Int(12);
    return true;
}

int Load(sqlite3* db, std::string_view payload) {
    for (const char* text : kLoadSql) {
        sql::Statement load(db, text);
        int rc = load.Bind(1, payload).Run();
        if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
}

// Refusals that only a batch (not a file) can earn; SQLITE_CONSTRAINT with *why.
int CheckBatchRows(sqlite3* db, const IngestContext& context, IngestResult* result) {
    std::int64_t count = 0;
    int rc =
        sql::QueryInt(db,
                      "SELECT count(*) FROM in_visits WHERE pack_hash NOT IN (SELECT hash FROM in_packs) "
                      "AND pack_hash NOT IN (SELECT hash FROM main.packs)",
                      &count);
    if (rc != SQLITE_OK) return rc;
    if (count > 0) {
        result->needs_packs = true;
        result->why =
            "its visits use a content pack the hub has not been sent yet (the kiosk sends it again)";
        return SQLITE_CONSTRAINT;
    }
    sql::Statement other(db,
                         "SELECT substr(kiosk_id, 1, 64) FROM in_visits WHERE kiosk_id IS NOT ?1 LIMIT 1");
    rc = other.Bind(1, context.kiosk).Step();
    if (rc == SQLITE_ROW) {
        result->why =
            "it holds a visit of kiosk '" + other.Text(0) + "' on kiosk '" + context.kiosk + "''s topic";
        return SQLITE_CONSTRAINT;
    }
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

// Moves the stream's committed point to `to` when the batch starts at or
// below it: a batch after a gap is merged (harmless) but not acknowledged,
// so the kiosk resends from the point, filling the gap.
int Advance(sqlite3* db, const IngestContext& context, std::int64_t from, std::int64_t to,
            IngestResult* result) {
    sql::Statement read(db, "SELECT committed FROM fleet_streams WHERE kiosk_id = ?1 AND stream = ?2");
    int rc = read.Bind(1, context.kiosk).Bind(2, result->stream).Step();
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return rc;
    std::int64_t committed = rc == SQLITE_ROW ? read.Int(0) : 0;
    read.Reset();
    if (from <= committed) committed = std::max(committed, to);
    result->committed = committed;
    sql::Statement save(db, "INSERT INTO fleet_streams (kiosk_id, stream, committed, updated_at) "
                            "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (kiosk_id, stream) DO UPDATE SET "
                            "committed = excluded.committed, updated_at = excluded.updated_at");
    return save.Bind(1, context.kiosk)
        .Bind(2, result->stream)
        .Bind(3, committed)
        .Bind(4, UtcStampNow())
        .Run();
}

// Everything after the envelope: SQLITE_CONSTRAINT (with result->why) refuses.
int Apply(sqlite3* db, const IngestContext& context, std::string_view payload, std::int64_t from,
          std::int64_t to, IngestResult* result) {
    std::int64_t bad_shape = 0;
    {
        // Finished before the merge: a statement still running would keep
        // the merge from dropping its temporary table.
        sql::Statement shape(db, kShapeSql);
        const int rc = shape.Bind(1, payload).Step();
        if (rc != SQLITE_ROW) return rc;
        bad_shape = shape.Int(0);
    }
    if (bad_shape > 0) {
        result->why = "a row in it is not an object of plain values";
        return SQLITE_CONSTRAINT;
    }
    int rc = Load(db, payload);
    if (rc == SQLITE_OK) rc = CheckBatchRows(db, context, result);
    if (rc == SQLITE_OK) rc = CheckSourceRows(db, &result->why);
    if (rc == SQLITE_OK) rc = MergeLoaded(db, &result->counts, kNewerInItsStream);
    if (rc == SQLITE_OK) rc = sql::Exec(db, kRememberSeqSql);
    if (rc == SQLITE_OK) rc = Advance(db, context, from, to, result);
    return rc;
}

bool IsKnownKiosk(const IngestContext& context) {
    return context.kiosks.empty() ||
           std::find(context.kiosks.begin(), context.kiosks.end(), context.kiosk) != context.kiosks.end();
}

} // namespace

int PrepareHubTables(sqlite3* db) {
    return sql::Exec(db, kHubTablesSql);
}

int IngestBatch(sqlite3* db, const IngestContext& context, std::string_view payload, IngestResult* result) {
    *result = IngestResult{};
    if (payload.size() > kMaxBatchBytes) {
        result->why =
            "it is " + std::to_string(payload.size() / 1024) + " KB, more than any batch a kiosk sends";
        return SQLITE_OK;
    }
    if (!IsKnownKiosk(context)) {
        result->why = "kiosk '" + context.kiosk + "' is not one of this event's kiosks ([fleet] kiosks)";
        return SQLITE_OK;
    }
    std::int64_t from = 0, to = 0;
    if (!ReadEnvelope(db, context, payload, result, &from, &to)) return SQLITE_OK;
    int rc = sql::Exec(db, "SAVEPOINT batch");
    if (rc == SQLITE_OK) rc = Apply(db, context, payload, from, to, result);
    result->accepted = rc == SQLITE_OK;
    const bool file_failed = rc != SQLITE_OK && FileFailed(rc);
    if (rc != SQLITE_OK && result->why.empty())
        result->why = (file_failed ? "the hub's file failed: " : "it cannot be read: ") +
                      std::string(sqlite3_errmsg(db));
    if (rc != SQLITE_OK) sql::Exec(db, "ROLLBACK TO batch");
    sql::Exec(db, "RELEASE batch");
    DropSource(db);
    sql::Exec(db, "DROP TABLE IF EXISTS temp.in_batch");
    return file_failed ? rc : SQLITE_OK;
}

int ReadStreamPoints(sqlite3* db, std::vector<StreamPoint>* points) {
    points->clear();
    // Each kiosk's most recently advanced stream: the one its retained
    // acknowledgement must name.
    sql::Statement read(db, "SELECT kiosk_id, stream, committed FROM fleet_streams s WHERE updated_at = "
                            "(SELECT max(updated_at) FROM fleet_streams WHERE kiosk_id = s.kiosk_id) "
                            "GROUP BY kiosk_id ORDER BY kiosk_id");
    int rc = SQLITE_OK;
    while ((rc = read.Step()) == SQLITE_ROW)
        points->push_back({read.Text(0), read.Text(1), read.Int(2)});
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

std::string AckJson(sqlite3* db, const StreamPoint& point, bool needs_packs) {
    sql::Statement make(db, "SELECT json_object('v', 1, 'stream', ?1, 'seq', ?2, 'needs_packs', json(?3))");
    make.Bind(1, point.stream).Bind(2, point.committed).Bind(3, needs_packs ? "true" : "false");
    return make.Step() == SQLITE_ROW ? make.Text(0) : std::string();
}

HubFile::~HubFile() {
    sqlite3_close_v2(db_);
}

bool HubFile::Open(const std::string& path, std::string* error) {
    path_ = path;
    int rc = OpenMergeTarget(path, &db_);
    if (rc == SQLITE_OK) rc = PrepareHubTables(db_);
    if (rc == SQLITE_OK) return true;
    *error = Explain(rc);
    sqlite3_close_v2(db_);
    db_ = nullptr;
    return false;
}

std::string HubFile::Explain(int rc) const {
    return ExplainFailure(CaptureFailure(db_, rc), path_);
}

} // namespace tapsheet
