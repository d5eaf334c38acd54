// A failed SQLite call in words for whoever ran a command (export, report,
// merge) or watches the kiosk: what went wrong, naming the file, and what to
// do. SQLite keeps one message per connection and any later call (a
// ROLLBACK, a COMMIT) replaces it, which is how "not an error" once reached
// users: so the failure is captured the moment it happens.
#pragma once

#include <sqlite3.h>

#include <string>

namespace tapsheet {

struct SqliteFailure {
    int rc = SQLITE_OK;
    std::string detail; // SQLite's own message for rc, or its code's text
    int system_errno = 0;
};

// Call right after the failing call, before any other on `db` (may be null).
SqliteFailure CaptureFailure(sqlite3* db, int rc);

// One or two sentences for a command's stderr: the problem, naming `path`,
// then what to do. A file that is not a results file, or a newer one, says so.
std::string ExplainFailure(const SqliteFailure& failure, const std::string& path);

// Whether the database `schema` ("main", or an attached name) on `db` is a
// tapsheet results file this program can read: SQLITE_OK, or SQLITE_ERROR
// with *why ("it is not a tapsheet results file…", "it was made by a newer
// tapsheet…", each with what to do), or the code of the query that failed.
int CheckResultsFile(sqlite3* db, const char* schema, std::string* why);

// "cannot use PATH: WHY." for a file refused for what it holds.
std::string ExplainRefusal(const std::string& path, const std::string& why);

} // namespace tapsheet
