// SQLite plumbing (db.h).
#include "db.h"

namespace dd::store::sql {

ErrorCode code_of(int rc) {
    switch (rc & 0xFF) {
        case SQLITE_FULL: return ErrorCode::Full;
        case SQLITE_READONLY: return ErrorCode::ReadOnly;
        case SQLITE_PERM: return ErrorCode::ReadOnly;
        case SQLITE_BUSY:
        case SQLITE_LOCKED: return ErrorCode::Busy;
        case SQLITE_NOTADB: return ErrorCode::NotADatabase;
        case SQLITE_CORRUPT: return ErrorCode::Corrupt;
        case SQLITE_CONSTRAINT: return ErrorCode::Conflict;
        case SQLITE_TOOBIG:
        case SQLITE_MISMATCH:
        case SQLITE_RANGE: return ErrorCode::BadInput;
        default: return ErrorCode::Io;
    }
}

void fail(ErrorCode code, const std::string& message) { throw SqlError(code, 0, message); }

Query::~Query() {
    if (stmt_) db_->release(stmt_);
}

Query& Query::bind(int i, std::int64_t v) {
    db_->check(sqlite3_bind_int64(stmt_, i, v), "bind");
    return *this;
}
Query& Query::bind(int i, double v) {
    db_->check(sqlite3_bind_double(stmt_, i, v), "bind");
    return *this;
}
Query& Query::bind(int i, std::string_view v) {
    db_->check(sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
               "bind");
    return *this;
}
Query& Query::bind(int i, std::nullptr_t) {
    db_->check(sqlite3_bind_null(stmt_, i), "bind");
    return *this;
}

bool Query::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    db_->raise(rc, sqlite3_sql(stmt_));
}

void Query::run() {
    while (step()) {
    }
}

std::optional<std::int64_t> Query::scalar_i64() {
    if (!step() || null(0)) return std::nullopt;
    return i64(0);
}

std::optional<std::string> Query::scalar_text() {
    if (!step() || null(0)) return std::nullopt;
    return text(0);
}

std::string Query::text(int col) const { return std::string(view(col)); }

std::string_view Query::view(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    if (!p) return {};
    return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))};
}

std::optional<std::int64_t> Query::opt_i64(int col) const {
    if (null(col)) return std::nullopt;
    return i64(col);
}

std::optional<double> Query::opt_f64(int col) const {
    if (null(col)) return std::nullopt;
    return f64(col);
}

std::unique_ptr<Db> Db::open(const std::string& path, int flags, int busy_timeout_ms) {
    sqlite3* h = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &h, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = h ? sqlite3_errmsg(h) : sqlite3_errstr(rc);
        sqlite3_close_v2(h);
        throw SqlError(code_of(rc), rc, path + ": " + msg);
    }
    std::unique_ptr<Db> db(new Db(h, path));
    sqlite3_extended_result_codes(h, 1);
    sqlite3_busy_timeout(h, busy_timeout_ms);
    db->check(sqlite3_exec(h, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr),
              "PRAGMA foreign_keys");
    return db;
}

Db::~Db() {
    for (auto& [sql, s] : cache_) sqlite3_finalize(s);
    sqlite3_close_v2(db_);
}

Query Db::query(std::string_view sql) {
    auto it = cache_.find(std::string(sql));
    if (it != cache_.end()) return Query(*this, it->second);
    sqlite3_stmt* s = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &s, nullptr);
    if (rc != SQLITE_OK) raise(rc, sql);
    cache_.emplace(std::string(sql), s);
    return Query(*this, s);
}

Query Db::once(const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    const int rc = sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &s, nullptr);
    if (rc != SQLITE_OK) raise(rc, sql);
    once_[s] = true;
    return Query(*this, s);
}

void Db::release(sqlite3_stmt* s) {
    if (auto it = once_.find(s); it != once_.end()) {
        once_.erase(it);
        sqlite3_finalize(s);
        return;
    }
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
}

void Db::script(std::string_view sql) {
    char* err = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        throw SqlError(code_of(sqlite3_extended_errcode(db_)), sqlite3_extended_errcode(db_),
                       msg);
    }
}

void Db::raise(int rc, std::string_view context) const {
    const int ext = sqlite3_extended_errcode(db_);
    std::string msg = sqlite3_errmsg(db_);
    (void)context;
    throw SqlError(code_of(ext ? ext : rc), ext ? ext : rc, msg);
}

Txn::Txn(Db& db, bool write) : db_(db) {
    db_.query(write ? "BEGIN IMMEDIATE" : "BEGIN").run();
    open_ = true;
}

Txn::~Txn() {
    if (open_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Txn::commit() {
    db_.query("COMMIT").run();
    open_ = false;
}

}  // namespace dd::store::sql
