// A merge source read as hostile until proven otherwise (merge.cpp): copied
// into temporary tables of the target's connection before the target is
// locked, and every row checked there. Only the tables a results file has
// are read, and only if they are plain tables (a view named `visits` could
// run forever); a progress deadline stops any query that runs away anyway.
#pragma once

#include "app/store/failure.h"

#include <sqlite3.h>

#include <string>

namespace tapsheet {

// The temporary tables LoadSource fills, read by the merge itself.
inline constexpr const char* kSourceTables[] = {"in_packs", "in_visits",     "in_answers",
                                                "in_skips", "in_moderation", "in_meta"};

// Attaches `path` read-only, checks it is a results file made only of
// plain tables, copies its rows into the temp tables, detaches it and checks
// every row (types, lengths, references). SQLITE_OK, or an error with *why
// saying what is wrong with the file in words, or (*why empty) the failure
// as SQLite reported it: a missing file, a disk error, an interruption.
int LoadSource(sqlite3* db, const std::string& path, std::string* why, SqliteFailure* failure);

// Checks every row of the temp tables (however they were filled) against
// what a kiosk writes: SQLITE_OK, or SQLITE_CONSTRAINT with *why naming the
// first bad row and what is wrong with it.
int CheckSourceRows(sqlite3* db, std::string* why);

// Drops what LoadSource made (also after a failure).
void DropSource(sqlite3* db);

// A `file:` URI for `path` with every character a URI gives meaning to
// percent-encoded ('#' and '?' are part of a file's name here).
std::string FileUri(const std::string& path);

} // namespace tapsheet
