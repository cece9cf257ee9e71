// deskdrill validate [PATH…] [--standards FILE] [--lexicon FILE] — checks scenario and
// transcript files, and the standards catalogues and lexicons given or found among the paths,
// each with its own reader; prints every problem as `path:line:col: error: …`, a line per
// catalogue and lexicon, then a one-line summary. Exit 0 when all are valid, 2 when any is not
// (DESIGN §5). The work is done by sim/load/validate.h, scoring/rubric and scoring/text; this
// file prints.
#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "commands.h"
#include "scoring/rubric/catalogue.h"
#include "scoring/text/lexicon.h"
#include "sim/load/scenario_loader.h"
#include "sim/load/validate.h"
#include "sim/session/data_dirs.h"

namespace dd::cli {

namespace {

struct ValidateArgs {
    std::vector<std::string> paths;
    std::string standards;
    std::string lexicon;
    bool no_standards = false;
};

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Problems of one checked file, counted into the summary.
struct Tally {
    std::size_t errors = 0, warnings = 0, invalid = 0;

    void add(const Diagnostics& d, bool valid) {
        errors += d.error_count();
        warnings += d.items().size() - d.error_count();
        if (!valid) ++invalid;
    }
};

std::string problems(const Diagnostics& d) {
    const std::size_t w = d.items().size() - d.error_count();
    return plural(d.error_count(), "error", "errors") + ", " + plural(w, "warning", "warnings");
}

void add_unique(std::vector<std::string>& v, const std::string& path) {
    if (!path.empty() && std::find(v.begin(), v.end(), path) == v.end()) v.push_back(path);
}

int run_validate(const ValidateArgs& args) {
    const std::vector<std::string> paths =
        args.paths.empty() ? std::vector<std::string>{session::scenarios_dir()} : args.paths;
    Diagnostics setup;
    const auto files = collect_yaml_files(paths, setup);
    const ResourceFiles found = collect_resource_files(paths);
    Tally tally;
    std::cout << setup.to_string();
    tally.add(setup, true);

    // The catalogues checked: --standards and those among the paths. Scenarios are checked
    // against --standards, else the first catalogue among the paths, else the library's (which
    // is then reported only when it has a problem).
    std::vector<std::string> catalogues;
    add_unique(catalogues, args.standards);
    for (const auto& f : found.standards) add_unique(catalogues, f);
    std::string ids_from;
    if (!args.no_standards)
        ids_from = !catalogues.empty() ? catalogues.front() : session::standards_path();
    std::optional<Catalogue> ids_catalogue;
    const auto check_catalogue = [&](const std::string& path, bool quiet_when_valid) {
        Diagnostics d;
        auto cat = load_catalogue(path, d);
        if (cat && quiet_when_valid) return cat;
        std::cout << d.to_string();
        if (cat)
            std::cout << path << ": standards catalogue " << cat->version << " ("
                      << plural(cat->criteria.size(), "criterion", "criteria") << "): valid\n";
        else
            std::cout << path << ": standards catalogue: " << problems(d) << "\n";
        tally.add(d, cat.has_value());
        return cat;
    };
    for (const auto& path : catalogues) {
        auto cat = check_catalogue(path, false);
        if (path == ids_from) ids_catalogue = std::move(cat);
    }
    if (!ids_from.empty() && catalogues.empty()) ids_catalogue = check_catalogue(ids_from, true);

    std::vector<std::string> lexicons;
    add_unique(lexicons, args.lexicon);
    for (const auto& f : found.lexicons) add_unique(lexicons, f);
    for (const auto& path : lexicons) {
        Diagnostics d;
        auto lex = read_lexicon(path, d);
        const bool valid = lex && LexiconDetector::build(*lex, d) != nullptr;
        std::cout << d.to_string();
        if (valid) {
            const auto forbidden = static_cast<std::size_t>(
                std::count_if(lex->entries.begin(), lex->entries.end(),
                              [](const LexEntry& e) { return e.forbidden; }));
            std::cout << path << ": lexicon version " << lex->version << " ("
                      << plural(lex->entries.size() - forbidden, "act", "acts") << ", "
                      << plural(forbidden, "forbidden family", "forbidden families")
                      << "): valid\n";
        } else {
            std::cout << path << ": lexicon: " << problems(d) << "\n";
        }
        tally.add(d, valid);
    }

    LoadOptions options;
    if (!args.no_standards) {
        options.standards_name = ids_from;
        if (ids_catalogue) {
            std::set<std::string, std::less<>> ids;
            for (const auto& c : ids_catalogue->criteria) ids.insert(c.id);
            options.criteria_ids = std::move(ids);
        } else {
            // A broken catalogue still names its criteria: check the ids against those rather
            // than report every scenario's criteria as unknown.
            Diagnostics ignored;
            options.criteria_ids = load_criteria_ids(ids_from, ignored);
        }
    }
    std::vector<FileResult> results;
    results.reserve(files.size());
    for (const auto& f : files) {
        results.push_back(validate_file(f, options));
        FileResult& r = results.back();
        // The criterion overrides (parameters and their values) against the check table.
        if (r.scenario && ids_catalogue) {
            check_criteria_refs(*r.scenario, *ids_catalogue, r.diags);
            r.valid = !r.diags.has_errors();
        }
    }
    check_across_files(results);

    std::size_t scenarios = 0, transcripts = 0;
    for (const auto& r : results) {
        std::cout << r.diags.to_string();
        tally.add(r.diags, r.valid);
        (r.kind == FileKind::Transcript ? transcripts : scenarios)++;
    }
    std::cout << "validate: " << plural(results.size(), "file", "files") << " ("
              << plural(scenarios, "scenario", "scenarios") << ", "
              << plural(transcripts, "transcript", "transcripts") << "): ";
    if (tally.invalid == 0 && tally.errors == 0) {
        std::cout << "all valid";
        if (tally.warnings) std::cout << ", " << plural(tally.warnings, "warning", "warnings");
        std::cout << "\n";
        return 0;
    }
    std::cout << plural(tally.invalid, "file", "files") << " with problems, "
              << plural(tally.errors, "error", "errors") << ", "
              << plural(tally.warnings, "warning", "warnings") << "\n";
    return 2;
}

}  // namespace

void add_validate_command(CLI::App& root, int& exit_code) {
    auto args = std::make_shared<ValidateArgs>();
    auto* sub = root.add_subcommand(
        "validate",
        "Check scenario, transcript, standards and lexicon files: print every problem as "
        "path:line:col: error: …");
    sub->add_option("paths", args->paths,
                    "Files or folders (searched recursively for *.yaml; schema/ is skipped; "
                    "standards.yaml and lexicon.yaml are read as a catalogue and a lexicon). "
                    "Default: the scenario library");
    sub->add_option("--standards", args->standards,
                    "A standards catalogue to check; scenarios' criteria are checked against it "
                    "(default: a standards.yaml among the paths, else the library's)");
    sub->add_option("--lexicon", args->lexicon, "A lexicon to check");
    sub->add_flag("--no-standards", args->no_standards, "Do not check criterion ids");
    sub->footer(
        "A file with a top-level `scenario:` key, or under a golden/ folder, is read as a\n"
        "transcript (DESIGN §3); standards.yaml as a standards catalogue and lexicon.yaml as a\n"
        "lexicon (DESIGN §4); any other as a scenario (DESIGN §2).\n"
        "Exit codes: 0 all files valid, 2 a file has a problem or a path does not exist.");
    sub->callback([args, &exit_code] { exit_code = run_validate(*args); });
}

}  // namespace dd::cli
