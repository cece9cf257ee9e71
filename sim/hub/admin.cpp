// The hub's administration (hub.h): connecting, the schema and its migrations, the group
// roles, a role per site, publishing to sites, the sites' state.
#include <ctime>
#include <regex>

#include "hub_internal.h"
#include "hub_schema.h"
#include "sim/session/hash.h"
#include "sim/session/record.h"

namespace dd::hub {

int schema_version() {
    return static_cast<int>(migrations().size());
}

Error to_error(const pg::PgError& e) {
    std::string msg = e.what();
    if (e.sqlstate == "42501")
        msg +=
            " (the role may lack the right: a site role reads and writes only its own site's "
            "rows)";
    return Error{e.code, msg};
}

int hub_version(pg::Conn& c) {
    auto exists = c.run("SELECT to_regclass('deskdrill.dd_meta') IS NOT NULL");
    if (!exists.b(0, 0)) return 0;
    auto v = c.run("SELECT value FROM deskdrill.dd_meta WHERE key = 'schema_version'");
    return v.size() ? static_cast<int>(v.i64(0, 0)) : 0;
}

std::unique_ptr<pg::Conn> connect(const std::string& conninfo, bool check_version) {
    auto c = pg::Conn::connect(conninfo);
    c->script("SET search_path TO deskdrill");
    if (check_version) {
        const int v = hub_version(*c);
        if (v == 0)
            throw pg::PgError(ErrorCode::NotFound, "",
                              c->where() +
                                  ": no DeskDrill hub in this database (or this role "
                                  "may not see it); headquarters creates it with "
                                  "`deskdrill hub init --hub URL`",
                              false);
        if (v > schema_version())
            throw pg::PgError(ErrorCode::TooNew, "",
                              c->where() + ": the hub is at schema version " + std::to_string(v) +
                                  ", newer than this DeskDrill knows (" +
                                  std::to_string(schema_version()) + "); update DeskDrill",
                              false);
        if (v < schema_version())
            throw pg::PgError(ErrorCode::BadInput, "",
                              c->where() + ": the hub is at schema version " + std::to_string(v) +
                                  "; headquarters brings it to " +
                                  std::to_string(schema_version()) +
                                  " with `deskdrill hub init --hub URL`",
                              false);
    }
    return c;
}

namespace {

constexpr const char* kGroupRoles = R"sql(
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'deskdrill_site') THEN
        CREATE ROLE deskdrill_site NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'deskdrill_hq') THEN
        CREATE ROLE deskdrill_hq NOLOGIN;
    END IF;
END $$;
CREATE SCHEMA IF NOT EXISTS deskdrill;
)sql";

}  // namespace

