// deskdrill acts [--json] [--lexicon PATH]: one utterance per stdin line → the speech acts and
// forbidden language detected in it (JSONL with --json). Exit 0, or 2 when the lexicon cannot
// be loaded or a line is not UTF-8 (reported with its line number, skipped).
#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
#include "sim/session/data_dirs.h"
#include "scoring/text/acts_io.h"
#include "scoring/text/lexicon.h"

namespace dd::cli {

void add_acts_command(CLI::App& root, int& exit_code) {
    auto* sub = root.add_subcommand(
        "acts", "Detect speech acts and forbidden language, one utterance per stdin line");
    struct Options {
        bool json = false;
        std::string lexicon;
    };
    auto opts = std::make_shared<Options>();
    sub->add_flag("--json", opts->json, "One JSON object per line");
    sub->add_option("--lexicon", opts->lexicon, "Lexicon file (default: scenarios/lexicon.yaml)");
    sub->callback([&exit_code, opts] {
        const std::string path = opts->lexicon.empty() ? session::lexicon_path() : opts->lexicon;
        Diagnostics diags;
        auto lex = load_lexicon(path, diags);
        std::cerr << diags.to_string();
        if (!lex) {
            std::cerr << "deskdrill acts: cannot use the lexicon " << path
                      << "; fix the errors above or pass --lexicon PATH\n";
            exit_code = 2;
            return;
        }
        std::ios::sync_with_stdio(false);
        exit_code = text::run_acts(std::cin, std::cout, std::cerr, *lex->detector, opts->json);
    });
}

}  // namespace dd::cli
