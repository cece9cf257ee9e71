// deskdrill rescore --standards FILE [--lexicon FILE] [filters] [--jobs N] — replays stored
// attempts from their snapshots under another catalogue (and lexicon) and adds a result set
// keyed by their hashes (sim/store/rescore.h); the original results stay. Reports choose a
// result set with --result-set (the catalogue's version).
// Exit: 0 done, 2 bad input or the records refused it.
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "records.h"
#include "sim/session/data_dirs.h"
#include "sim/store/rescore.h"

namespace dd::cli {

namespace {

struct RescoreArgs {
    RecordsArgs records;
    FilterArgs filter;
    std::string standards;
    std::string lexicon;
    unsigned jobs = 0;
    bool json = false;
};

int run_rescore(const RescoreArgs& a) {
    const std::string cmd = "rescore";
    Diagnostics d;
    auto res = session::Resources::load(a.lexicon.empty() ? session::lexicon_path() : a.lexicon,
                                        a.standards, d);
    if (!res->can_play() || !res->can_score()) {
        for (const auto& p : res->problems) std::cerr << p << "\n";
        return 2;
    }
    auto r = open_records(cmd, a.records, Access::Write);
    if (!r) return 2;
    FilterArgs f = a.filter;
    f.result_set.clear();
    auto filter = make_filter(cmd, f, *r);
    if (!filter) return 2;
    store::RescoreOptions o;
    o.filter = *filter;
    o.jobs = a.jobs;
    auto sum = store::rescore(*r->store, r->who, *res, o);
    if (!sum) return fail(cmd, sum.error());
    const std::string key = sum->set.catalogue_hash.substr(0, 12) + ":" +
                            sum->set.lexicon_hash.substr(0, 12);
    if (a.json) {
        nlohmann::ordered_json j{{"catalogue_version", sum->catalogue_version},
                                 {"catalogue_hash", sum->set.catalogue_hash},
                                 {"lexicon_hash", sum->set.lexicon_hash},
                                 {"considered", sum->considered},
                                 {"rescored", sum->rescored},
                                 {"already", sum->already},
                                 {"unscorable", sum->unscorable},
                                 {"jobs", sum->jobs}};
        std::cout << j.dump(2) << "\n";
        return 0;
    }
    std::cout << "rescore: " << sum->rescored << " attempt(s) scored under catalogue "
              << sum->catalogue_version << " (result set " << key << "), " << sum->already
              << " had it already";
    if (sum->unscorable) std::cout << ", " << sum->unscorable << " could not be scored";
    std::cout << "; " << sum->jobs << " thread(s)\n"
              << "reports under it: deskdrill report … --result-set " << sum->catalogue_version
              << "  (or " << key << ")\n";
    return 0;
}

}  // namespace

void add_rescore_command(CLI::App& root, int& exit_code) {
    auto* sub = root.add_subcommand(
        "rescore", "Score stored attempts again under another catalogue (and lexicon)");
    auto args = std::make_shared<RescoreArgs>();
    add_records_options(sub, args->records, Access::Write);
    sub->add_option("--standards", args->standards, "the catalogue to score with")->required();
    sub->add_option("--lexicon", args->lexicon, "the lexicon (default: the library's)");
    add_filter_options(sub, args->filter);
    sub->add_option("--jobs", args->jobs, "threads (default: every core)");
    sub->add_flag("--json", args->json, "JSON instead of text");
    sub->callback([args, &exit_code] { exit_code = run_rescore(*args); });
}

}  // namespace dd::cli
