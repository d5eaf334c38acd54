#include "app/store/failure.h"

#include "app/store/health.h"
#include "app/store/schema.h"
#include "app/store/sqlite_util.h"

#include <cerrno>

namespace tapsheet {

SqliteFailure CaptureFailure(sqlite3* db, int rc) {
    // errno first: it is what SQLite's own unixGetLastError() reports, and
    // sqlite3_system_errno() stays 0 for a failed WAL append (SQLite 3.40).
    const int thread_errno = errno;
    SqliteFailure failure;
    failure.rc = rc;
    const bool current = db && sqlite3_extended_errcode(db) == rc;
    failure.detail = current ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    failure.system_errno = db ? sqlite3_system_errno(db) : 0;
    const int base = sql::BaseCode(rc);
    if (failure.system_errno == 0 && (base == SQLITE_IOERR || base == SQLITE_CANTOPEN))
        failure.system_errno = thread_errno;
    return failure;
}

std::string ExplainFailure(const SqliteFailure& failure, const std::string& path) {
    if (sql::BaseCode(failure.rc) == SQLITE_NOTADB)
        return ExplainRefusal(path,
                              "it is not a tapsheet results file (not an SQLite database at all). Give "
                              "the .db file a kiosk wrote (the `database` of its config), or a copy of it");
    const StoreHealth health =
        DescribeFailure(failure.rc, path, failure.detail, failure.system_errno, Retry::RunCommand);
    return health.problem + ". " + health.advice;
}

int CheckResultsFile(sqlite3* db, const char* schema, std::string* why) {
    std::int64_t version = 0;
    const std::string pragma = std::string("PRAGMA ") + schema + ".user_version";
    int rc = sql::QueryInt(db, pragma.c_str(), &version);
    if (rc != SQLITE_OK) return rc;
    if (version < 1) {
        *why = "it is not a tapsheet results file (an SQLite database without tapsheet's tables). "
               "Give the .db file a kiosk wrote (the `database` of its config), or a copy of it";
        return SQLITE_ERROR;
    }
    if (version > sql::LatestSchemaVersion()) {
        *why = "it was made by a newer tapsheet (schema " + std::to_string(version) +
               "; this one reads up to " + std::to_string(sql::LatestSchemaVersion()) +
               "). Install the newer tapsheet to read it";
        return SQLITE_ERROR;
    }
    return SQLITE_OK;
}

std::string ExplainRefusal(const std::string& path, const std::string& why) {
    return "cannot use " + path + ": " + why + ".";
}

} // namespace tapsheet
