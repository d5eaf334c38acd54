// `tapsheet merge`: results from several kiosks (or several copies of one)
// combined into one database, never counted twice.
//
// A visit is the unit: its id is random and unique, so a visit already in
// the target is the same visit. It is copied (with its answers and skips)
// when the target lacks it, and replaced when the source's copy is newer
// (its last activity, the latest of its start, end, answers and skips, is
// later); otherwise left alone. So merging the same file twice changes
// nothing, and merging an older copy after a newer one loses nothing.
// Packs are kept by hash, moderation decisions by the later decision, and
// the current round is the highest.
//
// A source is read as hostile (merge_source.h): only its plain tables, every
// row checked for the types, lengths and references a kiosk writes, before
// the target is locked; one bad row refuses the whole source, by name and
// with the reason, and the target is left as it was.
#pragma once

#include <sqlite3.h>

#include <string>

namespace tapsheet {

struct MergeCounts {
    int visits_added = 0;
    int visits_updated = 0; // replaced by a newer copy
    int visits_kept = 0;    // already there, as new or newer
    int answers_copied = 0;
};

// Merges `source` into `target` (created and migrated if missing) in one
// transaction: all of it or nothing. The source is only read. false with
// *error naming the file on failure (unreadable, not a tapsheet database,
// a newer schema than this program knows, a row no kiosk writes, a full
// disk), with what to do.
bool MergeInto(const std::string& target, const std::string& source, MergeCounts* counts, std::string* error);

// The pieces, for the fleet's hub (app/fleet), which merges each kiosk's
// batches as they arrive with the same rules:
// - a target connection: WAL, synchronous=FULL, migrated, with the SQL
//   functions the merge uses;
int OpenMergeTarget(const std::string& path, sqlite3** db);
// - the rows in the temp tables of merge_source.h (filled and checked)
//   merged into the target, in the caller's transaction. `also_newer`: an
//   SQL condition on the source's visit `s` that makes it newer too (the
//   hub knows a kiosk's own change order, which sees two changes in one
//   millisecond that the times cannot tell apart).
int MergeLoaded(sqlite3* db, MergeCounts* counts, const char* also_newer = nullptr);

} // namespace tapsheet
