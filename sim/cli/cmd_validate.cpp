// deskdrill validate [PATH…] — checks scenario and transcript files and prints every problem as
// `path:line:col: error: …`, then a one-line summary. Exit 0 when all are valid, 2 when any is
// not (DESIGN §5). The work is done by sim/load/validate.h; this file prints.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "sim/session/data_dirs.h"
#include "sim/load/scenario_loader.h"
#include "sim/load/validate.h"

namespace dd::cli {

namespace {

struct ValidateArgs {
    std::vector<std::string> paths;
    std::string standards;
    bool no_standards = false;
};

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

int run_validate(const ValidateArgs& args) {
    const std::vector<std::string> paths =
        args.paths.empty() ? std::vector<std::string>{session::scenarios_dir()} : args.paths;
    Diagnostics setup;
    LoadOptions options;
    if (!args.no_standards) {
        const std::string standards = args.standards.empty() ? session::standards_path() : args.standards;
        options.criteria_ids = load_criteria_ids(standards, setup);
        options.standards_name = standards;
    }
    const auto files = collect_yaml_files(paths, setup);
    std::vector<FileResult> results;
    results.reserve(files.size());
    for (const auto& f : files) results.push_back(validate_file(f, options));
    check_across_files(results);

    std::size_t errors = setup.error_count(), warnings = setup.items().size() - errors;
    std::size_t invalid = 0, scenarios = 0, transcripts = 0;
    std::cout << setup.to_string();
    for (const auto& r : results) {
        std::cout << r.diags.to_string();
        errors += r.diags.error_count();
        warnings += r.diags.items().size() - r.diags.error_count();
        if (!r.valid) ++invalid;
        (r.kind == FileKind::Transcript ? transcripts : scenarios)++;
    }
    std::cout << "validate: " << plural(results.size(), "file", "files") << " ("
              << plural(scenarios, "scenario", "scenarios") << ", "
              << plural(transcripts, "transcript", "transcripts") << "): ";
    if (invalid == 0 && errors == 0) {
        std::cout << "all valid";
        if (warnings) std::cout << ", " << plural(warnings, "warning", "warnings");
        std::cout << "\n";
        return 0;
    }
    std::cout << plural(invalid, "file", "files") << " with problems, "
              << plural(errors, "error", "errors") << ", "
              << plural(warnings, "warning", "warnings") << "\n";
    return 2;
}

}  // namespace

void add_validate_command(CLI::App& root, int& exit_code) {
    auto args = std::make_shared<ValidateArgs>();
    auto* sub = root.add_subcommand(
        "validate",
        "Check scenario and transcript files: print every problem as path:line:col: error: …");
    sub->add_option("paths", args->paths,
                    "Files or folders (searched recursively for *.yaml; standards.yaml, "
                    "lexicon.yaml and schema/ are skipped). Default: the scenario library");
    sub->add_option("--standards", args->standards,
                    "standards.yaml whose criterion ids scenarios may use (default: the "
                    "library's)");
    sub->add_flag("--no-standards", args->no_standards, "Do not check criterion ids");
    sub->footer(
        "A file with a top-level `scenario:` key, or under a golden/ folder, is read as a\n"
        "transcript (DESIGN §3); any other as a scenario (DESIGN §2).\n"
        "Exit codes: 0 all files valid, 2 a file has a problem or a path does not exist.");
    sub->callback([args, &exit_code] { exit_code = run_validate(*args); });
}

}  // namespace dd::cli
