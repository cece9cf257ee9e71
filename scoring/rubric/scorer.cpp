// score_attempt: resolves the scenario's criteria against the catalogue (with the scenario's
// overrides), scales their maxima to 100, runs each check and assembles the report.
#include "scorer.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <memory>
#include <numeric>
#include <set>

#include "checks.h"
#include "scoring/text/facts.h"
#include "sim/model/describe.h"

namespace dd {

std::vector<int> scale_to_total(const std::vector<int>& weights, int total) {
    std::vector<int> out(weights.size(), 0);
    long long sum = 0;
    for (int w : weights) sum += std::max(0, w);
    if (sum == 0 || total <= 0) return out;
    // Exact integer arithmetic: quota_i = total * w_i / sum; remainders compared as integers.
    std::vector<long long> rem(weights.size(), 0);
    long long given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const long long num = static_cast<long long>(total) * std::max(0, weights[i]);
        out[i] = static_cast<int>(num / sum);
        rem[i] = num % sum;
        given += out[i];
    }
    std::vector<std::size_t> order(weights.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return rem[a] > rem[b]; });
    for (std::size_t k = 0; given < total && k < order.size(); ++k, ++given) ++out[order[k]];
    return out;
}

namespace {

int points_for(double credit, int max) {
    if (max <= 0) return 0;
    if (credit >= 1.0) return max;
    int pts = static_cast<int>(std::floor(credit * max + 0.5));
    // Partly met is never full marks, and any credit at all is never shown as none.
    if (pts >= max) pts = max - 1;
    if (pts < 0) pts = 0;
    return pts;
}

}  // namespace

