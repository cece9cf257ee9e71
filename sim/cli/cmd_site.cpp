// deskdrill site show|set FILE|clear|history — the site profile (sim/session/site_profile.h):
// the company's and the site's names, the departments' extension numbers and the fee standards
// every scenario at this desk is played under. `set` reads a YAML file (errors as
// `file:line:col: error: …`, exit 2, nothing stored); admins set and clear it; anyone shows it.
// The settings are a history: attempts already stored keep the profile they were played under.
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "records.h"
#include "sim/load/site_profile_loader.h"
#include "sim/model/enums.h"
#include "sim/session/site_profile.h"

namespace dd::cli {

namespace {

struct SiteArgs {
    RecordsArgs records;
    std::string file;
    bool json = false;
};

nlohmann::ordered_json profile_json(const session::SiteProfile& p) {
    nlohmann::ordered_json ext = nlohmann::ordered_json::object();
    for (auto d : enums::kDepartments)
        if (auto it = p.site.extensions.find(std::string(d)); it != p.site.extensions.end())
            ext[std::string(d)] = it->second;
    nlohmann::ordered_json fees = nlohmann::ordered_json::array();
    for (const auto& f : p.site.fees)
        fees.push_back({{"id", f.id}, {"name", f.name}, {"amount", f.amount}, {"unit", f.unit}});
    return {{"hash", p.snapshot.hash},
            {"company", p.site.company},
            {"name", p.site.name},
            {"extensions", ext},
            {"fees", fees}};
}

int run_show(const SiteArgs& a) {
    auto r = open_records("site", a.records, Access::Read);
    if (!r) return 2;
    auto p = r->store->site_profile(r->who);
    if (!p) return fail("site", p.error());
    if (a.json) {
        std::cout << (*p ? profile_json(**p) : nlohmann::ordered_json(nullptr)).dump(2) << "\n";
        return 0;
    }
    if (!*p) {
        std::cout << "# no site profile set: every scenario plays with its own company and site\n"
                     "# set one with: deskdrill site set FILE\n";
        return 0;
    }
    std::cout << "# site profile " << (*p)->snapshot.hash.substr(0, 12) << "\n"
              << *(*p)->snapshot.text;
    return 0;
}

int run_set(const SiteArgs& a) {
    Diagnostics d;
    auto p = session::load_site_profile(a.file, d);
    if (!d.items().empty()) std::cerr << d.to_string();
    if (!p) return 2;
    auto r = open_records("site", a.records, Access::Write);
    if (!r) return 2;
    auto set = r->store->set_site_profile(r->who, p);
    if (!set) return fail("site", set.error());
    std::cout << "site profile set: " << p->site.company
              << (p->site.name.empty() ? "" : " · " + p->site.name) << " ("
              << p->site.extensions.size() << " extension(s), " << p->site.fees.size()
              << " fee(s); " << p->snapshot.hash.substr(0, 12) << ")\n";
    return 0;
}

int run_clear(const SiteArgs& a) {
    auto r = open_records("site", a.records, Access::Write);
    if (!r) return 2;
    auto set = r->store->set_site_profile(r->who, nullptr);
    if (!set) return fail("site", set.error());
    std::cout << "site profile cleared: every scenario plays with its own company and site\n";
    return 0;
}

int run_history(const SiteArgs& a) {
    auto r = open_records("site", a.records, Access::Read);
    if (!r) return 2;
    auto h = r->store->site_profile_history(r->who);
    if (!h) return fail("site", h.error());
    for (const auto& s : *h)
        std::cout << format_time(s.set_at_ms, r->store->utc_offset_minutes()) << "\t" << s.set_by
                  << "\t"
                  << (s.profile_hash.empty() ? std::string("(cleared)")
                                             : s.company + "\t" + s.profile_hash.substr(0, 12))
                  << "\n";
    return 0;
}

}  // namespace

void add_site_command(CLI::App& root, int& exit_code) {
    auto* site = root.add_subcommand(
        "site", "The site profile: company, site name, extensions and fees every scenario uses");
    site->require_subcommand(1);
    site->footer(
        "A profile file has the keys of a scenario's site: block:\n"
        "  company: 绿城物业\n"
        "  name: 桂花园\n"
        "  extensions: {engineering: \"8201\", security: \"8110\"}   # the dispatch codes\n"
        "  fees:\n"
        "    property: {name: 高层住宅物业服务费, amount: 3.2, unit: 元/平方米·月}\n"
        "Scenarios write {site.company}, {site.name}, {ext.engineering}, {fee.property} and\n"
        "{fee.property.amount}; the profile overrides the scenario's own values.\n" +
        std::string(kRecordsFooter));
    auto args = std::make_shared<SiteArgs>();

    auto* show = site->add_subcommand("show", "Print the site profile in force");
    add_records_options(show, args->records, Access::Read);
    show->add_flag("--json", args->json, "JSON instead of the profile's YAML");
    show->callback([args, &exit_code] { exit_code = run_show(*args); });

    auto* set = site->add_subcommand("set", "Set the site profile from a YAML file (admins)");
    set->add_option("FILE", args->file, "the profile (YAML)")->required();
    add_records_options(set, args->records, Access::Write);
    set->callback([args, &exit_code] { exit_code = run_set(*args); });

    auto* clear = site->add_subcommand(
        "clear", "Clear the site profile: scenarios play with their own site (admins)");
    add_records_options(clear, args->records, Access::Write);
    clear->callback([args, &exit_code] { exit_code = run_clear(*args); });

    auto* history = site->add_subcommand("history", "Every setting of the profile, newest first");
    add_records_options(history, args->records, Access::Read);
    history->callback([args, &exit_code] { exit_code = run_history(*args); });
}

}  // namespace dd::cli
