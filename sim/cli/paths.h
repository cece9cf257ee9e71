// Where DeskDrill finds its data. DESKDRILL_SCENARIOS (environment) overrides the built-in path.
#pragma once
#include <string>

namespace dd::cli {

std::string scenarios_dir();      // the scenario library (standards.yaml, lexicon.yaml inside)
std::string standards_path();     // scenarios/standards.yaml
std::string lexicon_path();       // scenarios/lexicon.yaml
std::string examples_dir();       // ../shared/docs/examples (the client's example)
std::string golden_dir();         // tests/golden (gold and poor transcripts per scenario)

}  // namespace dd::cli
