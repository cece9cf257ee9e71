// The hub (DESIGN §6a): every site's records in one PostgreSQL database, kept there by each
// desk's `deskdrill sync`, reported on across sites by headquarters.
//
//   administration  init (the schema and its migrations, the group roles), add_site (one login
//                   role per site), publishing to sites (trainees, assignments, scenario and
//                   standards texts), the sites' state (last sync, chain heads, alarms)
//   sync            a site's outbox pushed (at-least-once, idempotent by uuid and by the site's
//                   own keys, resumable at any moment), what is published to it pulled, its
//                   chain heads reported; each run recorded in the records (store/sync.h)
//   reports         hub_reports.h: the records store's reports, computed on the server
//
// Connection strings are libpq's (`postgresql://site@hub.example.com/deskdrill?sslmode=
// verify-full` or `host=… dbname=…`): TLS, passwords (~/.pgpass, PGPASSWORD) and timeouts are
// libpq's. The hub lives in the schema `deskdrill` of the database named.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sim/store/assignments.h"
#include "sim/store/store.h"
#include "sim/store/sync.h"

namespace dd::hub {

using store::Error;
using store::ErrorCode;
using store::Result;
using store::Status;

// --- administration (run by headquarters' IT with an owner's connection) -------------------

struct InitOptions {
    // Minutes east of UTC of the days the hub's reports group by; default: the local zone's.
    std::optional<int> utc_offset_minutes;
    // Stop at this schema version (a hub as an older DeskDrill left it: the migration tests);
    // default: this DeskDrill's newest.
    std::optional<int> to_version;
};
// Creates the group roles deskdrill_site and deskdrill_hq when missing (needs CREATEROLE), the
// schema, and applies the migrations after the hub's version (up to options.to_version);
// idempotent. Returns the version.
Result<int> init(const std::string& conninfo, const InitOptions& options = {});
int schema_version();

struct NewSite {
    std::string code;    // a-z, 0-9, - and _: the site's name on the hub (role dd_site_<code>)
    std::string name;    // 阳光花园
    std::string region;  // 华东 ("" = none)
    std::string password;
};
struct Site {
    int id = 0;
    std::string code, name, region, role;
};
// Creates the site's login role (a member of deskdrill_site; it can insert only the site's own
// rows and read only what is published to it) and its row. One call per site.
Result<Site> add_site(const std::string& conninfo, const NewSite& site);

// What headquarters knows of each site.
struct SiteState {
    Site site;
    std::int64_t attempts = 0;             // received
    std::optional<std::int64_t> head_seq;  // the site's last reported attempt seq
    std::int64_t missing = 0;              // head_seq minus the attempts received up to it
    std::optional<std::int64_t> last_sync_ms;
    std::vector<std::string> alarms;  // chain heads refused (newest first)
};
Result<std::vector<SiteState>> sites(const std::string& conninfo);

// Publishing to a site (headquarters): pulled by the site's next sync.
struct PublishedTrainee {
    std::string site_code;
    std::string employee_no, name, cohort;
    std::string site_name;  // the person's 项目 field ("" = the site's name)
    std::string uuid;       // "" = new
};
Result<std::string> publish_trainee(const std::string& conninfo, const PublishedTrainee& t);
// An assignment for a trainee of the site (by employee number) or a cohort at the site.
Result<std::string> publish_assignment(const std::string& conninfo, const std::string& site_code,
                                       const store::NewAssignment& a);
Status cancel_published_assignment(const std::string& conninfo, const std::string& uuid);
// A scenario, lexicon or standards text for every site (kind scenario|lexicon|catalogue).
Result<std::string> publish_snapshot(const std::string& conninfo, const std::string& kind,
                                     const std::string& name, const std::string& version,
                                     const std::string& text);

// --- sync (run at a site with the site's own role) -----------------------------------------

struct SyncOptions {
    std::size_t batch = 2000;  // outbox items per hub transaction
    int retries = 5;           // reconnections after a dropped connection, with back-off
    int retry_base_ms = 250;
    // Called after each batch the hub confirmed (tests stop a sync at a chosen moment).
    std::function<void(std::int64_t pushed_so_far)> on_batch;
};

struct SyncReport {
    std::string hub;  // where (host:port/db as role)
    std::string site_code;
    std::int64_t pushed = 0;  // outbox items confirmed
    std::int64_t attempts = 0, results = 0, overrides = 0, people = 0, assignments = 0;
    std::int64_t snapshots_sent = 0;
    std::int64_t pulled = 0;  // published items taken in
    std::int64_t pulled_people = 0, pulled_assignments = 0, pulled_snapshots = 0;
    int reconnects = 0;
    std::vector<std::string> warnings;  // published items that could not be taken in, and why
};

// Pushes the outbox, pulls what is published, reports the chain heads; records the run in the
// store either way (sync_state says when the desk last synced). Acts as `who` (an admin: the
// file's operator). A failure leaves everything consistent: what the hub confirmed is marked,
// the rest goes next time.
Result<SyncReport> sync(store::Store& store, const store::Principal& who,
                        const std::string& conninfo, const SyncOptions& options = {});

}  // namespace dd::hub
