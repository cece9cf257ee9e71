// deskdrill export --format csv|xapi [filters] [--out FILE] — stored attempts for Excel (CSV,
// UTF-8 with a BOM) or for an LRS (xAPI 1.0.3 statements, a JSON array); sim/store/exports.h
// says what each holds. Written atomically to --out, or to stdout.
// deskdrill export --format pdf --attempt UUID --out FILE — the printable one-page result of one
// attempt for the personnel file (sim/print), in the language of --lang (default Chinese).
// Exit: 0 done, 2 bad input or the records could not be read.
#include <iostream>

#include "commands.h"
#include "records.h"
#include "sim/print/result_sheet.h"
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
    std::string attempt;  // pdf: which attempt
    std::string lang = "zh";
};

std::optional<std::string> print_pdf(const std::string& cmd, const ExportArgs& a, Records& r) {
    i18n::Strings strings;
    std::string err;
    if (!strings.load_builtin(a.lang, &err)) {
        fail(cmd, "--lang '" + a.lang + "': " + err);
        return std::nullopt;
    }
    auto pdf = print::print_attempt(*r.store, r.who, a.attempt, strings);
    if (!pdf) {
        fail(cmd, pdf.error());
        return std::nullopt;
    }
    return std::move(*pdf);
}

int run_export(const ExportArgs& a) {
    const std::string cmd = "export";
    if (a.format != "csv" && a.format != "xapi" && a.format != "pdf")
        return fail(cmd, "--format '" + a.format + "': use csv, xapi or pdf");
    if (a.format == "pdf" && (a.attempt.empty() || a.out.empty()))
        return fail(cmd, "--format pdf needs --attempt UUID and --out FILE");
    if (a.format != "pdf" && !a.attempt.empty())
        return fail(cmd, "--attempt goes with --format pdf (filter CSV and xAPI with --trainee, "
                         "--scenario, --from, --to…)");
    auto r = open_records(cmd, a.records, Access::Read);
    if (!r) return 2;
    std::optional<std::string> text;
    if (a.format == "pdf") {
        text = print_pdf(cmd, a, *r);
        if (!text) return 2;
    } else {
        auto f = make_filter(cmd, a.filter, *r);
        if (!f) return 2;
        store::XapiOptions x;
        x.homepage = a.homepage;
        auto t = a.format == "csv" ? store::export_csv(*r->store, r->who, *f)
                                   : store::export_xapi(*r->store, r->who, *f, x);
        if (!t) return fail(cmd, t.error());
        text = std::move(*t);
    }
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
    sub->add_option("--format", args->format, "csv | xapi | pdf")->required();
    sub->add_option("--attempt", args->attempt,
                    "pdf: the attempt (uuid) whose one-page result to print");
    sub->add_option("--lang", args->lang, "pdf: zh | en (default zh)");
    sub->add_option("--out", args->out, "write to this file (default: stdout)");
    sub->add_option("--homepage", args->homepage,
                    "xAPI: the account homePage trainees' employee numbers belong to");
    add_filter_options(sub, args->filter);
    sub->callback([args, &exit_code] { exit_code = run_export(*args); });
}

}  // namespace dd::cli