ScoreReport score_attempt(const Scenario& scenario, const AttemptLog& log,
                          const Catalogue& catalogue, const ScoreOptions& options) {
    // The checks read the same replies for many facts: each is normalised once per attempt.
    const text::FactsMemo facts_memo;
    ScoreReport rep;
    rep.scenario = scenario.id.empty() ? log.scenario : scenario.id;
    rep.scenario_version = scenario.version;
    rep.title = scenario.title;
    rep.catalogue_version = catalogue.version;
    if (options.detector) rep.detection = options.detector->identity();
    rep.seed = log.seed;
    rep.debrief = scenario.debrief;
    rep.pass_mark = scenario.pass_mark.value_or(catalogue.pass_mark);
    if (!log.scenario.empty() && !scenario.id.empty() && log.scenario != scenario.id)
        rep.warnings.push_back(rubric::note(rubric::Note::WrongScenario)
                                   .text("log", log.scenario)
                                   .text("scenario", scenario.id));

    struct Item {
        const Criterion* c;  // nullptr: not in the catalogue
        const std::string* id;
        int weight;
        bool critical;
        // The criterion's parameters with the scenario's over them: c->params itself when the
        // scenario sets none (most), else `merged`.
        const CheckParams* params;
        std::unique_ptr<CheckParams> merged;
    };
    std::vector<Item> items;
    items.reserve(scenario.criteria.size());
    for (const auto& ref : scenario.criteria) {
        // (A criterion listed twice counts once; scenarios list a dozen or so.)
        if (std::any_of(items.begin(), items.end(),
                        [&](const Item& it) { return *it.id == ref.id; }))
            continue;
        const Criterion* c = catalogue.find(ref.id);
        if (!c) {
            // The loaders refuse such a scenario (check_criteria_refs); a caller that scores it
            // anyway gets a report that cannot pass, naming the criterion, not a silent 100.
            rep.warnings.push_back(rubric::note(rubric::Note::UnknownCriterion)
                                       .text("id", ref.id)
                                       .text("version", catalogue.version));
            items.push_back({nullptr, &ref.id, 0, true, nullptr, nullptr});
            continue;
        }
        Item item{c,
                  &ref.id,
                  std::max(0, ref.points.value_or(c->points)),
                  ref.critical.value_or(c->critical),
                  &c->params,
                  nullptr};
        if (!ref.params.empty()) {
            // The site played under decides a quoted fee ("{fee.property.amount}元").
            item.merged = std::make_unique<CheckParams>(scenario_params(*c, ref, scenario.site));
            item.params = item.merged.get();
        }
        items.push_back(std::move(item));
    }
    std::vector<int> weights;
    for (const auto& it : items) weights.push_back(it.weight);
    const std::vector<int> maxima = scale_to_total(weights, 100);

    rubric::AttemptView view(scenario, log, options.detector, catalogue.settings);
    for (const auto& it : items)
        if (it.c && it.c->check == "repeat-back") view.repeat_back_params = it.params;
    // An attempt in which the trainee did nothing earns nothing, not the full marks of every
    // "did nothing wrong" criterion.
    const bool engaged = view.engaged();
    // Each result is built where it stays: a result is large, and moving a dozen of them as
    // the list grew showed in the scorer's profile.
    rep.criteria.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item& it = items[i];
        if (!it.c) {
            CriterionResult& cr = rep.criteria.emplace_back();
            cr.id = *it.id;
            cr.title = *it.id;
            cr.critical = true;
            Evidence ev;
            ev.what = evidence_kind::kError;
            ev.note = rubric::note(rubric::Note::NotInCatalogue)
                          .text("id", *it.id)
                          .text("version", catalogue.version);
            cr.evidence.push_back(std::move(ev));
            cr.verdict = rubric::note(rubric::Note::CannotScore);
            rep.critical_failed.push_back(cr.id);
            continue;
        }
        rubric::CheckResult res;
        try {
            if (!engaged) {
                res.credit = 0;
                Evidence ev;
                ev.what = evidence_kind::kMissing;
                ev.shows = rubric::note(rubric::Note::Span)
                               .text("from", rubric::clock(0))
                               .text("to", rubric::clock(log.ended_at));
                ev.note = rubric::not_found(rubric::note(rubric::Note::DidNothing));
                res.evidence.push_back(std::move(ev));
            } else {
                const auto d = catalogue.defaults.find(it.c->check);
                res = rubric::run_check(
                    it.c->check, view,
                    rubric::Params::borrowing(
                        *it.params, d != catalogue.defaults.end() ? &d->second : nullptr));
            }
        } catch (const std::exception& e) {
            // A check must never take the report down; the criterion is shown as not judged.
            res = {};
            res.credit = 0;
            Evidence ev;
            ev.what = evidence_kind::kError;
            ev.note = rubric::note(rubric::Note::CheckError).text("what", e.what());
            res.evidence.push_back(ev);
        }
        const double credit = std::clamp(res.credit, 0.0, 1.0);
        CriterionResult& cr = rep.criteria.emplace_back();
        cr.id = it.c->id;
        cr.title = it.c->title;
        cr.title_en = it.c->title_en;
        cr.category = it.c->category;
        cr.max = maxima[i];
        cr.points = points_for(credit, cr.max);
        cr.passed = credit >= 1.0;
        cr.critical = it.critical;
        cr.evidence = std::move(res.evidence);
        for (const auto& ev : cr.evidence) cr.review = cr.review || ev.review;
        cr.source = it.c->source;
        cr.rule = it.c->rule;
        cr.applicable = res.applicable;
        if (!res.applicable) {
            cr.verdict = rubric::note(rubric::Note::NotInvolved);  // nothing of the catalogue's
        } else if (cr.passed) {
            cr.feedback = it.c->feedback_pass;
            cr.feedback_en = it.c->feedback_pass_en;
        } else if (credit > 0 && !it.c->feedback_partial.empty()) {
            cr.feedback = it.c->feedback_partial;
            cr.feedback_en = it.c->feedback_partial_en;
        } else {
            cr.feedback = it.c->feedback_fail;
            cr.feedback_en = it.c->feedback_fail_en;
        }
        if (cr.critical && !cr.passed) rep.critical_failed.push_back(cr.id);
        if (it.c->case_work && cr.applicable && credit <= 0) rep.case_failed.push_back(cr.id);
        rep.score += cr.points;
        rep.max += cr.max;
    }
    rep.passed = rep.max > 0 && rep.score >= rep.pass_mark && rep.critical_failed.empty() &&
                 rep.case_failed.empty();
    // What the engine refused is part of what happened: a reply dropped because no one was
    // being served must not read as "said nothing" without its reason.
    for (const auto& e : log.entries) {
        if (e.kind != LogEntry::Kind::Rejected) continue;
        RejectedAction x;
        x.t = e.t;
        x.thread = e.thread;
        if (e.action) x.shows = describe_action(*e.action);
        x.reason = e.message;
        rep.rejected.push_back(std::move(x));
    }
    return rep;
}

}  // namespace dd
