// deskdrill verify [PATH…] — explores every scenario graph (sim/cli/verify.h): unreachable
// nodes, dead ends, impossible conditions, timers past the time limit, criteria no path can
// earn, and for each ending the best and worst score a path reaches. Exit 0 when clean, 1 when
// any scenario has an error, 2 when the input cannot be read.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "sim/session/data_dirs.h"
#include "scoring/rubric/catalogue.h"
#include "scoring/text/lexicon.h"
#include "sim/load/scenario_loader.h"
#include "sim/load/validate.h"
#include "sim/session/verify.h"

namespace dd::cli {

namespace {

struct VerifyArgs {
    std::vector<std::string> paths;
    std::string standards;
    std::string lexicon;
    bool quiet = false;
};

int run_verify(const VerifyArgs& args) {
    Diagnostics setup;
    const std::string standards = args.standards.empty() ? session::standards_path() : args.standards;
    const std::string lexicon = args.lexicon.empty() ? session::lexicon_path() : args.lexicon;
    auto catalogue = load_catalogue(standards, setup);
    auto lex = read_lexicon(lexicon, setup);
    std::unique_ptr<LexiconDetector> detector;
    if (lex) detector = LexiconDetector::build(*lex, setup, kPlayDetection);
    LoadOptions options;
    options.criteria_ids = load_criteria_ids(standards, setup);
    options.standards_name = standards;
    const auto files = collect_yaml_files(
        args.paths.empty() ? std::vector<std::string>{session::scenarios_dir()} : args.paths, setup);
    std::cerr << setup.to_string();
    if (setup.has_errors() || !catalogue || !detector) {
        std::cerr << "verify: cannot start: fix the problems above\n";
        return 2;
    }

    int scenarios = 0, bad = 0, unreadable = 0;
    std::size_t errors = 0, warnings = 0;
    for (const auto& f : files) {
        FileResult fr = validate_file(f, options);
        if (fr.kind == FileKind::Transcript) continue;
        ++scenarios;
        if (!fr.valid) {
            std::cout << fr.diags.to_string();
            ++unreadable;
            continue;
        }
        // validate_file loaded the scenario already; its warnings are validate's business.
        const Scenario& s = *fr.scenario;
        Diagnostics d;
        check_criteria_refs(s, *catalogue, d);
        VerifyResult r = verify_scenario(s, *lex, *detector, *catalogue, d);
        if (!args.quiet || d.has_errors()) std::cout << verify_to_text(r);
        std::cout << d.to_string();
        errors += d.error_count();
        warnings += d.items().size() - d.error_count();
        if (d.has_errors()) ++bad;
    }
    std::cout << "verify: " << scenarios << " scenario(s), " << bad << " with errors, " << errors
              << " error(s), " << warnings << " warning(s)";
    if (unreadable) std::cout << ", " << unreadable << " not loadable (run `deskdrill validate`)";
    std::cout << "\n";
    if (unreadable) return 2;
    return bad ? 1 : 0;
}

}  // namespace

void add_verify_command(CLI::App& root, int& exit_code) {
    auto args = std::make_shared<VerifyArgs>();
    auto* sub = root.add_subcommand(
        "verify",
        "Explore every scenario graph: unreachable nodes, dead ends, impossible conditions, "
        "criteria no path can earn, best and worst score per ending");
    sub->add_option("paths", args->paths,
                    "Scenario files or folders (default: the scenario library); transcripts "
                    "found in folders are skipped");
    sub->add_option("--standards", args->standards, "standards catalogue (default: library's)");
    sub->add_option("--lexicon", args->lexicon, "lexicon (default: the library's lexicon.yaml)");
    sub->add_flag("-q,--quiet", args->quiet, "print only scenarios with errors and the summary");
    sub->callback([args, &exit_code] { exit_code = run_verify(*args); });
}

}  // namespace dd::cli
