#include "app/store/sqlite_util.h"

#include <utility>

namespace tapsheet::sql {

Statement::Statement(sqlite3* db, const char* text) {
    // A connection that failed to open may be null; SQLite need not check.
    if (!db) {
        prepare_rc_ = SQLITE_MISUSE;
        return;
    }
    prepare_rc_ = sqlite3_prepare_v2(db, text, -1, &stmt_, nullptr);
    if (prepare_rc_ != SQLITE_OK) {
        sqlite3_finalize(stmt_);
        stmt_ = nullptr;
    }
}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)), prepare_rc_(other.prepare_rc_), bind_rc_(other.bind_rc_) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(stmt_);
        stmt_ = std::exchange(other.stmt_, nullptr);
        prepare_rc_ = other.prepare_rc_;
        bind_rc_ = other.bind_rc_;
    }
    return *this;
}

Statement& Statement::Bind(int index, std::string_view text) {
    if (!stmt_) return *this;
    // SQLITE_TRANSIENT: SQLite copies the text, so callers may pass temporaries.
    int rc = sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
    return *this;
}

Statement& Statement::Bind(int index, std::int64_t value) {
    if (!stmt_) return *this;
    int rc = sqlite3_bind_int64(stmt_, index, value);
    if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
    return *this;
}

Statement& Statement::BindNull(int index) {
    if (!stmt_) return *this;
    int rc = sqlite3_bind_null(stmt_, index);
    if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
    return *this;
}

int Statement::Step() {
    if (!stmt_) return prepare_rc_ != SQLITE_OK ? prepare_rc_ : SQLITE_MISUSE;
    if (bind_rc_ != SQLITE_OK) return bind_rc_;
    return sqlite3_step(stmt_);
}

int Statement::Run() {
    int rc = Step();
    while (rc == SQLITE_ROW)
        rc = Step();
    Reset();
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

void Statement::Reset() {
    if (!stmt_) return;
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    bind_rc_ = SQLITE_OK;
}

std::string Statement::Text(int column) const {
    const unsigned char* text = sqlite3_column_text(stmt_, column);
    if (!text) return {};
    return std::string(reinterpret_cast<const char*>(text), sqlite3_column_bytes(stmt_, column));
}

std::int64_t Statement::Int(int column) const {
    return sqlite3_column_int64(stmt_, column);
}

double Statement::Double(int column) const {
    return stmt_ ? sqlite3_column_double(stmt_, column) : 0.0;
}

bool Statement::IsNull(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

int Exec(sqlite3* db, const char* text) {
    return db ? sqlite3_exec(db, text, nullptr, nullptr, nullptr) : SQLITE_MISUSE;
}

int QueryText(sqlite3* db, const char* text, std::string* out) {
    Statement statement(db, text);
    int rc = statement.Step();
    out->clear();
    if (rc == SQLITE_ROW) *out = statement.Text(0);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int QueryInt(sqlite3* db, const char* text, std::int64_t* out) {
    Statement statement(db, text);
    int rc = statement.Step();
    *out = rc == SQLITE_ROW ? statement.Int(0) : 0;
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int CheckIntegrity(sqlite3* db, bool quick, std::string* out) {
    Statement statement(db, quick ? "PRAGMA quick_check" : "PRAGMA integrity_check");
    out->clear();
    int rc = statement.Step();
    for (; rc == SQLITE_ROW; rc = statement.Step()) {
        if (!out->empty()) *out += '\n';
        *out += statement.Text(0);
    }
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

} // namespace tapsheet::sql
