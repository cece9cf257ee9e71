// deskdrill play SCENARIO --transcript FILE [--json] [--log] [--standards PATH] [--lang zh|en]
//                [--db D] [--trainee ID] [--mode M] — replays a transcript headless through the
// session layer (sim/session/attempt.h replay_attempt): the scenario (a file, or an id of the
// library), the transcript, the library's lexicon and a catalogue; prints the scored report
// (text in --lang, or --json: DESIGN §5, always Chinese), or with --log the attempt log.
// --standards re-scores under another catalogue version; --site FILE plays under a site profile.
// With --db or --trainee the attempt is also stored in the records (as imported: a file replayed is
// never a proctored attempt) and stderr says where. A scenario listing a criterion the catalogue
// lacks (or overriding a parameter wrongly) is bad input. Exit: 0 the attempt passed, 1 it failed,
// 2 bad input (or the records refused it).
#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
#include "common/i18n/strings.h"
#include "records.h"
#include "scoring/rubric/catalogue.h"
#include "scoring/rubric/report.h"
#include "sim/engine/log_format.h"
#include "sim/load/transcript_loader.h"
#include "sim/model/describe.h"
#include "sim/model/duration.h"
#include "sim/session/attempt.h"
#include "sim/session/data_dirs.h"
#include "sim/session/library.h"
#include "sim/session/resources.h"
#include "sim/session/site_profile.h"
#include "sim/store/store_sink.h"

