// deskdrill demo — the headless demo (also what `deskdrill` runs with no display): the client's
// example scenario, 深夜装修噪音投诉, played with its gold transcript, then the Chinese debrief.
#include <iostream>

#include "commands.h"
#include "paths.h"
#include "play.h"
#include "scoring/rubric/report.h"

namespace dd::cli {

namespace {
constexpr const char* kDemoScenario = "complaint.night-renovation-noise";
}

int run_demo() {
    const std::string transcript = golden_dir() + "/" + kDemoScenario + "/gold.yaml";
    std::cout << "DeskDrill 演示:用示范答卷回放示例场景「深夜装修噪音投诉」并评分。\n"
              << "(答卷 " << transcript << ")\n\n";
    auto run = run_play(kDemoScenario, transcript, std::cerr);
    if (!run) return 2;
    auto report = score_play(*run, "", std::cerr);
    if (!report) return 2;
    std::cout << report_to_text(*report);
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
