// The libpq layer (pg.h).
#include "pg.h"

#include <charconv>
#include <cstring>

namespace dd::hub::pg {

namespace {

// What a SQLSTATE means for the caller. Class 08 and the shutdown states: the connection is
// gone; 42501/28xxx: refused; 23xxx: a constraint (a conflict or bad data).
ErrorCode code_of(const std::string& state, bool lost) {
    if (lost) return ErrorCode::Unreachable;
    if (state.rfind("08", 0) == 0 || state == "57P01" || state == "57P02" || state == "57P03")
        return ErrorCode::Unreachable;
    if (state == "42501" || state.rfind("28", 0) == 0) return ErrorCode::Denied;
    if (state == "23505") return ErrorCode::Conflict;
    if (state.rfind("23", 0) == 0 || state.rfind("22", 0) == 0) return ErrorCode::BadInput;
    if (state == "40P01" || state == "40001" || state == "55P03") return ErrorCode::Busy;
    if (state == "53100") return ErrorCode::Full;
    if (state == "25006") return ErrorCode::ReadOnly;
    return ErrorCode::Io;
}

std::string trimmed(const char* s) {
    std::string out = s ? s : "";
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

// A connection string libpq cannot read: the caller's to fix, and trying again will not help.
[[noreturn]] void unreadable(const std::string& why) {
    throw PgError(ErrorCode::BadInput, "",
                  "the hub's connection string cannot be read: " + why +
                      "; give a libpq connection string ('host=HOST dbname=DB user=ROLE') or "
                      "URI ('postgresql://ROLE@HOST/DB?sslmode=verify-full')",
                  false);
}

}  // namespace

std::int64_t Rows::i64(int row, int col) const {
    const char* v = PQgetvalue(r_.get(), row, col);
    std::int64_t out = 0;
    std::from_chars(v, v + std::strlen(v), out);
    return out;
}

double Rows::f64(int row, int col) const {
    return std::strtod(PQgetvalue(r_.get(), row, col), nullptr);
}

bool Rows::b(int row, int col) const {
    const char* v = PQgetvalue(r_.get(), row, col);
    return v[0] == 't' || v[0] == '1';
}

std::int64_t Rows::affected() const {
    const char* n = PQcmdTuples(r_.get());
    return n && *n ? std::stoll(n) : 0;
}

CopyLine& CopyLine::add(std::string_view v) {
    sep();
    // Runs without a reserved character appended whole (a transcript has few).
    std::size_t from = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const char ch = v[i];
        if (ch != '\\' && ch != '\t' && ch != '\n' && ch != '\r') continue;
        out_.append(v.data() + from, i - from);
        out_ += '\\';
        out_ += ch == '\\' ? '\\' : ch == '\t' ? 't' : ch == '\n' ? 'n' : 'r';
        from = i + 1;
    }
    out_.append(v.data() + from, v.size() - from);
    return *this;
}

CopyLine& CopyLine::add(std::int64_t v) {
    sep();
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, end);
    return *this;
}

CopyLine& CopyLine::null() {
    sep();
    out_ += "\\N";
    return *this;
}

std::unique_ptr<Conn> Conn::connect(const std::string& conninfo) {
    char* parse_error = nullptr;
    PQconninfoOption* opts = PQconninfoParse(conninfo.c_str(), &parse_error);
    if (!opts) {
        const std::string why = trimmed(parse_error ? parse_error : "out of memory");
        if (parse_error) PQfreemem(parse_error);
        unreadable(why);
    }
    PQconninfoFree(opts);
    PGconn* c = PQconnectdb(conninfo.c_str());
    if (!c) throw PgError(ErrorCode::Io, "", "out of memory connecting to the hub", true);
    if (PQstatus(c) != CONNECTION_OK) {
        std::string msg = trimmed(PQerrorMessage(c));
        PQfinish(c);
        for (std::size_t at; (at = msg.find('\n')) != std::string::npos;)
            msg.replace(at, at + 1 < msg.size() && msg[at + 1] == '\t' ? 2 : 1, "; ");
        auto has = [&](const char* s) { return msg.find(s) != std::string::npos; };
        // A value libpq checks only when it connects (a port that is not a number, an sslmode
        // it does not know).
        if (msg.rfind("invalid ", 0) == 0) unreadable(msg);
        // A wrong password or an unknown role or database is the caller's to fix, not a
        // network failure: no retry.
        if (has("password authentication failed") || has("no password supplied") ||
            has("no pg_hba.conf entry") || has("role \"") || has("certificate"))
            throw PgError(ErrorCode::Denied, "",
                          "the hub refused the login: " + msg +
                              "; check the role and its password (password= in --hub, "
                              "PGPASSWORD or ~/.pgpass) and the TLS settings",
                          false);
        if (has("database \""))
            throw PgError(
                ErrorCode::NotFound, "",
                "no such database on the hub's server: " + msg + "; check dbname in --hub", false);
        throw PgError(ErrorCode::Unreachable, "",
                      "cannot reach the hub: " + msg +
                          "; check the host and port in --hub, and that the server runs",
                      true);
    }
    auto conn = std::unique_ptr<Conn>(new Conn(c));
    // Notices (e.g. "relation already exists, skipping") are not for the user.
    PQsetNoticeProcessor(
        c, [](void*, const char*) {}, nullptr);
    return conn;
}

