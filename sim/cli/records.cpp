// The records subcommands' shared plumbing (records.h).
#include "records.h"

#include <termios.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "sim/session/data_dirs.h"
#include "sim/store/summaries.h"

namespace dd::cli {

int fail(const std::string& command, const std::string& message) {
    std::cerr << "deskdrill " << command << ": error: " << message << "\n";
    return 2;
}

int fail(const std::string& command, const store::Error& e) { return fail(command, e.message); }

std::string read_password_file(const std::string& path, std::string* error) {
    std::ifstream in(path);
    if (!in) {
        *error = path + ": cannot read the password file";
        return {};
    }
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) *error = path + ":1:1: the password file's first line is empty";
    return line;
}

namespace {

// Asks on the terminal with echo off; "" when stdin is not a terminal.
std::string prompt_password(const std::string& label) {
    if (!::isatty(STDIN_FILENO)) return {};
    std::cerr << label << std::flush;
    termios old {};
    const bool have = ::tcgetattr(STDIN_FILENO, &old) == 0;
    if (have) {
        termios quiet = old;
        quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (have) ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
    return line;
}

// The first run's admin password: the file, or typed twice; "" with *error when neither.
std::string first_admin_password(const RecordsArgs& args, const std::string& path,
                                 std::string* error) {
    if (!args.admin_password_file.empty()) return read_password_file(args.admin_password_file, error);
    const std::string a = prompt_password("New records database " + path +
                                          ".\nPassword for its admin '" + args.admin_id + "': ");
    if (a.empty()) {
        *error = path + ": a new records database needs its admin's password: give "
                        "--admin-password-file FILE, or run in a terminal to type it";
        return {};
    }
    if (prompt_password("Again: ") != a) {
        *error = "the two passwords differ; nothing was created";
        return {};
    }
    return a;
}

}  // namespace

const char* const kRecordsFooter =
    "Records: one SQLite file (--db, default $XDG_DATA_HOME/deskdrill/deskdrill.db); the command\n"
    "runs as the file's operator (its first admin) unless --as names someone.\n"
    "Exit codes: 0 done, 1 a check failed (audit), 2 bad input or the records could not be read\n"
    "or written — in which case nothing in them was changed.";

void add_records_options(CLI::App* sub, RecordsArgs& args, Access access) {
    sub->footer(kRecordsFooter);
    sub->add_option("--db", args.db,
                    "the records database (default: $XDG_DATA_HOME/deskdrill/deskdrill.db)");
    sub->add_option("--as", args.as,
                    "act as this employee number (a trainee sees only their own records; staff "
                    "give their password); default: the file's operator, its first admin");
    sub->add_option("--password-file", args.password_file,
                    "the password of --as (staff), first line of the file; else it is asked");
    if (access == Access::Create) {
        sub->add_option("--admin-password-file", args.admin_password_file,
                        "first run: the new admin's password (first line); else it is asked");
        sub->add_option("--admin-id", args.admin_id,
                        "first run: the new admin's employee number (default: admin)");
    }
}

std::optional<Records> open_records(const std::string& command, const RecordsArgs& args,
                                    Access access) {
    const std::string path = args.db.empty() ? session::default_db_path() : args.db;
    std::string admin_password;
    const bool exists = std::filesystem::exists(path);
    if (!exists && access == Access::Create) {
        // Asked before anything is created, so a refusal leaves no empty file behind.
        std::string err;
        admin_password = first_admin_password(args, path, &err);
        if (!err.empty()) {
            fail(command, err);
            return std::nullopt;
        }
    }
    store::OpenOptions o;
    o.create = access == Access::Create;
    o.read_only = false;
    auto opened = store::Store::open(path, o);
    if (!opened && opened.error().code == store::ErrorCode::ReadOnly && access == Access::Read) {
        o.read_only = true;  // reports, exports and audits read a read-only file
        opened = store::Store::open(path, o);
    }
    if (!opened) {
        fail(command, opened.error());
        return std::nullopt;
    }
    std::shared_ptr<store::Store> s = *opened;
    if (s->needs_admin()) {
        if (access != Access::Create) {
            fail(command, path + ": the records have no admin yet; create one with `deskdrill "
                                 "user init --db " + path + "`");
            return std::nullopt;
        }
        if (admin_password.empty()) {
            std::string err;
            admin_password = first_admin_password(args, path, &err);
            if (!err.empty()) {
                fail(command, err);
                return std::nullopt;
            }
        }
        auto admin = s->create_first_admin(
            {store::Role::Admin, args.admin_id, "管理员", "", "", admin_password, ""});
        if (!admin) {
            fail(command, admin.error());
            return std::nullopt;
        }
        std::cerr << "deskdrill " << command << ": created the records database " << path
                  << " with the admin '" << args.admin_id << "'\n";
    }
    if (args.as.empty()) {
        auto op = s->operator_session();
        if (!op) {
            fail(command, op.error());
            return std::nullopt;
        }
        return Records{s, *op};
    }
    auto trainee = s->trainee_session(args.as);
    if (trainee) return Records{s, *trainee};
    std::string password;
    if (!args.password_file.empty()) {
        std::string err;
        password = read_password_file(args.password_file, &err);
        if (!err.empty()) {
            fail(command, err);
            return std::nullopt;
        }
    } else {
        password = prompt_password("Password for '" + args.as + "': ");
    }
    auto staff = s->login(args.as, password);
    if (!staff) {
        fail(command, "--as " + args.as + ": " + staff.error().message);
        return std::nullopt;
    }
    return Records{s, *staff};
}

void add_filter_options(CLI::App* sub, FilterArgs& f, bool with_trainee) {
    if (with_trainee) sub->add_option("--trainee", f.trainee, "only this trainee (employee number)");
    sub->add_option("--site", f.site, "only this site (项目)");
    sub->add_option("--cohort", f.cohort, "only this cohort");
    sub->add_option("--scenario", f.scenario, "only this scenario id");
    sub->add_option("--from", f.from, "from this day on (YYYY-MM-DD, the records' time zone)");
    sub->add_option("--to", f.to, "up to and including this day (YYYY-MM-DD)");
    sub->add_option("--mode", f.mode, "practice | assessment | refresher");
    sub->add_option("--origin", f.origins,
                    "proctored | imported | scripted (repeatable; reports default to proctored "
                    "and imported; an assessment counts only when proctored)");
    sub->add_option("--result-set", f.result_set,
                    "which scores: 'original' (default: each attempt's own), a catalogue version "
                    "such as 2027.1, or a catalogue hash prefix[:lexicon hash prefix]");
}

namespace {

// --mode and --origin; prints what is wrong and returns false.
bool parse_mode_origins(const std::string& command, const FilterArgs& f,
                        std::optional<session::Mode>& mode, std::vector<session::Origin>& origins) {
    if (!f.mode.empty()) {
        mode = session::mode_from_name(f.mode);
        if (!mode) {
            fail(command, "--mode '" + f.mode + "': use practice, assessment or refresher");
            return false;
        }
    }
    for (const auto& o : f.origins) {
        auto v = session::origin_from_name(o);
        if (!v) {
            fail(command, "--origin '" + o + "': use proctored, imported or scripted");
            return false;
        }
        origins.push_back(*v);
    }
    return true;
}

}  // namespace

std::optional<store::GroupFilter> make_group_filter(const std::string& command, const FilterArgs& f,
                                                    store::ReportSource& source) {
    store::GroupFilter g;
    g.site = f.site;
    g.region = f.region;
    g.cohort = f.cohort;
    g.scenario = f.scenario;
    if (!parse_mode_origins(command, f, g.mode, g.origins)) return std::nullopt;
    for (auto [text, out, opt] : {std::tuple{&f.from, &g.from_day, "--from"},
                                  std::tuple{&f.to, &g.to_day, "--to"}}) {
        if (text->empty()) continue;
        *out = store::parse_day(*text);
        if (!*out) {
            fail(command, std::string(opt) + " '" + *text + "': not a date; write YYYY-MM-DD");
            return std::nullopt;
        }
    }
    auto set = source.resolve_result_set(f.result_set);
    if (!set) {
        fail(command, "--result-set: " + set.error().message);
        return std::nullopt;
    }
    g.result_set = *set;
    return g;
}

std::optional<store::AttemptFilter> make_filter(const std::string& command, const FilterArgs& f,
                                                Records& r) {
    store::AttemptFilter out;
    out.trainee = f.trainee;
    out.site = f.site;
    out.cohort = f.cohort;
    out.scenario = f.scenario;
    const int off = r.store->utc_offset_minutes();
    auto day_ms = [&](const std::string& text, const char* opt) -> std::optional<std::int64_t> {
        auto d = store::parse_day(text);
        if (!d) {
            fail(command, std::string(opt) + " '" + text + "': not a date; write YYYY-MM-DD");
            return std::nullopt;
        }
        return *d * 86400000 - static_cast<std::int64_t>(off) * 60000;
    };
    if (!f.from.empty()) {
        out.from_ms = day_ms(f.from, "--from");
        if (!out.from_ms) return std::nullopt;
    }
    if (!f.to.empty()) {
        auto t = day_ms(f.to, "--to");
        if (!t) return std::nullopt;
        out.to_ms = *t + 86400000;
    }
    if (!parse_mode_origins(command, f, out.mode, out.origins)) return std::nullopt;
    auto set = r.store->resolve_result_set(r.who, f.result_set);
    if (!set) {
        fail(command, "--result-set: " + set.error().message);
        return std::nullopt;
    }
    out.result_set = *set;
    return out;
}


}  // namespace dd::cli
