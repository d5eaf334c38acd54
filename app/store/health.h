// Turns a storage failure into words for staff: what is wrong (naming the
// file) and what to do about it. The attendee never sees these.
#pragma once

#include "app/store/store.h"

#include <string>

namespace tapsheet {

// A failed SQLite call (extended result code) on the database at `path`.
// `sqlite_detail` is SQLite's own message, appended for whoever reads the
// log; `system_errno` (sqlite3_system_errno) refines I/O errors.
// The advice ends with what to do once it is fixed: the kiosk and board
// are restarted, a command (export, report, merge) is run again.
enum class Retry { RestartKiosk, RunCommand };
StoreHealth DescribeFailure(int rc, const std::string& path, const std::string& sqlite_detail,
                            int system_errno = 0, Retry retry = Retry::RestartKiosk);

// The file's schema is newer than this program knows: refused, untouched.
StoreHealth DescribeNewerSchema(int found, int known, const std::string& path);

// The database's folder does not exist (an unmounted USB stick, a typo in
// the config): nothing is created there.
StoreHealth DescribeMissingFolder(const std::string& folder, const std::string& path);

// `PRAGMA quick_check` found damage (or could not read the file).
StoreHealth DescribeDamage(const std::string& path, const std::string& findings);

// True when the code concerns one request only (e.g. an answer for a visit
// never begun) rather than the storage, so the store stays in service.
bool IsRequestError(int rc);

} // namespace tapsheet
