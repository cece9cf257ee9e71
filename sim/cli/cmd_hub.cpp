// deskdrill hub init|add-site|sites|publish|cancel — headquarters' side of the hub
// (sim/hub/hub.h): the schema and its migrations, one role per site, the sites' state (last
// sync, chain heads, alarms), and publishing trainees, assignments and texts to sites.
// Exit: 0 done, 1 a site's chain is incomplete or flagged (sites), 2 bad input or the hub
// refused it.
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "assignment_args.h"
#include "commands.h"
#include "records.h"
#include "sim/hub/hub.h"
#include "sim/hub/hub_reports.h"
#include "sim/session/library.h"

namespace dd::cli {

namespace {

struct HubArgs {
    std::string hub;
    std::optional<int> utc_offset;
    std::string site, name, region, password_file;
    std::string trainee, cohort, trainee_site;
    AssignmentArgs assignment;  // hub publish assignment
    std::string kind, file, version, uuid;
    bool json = false;
};

const char* const kHubFooter =
    "The hub: a libpq connection string or URI (postgresql://USER@HOST/DB?sslmode=verify-full);\n"
    "passwords from ~/.pgpass or PGPASSWORD, TLS from libpq's settings.\n"
    "Exit codes: 0 done, 1 a site's records are incomplete or flagged (sites), 2 bad input or\n"
    "the hub refused it.";

bool need_hub(const std::string& cmd, const HubArgs& a) {
    if (!a.hub.empty()) return true;
    fail(cmd, "--hub is required (a libpq connection string of the hub's database)");
    return false;
}

int run_init(const HubArgs& a) {
    const std::string cmd = "hub init";
    if (!need_hub(cmd, a)) return 2;
    hub::InitOptions o;
    o.utc_offset_minutes = a.utc_offset;
    auto v = hub::init(a.hub, o);
    if (!v) return fail(cmd, v.error());
    std::cout << "hub ready: schema deskdrill at version " << *v
              << "; add each site with `deskdrill hub add-site`\n";
    return 0;
}

int run_add_site(const HubArgs& a) {
    const std::string cmd = "hub add-site";
    if (!need_hub(cmd, a)) return 2;
    if (a.password_file.empty())
        return fail(cmd,
                    "--password-file is required: the new site role's password (first "
                    "line), to give to the site's desk");
    std::string err;
    const std::string pw = read_password_file(a.password_file, &err);
    if (!err.empty()) return fail(cmd, err);
    auto s = hub::add_site(a.hub, {a.site, a.name, a.region, pw});
    if (!s) return fail(cmd, s.error());
    std::cout << "site '" << s->code << "' (" << s->name
              << (s->region.empty() ? "" : ", " + s->region) << "): role " << s->role
              << "\nthe site's desk syncs with: deskdrill sync --hub "
                 "'postgresql://"
              << s->role << "@HOST/DB?sslmode=verify-full'\n";
    return 0;
}

int run_sites(const HubArgs& a) {
    const std::string cmd = "hub sites";
    if (!need_hub(cmd, a)) return 2;
    auto all = hub::sites(a.hub);
    if (!all) return fail(cmd, all.error());
    bool trouble = false;
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const auto& s : *all) {
        trouble = trouble || s.missing > 0 || !s.alarms.empty();
        j.push_back(
            {{"code", s.site.code},
             {"name", s.site.name},
             {"region", s.site.region},
             {"role", s.site.role},
             {"attempts", s.attempts},
             {"head_seq", s.head_seq ? nlohmann::ordered_json(*s.head_seq) : nullptr},
             {"missing", s.missing},
             {"last_sync_ms", s.last_sync_ms ? nlohmann::ordered_json(*s.last_sync_ms) : nullptr},
             {"alarms", s.alarms}});
        if (a.json) continue;
        std::cout << s.site.code << "  " << s.site.name << "  " << s.site.region << "  作答 "
                  << s.attempts;
        if (s.head_seq) std::cout << " · 链头 #" << *s.head_seq << " · 缺 " << s.missing;
        std::cout << " · 上次同步 "
                  << (s.last_sync_ms ? format_time(*s.last_sync_ms, 0) + " UTC" : "从未") << "\n";
        for (const auto& al : s.alarms) std::cout << "  ⚠ " << al << "\n";
    }
    if (a.json) std::cout << j.dump(2) << "\n";
    return trouble ? 1 : 0;
}

int run_publish_trainee(const HubArgs& a) {
    const std::string cmd = "hub publish trainee";
    if (!need_hub(cmd, a)) return 2;
    auto u = hub::publish_trainee(a.hub, {a.site, a.trainee, a.name, a.cohort, a.trainee_site, ""});
    if (!u) return fail(cmd, u.error());
    std::cout << "trainee " << a.trainee << " published to '" << a.site << "' (" << *u << ")\n";
    return 0;
}

int run_publish_assignment(const HubArgs& a) {
    const std::string cmd = "hub publish assignment";
    if (!need_hub(cmd, a)) return 2;
    auto draft = read_assignment_args(cmd, a.assignment);
    if (!draft) return 2;
    // Due at the end of that day in the hub's time zone (its reports' days).
    auto hub_days = hub::hub_reports(a.hub);
    if (!hub_days) return fail(cmd, hub_days.error());
    const store::NewAssignment n =
        due_in_zone(std::move(*draft), (*hub_days)->utc_offset_minutes());
    auto u = hub::publish_assignment(a.hub, a.site, n);
    if (!u) return fail(cmd, u.error());
    std::cout << "assignment published to '" << a.site << "' (" << *u << ")\n";
    return 0;
}

int run_publish_text(const HubArgs& a) {
    const std::string cmd = "hub publish text";
    if (!need_hub(cmd, a)) return 2;
    std::ifstream in(a.file, std::ios::binary);
    if (!in) return fail(cmd, a.file + ": cannot read the file");
    std::ostringstream text;
    text << in.rdbuf();
    std::string name = a.name, version = a.version;
    if (a.kind == "scenario" && (name.empty() || version.empty())) {
        Diagnostics d;
        auto sc = session::load_scenario(a.file, d);
        if (!sc || !sc->scenario)
            return fail(cmd, a.file + ": not a scenario that loads:\n" + d.to_string());
        if (name.empty()) name = sc->scenario->id;
        if (version.empty()) version = std::to_string(sc->scenario->version);
    }
    if (name.empty()) name = a.kind == "catalogue" ? "standards" : a.kind;
    if (version.empty()) return fail(cmd, "--version is required for a " + a.kind);
    auto h = hub::publish_snapshot(a.hub, a.kind, name, version, text.str());
    if (!h) return fail(cmd, h.error());
    std::cout << a.kind << " " << name << " " << version << " published (" << h->substr(0, 12)
              << ")\n";
    return 0;
}

int run_cancel(const HubArgs& a) {
    const std::string cmd = "hub cancel";
    if (!need_hub(cmd, a)) return 2;
    auto s = hub::cancel_published_assignment(a.hub, a.uuid);
    if (!s) return fail(cmd, s.error());
    std::cout << "assignment " << a.uuid << " cancelled; the site's next sync cancels it there\n";
    return 0;
}

}  // namespace