namespace dd::cli {

namespace {

struct PlayArgs {
    std::string scenario;
    std::string transcript;
    bool json = false;
    bool log = false;
    std::string standards;
    RecordsArgs records;
    std::string trainee;
    std::string mode;
    bool store = false;  // --db or --trainee given
    std::string lang = "zh";
    std::string site;  // --site FILE: a site profile to play under
};

// Stores the record; prints where it went (stderr: stdout stays the report). 0 or 2.
int store_record(const PlayArgs& args, const session::AttemptRecord& record) {
    auto r = open_records("play", args.records, Access::Write);
    if (!r) return 2;
    auto stored = r->store->add_attempt(r->who, record);
    if (!stored) return fail("play", stored.error());
    std::cerr << "deskdrill play: stored attempt " << stored->uuid << " ("
              << session::origin_name(record.origin) << ", " << session::mode_name(record.mode)
              << ", trainee " << record.trainee << ") as #" << stored->seq << " in "
              << r->store->path() << "\n           see it with: deskdrill report attempt "
              << stored->uuid << " --db " << r->store->path() << "\n";
    return 0;
}

void print_problems(const session::Resources& res) {
    for (const auto& p : res.problems) std::cerr << p << "\n";
}

int run_play(const PlayArgs& args) {
    auto scenario = session::resolve_scenario(args.scenario, session::scenarios_dir(), std::cerr);
    Diagnostics diags;
    std::shared_ptr<const session::SiteProfile> profile;
    if (!args.site.empty() && !(profile = session::load_site_profile(args.site, diags))) {
        std::cerr << diags.to_string();
        return 2;
    }
    if (scenario && profile) scenario = session::with_site_profile(*scenario, profile);
    auto transcript = load_transcript_file(args.transcript, diags);
    if (!diags.items().empty()) std::cerr << diags.to_string();
    if (!scenario || !transcript || diags.has_errors()) return 2;
    if (!transcript->scenario.empty() && transcript->scenario != scenario->scenario->id) {
        std::cerr << args.transcript << ": error: transcript is for scenario '"
                  << transcript->scenario << "', not '" << scenario->scenario->id
                  << "'; pass the matching scenario\n";
        return 2;
    }
    Diagnostics res_diags;
    const auto res = session::Resources::load(
        session::lexicon_path(),
        args.standards.empty() ? session::standards_path() : args.standards, res_diags);
    if (!res->can_play() || (!args.log && !res->can_score())) {
        print_problems(*res);
        return 2;
    }
    if (!args.log) {
        // A criterion the catalogue lacks is bad input, never a criterion quietly left out.
        Diagnostics refs;
        check_criteria_refs(*scenario->scenario, *res->catalogue, refs);
        if (refs.has_errors()) {
            std::cerr << refs.to_string();
            return 2;
        }
    }
    session::ReplayOptions options;
    if (!args.mode.empty()) {
        options.mode = session::mode_from_name(args.mode);
        if (!options.mode)
            return fail("play", "--mode '" + args.mode + "': use practice, assessment or refresher");
    }
    options.trainee = args.trainee;
    options.origin = session::Origin::Imported;
    const session::AttemptRecord record =
        session::replay_attempt(*scenario, *transcript, *res, options);
    // Stored first: a refusal by the records is reported, and changes nothing there.
    const int stored = args.store ? store_record(args, record) : 0;
    const i18n::Strings& words = i18n::builtin(args.lang);
    if (args.log) {
        std::cout << (args.json ? log_to_json(record.log) : log_to_text(record.log, words));
        std::cout.flush();
        return stored;
    }
    const ScoreReport& report = *record.report;
    // A refused action changes the score without showing in it: say so where the trainee looks.
    for (const auto& e : record.log.entries) {
        if (e.kind != LogEntry::Kind::Rejected) continue;
        std::cerr << args.transcript;
        if (e.action && e.action->pos.line > 0)
            std::cerr << ":" << e.action->pos.line << ":" << e.action->pos.col;
        std::cerr << ": warning: " << format_clock(e.t) << " "
                  << words.render(e.action ? describe_action(*e.action) : i18n::Message{})
                  << ": " << words.render(e.message) << "\n";
    }
    std::cout << (args.json ? report_to_json(report) : report_to_text(report, words));
    std::cout.flush();
    if (stored) return stored;
    return report.passed ? 0 : 1;
}

}  // namespace

void add_play_command(CLI::App& root, int& exit_code) {
    auto* sub = root.add_subcommand(
        "play", "Replay a transcript against a scenario headless and print the scored report");
    auto args = std::make_shared<PlayArgs>();
    sub->add_option("SCENARIO", args->scenario, "scenario file, or a scenario id of the library")
        ->required();
    sub->add_option("--transcript", args->transcript, "transcript YAML (DESIGN §3)")->required();
    sub->add_flag("--json", args->json, "print deterministic JSON instead of text");
    sub->add_flag("--log", args->log, "print the attempt log instead of the scored report");
    sub->add_option("--standards", args->standards,
                    "standards catalogue to score with (default: the library's standards.yaml); "
                    "another version re-scores the same attempt");
    std::string langs;
    for (const auto& l : i18n::builtin_languages()) langs += (langs.empty() ? "" : "|") + l;
    sub->add_option("--lang", args->lang,
                    "language of the text report and log (" + langs + "); --json is always Chinese")
        ->check(CLI::IsMember(i18n::builtin_languages()));
    sub->add_option("--site", args->site,
                    "a site profile file (company, name, extensions, fees: see `deskdrill site "
                    "--help`) to play under instead of the scenario's own site");
    add_records_options(sub, args->records, Access::Write);
    sub->footer("With --db or --trainee the attempt is stored in the records as imported.\n"
                "Exit codes: 0 the attempt passed, 1 it failed, 2 bad input (or the records refused "
                "to store it: then nothing was stored).");
    sub->add_option("--trainee", args->trainee,
                    "who made the attempt: an employee number in the records (default: the "
                    "transcript's trainee:); stores the attempt");
    sub->add_option("--mode", args->mode, "practice | assessment | refresher (default: the "
                                          "transcript's mode:, else practice)");
    sub->callback([args, sub, &exit_code] {
        args->store = sub->count("--db") > 0 || sub->count("--trainee") > 0;
        exit_code = run_play(*args);
    });
}

}  // namespace dd::cli
