// Pure helpers of the dialogue runner: facts as played, line variants and placeholders, and the
// `next[].if` conditions. Kept apart from the Engine's state machine so each rule is testable.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "scoring/text/act_detector.h"
#include "sim/model/attempt_log.h"
#include "sim/model/scenario.h"

namespace dd::dialogue {

using Facts = std::map<std::string, std::map<std::string, std::string>>;

// An actor's facts as played: seed 0 (and every seed with seed % (n+1) == 0) gives the base
// facts; otherwise vary[seed % (n+1) - 1] overrides them field by field.
std::map<std::string, std::string> played_facts(const Actor& actor, std::uint64_t seed);

// Which of n variants of a node's line is said: 0 for seed 0, otherwise a hash of
// (seed, node id, visit number) — independent per node, stable across runs and platforms.
std::size_t pick_variant(std::uint64_t seed, std::string_view node_id, int visit_no, std::size_t n);

// When timeline event number `index` happens: `at` for seed 0 or no jitter; otherwise `at`
// plus whole seconds in [0, jitter] picked by a hash of (seed, index).
Millis event_time(const Event& e, int index, std::uint64_t seed);

// Fills `{actor.field}` (e.g. {owner.name}) and the site's placeholders (`{site.name}`,
// `{site.company}`, `{ext.<department>}`, `{fee.<id>}` — sim/model/scenario.h); unknown
// placeholders are left as written so an author sees them.
std::string fill_placeholders(std::string_view line, const Facts& facts, const Site& site);

// A guide step's action as a trainee does it under the facts as played: its text and field values
// with their placeholders filled (a wait_for step gives an empty action).
Action guide_action(const GuideStep& step, const Facts& facts, const Site& site);

// Self-identification by the desk's own names (issue 13): a reply that says the company's or
// the site's name (`ours`, normalised like the reply) identifies the desk even where the
// lexicon's formulas are missing (您好，绿城物业！); one that names a company that is not this
// desk's (`not_ours` — the scenario's invented company when a site profile replaced it) does
// not, whatever formula it uses (您好，安居物业客服中心 at 绿城's desk). Acts stay in the fixed
// order of enums::kActs.
void identify_by_name(DetectedActs& d, const std::vector<std::string>& ours,
                      const std::vector<std::string>& not_ours);

// Everything a condition may look at.
struct ConditionContext {
    const NodeVisit* visit = nullptr;  // the current visit (acts, did, times)
    int mood = 0;                      // the actor's mood now
    Millis now = 0;
    int visits = 0;  // times the node has been entered, this one included
};

bool holds(const Condition& c, const ConditionContext& ctx);

// A reply that only acknowledges (好的。 嗯嗯 收到! OK): the trainee taking the turn before
// answering, not the answer. Punctuation and spaces aside, one of a short list of words.
bool is_acknowledgement(std::string_view text);

// A reply sent mid-sentence (ends with ， 、 ： ； or their ASCII forms): the first part of an
// answer typed as several messages; the rest follows.
bool breaks_off(std::string_view text);

// Time from the actor's line to the first reply, or to now without one.
Millis waited(const ConditionContext& ctx);

}  // namespace dd::dialogue
