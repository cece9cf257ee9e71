// acts_eval [LABELLED.tsv] [--lexicon PATH] [--misses] [--phrases] [--floor P,R]: prints per-act
// precision, recall, F1 and counts of the lexicon detector on the labelled set (default: the
// repository's set and lexicon; the meaning-aware detection, or with --phrases the phrase
// detection the engine uses until issue 12's phase 2). With --floor, fails (exit 1) when the
// micro-averaged precision or recall is below P or R. Exit 2 when the set or the lexicon cannot
// be read.
#include <cstdio>
#include <cstring>
#include <iostream>

#include "acts_eval_lib.h"
#include "scoring/text/lexicon.h"

int main(int argc, char** argv) {
    std::string set_path = DESKDRILL_TESTS_DIR "/data/acts/labelled.tsv";
    std::string lexicon_path = DESKDRILL_SCENARIOS_DIR "/lexicon.yaml";
    bool misses = false;
    bool phrases = false;
    double floor_p = -1, floor_r = -1;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--misses")) {
            misses = true;
        } else if (!std::strcmp(argv[i], "--phrases")) {
            phrases = true;
        } else if (!std::strcmp(argv[i], "--floor") && i + 1 < argc) {
            if (std::sscanf(argv[++i], "%lf,%lf", &floor_p, &floor_r) != 2) {
                std::cerr << "acts_eval: --floor takes PRECISION,RECALL (e.g. 0.95,0.88)\n";
                return 2;
            }
        } else if (!std::strcmp(argv[i], "--lexicon") && i + 1 < argc) {
            lexicon_path = argv[++i];
        } else if (argv[i][0] == '-') {
            std::cerr << "usage: acts_eval [LABELLED.tsv] [--lexicon PATH] [--misses] [--phrases] "
                         "[--floor P,R]\n";
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
    if (floor_p >= 0) {
        const auto all = dd::text::eval::micro(result);
        if (all.precision() < floor_p || all.recall() < floor_r) {
            std::printf(
                "\nBELOW THE FLOOR: micro precision %.3f (floor %.3f), recall %.3f (floor "
                "%.3f)\n",
                all.precision(), floor_p, all.recall(), floor_r);
            return 1;
        }
        std::printf("\nfloor held: micro precision %.3f >= %.3f, recall %.3f >= %.3f\n",
                    all.precision(), floor_p, all.recall(), floor_r);
    }
    return 0;
}