Result<int> init(const std::string& conninfo, const InitOptions& options) {
    return guarded([&]() -> Result<int> {
        auto c = connect(conninfo, false);
        c->script(kGroupRoles);
        for (;;) {
            pg::Txn txn(*c);
            // One migrator at a time, and the version read again under the lock.
            c->run("SELECT pg_advisory_xact_lock(hashtext('deskdrill hub migrations'))");
            const int at = hub_version(*c);
            if (at > schema_version())
                return Error{ErrorCode::TooNew, c->where() + ": the hub is at schema version " +
                                                    std::to_string(at) +
                                                    ", newer than this DeskDrill knows"};
            if (at >= options.to_version.value_or(schema_version())) {
                txn.commit();
                return at;
            }
            const Migration& m = migrations()[static_cast<std::size_t>(at)];
            c->script(std::string(m.sql));
            if (at == 0) {
                const int off =
                    options.utc_offset_minutes.value_or(session::local_utc_offset_minutes());
                c->run(
                    "INSERT INTO dd_meta (key, value) VALUES ('utc_offset_minutes', $1), "
                    "('created_at_ms', $2), ('hub_uuid', $3)",
                    std::to_string(off), std::to_string(session::wall_clock_ms()),
                    session::new_uuid());
            }
            c->run(
                "INSERT INTO dd_meta (key, value) VALUES ('schema_version', $1) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                std::to_string(m.version));
            txn.commit();
        }
    });
}

Result<Site> add_site(const std::string& conninfo, const NewSite& s) {
    static const std::regex kCode("^[a-z0-9][a-z0-9_-]{0,40}$");
    if (!std::regex_match(s.code, kCode))
        return Error{ErrorCode::BadInput,
                     "--site '" + s.code +
                         "': a site code is 1 to 41 of a-z, 0-9, - and _, "
                         "starting with a letter or digit (e.g. sunny-garden)"};
    if (s.name.empty()) return Error{ErrorCode::BadInput, "a site needs a name (--name)"};
    if (s.password.size() < 12)
        return Error{ErrorCode::BadInput, "a site role's password needs at least 12 characters"};
    return guarded([&]() -> Result<Site> {
        auto c = connect(conninfo);
        Site out{0, s.code, s.name, s.region, "dd_site_" + s.code};
        pg::Txn txn(*c);
        if (c->run("SELECT 1 FROM pg_roles WHERE rolname = $1", out.role).size())
            return Error{ErrorCode::Conflict, "the role " + out.role + " exists already"};
        if (c->run("SELECT 1 FROM sites WHERE code = $1", s.code).size())
            return Error{ErrorCode::Conflict, "the site '" + s.code + "' exists already"};
        // CREATE ROLE takes no parameters: the name is checked above, the password quoted.
        c->script("CREATE ROLE " + pg::quote_ident(out.role) + " LOGIN PASSWORD " +
                  pg::quote_literal(s.password) + " IN ROLE deskdrill_site");
        auto id = c->run(
            "INSERT INTO sites (code, name, region, role_name, created_at_ms) "
            "VALUES ($1, $2, $3, $4, $5) RETURNING id",
            s.code, s.name, s.region, out.role, session::wall_clock_ms());
        out.id = static_cast<int>(id.i64(0, 0));
        txn.commit();
        return out;
    });
}

Result<std::vector<SiteState>> sites(const std::string& conninfo) {
    return guarded([&]() -> Result<std::vector<SiteState>> {
        auto c = connect(conninfo);
        auto q = c->run(
            "SELECT s.id, s.code, s.name, s.region, s.role_name, "
            "(SELECT count(*) FROM attempts a WHERE a.site_id = s.id), h.attempt_seq, "
            "(SELECT count(*) FROM attempts a WHERE a.site_id = s.id AND a.site_seq <= "
            "h.attempt_seq), (SELECT max(at_ms) FROM sync_log l WHERE l.site_id = s.id AND "
            "l.kind = 'sync') FROM sites s LEFT JOIN site_heads h ON h.site_id = s.id "
            "ORDER BY s.region, s.code");
        std::vector<SiteState> out;
        for (int i = 0; i < q.size(); ++i) {
            SiteState st;
            st.site = {static_cast<int>(q.i64(i, 0)), q.text(i, 1), q.text(i, 2), q.text(i, 3),
                       q.text(i, 4)};
            st.attempts = q.i64(i, 5);
            st.head_seq = q.opt_i64(i, 6);
            if (st.head_seq) st.missing = *st.head_seq - q.i64(i, 7);
            st.last_sync_ms = q.opt_i64(i, 8);
            auto alarms = c->run(
                "SELECT message FROM sync_log WHERE site_id = $1 AND kind = 'alarm' "
                "ORDER BY at_ms DESC, id DESC LIMIT 20",
                st.site.id);
            for (int k = 0; k < alarms.size(); ++k) st.alarms.push_back(alarms.text(k, 0));
            out.push_back(std::move(st));
        }
        return out;
    });
}

namespace {

int site_id_of(pg::Conn& c, const std::string& code) {
    auto q = c.run("SELECT id FROM sites WHERE code = $1", code);
    if (!q.size())
        throw pg::PgError(ErrorCode::NotFound, "",
                          "no site '" + code +
                              "' on the hub (deskdrill "
                              "hub sites lists them)",
                          false);
    return static_cast<int>(q.i64(0, 0));
}

}  // namespace

Result<std::string> publish_trainee(const std::string& conninfo, const PublishedTrainee& t) {
    if (t.employee_no.empty() || t.name.empty())
        return Error{ErrorCode::BadInput, "a trainee needs an employee number and a name"};
    return guarded([&]() -> Result<std::string> {
        auto c = connect(conninfo);
        pg::Txn txn(*c);
        const int site = site_id_of(*c, t.site_code);
        if (c->run("SELECT 1 FROM people WHERE site_id = $1 AND employee_no = $2", site,
                   t.employee_no)
                .size())
            return Error{ErrorCode::Conflict, "the site '" + t.site_code +
                                                  "' has a person with employee number '" +
                                                  t.employee_no + "' already"};
        const std::string uuid = t.uuid.empty() ? session::new_uuid() : t.uuid;
        const std::int64_t now = session::wall_clock_ms();
        c->run(
            "INSERT INTO people (uuid, site_id, origin, role, employee_no, name, site, cohort, "
            "active, created_at_ms, updated_at_ms) SELECT $1, $2, 'hub', 'trainee', $3, $4, "
            "CASE WHEN $5 = '' THEN s.name ELSE $5 END, $6, 1, $7, $7 FROM sites s "
            "WHERE s.id = $2",
            uuid, site, t.employee_no, t.name, t.site_name, t.cohort, now);
        txn.commit();
        return uuid;
    });
}

Result<std::string> publish_assignment(const std::string& conninfo, const std::string& site_code,
                                       const store::NewAssignment& a) {
    if (a.trainee.empty() == a.cohort.empty())
        return Error{ErrorCode::BadInput, "assign to one trainee or to one cohort"};
    if (a.scenarios.empty())
        return Error{ErrorCode::BadInput,
                     "a published assignment lists its scenarios (named sets are a site's own)"};
    if (a.every_days && a.mode != session::Mode::Refresher)
        return Error{ErrorCode::BadInput, "only refresher drills recur (--mode refresher)"};
    return guarded([&]() -> Result<std::string> {
        auto c = connect(conninfo);
        pg::Txn txn(*c);
        const int site = site_id_of(*c, site_code);
        pg::Param trainee;
        if (!a.trainee.empty()) {
            auto q = c->run(
                "SELECT uuid FROM people WHERE site_id = $1 AND employee_no = $2 AND "
                "role = 'trainee'",
                site, a.trainee);
            if (!q.size())
                return Error{ErrorCode::NotFound, "no trainee '" + a.trainee + "' of the site '" +
                                                      site_code + "' on the hub"};
            trainee = q.text(0, 0);
        }
        std::string scenarios = "{";
        for (std::size_t i = 0; i < a.scenarios.size(); ++i) {
            scenarios += (i ? "," : "") + std::string("\"");
            for (char ch : a.scenarios[i])
                scenarios +=
                    (ch == '"' || ch == '\\') ? std::string("\\") + ch : std::string(1, ch);
            scenarios += "\"";
        }
        scenarios += "}";
        const std::string uuid = a.uuid.empty() ? session::new_uuid() : a.uuid;
        const std::int64_t now = session::wall_clock_ms();
        c->run(
            "INSERT INTO assignments (uuid, site_id, origin, trainee_uuid, site, cohort, mode, "
            "choice_allowed, starts_at_ms, due_at_ms, every_days, set_name, note, scenarios, "
            "created_at_ms) VALUES ($1, $2, 'hub', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
            "$13, $14)",
            uuid, site, trainee, a.cohort.empty() ? pg::Param() : pg::Param(a.site),
            a.cohort.empty() ? pg::Param() : pg::Param(a.cohort),
            std::string(session::mode_name(a.mode)), a.choice_allowed, a.starts_at_ms.value_or(now),
            a.due_at_ms ? pg::Param(std::to_string(*a.due_at_ms)) : pg::Param(),
            a.every_days ? pg::Param(std::to_string(*a.every_days)) : pg::Param(), a.set_name,
            a.note, scenarios, now);
        txn.commit();
        return uuid;
    });
}

Status cancel_published_assignment(const std::string& conninfo, const std::string& uuid) {
    return guarded([&]() -> Status {
        auto c = connect(conninfo);
        auto q = c->run(
            "UPDATE assignments SET cancelled_at_ms = $2 WHERE uuid::text = $1 AND "
            "origin = 'hub' AND cancelled_at_ms IS NULL",
            uuid, session::wall_clock_ms());
        if (q.affected() == 0)
            return Error{ErrorCode::NotFound, "no open published assignment " + uuid};
        return store::Ok{};
    });
}

Result<std::string> publish_snapshot(const std::string& conninfo, const std::string& kind,
                                     const std::string& name, const std::string& version,
                                     const std::string& text) {
    if (kind != "scenario" && kind != "lexicon" && kind != "catalogue")
        return Error{ErrorCode::BadInput, "a published text is a scenario, lexicon or catalogue"};
    return guarded([&]() -> Result<std::string> {
        auto c = connect(conninfo);
        const std::string hash = session::sha256_hex(text);
        const std::int64_t now = session::wall_clock_ms();
        c->run(
            "INSERT INTO snapshots (hash, kind, name, version, text, site_id, published_at_ms, "
            "stored_at_ms) VALUES ($1, $2, $3, $4, $5, NULL, $6, $6) ON CONFLICT (hash) DO "
            "UPDATE SET published_at_ms = coalesce(snapshots.published_at_ms, "
            "excluded.published_at_ms)",
            hash, kind, name, version, text, now);
        return hash;
    });
}

}  // namespace dd::hub