void add_hub_command(CLI::App& root, int& exit_code) {
    auto* hubc = root.add_subcommand("hub", "Headquarters' hub (PostgreSQL): sites, publishing");
    hubc->require_subcommand(1);
    hubc->footer(kHubFooter);
    auto args = std::make_shared<HubArgs>();
    auto with_hub = [&](CLI::App* sub) {
        sub->footer(kHubFooter);
        sub->add_option("--hub", args->hub, "the hub's connection string (an owner's role)");
    };

    auto* init = hubc->add_subcommand("init", "Create the hub's schema and roles, or upgrade it");
    with_hub(init);
    init->add_option("--utc-offset", args->utc_offset,
                     "minutes east of UTC of the days reports group by (default: this zone's)");
    init->callback([args, &exit_code] { exit_code = run_init(*args); });

    auto* add = hubc->add_subcommand("add-site", "Create a site's role (one command per site)");
    with_hub(add);
    add->add_option("--site", args->site, "the site's code: a-z 0-9 - _ (role dd_site_CODE)")
        ->required();
    add->add_option("--name", args->name, "the site's name (阳光花园)")->required();
    add->add_option("--region", args->region, "its region (华东), a report filter");
    add->add_option("--password-file", args->password_file,
                    "the role's password, first line (at least 12 characters)");
    add->callback([args, &exit_code] { exit_code = run_add_site(*args); });

    auto* list = hubc->add_subcommand("sites",
                                      "Every site: attempts received, chain head, "
                                      "last sync, alarms");
    with_hub(list);
    list->add_flag("--json", args->json, "JSON instead of text");
    list->callback([args, &exit_code] { exit_code = run_sites(*args); });

    auto* pub = hubc->add_subcommand("publish", "Publish to sites: taken in at their next sync");
    pub->require_subcommand(1);
    pub->footer(kHubFooter);
    auto* pt = pub->add_subcommand("trainee", "A new trainee of a site");
    with_hub(pt);
    pt->add_option("--site", args->site, "the site's code")->required();
    pt->add_option("--id", args->trainee, "employee number")->required();
    pt->add_option("--name", args->name, "name")->required();
    pt->add_option("--cohort", args->cohort, "cohort");
    pt->add_option("--trainee-site", args->trainee_site,
                   "the trainee's 项目 field at the desk (default: the site's name)");
    pt->callback([args, &exit_code] { exit_code = run_publish_trainee(*args); });

    auto* pa = pub->add_subcommand("assignment", "Scenarios for a trainee or a cohort of a site");
    with_hub(pa);
    pa->add_option("--site", args->site, "the site's code")->required();
    add_assignment_options(pa, args->assignment, AssignmentTarget::Hub);
    pa->callback([args, &exit_code] { exit_code = run_publish_assignment(*args); });

    auto* px = pub->add_subcommand("text", "A scenario, lexicon or standards file for every site");
    with_hub(px);
    px->add_option("--kind", args->kind, "scenario | lexicon | catalogue")
        ->required()
        ->check(CLI::IsMember({"scenario", "lexicon", "catalogue"}));
    px->add_option("FILE", args->file, "the file")->required();
    px->add_option("--name", args->name, "its name (a scenario's id; default from the file)");
    px->add_option("--version", args->version, "its version (a scenario's from the file)");
    px->callback([args, &exit_code] { exit_code = run_publish_text(*args); });

    auto* cancel = hubc->add_subcommand("cancel", "Cancel a published assignment");
    with_hub(cancel);
    cancel->add_option("UUID", args->uuid, "the assignment's uuid")->required();
    cancel->callback([args, &exit_code] { exit_code = run_cancel(*args); });
}

}  // namespace dd::cli
