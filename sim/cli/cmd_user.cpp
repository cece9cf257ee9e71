// deskdrill user init|add|list|passwd|set — the people in the records (DESIGN §6): trainees
// (name, employee number, site, cohort), supervisors and admins (argon2id passwords). The first
// run (`user init`, or the first `user add` on a new file) creates the admin. The store checks
// the roles: run `--as` a supervisor and adding an admin is refused.
// Exit: 0 done, 2 bad input or the records could not be changed (nothing was).
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "records.h"

namespace dd::cli {

namespace {

struct UserArgs {
    RecordsArgs records;
    std::string role = "trainee";
    std::string id;
    std::string name;
    std::string site;
    std::string cohort;
    std::string new_password_file;
    std::optional<bool> active;
    bool all = false;
    bool json = false;
};

std::string new_password(const UserArgs& a, const std::string& command, int& code) {
    if (a.new_password_file.empty()) {
        code = fail(command, "staff accounts need --new-password-file FILE (its first line)");
        return {};
    }
    std::string err;
    std::string pw = read_password_file(a.new_password_file, &err);
    if (!err.empty()) code = fail(command, err);
    return pw;
}

int run_init(const UserArgs& a) {
    auto r = open_records("user init", a.records, Access::Create);
    if (!r) return 2;
    std::cout << "records: " << r->store->path() << " (admin '" << r->who.employee_no() << "')\n";
    return 0;
}

int run_add(const UserArgs& a) {
    const std::string cmd = "user add";
    auto role = store::role_from_name(a.role);
    if (!role) return fail(cmd, "--role '" + a.role + "': use trainee, supervisor or admin");
    int code = 0;
    std::string pw;
    if (*role != store::Role::Trainee) {
        pw = new_password(a, cmd, code);
        if (code) return code;
    }
    auto r = open_records(cmd, a.records, Access::Create);
    if (!r) return 2;
    auto p = r->store->add_person(r->who, {*role, a.id, a.name, a.site, a.cohort, pw, ""});
    if (!p) return fail(cmd, p.error());
    std::cout << "added " << store::role_name(p->role) << " " << p->employee_no << " " << p->name;
    if (!p->site.empty() || !p->cohort.empty()) std::cout << " (" << p->site << " " << p->cohort << ")";
    std::cout << "\n";
    return 0;
}

int run_list(const UserArgs& a) {
    const std::string cmd = "user list";
    auto r = open_records(cmd, a.records, Access::Read);
    if (!r) return 2;
    store::PeopleFilter f;
    if (!a.role.empty()) {
        f.role = store::role_from_name(a.role);
        if (!f.role) return fail(cmd, "--role '" + a.role + "': use trainee, supervisor or admin");
    }
    f.site = a.site;
    f.cohort = a.cohort;
    f.include_inactive = a.all;
    auto people = r->store->people(r->who, f);
    if (!people) return fail(cmd, people.error());
    if (a.json) {
        auto out = nlohmann::ordered_json::array();
        for (const auto& p : *people)
            out.push_back({{"employee_no", p.employee_no}, {"name", p.name},
                           {"role", store::role_name(p.role)}, {"site", p.site},
                           {"cohort", p.cohort}, {"active", p.active}, {"uuid", p.uuid}});
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    for (const auto& p : *people)
        std::cout << p.employee_no << "\t" << p.name << "\t" << store::role_name(p.role) << "\t"
                  << p.site << "\t" << p.cohort << (p.active ? "" : "\t(deactivated)") << "\n";
    return 0;
}

int run_passwd(const UserArgs& a) {
    const std::string cmd = "user passwd";
    int code = 0;
    const std::string pw = new_password(a, cmd, code);
    if (code) return code;
    auto r = open_records(cmd, a.records, Access::Write);
    if (!r) return 2;
    auto s = r->store->set_password(r->who, a.id, pw);
    if (!s) return fail(cmd, s.error());
    std::cout << "password set for " << a.id << "\n";
    return 0;
}

int run_set(const UserArgs& a, const CLI::App& sub) {
    const std::string cmd = "user set";
    store::PersonChange c;
    if (sub.count("--name")) c.name = a.name;
    if (sub.count("--site")) c.site = a.site;
    if (sub.count("--cohort")) c.cohort = a.cohort;
    c.active = a.active;
    auto r = open_records(cmd, a.records, Access::Write);
    if (!r) return 2;
    auto p = r->store->update_person(r->who, a.id, c);
    if (!p) return fail(cmd, p.error());
    std::cout << p->employee_no << "\t" << p->name << "\t" << store::role_name(p->role) << "\t"
              << p->site << "\t" << p->cohort << (p->active ? "" : "\t(deactivated)") << "\n";
    return 0;
}

}  // namespace

void add_user_command(CLI::App& root, int& exit_code) {
    auto* user = root.add_subcommand("user", "People in the records: trainees, supervisors, admins");
    user->require_subcommand(1);
    user->footer(kRecordsFooter);
    auto args = std::make_shared<UserArgs>();

    auto* init = user->add_subcommand("init", "Create the records database and its admin (first run)");
    add_records_options(init, args->records, Access::Create);
    init->callback([args, &exit_code] { exit_code = run_init(*args); });

    auto* add = user->add_subcommand("add", "Add a trainee, supervisor or admin");
    add_records_options(add, args->records, Access::Create);
    add->add_option("--role", args->role, "trainee (default) | supervisor | admin");
    add->add_option("--id", args->id, "employee number (工号), unique")->required();
    add->add_option("--name", args->name, "name")->required();
    add->add_option("--site", args->site, "site (项目)");
    add->add_option("--cohort", args->cohort, "cohort (批次)");
    add->add_option("--new-password-file", args->new_password_file,
                    "staff: the new account's password (first line of the file)");
    add->callback([args, &exit_code] { exit_code = run_add(*args); });

    auto* list = user->add_subcommand("list", "List people");
    add_records_options(list, args->records, Access::Read);
    list->add_option("--role", args->role, "only this role")->default_str("");
    list->add_option("--site", args->site, "only this site");
    list->add_option("--cohort", args->cohort, "only this cohort");
    list->add_flag("--all", args->all, "deactivated people too");
    list->add_flag("--json", args->json, "JSON instead of tab-separated text");
    list->callback([args, list, &exit_code] {
        if (!list->count("--role")) args->role.clear();
        exit_code = run_list(*args);
    });

    auto* passwd = user->add_subcommand("passwd", "Set a supervisor's or admin's password");
    add_records_options(passwd, args->records, Access::Write);
    passwd->add_option("ID", args->id, "employee number")->required();
    passwd->add_option("--new-password-file", args->new_password_file,
                       "the new password (first line of the file)")->required();
    passwd->callback([args, &exit_code] { exit_code = run_passwd(*args); });

    auto* set = user->add_subcommand("set", "Change a person's name, site, cohort or activity");
    add_records_options(set, args->records, Access::Write);
    set->add_option("ID", args->id, "employee number")->required();
    set->add_option("--name", args->name, "new name");
    set->add_option("--site", args->site, "new site");
    set->add_option("--cohort", args->cohort, "new cohort");
    set->add_option("--active", args->active, "true | false (deactivate; people are never deleted)");
    set->callback([args, set, &exit_code] { exit_code = run_set(*args, *set); });
}

}  // namespace dd::cli
