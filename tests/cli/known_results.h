// The known database of the export and report golden files: the real
// writer creates and migrates the file and records the small test pack
// (tests/cli/data/export_pack.toml); the visits, with fixed ids and times,
// and the facilitator's moderation are then written in plain SQL.
#pragma once

#include "app/core/loader.h"
#include "app/store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>

namespace tapsheet::cli_test {

// Free text with a comma, quotes, a newline and Welsh letters: the cases
// RFC 4180, JSON and HTML escaping are about. Moderation: the Welsh own
// benefit approved, "Line one…" rejected, the project name left pending.
inline constexpr const char* kKnownVisits = R"sql(
INSERT INTO visits (id, kiosk_id, pack_hash, lang, round, started_at, ended_at, status, filtered) VALUES
  ('v1', 'kiosk-a', '{hash}', 'en', 1, '2024-04-11T09:00:00.000Z', '2024-04-11T09:01:10.000Z', 'complete', 0),
  ('v2', 'kiosk-a', '{hash}', 'en', 1, '2024-04-11T09:05:00.000Z', NULL, 'open', 1),
  ('v3', 'kiosk-b', '{hash}', 'cy', 2, '2024-04-11T10:00:00.000Z', '2024-04-11T10:00:40.000Z', 'abandoned', 0);
INSERT INTO answers (visit_id, step_id, item_id, value, answered_at) VALUES
  ('v1', 'level', 'system', '', '2024-04-11T09:00:05.000Z'),
  ('v1', 'improvement', 'patients', '', '2024-04-11T09:00:20.000Z'),
  ('v1', 'improvement', 'staff', '', '2024-04-11T09:00:20.000Z'),
  ('v1', 'benefits', 'workplace-culture', '', '2024-04-11T09:00:40.000Z'),
  ('v1', 'benefits', 'project', 'Falls clinic, "phase 2"', '2024-04-11T09:00:40.000Z'),
  ('v1', 'benefits', 'own', 'Line one
line two', '2024-04-11T09:00:40.000Z'),
  ('v1', 'domains', 'vision', 'focus', '2024-04-11T09:01:00.000Z'),
  ('v1', 'domains', 'innovation', 'least', '2024-04-11T09:01:00.000Z'),
  ('v2', 'level', 'team', '', '2024-04-11T09:05:04.000Z'),
  ('v3', 'aim', 'conditions', '', '2024-04-11T10:00:10.000Z'),
  ('v3', 'benefits', 'own', 'Gwell gofal ŵyr', '2024-04-11T10:00:30.000Z');
INSERT INTO moderation (step_id, item_id, text, status, decided_at) VALUES
  ('benefits', 'own', 'Gwell gofal ŵyr', 'approved', '2024-04-11T10:05:00.000Z'),
  ('benefits', 'own', 'Line one
line two', 'rejected', '2024-04-11T10:05:00.000Z');
)sql";

// The real writer makes the schema and stores the pack's text and hash.
inline void CreateWithPack(const std::string& db_path, const Pack& pack) {
    std::mutex mutex;
    std::condition_variable changed;
    WriterOptions options;
    options.db_path = db_path;
    options.wake = [&] {
        { std::lock_guard lock(mutex); }
        changed.notify_all();
    };
    VisitWriter writer(options, pack);
    std::unique_lock lock(mutex);
    ASSERT_TRUE(changed.wait_for(lock, std::chrono::seconds(20), [&] { return writer.Ready(); }));
    ASSERT_TRUE(writer.Health().ok) << writer.Health().problem;
}

// Writes the known database at `db_path` (which must not exist yet).
inline void MakeKnownResults(const std::string& db_path, const std::string& pack_path) {
    LoadResult loaded = LoadPackFile(pack_path);
    ASSERT_TRUE(loaded.pack);
    CreateWithPack(db_path, *loaded.pack);
    std::string sql = kKnownVisits;
    for (std::size_t at; (at = sql.find("{hash}")) != std::string::npos;)
        sql.replace(at, 6, loaded.pack->source_hash);
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
    char* message = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message), SQLITE_OK) << message;
    sqlite3_free(message);
    sqlite3_close(db);
}

} // namespace tapsheet::cli_test
