// The app's bindings to the loaders (sim/load), the lexicon (scoring/text) and the scorer
// (scoring/rubric). Scoring uses exactly what `deskdrill play` uses, so the reports match.
#include "backend.h"

#include "scoring/rubric/catalogue.h"
#include "scoring/rubric/scorer.h"
#include "scoring/text/lexicon.h"
#include "sim/load/scenario_loader.h"
#include "sim/load/transcript_loader.h"

namespace dd::app {

std::shared_ptr<Backend> load_backend(const std::string& lexicon_path,
                                      const std::string& standards_path) {
    auto be = std::make_shared<Backend>();
    Diagnostics diags;
    if (auto lex = load_lexicon(lexicon_path, diags); lex && lex->detector) {
        be->mood = lex->mood;
        be->detector = std::shared_ptr<const ActDetector>(std::move(lex->detector));
    }
    auto catalogue = load_catalogue(standards_path, diags);
    if (catalogue) {
        be->catalogue_version = catalogue->version;
        for (const auto& c : catalogue->criteria) {
            StandardInfo s;
            s.id = c.id;
            s.title = c.title;
            s.category = c.category;
            s.rule = c.rule;
            s.source = c.source;
            s.points = c.points;
            s.critical = c.critical;
            be->standards.emplace(c.id, std::move(s));
        }
        auto cat = std::make_shared<const Catalogue>(std::move(*catalogue));
        std::shared_ptr<const ActDetector> det = be->detector;
        be->score = [cat, det](const Scenario& sc, const AttemptLog& log,
                               std::string*) -> std::optional<ScoreReport> {
            ScoreOptions opts;
            opts.detector = det.get();
            return score_attempt(sc, log, *cat, opts);
        };
    }
    for (const auto& d : diags.items())
        if (d.severity == Diagnostic::Severity::Error) be->problems.push_back(format_diagnostic(d));
    if (!be->detector && be->problems.empty())
        be->problems.push_back(lexicon_path + ": error: the lexicon could not be loaded");
    if (!be->score)
        be->problems.push_back(standards_path +
                               ": error: the standards catalogue could not be loaded; attempts "
                               "can be played but not scored");
    return be;
}

std::optional<Scenario> load_scenario(const std::string& path, Diagnostics& diags) {
    return load_scenario_file(path, diags);
}

std::optional<Transcript> load_transcript(const std::string& path, Diagnostics& diags) {
    return load_transcript_file(path, diags);
}

}  // namespace dd::app
