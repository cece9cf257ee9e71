// The scenario model: plain data loaded from a scenario YAML file (DESIGN §2).
// Every element keeps the position it was read from, so later checks (verify, the scorer)
// can point back into the file. Enumerated values are kept as the strings of the file and
// checked by the loader against the lists in enums.h.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "action.h"
#include "duration.h"
#include "source_pos.h"

namespace dd {

// "empathy|apology" — any one of the alternatives satisfies it.
using AnyOf = std::vector<std::string>;

struct Persona {
    Millis patience = 30'000;    // waiting beyond this raises mood
    std::string temper = "normal";  // calm|normal|hot — scales mood changes (lexicon `mood:`)
};

// One set of facts an actor may take instead of the defaults, picked by the seed.
struct ActorVariant {
    std::map<std::string, std::string> facts;  // name, room, phone, ...
    SourcePos pos;
};

struct Actor {
    std::string id;        // key under `actors:`
    std::string name;
    std::string role;      // owner|tenant|visitor|courier|contractor|elderly|child
    std::string room;
    std::string phone;
    std::vector<std::string> private_facts;  // `private:` — names of fact fields (phone, room, name…)
    std::map<std::string, std::string> facts;  // any other scalar fields (id_card, plate, visiting…)
    Persona persona;
    int mood = 30;         // 0 calm … 100 furious
    std::vector<ActorVariant> vary;  // optional seeded alternatives for name/room/phone/facts
    SourcePos pos;
};

// Timeline injects (`events:`). Exactly one kind is set per event.
struct Event {
    enum class Kind { PhoneCall, WalkIn, Alarm, Notice };
    Millis at = 0;
    Millis jitter = 0;        // seeded: happens up to this much later than `at` (seed 0: at `at`)
    Kind kind = Kind::Notice;
    std::string actor;        // phone_call.from / walk_in.actor / alarm.actor (optional)
    std::string start;        // dialogue node the thread starts at (optional for alarm/notice)
    Millis ring_every = 4'000;         // phone_call only
    std::optional<Millis> give_up;     // phone_call: caller hangs up if unanswered this long
    std::string alarm;        // alarm kind: fire|smoke|flood|lift|intrusion|power|other
    std::string text;         // alarm / notice text shown to the trainee
    SourcePos pos;
};

// A condition in `next[].if`. All the present parts must hold.
struct Condition {
    std::vector<AnyOf> said;        // acts detected in the reply to this node
    std::vector<AnyOf> not_said;    // none of these acts in the reply
    std::vector<AnyOf> did;         // desk actions done while this node was current
    std::vector<AnyOf> not_did;
    std::optional<int> mood_above;  // actor's mood now
    std::optional<int> mood_below;
    std::optional<Millis> waited_over;  // time from the actor's line to the first reply (or now)
    std::optional<int> visits_above;    // times this node has been entered, including now
    SourcePos pos;
    bool empty() const {
        return said.empty() && not_said.empty() && did.empty() && not_did.empty() &&
               !mood_above && !mood_below && !waited_over && !visits_above;
    }
};

struct Next {
    std::optional<Condition> cond;  // no `if` → always holds
    std::string go;                 // `goto`
    SourcePos pos;
};

struct Expect {
    std::optional<Millis> within;   // first reply within this time of the actor's line
    std::vector<AnyOf> acts;        // speech acts the reply must contain
    std::vector<AnyOf> did;         // desk actions while the node is current
    SourcePos pos;
};

struct Choice {
    std::string text;       // the offered reply, scored as if typed
    SourcePos pos;
};

// One step of a node's `guide:` — what a trainee following the practice hint does next: an
// action in the transcript's vocabulary without a time (the trainee's pace decides when; texts and
// fields may hold {actor.field} placeholders), or a pause until someone turns up (`wait_for:
// phone|desk|alarm|<actor id>` — a phone rings, a visitor waits at the counter, an alarm sounds,
// that actor's conversation opens).
struct GuideStep {
    Action action;         // unused when wait_for is set
    std::string wait_for;  // "" for an action
    SourcePos pos;
};

struct Node {
    std::string id;
    std::string actor;                 // actor id
    std::vector<std::string> says;     // one line, or variants picked by the seed
    Expect expect;
    std::vector<Next> next;
    bool end = false;                  // the thread closes after the trainee's reply
    std::vector<Choice> choices;       // offered replies in choice mode
    std::string hint;                  // practice-mode hint (optional)
    std::vector<GuideStep> guide;      // the hint as steps: shown beside it, followed by tests
    SourcePos pos;
};

struct CallRequirement {
    std::string number;                // 110|119|120
    std::optional<Millis> within;      // from the start of the thread/event that needs it
    SourcePos pos;
};

// The expected end state (`outcome:`).
struct Outcome {
    std::string request_type;          // complaint|repair|inquiry|...
    std::string level;                 // general|urgent|special
    std::vector<std::string> dispatch;
    std::vector<std::string> escalate;
    std::vector<std::string> notify;
    std::vector<std::string> hand_over;
    std::vector<std::string> broadcast;
    std::vector<CallRequirement> call;
    std::optional<bool> register_visitor;
    std::optional<int> mood_below;
    std::vector<std::pair<std::string, std::string>> record;  // field → expected value, in file order
    SourcePos pos;
};

// An entry of `criteria:` — an id from standards.yaml, optionally with overrides.
struct CriterionRef {
    std::string id;
    std::optional<int> points;
    std::optional<bool> critical;
    std::map<std::string, std::string> params;  // check parameters overridden for this scenario
    std::map<std::string, SourcePos> param_pos;  // where each parameter's value is
    SourcePos pos;
};

// A fee standard quoted in answers (收费标准): `{fee.<id>}` in a scenario's lines, hints and
// criterion parameters reads "2.5元/平方米·月"; `{fee.<id>.amount}` "2.5", `.name`, `.unit`.
struct Fee {
    std::string id;      // a name: lowercase letters, digits, '-'
    std::string name;    // 高层住宅物业服务费
    std::string amount;  // as written: "2.5"
    std::string unit;    // 元/平方米·月
};

// The company and property the trainee works for. A scenario's `site:` gives its own (the
// library's invented ones); the site profile an admin sets (sim/session/site_profile.h)
// overrides them field by field, so every placeholder, the self-identification rule and the
// desk use the company's own names, extensions and fees.
struct Site {
    std::string name;
    std::string company;
    std::map<std::string, std::string> extensions;  // department (dispatch code) → 分机号
    std::vector<Fee> fees;                          // file order
    // Names the trainee must not give for this desk: the scenario's own company and site when
    // a profile replaced them (saying the library's company is naming the wrong one).
    std::vector<std::string> not_ours;