Conn::~Conn() {
    PQfinish(c_);
}

void Conn::raise(PGresult* r, std::string_view context) const {
    const bool lost = PQstatus(c_) != CONNECTION_OK;
    std::string state;
    std::string msg;
    if (r) {
        const char* s = PQresultErrorField(r, PG_DIAG_SQLSTATE);
        state = s ? s : "";
        msg = trimmed(PQresultErrorMessage(r));
        PQclear(r);
    }
    if (msg.empty()) msg = trimmed(PQerrorMessage(c_));
    if (lost && msg.empty()) msg = "the connection to the hub was lost";
    throw PgError(code_of(state, lost), state, std::string(context) + ": " + msg, lost);
}

Rows Conn::exec(const std::string& sql, const std::vector<Param>& params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    PGresult* r = PQexecParams(c_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                               values.data(), nullptr, nullptr, 0);
    const auto st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) raise(r, "hub");
    return Rows(r);
}

void Conn::script(const std::string& sql) {
    PGresult* r = PQexec(c_, sql.c_str());
    const auto st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY) raise(r, "hub");
    PQclear(r);
}

void Conn::copy_in(const std::string& copy_sql, std::string_view data) {
    PGresult* r = PQexec(c_, copy_sql.c_str());
    if (!r || PQresultStatus(r) != PGRES_COPY_IN) raise(r, "hub COPY");
    PQclear(r);
    // libpq queues what it cannot send at once; chunks keep its buffer small.
    constexpr std::size_t kChunk = 1 << 20;
    for (std::size_t at = 0; at < data.size(); at += kChunk) {
        const std::size_t n = std::min(kChunk, data.size() - at);
        if (PQputCopyData(c_, data.data() + at, static_cast<int>(n)) != 1)
            raise(nullptr, "hub COPY");
    }
    if (PQputCopyEnd(c_, nullptr) != 1) raise(nullptr, "hub COPY");
    PGresult* done = PQgetResult(c_);
    const bool ok = done && PQresultStatus(done) == PGRES_COMMAND_OK;
    if (!ok) {
        // Drain what is left so the connection is usable (or known to be dead) afterwards.
        while (PGresult* more = PQgetResult(c_)) PQclear(more);
        raise(done, "hub COPY");
    }
    PQclear(done);
    while (PGresult* more = PQgetResult(c_)) PQclear(more);
}

std::string Conn::copy_out(const std::string& copy_sql) {
    PGresult* r = PQexec(c_, copy_sql.c_str());
    if (!r || PQresultStatus(r) != PGRES_COPY_OUT) raise(r, "hub COPY");
    PQclear(r);
    std::string out;
    char* buf = nullptr;
    int n;
    while ((n = PQgetCopyData(c_, &buf, 0)) > 0) {
        out.append(buf, static_cast<std::size_t>(n));
        PQfreemem(buf);
    }
    PGresult* done = PQgetResult(c_);
    const bool ok = n == -1 && done && PQresultStatus(done) == PGRES_COMMAND_OK;
    if (!ok) {
        while (PGresult* more = PQgetResult(c_)) PQclear(more);
        raise(done, "hub COPY");
    }
    PQclear(done);
    while (PGresult* more = PQgetResult(c_)) PQclear(more);
    return out;
}

std::string Conn::where() const {
    const char* host = PQhost(c_);
    std::string h = host && *host ? host : "localhost";
    if (!h.empty() && h.front() == '/') h = "socket " + h;
    return h + ":" + PQport(c_) + "/" + PQdb(c_) + " as " + PQuser(c_);
}

Txn::~Txn() {
    if (!open_ || !c_.ok()) return;
    PGresult* r = PQexec(c_.handle(), "ROLLBACK");
    PQclear(r);
}

std::string quote_ident(std::string_view name) {
    std::string out = "\"";
    for (char ch : name) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

std::string quote_literal(std::string_view value) {
    std::string out = "'";
    for (char ch : value) out += ch == '\'' ? std::string("''") : std::string(1, ch);
    return out + "'";
}

}  // namespace dd::hub::pg
