// deskdrill export --format csv|xapi [filters] [--out FILE] — stored attempts for Excel (CSV,
// UTF-8 with a BOM) or for an LRS (xAPI 1.0.3 statements, a JSON array); sim/store/exports.h
// says what each holds. Written atomically to --out, or to stdout.
// Exit: 0 done, 2 bad input or the records could not be read.
#include <iostream>

#include "commands.h"
#include "records.h"
#include "sim/session/files.h"
#include "sim/store/exports.h"

namespace dd::cli {

namespace {

struct ExportArgs {
    RecordsArgs records;
    FilterArgs filter;
    std::string format;
    std::string out;
    std::string homepage = "https://deskdrill.invalid";
};

int run_export(const ExportArgs& a) {
    const std::string cmd = "export";
    if (a.format != "csv" && a.format != "xapi")
        return fail(cmd, "--format '" + a.format + "': use csv or xapi");
    auto r = open_records(cmd, a.records, Access::Read);
    if (!r) return 2;
    auto f = make_filter(cmd, a.filter, *r);
    if (!f) return 2;
    store::XapiOptions x;
    x.homepage = a.homepage;
    auto text = a.format == "csv" ? store::export_csv(*r->store, r->who, *f)
                                  : store::export_xapi(*r->store, r->who, *f, x);
    if (!text) return fail(cmd, text.error());
    if (a.out.empty()) {
        std::cout << *text;
        return 0;
    }
    std::string err;
    if (!session::write_file_atomic(a.out, *text, &err)) return fail(cmd, a.out + ": " + err);
    std::cerr << "deskdrill export: wrote " << a.out << "\n";
    return 0;
}

}  // namespace

void add_export_command(CLI::App& root, int& exit_code) {
    auto* sub = root.add_subcommand("export", "Export stored attempts: CSV for Excel, xAPI for an LRS");
    auto args = std::make_shared<ExportArgs>();
    add_records_options(sub, args->records, Access::Read);
    sub->add_option("--format", args->format, "csv | xapi")->required();
    sub->add_option("--out", args->out, "write to this file (default: stdout)");
    sub->add_option("--homepage", args->homepage,
                    "xAPI: the account homePage trainees' employee numbers belong to");
    add_filter_options(sub, args->filter);
    sub->callback([args, &exit_code] { exit_code = run_export(*args); });
}

}  // namespace dd::cli
