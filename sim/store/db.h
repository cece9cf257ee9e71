// A thin layer over the SQLite C API for the store's own use: one connection, prepared
// statements cached by their SQL text (every query is a prepared statement with bound values),
// transactions that roll back unless committed, and SQLite's result codes turned into the
// store's ErrorCode. Inside the store a failure is a SqlError exception; the public API
// (store.h) catches it and returns a Result.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

#include "result.h"

namespace dd::store::sql {

class SqlError : public std::runtime_error {
  public:
    SqlError(ErrorCode c, int sqlite_rc, const std::string& what)
        : std::runtime_error(what), code(c), rc(sqlite_rc) {}
    ErrorCode code;
    int rc;  // the SQLite (extended) result code, 0 when the error is the store's own
};

ErrorCode code_of(int rc);
[[noreturn]] void fail(ErrorCode code, const std::string& message);

class Db;

// A prepared statement borrowed from the connection's cache: bindings cleared on the way in,
// reset on the way out. Columns and parameters are 0-based / 1-based as in SQLite.
class Query {
  public:
    Query(Db& db, sqlite3_stmt* stmt) : db_(&db), stmt_(stmt) {}
    Query(Query&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;
    Query& operator=(Query&&) = delete;
    ~Query();

    Query& bind(int i, std::int64_t v);
    Query& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
    Query& bind(int i, bool v) { return bind(i, static_cast<std::int64_t>(v ? 1 : 0)); }
    Query& bind(int i, double v);
    Query& bind(int i, std::string_view v);
    Query& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
    Query& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
    Query& bind(int i, std::nullptr_t);
    template <typename T>
    Query& bind(int i, const std::optional<T>& v) {
        return v ? bind(i, *v) : bind(i, nullptr);
    }
    // Binds the arguments to ?1, ?2, … in order.
    template <typename... A>
    Query& with(const A&... args) {
        int i = 0;
        (bind(++i, args), ...);
        return *this;
    }

    bool step();  // true: a row is there
    void run();   // steps to the end (statements that return no row)
    // Runs and returns the first column of the one row (nullopt when there is none).
    std::optional<std::int64_t> scalar_i64();
    std::optional<std::string> scalar_text();

    std::int64_t i64(int col) const { return sqlite3_column_int64(stmt_, col); }
    int i32(int col) const { return sqlite3_column_int(stmt_, col); }
    double f64(int col) const { return sqlite3_column_double(stmt_, col); }
    bool b(int col) const { return sqlite3_column_int(stmt_, col) != 0; }
    bool null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
    std::string text(int col) const;
    std::string_view view(int col) const;  // valid until the next step
    std::optional<std::int64_t> opt_i64(int col) const;
    std::optional<double> opt_f64(int col) const;

  private:
    Db* db_;
    sqlite3_stmt* stmt_;
};

class Db {
  public:
    // Opens (flags as sqlite3_open_v2) and sets what every connection needs: extended result
    // codes, foreign keys on, the busy timeout. WAL and synchronous=FULL are set by the store
    // once it knows the file is its own (a foreign file is never changed).
    static std::unique_ptr<Db> open(const std::string& path, int flags, int busy_timeout_ms);
    ~Db();
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    // A statement from the cache (prepared on first use).
    Query query(std::string_view sql);
    // A statement prepared for this use only (SQL built at run time from fixed pieces).
    Query once(const std::string& sql);
    // Runs a script of fixed SQL (migrations, PRAGMAs): never with values from outside.
    void script(std::string_view sql);
    std::int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
    int changes() const { return sqlite3_changes(db_); }
    sqlite3* handle() const { return db_; }
    [[noreturn]] void raise(int rc, std::string_view context) const;
    void check(int rc, std::string_view context) const {
        if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE) raise(rc, context);
    }
    const std::string& path() const { return path_; }

  private:
    friend class Query;
    Db(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
    sqlite3* db_;
    std::string path_;
    std::unordered_map<std::string, sqlite3_stmt*> cache_;
    std::unordered_map<sqlite3_stmt*, bool> once_;  // statements to finalise after use
    void release(sqlite3_stmt* s);
};

// BEGIN IMMEDIATE (the write lock is taken at once, so two writers queue on the busy timeout
// instead of failing at commit) … COMMIT; rolled back when it goes out of scope uncommitted.
class Txn {
  public:
    explicit Txn(Db& db, bool write = true);
    ~Txn();
    Txn(const Txn&) = delete;
    Txn& operator=(const Txn&) = delete;
    void commit();

  private:
    Db& db_;
    bool open_ = false;
};

}  // namespace dd::store::sql
