// acts_eval [LABELLED.tsv] [--lexicon PATH] [--misses] [--phrases]: prints per-act precision,
// recall, F1 and counts of the lexicon detector on the labelled set (default: the repository's
// set and lexicon; the meaning-aware detection, or with --phrases the phrase detection the
// engine uses until issue 12's phase 2). Exit 0, or 2 when the set or the lexicon cannot be read.
#include <cstring>
#include <iostream>

#include "acts_eval_lib.h"
#include "scoring/text/lexicon.h"

int main(int argc, char** argv) {
    std::string set_path = DESKDRILL_TESTS_DIR "/data/acts/labelled.tsv";
    std::string lexicon_path = DESKDRILL_SCENARIOS_DIR "/lexicon.yaml";
    bool misses = false;
    bool phrases = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--misses")) {
            misses = true;
        } else if (!std::strcmp(argv[i], "--phrases")) {
            phrases = true;
        } else if (!std::strcmp(argv[i], "--lexicon") && i + 1 < argc) {
            lexicon_path = argv[++i];
        } else if (argv[i][0] == '-') {
            std::cerr << "usage: acts_eval [LABELLED.tsv] [--lexicon PATH] [--misses] [--phrases]\n";
            return 2;
        } else {
            set_path = argv[i];
        }
    }
    dd::Diagnostics diags;
    auto lex = dd::load_lexicon(lexicon_path, diags);
    std::cerr << diags.to_string();
    if (!lex) return 2;
    std::vector<std::string> errors;
    const auto set = dd::text::eval::read_labelled(set_path, errors);
    for (const auto& e : errors) std::cerr << e << "\n";
    if (!errors.empty() || set.empty()) return 2;
    const dd::ActDetector& det =
        phrases ? static_cast<const dd::ActDetector&>(*lex->detector) : lex->detector->meaning();
    const auto result = dd::text::eval::evaluate(det, set);
    std::cout << "lexicon " << lexicon_path << " (version " << lex->version << "), "
              << (phrases ? "phrase" : "meaning-aware") << " detection\n"
              << "labelled set " << set_path << "\n\n"
              << dd::text::eval::format_table(result);
    if (misses && !result.misses.empty())
        std::cout << "\n" << dd::text::eval::format_misses(result);
    return 0;
}
