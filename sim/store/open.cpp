// Opening a records file: refusing what is not ours (untouched), creating a new one with mode
// 0600, the per-connection settings (WAL, synchronous=FULL, foreign keys, busy timeout), the
// migrations; errors that say what happened to the user's data.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>

#include "migrate.h"
#include "replay.h"
#include "schema.h"
#include "sim/session/hash.h"
#include "store_internal.h"

namespace dd::store {

std::string_view error_code_name(ErrorCode c) {
    switch (c) {
        case ErrorCode::BadInput:
            return "bad-input";
        case ErrorCode::NotFound:
            return "not-found";
        case ErrorCode::Denied:
            return "denied";
        case ErrorCode::Conflict:
            return "conflict";
        case ErrorCode::Busy:
            return "busy";
        case ErrorCode::Full:
            return "full";
        case ErrorCode::ReadOnly:
            return "read-only";
        case ErrorCode::NotADatabase:
            return "not-a-database";
        case ErrorCode::Foreign:
            return "foreign";
        case ErrorCode::TooNew:
            return "too-new";
        case ErrorCode::Corrupt:
            return "corrupt";
        case ErrorCode::Io:
            return "io";
        case ErrorCode::Unreachable:
            return "unreachable";
    }
    return "io";
}

std::string_view role_name(Role r) {
    switch (r) {
        case Role::Trainee:
            return "trainee";
        case Role::Supervisor:
            return "supervisor";
        case Role::Admin:
            return "admin";
    }
    return "trainee";
}

std::optional<Role> role_from_name(std::string_view s) {
    for (Role r : {Role::Trainee, Role::Supervisor, Role::Admin})
        if (role_name(r) == s) return r;
    return std::nullopt;
}

int user_version(sql::Db& db) {
    return static_cast<int>(db.query("PRAGMA user_version").scalar_i64().value_or(0));
}

void migrate(sql::Db& db, int target) {
    const auto& all = migrations();
    if (target < 0) target = static_cast<int>(all.size());
    for (;;) {
        sql::Txn txn(db);
        const int at = user_version(db);  // again, under the write lock
        if (at >= target) return;
        const Migration& m = all[static_cast<std::size_t>(at)];
        db.script(m.sql);
        if (at == 0) {
            db.script("PRAGMA application_id = " + std::to_string(kApplicationId));
            const std::int64_t now = session::wall_clock_ms();
            auto put = [&](const char* k, const std::string& v) {
                db.query("INSERT INTO meta (key, value) VALUES (?1, ?2)").with(k, v).run();
            };
            put("store_uuid", session::new_uuid());
            put("created_at_ms", std::to_string(now));
            put("utc_offset_minutes", std::to_string(session::local_utc_offset_minutes()));
        }
        db.script("PRAGMA user_version = " + std::to_string(m.version));
        txn.commit();
    }
}

namespace {

// What the file at `path` is, looked at without changing a byte.
enum class Kind { Missing, Empty, Ours, OldOurs, Foreign, NotDb, TooNew };

struct Looked {
    Kind kind = Kind::Missing;
    std::string detail;
};

Looked look(const std::string& path, const struct stat& st) {
    if (st.st_size == 0) return {Kind::Empty, {}};
    try {
        auto db = sql::Db::open(path, SQLITE_OPEN_READONLY, 2000);
        const auto app = db->query("PRAGMA application_id").scalar_i64().value_or(0);
        const int version = user_version(*db);
        const auto objects =
            db->query("SELECT count(*) FROM sqlite_master").scalar_i64().value_or(0);
        if (app == 0 && version == 0 && objects == 0) return {Kind::Empty, {}};
        if (app != kApplicationId)
            return {Kind::Foreign, "an SQLite database of another program (application id " +
                                       std::to_string(app) + ", " + std::to_string(objects) +
                                       " tables and indexes)"};
        if (version > schema_version())
            return {Kind::TooNew, "schema version " + std::to_string(version) +
                                      "; this DeskDrill knows up to " +
                                      std::to_string(schema_version())};
        return {version < schema_version() ? Kind::OldOurs : Kind::Ours, {}};
    } catch (const sql::SqlError& e) {
        if (e.code == ErrorCode::NotADatabase || e.code == ErrorCode::Corrupt)
            return {Kind::NotDb, e.what()};
        throw;
    }
}

Error open_error(ErrorCode code, const std::string& path, const std::string& what) {
    return Error{code, path + ": " + what};
}

}  // namespace

Result<std::shared_ptr<Store>> Store::open(const std::string& path, const OpenOptions& options) {
    if (path.empty()) return Error{ErrorCode::BadInput, "no records database path given"};
    std::shared_ptr<Store> s(new Store());
    s->path_ = path;
    s->read_only_ = options.read_only;
    try {
        struct stat st {};
        Looked looked;
        if (::stat(path.c_str(), &st) != 0) {
            if (errno != ENOENT) return open_error(ErrorCode::Io, path, std::strerror(errno));
            if (options.read_only || !options.create)
                return open_error(ErrorCode::NotFound, path,
                                  "no records database here; create one with `deskdrill user "
                                  "init --db " +
                                      path + "`");
            std::error_code ec;
            const auto dir = std::filesystem::path(path).parent_path();
            if (!dir.empty() && !std::filesystem::exists(dir, ec)) {
                std::filesystem::create_directories(dir, ec);
                if (ec)
                    return open_error(ErrorCode::Io, path,
                                      "cannot create its folder: " + ec.message());
                ::chmod(dir.c_str(), 0700);
            }
            // Created here with 0600 so no one else can read the records; SQLite gives the
            // -wal and -shm files the same mode.
            const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
            if (fd < 0 && errno != EEXIST)
                return open_error(
                    errno == EACCES || errno == EROFS ? ErrorCode::ReadOnly : ErrorCode::Io, path,
                    std::string("cannot create the file: ") + std::strerror(errno));
            if (fd >= 0) ::close(fd);
            ::stat(path.c_str(), &st);
            looked.kind = Kind::Empty;
        } else {
            if (S_ISDIR(st.st_mode))
                return open_error(ErrorCode::BadInput, path,
                                  "is a folder; give the path of the database file");
            if (!S_ISREG(st.st_mode))
                return open_error(ErrorCode::BadInput, path, "is not a regular file");
            looked = look(path, st);
        }
        switch (looked.kind) {
            case Kind::NotDb:
                return open_error(ErrorCode::NotADatabase, path,
                                  "not a DeskDrill records database (not an SQLite file, or "
                                  "damaged at its start); it was left untouched — check the "
                                  "--db path");
            case Kind::Foreign:
                return open_error(ErrorCode::Foreign, path,
                                  "not a DeskDrill records database: " + looked.detail +
                                      "; it was left untouched — check the --db path");
            case Kind::TooNew:
                return open_error(ErrorCode::TooNew, path,
                                  "written by a newer DeskDrill (" + looked.detail +
                                      "); it was left untouched — update DeskDrill");
            default:
                break;
        }
        const bool writable_mode = (st.st_mode & S_IWUSR) != 0;
        if (!options.read_only && !writable_mode)
            return open_error(ErrorCode::ReadOnly, path,
                              "the file is read-only (no write permission in its mode); nothing "
                              "was changed — make it writable to store records (reports, "
                              "exports and audit can still read it)");
        if (options.read_only && (looked.kind == Kind::Empty || looked.kind == Kind::OldOurs))
            return open_error(
                looked.kind == Kind::Empty ? ErrorCode::NotFound : ErrorCode::ReadOnly, path,
                looked.kind == Kind::Empty
                    ? "an empty file, no records yet"
                    : "needs upgrading to this DeskDrill's schema, which cannot be "
                      "done while it is opened read-only; make it writable");
        const int flags =
            options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        s->db_ = sql::Db::open(path, flags | SQLITE_OPEN_NOMUTEX, options.busy_timeout_ms);
        sql::Db& db = *s->db_;
        // 32 MB of page cache (SQLite's default is 2 MB): a year of records is hundreds of MB,
        // and the unique indexes on uuids and hashes are written at random places.
        db.script("PRAGMA cache_size = -32768");
        if (!options.read_only) {
            const auto mode = db.query("PRAGMA journal_mode = WAL").scalar_text().value_or("");
            if (mode != "wal")
                return open_error(ErrorCode::Io, path,
                                  "cannot use write-ahead logging (journal mode '" + mode +
                                      "'); is it on a network file system?");
            db.script("PRAGMA synchronous = FULL");
            if (options.max_page_count)
                db.script("PRAGMA max_page_count = " + std::to_string(*options.max_page_count));
            migrate(db);
        } else {
            db.script("PRAGMA query_only = 1");
        }
        s->utc_offset_min_ = static_cast<int>(
            std::stoll(db.query("SELECT value FROM meta WHERE key = 'utc_offset_minutes'")
                           .scalar_text()
                           .value_or("0")));
        return s;
    } catch (const sql::SqlError& e) {
        return StoreAccess::describe(*s, e);
    } catch (const std::exception& e) {
        return open_error(ErrorCode::Io, path, e.what());
    }
}

Store::~Store() = default;

ReplayCache& StoreAccess::cache(Store& s) {
    if (!s.cache_) s.cache_ = std::make_unique<ReplayCache>();
    return *s.cache_;
}

Error StoreAccess::describe(const Store& s, const sql::SqlError& e) {
    const std::string& p = s.path_;
    switch (e.code) {
        case ErrorCode::Full:
            return {e.code,
                    p + ": the disk is full (or the database reached its size limit): " + e.what() +
                        "; nothing of this change was saved, what was saved "
                        "before is intact — free some space and try again"};
        case ErrorCode::ReadOnly:
            return {e.code, p + ": cannot write (read-only file, folder or file system): " +
                                e.what() + "; nothing of this change was saved"};
        case ErrorCode::Busy:
            return {e.code, p + ": busy — another DeskDrill held the database longer than the "
                                "busy timeout; nothing of this change was saved, try again"};
        case ErrorCode::NotADatabase:
        case ErrorCode::Corrupt:
            return {e.code, p + ": the database is damaged: " + e.what() +
                                "; stop using it and restore a copy (deskdrill audit says more)"};
        case ErrorCode::Io:
            return {e.code, p + ": " + e.what() +
                                (e.rc ? " (SQLite " + std::to_string(e.rc) + ")" : std::string())};
        default:
            return {e.code, e.what()};
    }
}

}  // namespace dd::store
