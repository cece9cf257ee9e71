// deskdrill demo — the headless demo (also what `deskdrill` runs with no display): the client's
// example scenario, 深夜装修噪音投诉, played with its gold transcript (shipped in examples/),
// then the Chinese debrief. Reads only what an installed DeskDrill ships.
#include <iostream>

#include "commands.h"
#include "scoring/rubric/report.h"
#include "sim/load/transcript_loader.h"
#include "sim/session/attempt.h"
#include "sim/session/data_dirs.h"
#include "sim/session/library.h"
#include "sim/session/resources.h"

namespace dd::cli {

namespace {
constexpr const char* kDemoScenario = "complaint.night-renovation-noise";
}

int run_demo() {
    const std::string transcript_path =
        session::examples_dir() + "/" + kDemoScenario + ".gold.yaml";
    std::cout << "DeskDrill 演示:用示范答卷回放示例场景「深夜装修噪音投诉」并评分。\n"
              << "(答卷 " << transcript_path << ")\n\n";
    auto scenario = session::resolve_scenario(kDemoScenario, session::scenarios_dir(), std::cerr);
    // The client's own file writes replies with ASCII commas inside a flow map; the loader reads
    // them whole and warns. The demo shows the debrief, not that warning.
    Diagnostics diags;
    auto transcript = load_transcript_file(transcript_path, diags);
    if (diags.has_errors()) std::cerr << diags.to_string();
    if (!scenario || !transcript || diags.has_errors()) {
        std::cerr << "deskdrill demo: error: the example is not where DeskDrill's data should be ("
                  << session::examples_dir()
                  << "); reinstall, or set DESKDRILL_DATA to the share/deskdrill folder\n";
        return 2;
    }
    Diagnostics res_diags;
    const auto res = session::Resources::load(session::lexicon_path(), session::standards_path(),
                                              res_diags);
    if (!res->can_play() || !res->can_score()) {
        for (const auto& p : res->problems) std::cerr << p << "\n";
        return 2;
    }
    const auto record = session::replay_attempt(*scenario, *transcript, *res);
    std::cout << report_to_text(*record.report);
    std::cout << "\n试试自己的答卷: deskdrill play " << kDemoScenario
              << " --transcript 你的答卷.yaml\n";
    return 0;
}

void add_demo_command(CLI::App& root, int& exit_code) {
    auto* sub = root.add_subcommand(
        "demo", "Play the example scenario with its gold transcript and print the debrief");
    sub->callback([&exit_code] { exit_code = run_demo(); });
}

}  // namespace dd::cli