    const Fee* fee(std::string_view id_) const {
        for (const auto& f : fees)
            if (f.id == id_) return &f;
        return nullptr;
    }
};

// The value of a site placeholder — `{site.name}`, `{site.company}`, `{ext.<department>}`,
// `{fee.<id>}` and `{fee.<id>.amount|name|unit}` — as `who` ("site", "ext", "fee") and `field`
// (what follows the first dot); nullopt when it is not one or the site has no value for it.
std::optional<std::string> site_placeholder(const Site& site, std::string_view who,
                                            std::string_view field);
// Fills the site placeholders of a text; every other `{…}` is left as written.
std::string fill_site_placeholders(std::string_view text, const Site& site);

struct Scenario {
    std::string path;          // file it was loaded from ("" when built in code)
    std::string id;            // <category>.<slug>
    int version = 1;
    std::string title;
    std::string category;
    int difficulty = 1;        // 1..5
    std::vector<std::string> used_for;  // onboarding|assessment|refresher
    Site site;
    std::string summary;       // optional one-line "what it trains" for the picker
    std::optional<int> pass_mark;       // default: the catalogue's
    std::optional<Millis> time_limit;   // the attempt ends here at the latest
    std::vector<Actor> actors;          // file order
    std::vector<Event> events;          // sorted by `at` (stable)
    std::vector<Node> nodes;            // file order of `dialogue:`
    Outcome outcome;
    std::vector<CriterionRef> criteria;
    std::string debrief;
    SourcePos pos;

    const Actor* actor(const std::string& id_) const {
        for (const auto& a : actors)
            if (a.id == id_) return &a;
        return nullptr;
    }
    const Node* node(const std::string& id_) const {
        for (const auto& n : nodes)
            if (n.id == id_) return &n;
        return nullptr;
    }
};

}  // namespace dd
