#include "app/store/schema.h"

#include "app/store/sqlite_util.h"

#include <cstdint>
#include <string>

namespace tapsheet::sql {
namespace {

struct Migration {
    int version;     // user_version after this step
    const char* sql; // no BEGIN/COMMIT: Migrate() wraps the steps
};

// Schema v1. Timestamps are ISO-8601 UTC text with milliseconds.
// - packs: every content pack ever used, by hash, so results stay readable
//   after the pack is edited.
// - visits: one anonymous attendee visit. `filtered` marks visits flagged by
//   anti-stuffing: kept, but left out of tallies.
// - answers: rows of a step's answer (see AnswerRow in store.h); re-saving a
//   step replaces its rows.
// - skips: steps a visit skipped, so "skipped" differs from "not reached".
// - meta: key/value settings; "round" is the facilitator's current round.
// Foreign keys are enforced (the writer turns them on), so an answer can only
// belong to a visit that was begun.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE packs (
    hash TEXT PRIMARY KEY NOT NULL,
    pack_id TEXT NOT NULL,
    source_text TEXT NOT NULL,
    first_used_at TEXT NOT NULL
);
CREATE TABLE visits (
    id TEXT PRIMARY KEY NOT NULL,
    kiosk_id TEXT NOT NULL,
    pack_hash TEXT NOT NULL REFERENCES packs(hash),
    lang TEXT NOT NULL,
    round INTEGER NOT NULL DEFAULT 1,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'complete', 'abandoned')),
    filtered INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX visits_by_round ON visits(round, status);
CREATE TABLE answers (
    visit_id TEXT NOT NULL REFERENCES visits(id),
    step_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    value TEXT NOT NULL DEFAULT '',
    answered_at TEXT NOT NULL
);
CREATE INDEX answers_by_visit ON answers(visit_id, step_id);
CREATE INDEX answers_by_step ON answers(step_id, item_id);
CREATE TABLE skips (
    visit_id TEXT NOT NULL REFERENCES visits(id),
    step_id TEXT NOT NULL,
    skipped_at TEXT NOT NULL,
    PRIMARY KEY (visit_id, step_id)
);
CREATE TABLE meta (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
INSERT INTO meta (key, value) VALUES ('round', '1');
)sql";

// Schema v2, for the board:
// - visits.seq: a change sequence. Triggers give a visit the next number
//   whenever it or its answers change (any column; an update that sets seq
//   itself is the trigger's own), in the writer's own transaction, so
//   a reader catches up by reading only `WHERE seq > last seen` (O(change),
//   not O(answers)), whatever program wrote the change.
// - visits_by_kiosk_end: anti-stuffing looks at this kiosk's recent ends.
// - moderation: the facilitator's decision on one free text; text without
//   a row here is pending and never shown to the room.
// - meta "board_hidden": step ids whose results the board keeps hidden
//   (comma-separated), so a restarted board does not reveal them.
constexpr const char* kSchemaV2 = R"sql(
ALTER TABLE visits ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
UPDATE visits SET seq = rowid;
CREATE INDEX visits_by_seq ON visits(seq);
CREATE INDEX visits_by_kiosk_end ON visits(kiosk_id, ended_at);
CREATE TRIGGER visits_seq_on_insert AFTER INSERT ON visits BEGIN
    UPDATE visits SET seq = (SELECT max(seq) FROM visits) + 1 WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER visits_seq_on_update AFTER UPDATE ON visits WHEN NEW.seq = OLD.seq BEGIN
    UPDATE visits SET seq = (SELECT max(seq) FROM visits) + 1 WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER answers_seq_on_insert AFTER INSERT ON answers BEGIN
    UPDATE visits SET seq = (SELECT max(seq) FROM visits) + 1 WHERE id = NEW.visit_id;
END;
CREATE TRIGGER answers_seq_on_delete AFTER DELETE ON answers BEGIN
    UPDATE visits SET seq = (SELECT max(seq) FROM visits) + 1 WHERE id = OLD.visit_id;
END;
CREATE TRIGGER answers_seq_on_update AFTER UPDATE ON answers BEGIN
    UPDATE visits SET seq = (SELECT max(seq) FROM visits) + 1 WHERE id IN (OLD.visit_id, NEW.visit_id);
END;
CREATE TABLE moderation (
    step_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    text TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('approved', 'rejected')),
    decided_at TEXT NOT NULL,
    PRIMARY KEY (step_id, item_id, text)
);
INSERT OR IGNORE INTO meta (key, value) VALUES ('board_hidden', '');
)sql";

// Append new steps here; never edit a step that has shipped.
constexpr Migration kMigrations[] = {
    {1, kSchemaV1},
    {2, kSchemaV2},
};

int ReadUserVersion(sqlite3* db, int* version) {
    std::int64_t value = 0;
    int rc = QueryInt(db, "PRAGMA user_version", &value);
    *version = static_cast<int>(value);
    return rc;
}

int SetUserVersion(sqlite3* db, int version) {
    // PRAGMA takes no bound parameters; the number is ours, not user input.
    std::string text = "PRAGMA user_version = " + std::to_string(version);
    return Exec(db, text.c_str());
}

int ApplyPending(sqlite3* db, int from_version, int to_version) {
    for (const Migration& step : kMigrations) {
        if (step.version <= from_version || step.version > to_version) continue;
        int rc = Exec(db, step.sql);
        if (rc == SQLITE_OK) rc = SetUserVersion(db, step.version);
        if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
}

} // namespace

int LatestSchemaVersion() {
    return kMigrations[std::size(kMigrations) - 1].version;
}

int Migrate(sqlite3* db, int* found_version, int to_version) {
    if (to_version <= 0) to_version = LatestSchemaVersion();
    *found_version = 0;
    // IMMEDIATE: take the write lock before reading the version, so two
    // processes opening one new file cannot both create the tables.
    int rc = Exec(db, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK) return rc;
    rc = ReadUserVersion(db, found_version);
    if (rc == SQLITE_OK && *found_version > LatestSchemaVersion()) rc = SQLITE_ERROR;
    if (rc == SQLITE_OK && *found_version < to_version) rc = ApplyPending(db, *found_version, to_version);
    if (rc == SQLITE_OK) rc = Exec(db, "COMMIT");
    if (rc != SQLITE_OK && !sqlite3_get_autocommit(db)) Exec(db, "ROLLBACK");
    return rc;
}

} // namespace tapsheet::sql
