// What the records subcommands (user, assign, report, export, rescore, audit, override, and
// `play --db`) share: the --db/--as/--password-file options, opening the records (the first run
// creating the admin from a prompt or --admin-password-file), the principal the command acts as,
// the filters by site, cohort, scenario, dates, mode and origin, and errors printed as
// `deskdrill <command>: error: …` with exit code 2. Nothing is written when an argument is bad.
#pragma once
#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/store/report_source.h"
#include "sim/store/reports.h"
#include "sim/store/store.h"
#include "sim/store/summaries.h"

namespace dd::cli {

using store::format_time;

struct RecordsArgs {
    std::string db;                   // --db (default: session::default_db_path())
    std::string as;                   // --as EMPLOYEE_NO ("" = the file's operator)
    std::string password_file;        // --password-file for --as staff
    std::string admin_password_file;  // first run
    std::string admin_id = "admin";   // first run: the admin's employee number
};

enum class Access {
    Read,    // never creates or changes the file (a read-only file is fine)
    Write,   // an existing records file
    Create,  // creates it when missing (the first run asks for the admin's password)
};

// What every records command's --help ends with (options, exit codes).
extern const char* const kRecordsFooter;

// Adds --db, --as, --password-file (and with Create, --admin-password-file, --admin-id).
void add_records_options(CLI::App* sub, RecordsArgs& args, Access access);

struct Records {
    std::shared_ptr<store::Store> store;
    store::Principal who;
};

// Opens the records and makes the principal; on failure prints the error under `command` and
// returns nullopt (exit 2).
std::optional<Records> open_records(const std::string& command, const RecordsArgs& args,
                                    Access access);

// Prints `deskdrill <command>: error: <message>` and returns 2.
int fail(const std::string& command, const std::string& message);
int fail(const std::string& command, const store::Error& e);

// Reads a password from the first line of `path` ("" with *error when it cannot).
std::string read_password_file(const std::string& path, std::string* error);

// Filters shared by report, export and rescore.
struct FilterArgs {
    std::string trainee, site, region, cohort, scenario, from, to, mode;
    std::vector<std::string> origins;
    std::string result_set;  // --result-set KEY (catalogue version, or hash prefix[:lexicon])
};
void add_filter_options(CLI::App* sub, FilterArgs& f, bool with_trainee = true);
// Turns them into an AttemptFilter (dates as days in the store's time zone, `to` inclusive);
// prints what is wrong and returns nullopt.
std::optional<store::AttemptFilter> make_filter(const std::string& command, const FilterArgs& f,
                                                Records& r);
// The same for the group reports of a records file or the hub (whole days; --trainee is not
// a group filter; --region is the hub's).
std::optional<store::GroupFilter> make_group_filter(const std::string& command, const FilterArgs& f,
                                                    store::ReportSource& source);

}  // namespace dd::cli
