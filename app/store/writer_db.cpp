// Opening the writer's connection. Order matters: look before touching. The
// file is checked (quick_check) and its schema version read before anything
// is written to it, so a damaged or newer file is refused unchanged.
#include "app/store/writer_db.h"

#include "app/core/content.h"
#include "app/store/failure.h"
#include "app/store/health.h"
#include "app/store/schema.h"
#include "app/store/stamp.h"

#include <cerrno>
#include <cstdint>
#include <filesystem>
#include <system_error>

namespace tapsheet {
namespace {

// Long enough to outlast a reader's checkpoint or an export; a lock held
// longer than this is a fault staff should hear about.
constexpr int kBusyTimeoutMs = 5000;

bool OpensReadOnly(const WriterTestHooks* hooks) {
    return hooks && hooks->read_only_after_writes == 0;
}

// The folder the database should be in, when it does not exist. Only the
// default data folder is ever created (by the command line); a missing
// folder anywhere else is most likely a USB stick that is not mounted, and a
// database created in the empty mount point would hide a day's answers
// where nobody looks for them.
std::string MissingFolder(const std::string& path) {
    std::filesystem::path parent = std::filesystem::path(path).parent_path();
    std::error_code error;
    if (parent.empty() || std::filesystem::is_directory(parent, error)) return {};
    return parent.string();
}

} // namespace

WriterDb::~WriterDb() {
    Close();
}

void WriterDb::Close() {
    statements_.reset(); // statements must be finalized before the connection closes
    sqlite3_close_v2(db_);
    db_ = nullptr;
}

void WriterDb::RememberError(int rc) {
    // Taken before any ROLLBACK, which resets SQLite's message.
    const SqliteFailure failure = CaptureFailure(db_, rc);
    error_text_ = failure.detail;
    system_errno_ = failure.system_errno;
}

StoreHealth WriterDb::Describe(int rc) const {
    return DescribeFailure(rc, path_, error_text_, system_errno_);
}

StoreHealth WriterDb::Fail(int rc) {
    RememberError(rc);
    return Refuse(Describe(rc));
}

StoreHealth WriterDb::Refuse(StoreHealth health) {
    Close();
    return health;
}

StoreHealth WriterDb::Open(const WriterOptions& options, const Pack& pack) {
    path_ = options.db_path;
    kiosk_id_ = options.kiosk_id;
    stuffing_ = options.stuffing;
    pack_hash_ = pack.source_hash;
    hooks_ = options.test_hooks;
    const std::string missing = MissingFolder(path_);
    if (!missing.empty()) return Refuse(DescribeMissingFolder(missing, path_));
    int rc = OpenConnection();
    if (rc != SQLITE_OK) return Fail(rc);
    int version = 0;
    StoreHealth looked = LookBeforeTouching(&version);
    if (!looked.ok) return looked;
    rc = Configure();
    // Migrate() reads the version again under the write lock: another
    // process may have migrated the file since we looked.
    if (rc == SQLITE_OK) rc = sql::Migrate(db_, &version);
    if (version > sql::LatestSchemaVersion())
        return Refuse(DescribeNewerSchema(version, sql::LatestSchemaVersion(), path_));
    if (rc == SQLITE_OK) rc = RecordPack(pack);
    if (rc == SQLITE_OK) rc = CloseStaleVisits(options.kiosk_id);
    if (rc == SQLITE_OK) rc = Prepare();
    if (rc == SQLITE_OK) rc = ApplyHooks();
    if (rc != SQLITE_OK) return Fail(rc);
    return StoreHealth{};
}

StoreHealth WriterDb::LookBeforeTouching(int* version) {
    std::string findings;
    int rc = sql::CheckIntegrity(db_, true, &findings);
    if (rc != SQLITE_OK) return Fail(rc);
    if (findings != "ok") return Refuse(DescribeDamage(path_, findings.substr(0, findings.find('\n'))));
    // A newer file is refused before journal_mode could rewrite its header.
    std::int64_t found = 0;
    rc = sql::QueryInt(db_, "PRAGMA user_version", &found);
    if (rc != SQLITE_OK) return Fail(rc);
    *version = static_cast<int>(found);
    if (*version > sql::LatestSchemaVersion())
        return Refuse(DescribeNewerSchema(*version, sql::LatestSchemaVersion(), path_));
    return StoreHealth{};
}

int WriterDb::OpenConnection() {
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (OpensReadOnly(hooks_.get())) flags = SQLITE_OPEN_READONLY;
    int rc = sqlite3_open_v2(path_.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (db_) {
        sqlite3_extended_result_codes(db_, 1);
        const bool hooked = hooks_ && hooks_->busy_timeout_ms > 0;
        sqlite3_busy_timeout(db_, hooked ? hooks_->busy_timeout_ms : kBusyTimeoutMs);
    }
    return rc;
}

int WriterDb::Configure() {
    std::string mode;
    // WAL: readers (the board) never block the writer. A file system that
    // cannot do WAL keeps the old journal; FULL still makes commits durable.
    int rc = sql::QueryText(db_, "PRAGMA journal_mode = WAL", &mode);
    if (rc == SQLITE_OK) rc = sql::Exec(db_, "PRAGMA synchronous = FULL");
    if (rc == SQLITE_OK) rc = sql::Exec(db_, "PRAGMA foreign_keys = ON");
    // Read back what the connection really runs with (tests check it).
    if (rc == SQLITE_OK) rc = sql::QueryText(db_, "PRAGMA journal_mode", &durability_.journal_mode);
    std::int64_t synchronous = -1;
    if (rc == SQLITE_OK) rc = sql::QueryInt(db_, "PRAGMA synchronous", &synchronous);
    durability_.synchronous = static_cast<int>(synchronous);
    return rc;
}

// Visits this kiosk left open when it last stopped (crash, power cut, kill)
// can never be finished: the attendee is long gone. Their answers count; the
// visit is recorded as abandoned. Other kiosks' visits are theirs to close.
int WriterDb::CloseStaleVisits(const std::string& kiosk_id) {
    sql::Statement close(db_, "UPDATE visits SET status = 'abandoned', ended_at = ?1 "
                              "WHERE status = 'open' AND kiosk_id = ?2");
    return close.Bind(1, UtcStampNow()).Bind(2, kiosk_id).Run();
}

int WriterDb::RecordPack(const Pack& pack) {
    // Once per hash: the same pack reopened all day is stored once.
    int rc = sql::Exec(db_, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK) return rc;
    sql::Statement insert(db_, "INSERT OR IGNORE INTO packs (hash, pack_id, source_text, first_used_at) "
                               "VALUES (?1, ?2, ?3, ?4)");
    rc = insert.Bind(1, pack.source_hash)
             .Bind(2, pack.id)
             .Bind(3, pack.source_text)
             .Bind(4, UtcStampNow())
             .Run();
    if (rc == SQLITE_OK) rc = sql::Exec(db_, "COMMIT");
    if (rc != SQLITE_OK && !sqlite3_get_autocommit(db_)) sql::Exec(db_, "ROLLBACK");
    return rc;
}

int WriterDb::Prepare() {
    auto s = std::make_unique<Statements>();
    s->insert_visit =
        sql::Statement(db_, "INSERT INTO visits (id, kiosk_id, pack_hash, lang, round, started_at) "
                            "VALUES (?1, ?2, ?3, ?4, COALESCE((SELECT CAST(value AS INTEGER) "
                            "FROM meta WHERE key = 'round'), 1), ?5)");
    s->delete_answers = sql::Statement(db_, "DELETE FROM answers WHERE visit_id = ?1 AND step_id = ?2");
    s->delete_skip = sql::Statement(db_, "DELETE FROM skips WHERE visit_id = ?1 AND step_id = ?2");
    s->insert_answer =
        sql::Statement(db_, "INSERT INTO answers (visit_id, step_id, item_id, value, answered_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5)");
    s->insert_skip =
        sql::Statement(db_, "INSERT INTO skips (visit_id, step_id, skipped_at) VALUES (?1, ?2, ?3)");
    s->end_visit = sql::Statement(db_, "UPDATE visits SET status = ?2, ended_at = ?3 "
                                       "WHERE id = ?1 AND status = 'open'");
    s->set_round = sql::Statement(db_, "INSERT INTO meta (key, value) VALUES ('round', ?1) "
                                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    s->next_round =
        sql::Statement(db_, "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'round'");
    s->set_filtered = sql::Statement(db_, "UPDATE visits SET filtered = ?2 WHERE id = ?1");
    s->moderate =
        sql::Statement(db_, "INSERT INTO moderation (step_id, item_id, text, status, decided_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (step_id, item_id, text) "
                            "DO UPDATE SET status = excluded.status, decided_at = excluded.decided_at");
    s->set_hidden = sql::Statement(db_, "INSERT INTO meta (key, value) VALUES ('board_hidden', ?1) "
                                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    s->ended_since = sql::Statement(db_, "SELECT id FROM visits WHERE kiosk_id = ?1 AND ended_at >= ?2 "
                                         "AND id != ?3");
    s->visit_rows = sql::Statement(db_, "SELECT step_id, item_id, value FROM answers WHERE visit_id = ?1 "
                                        "ORDER BY step_id, item_id, value");
    s->flag = sql::Statement(db_, "UPDATE visits SET filtered = 1 WHERE id = ?1 AND filtered = 0");
    for (const sql::Statement* each :
         {&s->insert_visit, &s->delete_answers, &s->delete_skip, &s->insert_answer, &s->insert_skip,
          &s->end_visit, &s->set_round, &s->next_round, &s->set_filtered, &s->moderate, &s->set_hidden,
          &s->ended_since, &s->visit_rows, &s->flag})
        if (!each->Ok()) return each->PrepareResult();
    statements_ = std::move(s);
    return SQLITE_OK;
}

int WriterDb::ApplyHooks() {
    if (!hooks_ || hooks_->extra_pages <= 0) return SQLITE_OK;
    std::int64_t pages = 0;
    int rc = sql::QueryInt(db_, "PRAGMA page_count", &pages);
    if (rc != SQLITE_OK) return rc;
    std::string text = "PRAGMA max_page_count = " + std::to_string(pages + hooks_->extra_pages);
    std::int64_t applied = 0;
    return sql::QueryInt(db_, text.c_str(), &applied);
}

} // namespace tapsheet
