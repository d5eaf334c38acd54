// Thin RAII helpers over the SQLite C API, for app/store only. Errors are
// returned as SQLite result codes (extended codes are enabled on every
// connection) so callers can tell a full disk from a damaged file.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace tapsheet::sql {

// A prepared statement. A failed prepare leaves it !Ok() with the code in
// PrepareResult(); Step() on it returns that code instead of crashing.
class Statement {
  public:
    Statement() = default;
    Statement(sqlite3* db, const char* text);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool Ok() const { return stmt_ != nullptr; }
    int PrepareResult() const { return prepare_rc_; }

    Statement& Bind(int index, std::string_view text);
    Statement& Bind(int index, std::int64_t value);
    Statement& BindNull(int index);

    int Step(); // SQLITE_ROW, SQLITE_DONE or an error (a bind error wins)
    int Run();  // steps to the end, then resets: SQLITE_OK or an error
    void Reset();

    std::string Text(int column) const;
    std::int64_t Int(int column) const;
    double Double(int column) const;
    bool IsNull(int column) const;

  private:
    sqlite3_stmt* stmt_ = nullptr;
    int prepare_rc_ = SQLITE_OK;
    int bind_rc_ = SQLITE_OK;
};

// Runs one or more statements with no results.
int Exec(sqlite3* db, const char* text);

// The first column of the first row, as text ("" when there is no row).
int QueryText(sqlite3* db, const char* text, std::string* out);
int QueryInt(sqlite3* db, const char* text, std::int64_t* out);

// `PRAGMA quick_check` / `integrity_check`: "ok" or the problems found,
// one per line. The code is SQLITE_NOTADB etc. when the check cannot run.
int CheckIntegrity(sqlite3* db, bool quick, std::string* out);

// The base code of an extended result code (SQLITE_IOERR_FSYNC -> SQLITE_IOERR).
inline int BaseCode(int rc) {
    return rc & 0xff;
}

} // namespace tapsheet::sql
