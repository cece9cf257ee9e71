#include "library_model.h"

#include "scoring/rubric/catalogue.h"
#include "scoring/text/lexicon.h"

namespace dd::app {

std::vector<LibraryRow> library_rows(const session::Library& library,
                                     const store::ItemReport* items) {
    std::vector<LibraryRow> out;
    for (const auto& sf : library.entries) {
        LibraryRow r;
        if (sf.scenario) {
            const Scenario& s = *sf.scenario;
            r.id = s.id;
            r.title = s.title;
            r.category = s.category;
            r.difficulty = s.difficulty;
            for (const auto& c : s.criteria) r.criteria.push_back(c.id);
            if (items)
                for (const auto& si : items->scenarios)
                    if (si.scenario_id == s.id) r.items = si;
        } else {
            r.id = sf.path;
            r.title = sf.path;
            r.error = sf.error.empty() ? "?" : sf.error;
        }
        out.push_back(std::move(r));
    }
    return out;
}

VerifyOutcome verify_one(const Scenario& scenario, const session::Resources& resources) {
    VerifyOutcome out;
    out.scenario_id = scenario.id;
    Diagnostics d;
    const auto& snap = resources.lexicon_snapshot;
    std::optional<Lexicon> lex;
    if (snap.text) lex = parse_lexicon(*snap.text, snap.path, d);
    std::unique_ptr<LexiconDetector> detector;
    if (lex) detector = LexiconDetector::build(*lex, d);
    if (!lex || !detector || !resources.catalogue) {
        out.problems.push_back(d.to_string().empty() ? "the lexicon or the catalogue is missing"
                                                     : d.to_string());
        return out;
    }
    check_criteria_refs(scenario, *resources.catalogue, d);
    out.result = verify_scenario(scenario, *lex, *detector, *resources.catalogue, d);
    for (const auto& item : d.items()) out.problems.push_back(format_diagnostic(item));
    out.ok = !d.has_errors();
    return out;
}

}  // namespace dd::app
