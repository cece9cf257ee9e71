// deskdrill play SCENARIO --transcript FILE [--json] [--log] [--standards PATH] — replays a
// transcript headless. run_play() loads the scenario (a file, or an id found in the library),
// the transcript and the lexicon, and replays; the command scores the attempt log against the
// standards catalogue and prints the report (Chinese text, or --json: DESIGN §5). --log prints
// the attempt log instead; --standards re-scores under another catalogue version.
// Exit: 0 the attempt passed, 1 it failed, 2 bad input.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.h"
#include "play.h"
#include "paths.h"
#include "scoring/rubric/scorer.h"
#include "scoring/text/lexicon.h"
#include "sim/engine/engine.h"
#include "sim/engine/log_format.h"
#include "sim/load/scenario_loader.h"
#include "sim/load/transcript_loader.h"

namespace dd::cli {

namespace fs = std::filesystem;


namespace {

bool looks_like_path(const std::string& s) {
    return s.find('/') != std::string::npos || s.ends_with(".yaml") || s.ends_with(".yml");
}

// The library file of a scenario id: <dir>/<category>/<slug>.yaml first, then every
// scenario file of the library (sorted, so the first match is stable).
std::optional<Scenario> find_in_library(const std::string& id, std::ostream& err) {
    const fs::path dir = scenarios_dir();
    std::error_code ec;
    if (const auto dot = id.find('.'); dot != std::string::npos) {
        const fs::path guess = dir / id.substr(0, dot) / (id.substr(dot + 1) + ".yaml");
        if (fs::is_regular_file(guess, ec)) {
            Diagnostics d;
            if (auto s = load_scenario_file(guess.string(), d); s && s->id == id) return s;
        }
    }
    std::vector<fs::path> files;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        if (it->is_directory(ec) && p.filename() == "schema") {
            it.disable_recursion_pending();
            continue;
        }
        if (p.extension() != ".yaml" || p.filename() == "lexicon.yaml" ||
            p.filename() == "standards.yaml")
            continue;
        files.push_back(p);
    }
    std::sort(files.begin(), files.end());
    for (const auto& p : files) {
        Diagnostics d;
        if (auto s = load_scenario_file(p.string(), d); s && s->id == id) return s;
    }
    err << id << ": error: no scenario file with this id in " << dir.string()
        << "; give the path of a scenario file, or an id listed by the library\n";
    return std::nullopt;
}

}  // namespace

// Loads scenario + transcript + lexicon and replays. Problems go to `err` as
// `path:line:col: error: …`; nullopt means bad input (exit 2).
std::optional<PlayRun> run_play(const std::string& scenario_arg, const std::string& transcript_path,
                                std::ostream& err) {
    Diagnostics diags;
    std::optional<Scenario> scenario;
    std::error_code ec;
    if (fs::is_regular_file(scenario_arg, ec)) {
        scenario = load_scenario_file(scenario_arg, diags);
    } else if (looks_like_path(scenario_arg)) {
        err << scenario_arg << ": error: no such scenario file; check the path\n";
        return std::nullopt;
    } else {
        scenario = find_in_library(scenario_arg, err);
        if (!scenario) return std::nullopt;
    }
    std::optional<Transcript> transcript = load_transcript_file(transcript_path, diags);
    if (!diags.items().empty()) err << diags.to_string();
    // The lexicon is the library's, not the user's input: only its errors concern this run.
    Diagnostics lexicon_diags;
    auto lexicon = load_lexicon(lexicon_path(), lexicon_diags);
    for (const auto& d : lexicon_diags.items())
        if (d.severity == Diagnostic::Severity::Error) err << format_diagnostic(d) << "\n";
    if (!scenario || !transcript || !lexicon || diags.has_errors()) return std::nullopt;
    if (!transcript->scenario.empty() && transcript->scenario != scenario->id) {
        err << transcript_path << ": error: transcript is for scenario '" << transcript->scenario
            << "', not '" << scenario->id << "'; pass the matching scenario\n";
        return std::nullopt;
    }
    PlayRun run;
    run.log = replay(*scenario, *transcript, *lexicon->detector, lexicon->mood);
    run.scenario = std::move(*scenario);
    run.transcript = std::move(*transcript);
    run.lexicon_version = lexicon->version;
    run.detector = std::move(lexicon->detector);
    return run;
}

std::optional<ScoreReport> score_play(const PlayRun& run, const std::string& standards,
                                      std::ostream& err) {
    Diagnostics diags;
    auto catalogue = load_catalogue(standards.empty() ? standards_path() : standards, diags);
    if (!catalogue) {
        err << diags.to_string();
        return std::nullopt;
    }
    ScoreOptions options;
    options.detector = run.detector.get();
    return score_attempt(run.scenario, run.log, *catalogue, options);
}

void add_play_command(CLI::App& root, int& exit_code) {
    auto* sub = root.add_subcommand(
        "play", "Replay a transcript against a scenario headless and print the scored report");
    struct Options {
        std::string scenario;
        std::string transcript;
        bool json = false;
        bool log = false;
        std::string standards;
    };
    auto opts = std::make_shared<Options>();
    sub->add_option("SCENARIO", opts->scenario, "scenario file, or a scenario id of the library")
        ->required();
    sub->add_option("--transcript", opts->transcript, "transcript YAML (DESIGN §3)")->required();
    sub->add_flag("--json", opts->json, "print deterministic JSON instead of text");
    sub->add_flag("--log", opts->log, "print the attempt log instead of the scored report");
    sub->add_option("--standards", opts->standards,
                    "standards catalogue to score with (default: the library's standards.yaml); "
                    "another version re-scores the same attempt");
    sub->callback([opts, &exit_code] {
        auto run = run_play(opts->scenario, opts->transcript, std::cerr);
        if (!run) {
            exit_code = 2;
            return;
        }
        if (opts->log) {
            std::cout << (opts->json ? log_to_json(run->log) : log_to_text(run->log));
            std::cout.flush();
            exit_code = 0;
            return;
        }
        auto report = score_play(*run, opts->standards, std::cerr);
        if (!report) {
            exit_code = 2;
            return;
        }
        std::cout << (opts->json ? report_to_json(*report) : report_to_text(*report));
        std::cout.flush();
        exit_code = report->passed ? 0 : 1;
    });
}

}  // namespace dd::cli
