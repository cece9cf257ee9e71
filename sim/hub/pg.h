// A thin layer over libpq for the hub's own use: one connection, statements with parameters
// sent apart from the SQL text (PQexecParams — never a value spliced into SQL), COPY … FROM
// STDIN for bulk rows, and PostgreSQL's SQLSTATEs turned into the store's error codes. Inside
// sim/hub a failure is a PgError exception; the public API (hub.h) returns a Result.
//
// TLS, timeouts and passwords are libpq's own business: the connection string (or PG*
// environment variables, ~/.pgpass, sslmode=verify-full with sslrootcert=…) says them.
#pragma once
#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "sim/store/result.h"

namespace dd::hub::pg {

using store::ErrorCode;

class PgError : public std::runtime_error {
  public:
    PgError(ErrorCode c, std::string state, const std::string& what, bool lost)
        : std::runtime_error(what), code(c), sqlstate(std::move(state)), connection_lost(lost) {}
    ErrorCode code;
    std::string sqlstate;  // "" when the failure is not the server's
    bool connection_lost;  // the connection is gone: reconnect and try again
    // A deadlock or a serialization failure: the transaction may simply be run again.
    bool retryable() const { return connection_lost || sqlstate == "40P01" || sqlstate == "40001"; }
};

// Values sent as text in the server's input syntax (NULL when unset).
using Param = std::optional<std::string>;

class Rows {
  public:
    explicit Rows(PGresult* r) : r_(r, &PQclear) {}
    int size() const { return PQntuples(r_.get()); }
    bool null(int row, int col) const { return PQgetisnull(r_.get(), row, col) != 0; }
    std::string text(int row, int col) const { return PQgetvalue(r_.get(), row, col); }
    std::int64_t i64(int row, int col) const;
    double f64(int row, int col) const;
    bool b(int row, int col) const;  // 't' / '1'
    std::optional<std::int64_t> opt_i64(int row, int col) const {
        return null(row, col) ? std::nullopt : std::optional<std::int64_t>(i64(row, col));
    }
    std::optional<double> opt_f64(int row, int col) const {
        return null(row, col) ? std::nullopt : std::optional<double>(f64(row, col));
    }
    std::int64_t affected() const;  // rows an INSERT/UPDATE touched

  private:
    std::unique_ptr<PGresult, void (*)(PGresult*)> r_;
};

// Builds the text lines of COPY … FROM STDIN (text format): tab-separated, \N for NULL,
// backslash escapes for the characters the format reserves.
class CopyLine {
  public:
    explicit CopyLine(std::string& out) : out_(out) {}
    CopyLine& add(std::string_view v);
    CopyLine& add(std::int64_t v);
    CopyLine& add(int v) { return add(static_cast<std::int64_t>(v)); }
    CopyLine& add(bool v) { return add(static_cast<std::int64_t>(v ? 1 : 0)); }
    CopyLine& null();
    CopyLine& opt(std::string_view v) { return v.empty() ? null() : add(v); }  // "" → NULL
    void end() { out_ += '\n'; }

  private:
    void sep() {
        if (!first_) out_ += '\t';
        first_ = false;
    }
    std::string& out_;
    bool first_ = true;
};

class Conn {
  public:
    // Connects (libpq's connection string or URI); throws PgError.
    static std::unique_ptr<Conn> connect(const std::string& conninfo);
    ~Conn();
    Conn(const Conn&) = delete;
    Conn& operator=(const Conn&) = delete;

    // One statement with $1, $2, … bound to `params`.
    Rows exec(const std::string& sql, const std::vector<Param>& params = {});
    template <typename... A>
    Rows run(const std::string& sql, const A&... args) {
        return exec(sql, {param(args)...});
    }
    // A script of fixed SQL (migrations): several statements, no values from outside.
    void script(const std::string& sql);
    // COPY <target> FROM STDIN with `data` (whole lines in text format).
    void copy_in(const std::string& copy_sql, std::string_view data);
    // COPY … TO STDOUT: the lines in text format.
    std::string copy_out(const std::string& copy_sql);

    // "host:port/dbname as user" — never a password — for messages and the sync record.
    std::string where() const;
    std::string user() const { return PQuser(c_); }
    bool ok() const { return PQstatus(c_) == CONNECTION_OK; }
    PGconn* handle() const { return c_; }

    static Param param(std::nullptr_t) { return std::nullopt; }
    static Param param(const std::string& v) { return v; }
    static Param param(std::string_view v) { return std::string(v); }
    static Param param(const char* v) { return std::string(v); }
    static Param param(std::int64_t v) { return std::to_string(v); }
    static Param param(int v) { return std::to_string(v); }
    static Param param(bool v) { return v ? "1" : "0"; }
    static Param param(const Param& v) { return v; }

  private:
    explicit Conn(PGconn* c) : c_(c) {}
    [[noreturn]] void raise(PGresult* r, std::string_view context) const;
    PGconn* c_;
};

// BEGIN … COMMIT, rolled back when it goes out of scope uncommitted (a lost connection rolls
// back on the server by itself).
class Txn {
  public:
    explicit Txn(Conn& c) : c_(c) { c_.script("BEGIN"); }
    ~Txn();
    Txn(const Txn&) = delete;
    Txn& operator=(const Txn&) = delete;
    void commit() {
        c_.script("COMMIT");
        open_ = false;
    }

  private:
    Conn& c_;
    bool open_ = true;
};

// A PostgreSQL identifier quoted for SQL ("…" with inner quotes doubled): role names in the
// statements that create roles, which take no parameters.
std::string quote_ident(std::string_view name);
// A string literal for those same statements ('…' with inner quotes doubled; E'' never needed
// as standard_conforming_strings is on since 9.1).
std::string quote_literal(std::string_view value);

}  // namespace dd::hub::pg
