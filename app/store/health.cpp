#include "app/store/health.h"

#include <sqlite3.h>

#include <cerrno>
#include <system_error>

namespace tapsheet {
namespace {

// Every notice ends by telling staff the stored answers are safe, because the
// first worry of whoever sees it is "did we lose this morning's answers?".
constexpr const char* kKept = " Every answer saved so far is kept in the file.";

StoreHealth Make(std::string problem, std::string advice, const std::string& detail,
                 Retry retry = Retry::RestartKiosk) {
    StoreHealth health;
    health.ok = false;
    health.problem = std::move(problem);
    if (!detail.empty()) health.problem += " (SQLite: " + detail + ")";
    // A command only read the file, or wrote nothing it did not finish.
    health.advice = std::move(advice) + (retry == Retry::RestartKiosk ? kKept : "");
    return health;
}

// How the advice ends: the kiosk must be restarted, a command run again.
std::string Then(Retry retry) {
    return retry == Retry::RestartKiosk ? "restart the kiosk." : "run the command again.";
}

std::string Capital(std::string text) {
    if (!text.empty()) text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

// What the operating system said beats SQLite's category: a full disk during
// a WAL append, or a stick the kernel remounted read-only, both surface as
// SQLITE_IOERR_WRITE, and staff need the real reason.
int Classify(int rc, int system_errno) {
    const int base = rc & 0xff;
    if (base != SQLITE_IOERR && base != SQLITE_CANTOPEN) return base;
    switch (system_errno) {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
        return SQLITE_FULL;
    case EROFS:
    case EACCES:
    case EPERM:
        return SQLITE_READONLY;
    default:
        return base;
    }
}

std::string Detail(const std::string& detail, int system_errno) {
    if (system_errno == 0) return detail;
    return detail + "; system: " + std::generic_category().message(system_errno);
}

} // namespace

StoreHealth DescribeFailure(int rc, const std::string& path, const std::string& sqlite_detail,
                            int system_errno, Retry retry) {
    const std::string detail = Detail(sqlite_detail, system_errno);
    const std::string then = Then(retry);
    switch (Classify(rc, system_errno)) {
    case SQLITE_FULL:
        return Make("The disk holding the database is full: " + path,
                    "Free some disk space (or move the database to a larger disk or USB stick), then " + then,
                    detail, retry);
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return Make("The database cannot be written, the disk or file is read-only: " + path,
                    "Check the USB stick or disk is writable (lock switch, mount options, file "
                    "permissions), then " +
                        then,
                    detail, retry);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return DescribeDamage(path, detail);
    case SQLITE_CANTOPEN:
        return Make("The database file cannot be opened: " + path,
                    "Check the disk or USB stick is connected and the file and its folder exist and "
                    "can be read, then " +
                        then,
                    detail, retry);
    case SQLITE_IOERR:
        return Make("The disk reported an error while reading or writing the database: " + path,
                    "Check the disk or USB stick is firmly connected (it may be failing), then " + then,
                    detail, retry);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Make("Another program is holding the database locked: " + path,
                    "Close any other program using the database (an export, a database viewer, a "
                    "second kiosk), then " +
                        then,
                    detail, retry);
    case SQLITE_NOMEM:
        return Make("Out of memory while using: " + path, Capital(then), detail, retry);
    default:
        return Make("The database stopped working: " + path, Capital(then), detail, retry);
    }
}

StoreHealth DescribeNewerSchema(int found, int known, const std::string& path) {
    return Make("The database was made by a newer version of tapsheet (schema " + std::to_string(found) +
                    ", this program knows up to " + std::to_string(known) + "): " + path,
                "Install the newer tapsheet, or point this kiosk at a new database file. This file has "
                "not been changed.",
                "");
}

StoreHealth DescribeMissingFolder(const std::string& folder, const std::string& path) {
    // No "answers are kept" here: there is no file, and nothing was written.
    StoreHealth health;
    health.ok = false;
    health.problem = "The folder for the database does not exist: " + folder + " (database " + path + ")";
    health.advice = "If it is on a USB stick or another disk, check that it is plugged in and mounted; "
                    "otherwise create the folder or correct the database path. Then restart the kiosk.";
    return health;
}

StoreHealth DescribeDamage(const std::string& path, const std::string& findings) {
    return Make("The database file is damaged: " + path,
                "Move the damaged file aside (do not delete it: it can be recovered) and restart the "
                "kiosk; it will start a new database.",
                findings);
}

bool IsRequestError(int rc) {
    // CONSTRAINT: a foreign key or CHECK refused the row; NOTFOUND: we use it
    // for "no such open visit". Neither says anything about the disk.
    int base = rc & 0xff;
    return base == SQLITE_CONSTRAINT || base == SQLITE_NOTFOUND || base == SQLITE_MISMATCH ||
           base == SQLITE_TOOBIG || base == SQLITE_RANGE;
}

} // namespace tapsheet
