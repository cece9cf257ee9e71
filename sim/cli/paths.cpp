#include "paths.h"

#include <cstdlib>

namespace dd::cli {

std::string scenarios_dir() {
    if (const char* env = std::getenv("DESKDRILL_SCENARIOS"); env && *env) return env;
    return DESKDRILL_SCENARIOS_DIR;
}
std::string standards_path() { return scenarios_dir() + "/standards.yaml"; }
std::string lexicon_path() { return scenarios_dir() + "/lexicon.yaml"; }
std::string examples_dir() { return DESKDRILL_EXAMPLES_DIR; }
std::string golden_dir() { return DESKDRILL_GOLDEN_DIR; }

}  // namespace dd::cli
