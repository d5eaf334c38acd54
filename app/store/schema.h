// The database schema as a list of forward migrations, keyed by
// `PRAGMA user_version`. A file newer than LatestSchemaVersion() is refused.
#pragma once

#include <sqlite3.h>

namespace tapsheet::sql {

int LatestSchemaVersion();

// Applies, in order and inside one IMMEDIATE transaction, every migration
// newer than the file's user_version. *found_version receives the version
// read inside that transaction; when it is newer than this program knows,
// nothing is changed and SQLITE_ERROR is returned.
// `to_version` (tests only) stops at an older version, to build old files.
int Migrate(sqlite3* db, int* found_version, int to_version = 0);

} // namespace tapsheet::sql
