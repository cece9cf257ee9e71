// Scenario loader: key tables (also read by the schema test) · act/did lists · the sections of a
// scenario in file order (header, actors, events, dialogue, outcome, criteria) · cross-reference
// checks (actors, nodes, placeholders, criteria) done once everything is read, so a reference to
// a node defined further down is fine and every dangling one is reported.
#include "sim/load/scenario_loader.h"

#include <algorithm>
#include <array>
#include <map>

#include "common/yaml/text_util.h"
#include "common/yaml/yaml_safe.h"
#include "sim/load/transcript_loader.h"
#include "sim/load/site_reader.h"
#include "sim/load/vocab.h"
#include "sim/model/enums.h"
#include "sim/model/limits.h"

namespace dd {

namespace {

using yaml::Fields;
using yaml::Reader;
using yaml::squote;
using SV = std::string_view;

constexpr std::array<SV, 16> kTopKeys = {"id",         "version",    "title",    "category",
                                         "difficulty", "used_for",   "site",     "summary",
                                         "pass_mark",  "time_limit", "actors",   "events",
                                         "dialogue",   "outcome",    "criteria", "debrief"};
constexpr std::array<SV, 6> kRequiredTop = {"id",     "title",    "category",
                                            "actors", "dialogue", "criteria"};
constexpr std::array<SV, 8> kActorKeys = {"name",    "role",    "room", "phone",
                                          "private", "persona", "mood", "vary"};
constexpr std::array<SV, 2> kPersonaKeys = {"patience", "temper"};
constexpr std::array<SV, 3> kVariantKeys = {"name", "room", "phone"};
constexpr std::array<SV, 6> kEventKeys = {"at", "jitter", "phone_call", "walk_in", "alarm",
                                           "notice"};
constexpr std::array<SV, 4> kEventKinds = {"phone_call", "walk_in", "alarm", "notice"};
constexpr std::array<SV, 4> kPhoneCallKeys = {"from", "start", "ring_every", "give_up"};
constexpr std::array<SV, 2> kWalkInKeys = {"actor", "start"};
constexpr std::array<SV, 4> kAlarmKeys = {"kind", "text", "actor", "start"};
constexpr std::array<SV, 1> kNoticeKeys = {"text"};
constexpr std::array<SV, 8> kNodeKeys = {"actor", "says",    "expect", "next",
                                         "end",   "choices", "hint",   "guide"};
constexpr std::array<SV, 3> kExpectKeys = {"within", "acts", "did"};
constexpr std::array<SV, 2> kNextKeys = {"if", "goto"};
constexpr std::array<SV, 7> kConditionKeys = {"said", "not_said", "did",   "not_did",
                                              "mood", "waited",   "visits"};
constexpr std::array<SV, 2> kMoodKeys = {"above", "below"};
constexpr std::array<SV, 1> kWaitedKeys = {"over"};
constexpr std::array<SV, 1> kVisitsKeys = {"above"};
constexpr std::array<SV, 11> kOutcomeKeys = {
    "request_type", "level", "dispatch", "escalate",         "notify",    "hand_over",
    "broadcast",    "call",  "record",   "register_visitor", "mood_below"};
constexpr std::array<SV, 2> kCallKeys = {"number", "within"};
constexpr std::array<SV, 4> kCriterionKeys = {"id", "points", "critical", "params"};
// Thread names the transcript's `to:` and `answer:` use; an actor may not take them.
constexpr std::array<SV, 2> kReservedThreads = {"phone", "desk"};

constexpr std::array<KeyTable, 23> kTables = {{
    {"", kTopKeys},
    {"/definitions/site", kSiteKeys},
    {"/definitions/fee", kFeeKeys},
    {"/definitions/actor", kActorKeys},
    {"/definitions/persona", kPersonaKeys},
    {"/definitions/variant", kVariantKeys},
    {"/definitions/event", kEventKeys},
    {"/definitions/phone_call", kPhoneCallKeys},
    {"/definitions/walk_in", kWalkInKeys},
    {"/definitions/alarm", kAlarmKeys},
    {"/definitions/notice", kNoticeKeys},
    {"/definitions/node", kNodeKeys},
    {"/definitions/expect", kExpectKeys},
    {"/definitions/next", kNextKeys},
    {"/definitions/condition", kConditionKeys},
    {"/definitions/mood_condition", kMoodKeys},
    {"/definitions/waited_condition", kWaitedKeys},
    {"/definitions/visits_condition", kVisitsKeys},
    {"/definitions/outcome", kOutcomeKeys},
    {"/definitions/call_requirement", kCallKeys},
    {"/definitions/record", enums::kRecordFields},
    {"/definitions/criterion", kCriterionKeys},
    {"/definitions/guide_step", vocab::kGuideStepKeys},
}};

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}
bool is_name(SV s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), is_name_char);
}

std::string trim(SV s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
}

struct Ref {
    std::string name;
    SourcePos pos;
};

struct Placeholder {
    std::string actor;
    std::string field;
    std::string text;  // "{owner.name}"
    SourcePos pos;
};

class ScenarioReader {
  public:
    ScenarioReader(Reader& r, const LoadOptions& options) : r_(r), options_(options) {}

    Scenario read(const YAML::Node& root) {
        sc_.path = r_.path();
        sc_.pos = r_.pos(root);
        Fields top(r_, root, "the scenario", kTopKeys);
        if (!top.is_map()) return std::move(sc_);
        for (SV k : kRequiredTop) top.require(k);
        read_header(top);
        if (const auto* n = top.get("actors")) read_actors(*n);
        if (const auto* n = top.get("events")) read_events(*n);
        if (const auto* n = top.get("dialogue")) read_dialogue(*n);
        if (const auto* n = top.get("outcome")) read_outcome(*n);
        if (const auto* n = top.get("criteria")) read_criteria(*n);
        if (top.has("actors") && top.has("dialogue") && !top.has("events"))
            r_.warning(top.pos(),
                       "no 'events': nothing starts a conversation; add e.g. "
                       "{at: 0s, phone_call: {from: <actor>, start: <node>}}");
        check_references();
        return std::move(sc_);
    }

  private:
    // ------------------------------------------------------------ header
    void read_header(const Fields& top) {
        if (auto v = r_.string(top, "id")) sc_.id = *v;
        if (auto v = r_.integer(top, "version", 1, 1'000'000)) sc_.version = static_cast<int>(*v);
        if (auto v = nonempty(top, "title")) sc_.title = *v;
        if (auto v = r_.one_of(top, "category", enums::kCategories)) sc_.category = *v;
        if (auto v = r_.integer(top, "difficulty", 1, 5)) sc_.difficulty = static_cast<int>(*v);
        if (const auto* n = top.get("used_for"))
            sc_.used_for = r_.enum_list(*n, "used_for", enums::kUsedFor, true);
        if (const auto* n = top.get("site")) {
            read_site(r_, *n, "'site'", sc_.site);
        }
        if (auto v = r_.string(top, "summary")) sc_.summary = *v;
        if (auto v = r_.integer(top, "pass_mark", 0, 100)) sc_.pass_mark = static_cast<int>(*v);
        if (auto v = r_.duration(top, "time_limit")) {
            if (*v <= 0)
                r_.error(*top.get("time_limit"), "'time_limit' must be more than 0s");
            else
                sc_.time_limit = *v;
        }
        if (auto v = r_.string(top, "debrief")) sc_.debrief = *v;
        check_id(top);
    }

    void check_id(const Fields& top) {
        const auto* e = top.entry("id");
        if (!e || !e->value.IsScalar()) return;
        const std::string& id = sc_.id;
        const auto dot = id.find('.');
        const SV prefix = SV(id).substr(0, dot);
        const SV slug = dot == std::string::npos ? SV() : SV(id).substr(dot + 1);
        if (dot == std::string::npos || !enums::contains(enums::kCategories, prefix) ||
            !is_name(slug) || slug.find('_') != SV::npos) {
            r_.error(e->value, "id " + squote(id) +
                                   " must be '<category>.<slug>' (slug: lowercase letters, "
                                   "digits and '-'), e.g. 'complaint.night-renovation-noise'");
            return;
        }
        if (!sc_.category.empty() && prefix != sc_.category)
            r_.error(e->value, "id " + squote(id) + " starts with " + squote(prefix) +
                                   " but the category is " + squote(sc_.category) +
                                   "; make them match");
    }

    std::optional<std::string> nonempty(const Fields& f, SV key) {
        auto v = r_.string(f, key);
        if (v && trim(*v).empty()) {
            r_.error(f.entry(key)->value, squote(key) + " is empty; write a value");
            return std::nullopt;
        }
        return v;
    }

    // ------------------------------------------------------------ actors
    void read_actors(const YAML::Node& n) {
        if (!r_.expect_map(n, "actors")) return;
        if (!within(n, "actors", limits::kMaxScenarioActors, "split the scenario")) return;
        if (n.size() == 0) {
            r_.error(n, "'actors' is empty; define at least one actor");
            return;
        }
        for (const auto& kv : n) {
            if (!kv.first.IsScalar()) {
                r_.error(kv.first,
                         "actor ids must be plain names, got " + yaml::kind_name(kv.first));
                continue;
            }
            Actor a;
            a.id = kv.first.Scalar();
            a.pos = r_.pos(kv.first);
            if (!is_name(a.id)) {
                r_.error(kv.first, "actor id " + squote(a.id) +
                                       " must be lowercase letters, digits, '-' or '_'");
            } else if (enums::contains(kReservedThreads, SV(a.id))) {
                r_.error(kv.first, "actor id " + squote(a.id) +
                                       " is reserved for a thread name; choose another id");
            }
            read_actor(kv.second, a);
            sc_.actors.push_back(std::move(a));
        }
    }

    void read_actor(const YAML::Node& n, Actor& a) {
        const std::string what = "actor " + squote(a.id);
        Fields f(r_, n, what, kActorKeys, /*extra_ok=*/true);
        if (!f.is_map()) return;
        f.require("name");
        f.require("role");
        if (auto v = nonempty(f, "name")) a.name = *v;
        if (auto v = r_.one_of(f, "role", enums::kRoles)) a.role = *v;
        if (auto v = r_.string(f, "room")) a.room = *v;
        if (auto v = r_.string(f, "phone")) a.phone = *v;
        if (auto v = r_.integer(f, "mood", 0, 100)) a.mood = static_cast<int>(*v);
        if (const auto* p = f.get("persona")) {
            Fields pf(r_, *p, "the persona of " + what, kPersonaKeys);
            if (auto v = r_.duration(pf, "patience")) a.persona.patience = *v;
            if (auto v = r_.one_of(pf, "temper", enums::kTempers)) a.persona.temper = *v;
        }
        for (const auto& e : f.entries()) {
            if (e.known) continue;
            if (e.value.IsScalar()) {
                a.facts[e.key] = e.value.Scalar();
                if (auto hint = yaml::did_you_mean(e.key, kActorKeys); !hint.empty())
                    r_.warning(e.key_node,
                               squote(e.key) + " in " + what + " is taken as an extra fact" + hint);
            } else {
                r_.error(e.key_node, "unknown key " + squote(e.key) + " in " + what +
                                         yaml::did_you_mean(e.key, kActorKeys) +
                                         " (extra facts must be plain values; allowed keys: " +
                                         yaml::join(kActorKeys) + ")");
            }
        }
        if (const auto* v = f.get("vary")) read_variants(*v, a, what);
        if (const auto* p = f.get("private")) {
            const std::vector<std::string> fields = actor_fields(a);
            auto one = [&](const YAML::Node& item, const std::string& item_what) {
                auto name = r_.string(item, item_what);
                if (!name) return;
                if (std::find(fields.begin(), fields.end(), *name) == fields.end()) {
                    r_.error(item, "private fact " + squote(*name) + " is not a field of " + what +
                                       yaml::did_you_mean(*name, fields) +
                                       " (fields: " + yaml::join(fields) + ")");
                    return;
                }
                a.private_facts.push_back(*name);
            };
            if (p->IsScalar()) {
                one(*p, "private");
            } else if (r_.expect_list(*p, "private")) {
                std::size_t i = 0;
                for (const auto& item : *p) one(item, "private[" + std::to_string(i++) + "]");
            }
        }
    }

    void read_variants(const YAML::Node& n, Actor& a, const std::string& what) {
        if (!r_.expect_list(n, "vary")) return;
        std::size_t i = 0;
        for (const auto& item : n) {
            ActorVariant v;
            v.pos = r_.pos(item);
            Fields f(r_, item, "vary[" + std::to_string(i++) + "] of " + what, kVariantKeys, true);
            for (const auto& e : f.entries()) {
                if (e.value.IsScalar()) {
                    v.facts[e.key] = e.value.Scalar();
                } else {
                    r_.error(e.value, "expected a plain value for " + squote(e.key) + " in " +
                                          f.what() + ", got " + yaml::kind_name(e.value));
                }
            }
            if (f.is_map()) a.vary.push_back(std::move(v));
        }
    }

    static std::vector<std::string> actor_fields(const Actor& a) {
        std::vector<std::string> out = {"name", "role", "room", "phone"};
        for (const auto& [k, v] : a.facts) out.push_back(k);
        for (const auto& var : a.vary)
            for (const auto& [k, v] : var.facts)
                if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
        return out;
    }

    // ------------------------------------------------------------ events
    // A collection past its limit (sim/model/limits.h) is refused before it is read.
    bool within(const YAML::Node& n, std::string_view what, std::size_t limit,
                std::string_view advice) {
        if (n.size() <= limit) return true;
        r_.error(n, "too many " + std::string(what) + " (" + std::to_string(n.size()) +
                        "); at most " + std::to_string(limit) + ": " + std::string(advice));
        return false;
    }

    void read_events(const YAML::Node& n) {
        if (!r_.expect_list(n, "events")) return;
        if (!within(n, "timeline events", limits::kMaxScenarioEvents,
                    "a drill has a handful of callers and visitors; split the scenario"))
            return;
        std::size_t i = 0;
        for (const auto& item : n) {
            const std::string what = "events[" + std::to_string(i++) + "]";
            Fields f(r_, item, what, kEventKeys);
            if (!f.is_map()) continue;
            Event ev;
            ev.pos = r_.pos(item);
            f.require("at");
            if (auto v = r_.duration(f, "at")) ev.at = *v;
            if (auto v = r_.duration(f, "jitter")) ev.jitter = *v;
            std::vector<const Fields::Entry*> kinds;  // in file order
            for (const auto& e : f.entries())
                if (enums::contains(kEventKinds, SV(e.key))) kinds.push_back(&e);
            if (kinds.empty()) {
                r_.error(f.pos(), what + " has no kind; add one of " + yaml::join(kEventKinds));
                continue;
            }
            if (kinds.size() > 1) {
                r_.error(kinds[1]->key_node, what + " has both " + squote(kinds[0]->key) + " and " +
                                                 squote(kinds[1]->key) + "; make them two events");
            }
            read_event_kind(*kinds[0], ev);
            sc_.events.push_back(std::move(ev));
        }
        std::stable_sort(sc_.events.begin(), sc_.events.end(),
                         [](const Event& a, const Event& b) { return a.at < b.at; });
    }

    void read_event_kind(const Fields::Entry& e, Event& ev) {
        if (e.key == "phone_call") {
            ev.kind = Event::Kind::PhoneCall;
            Fields f(r_, e.value, "'phone_call'", kPhoneCallKeys);
            if (!f.is_map()) return;
            f.require("from");
            f.require("start");
            if (auto v = actor_ref(f, "from")) ev.actor = *v;
            if (auto v = node_ref(f, "start")) ev.start = *v;
            if (auto v = r_.duration(f, "ring_every")) {
                if (*v <= 0)
                    r_.error(*f.get("ring_every"), "'ring_every' must be more than 0s");
                else
                    ev.ring_every = *v;
            }
            if (auto v = r_.duration(f, "give_up")) ev.give_up = *v;
        } else if (e.key == "walk_in") {
            ev.kind = Event::Kind::WalkIn;
            Fields f(r_, e.value, "'walk_in'", kWalkInKeys);
            if (!f.is_map()) return;
            f.require("actor");
            f.require("start");
            if (auto v = actor_ref(f, "actor")) ev.actor = *v;
            if (auto v = node_ref(f, "start")) ev.start = *v;
        } else if (e.key == "alarm") {
            ev.kind = Event::Kind::Alarm;
            Fields f(r_, e.value, "'alarm'", kAlarmKeys);
            if (!f.is_map()) return;
            f.require("kind");
            if (auto v = r_.one_of(f, "kind", enums::kAlarms, "alarm kind")) ev.alarm = *v;
            if (auto v = r_.string(f, "text")) ev.text = *v;
            if (const auto* t = f.get("text")) scan_placeholders(*t);
            if (auto v = actor_ref(f, "actor")) ev.actor = *v;
            if (auto v = node_ref(f, "start")) ev.start = *v;
        } else {
            ev.kind = Event::Kind::Notice;
            Fields f(r_, e.value, "'notice'", kNoticeKeys);
            if (!f.is_map()) return;
            f.require("text");
            if (auto v = nonempty(f, "text")) ev.text = *v;
            if (const auto* t = f.get("text")) scan_placeholders(*t);
        }
    }

    // A string naming an actor or a node, remembered in `refs` for check_references.
    std::optional<std::string> ref(const Fields& f, SV key, std::vector<Ref>& refs) {
        auto v = r_.string(f, key);
        if (v) refs.push_back({*v, r_.pos(f.entry(key)->value)});
        return v;
    }
    std::optional<std::string> actor_ref(const Fields& f, SV key) {
        return ref(f, key, actor_refs_);
    }
    std::optional<std::string> node_ref(const Fields& f, SV key) { return ref(f, key, node_refs_); }

    // ------------------------------------------------------------ dialogue
    void read_dialogue(const YAML::Node& n) {
        if (!r_.expect_map(n, "dialogue")) return;
        if (!within(n, "dialogue nodes", limits::kMaxScenarioNodes, "split the scenario")) return;
        if (n.size() == 0) {
            r_.error(n, "'dialogue' is empty; define at least one node");
            return;
        }
        for (const auto& kv : n) {
            if (!kv.first.IsScalar()) {
                r_.error(kv.first,
                         "dialogue node ids must be plain names, got " + yaml::kind_name(kv.first));
                continue;
            }
            Node node;
            node.id = kv.first.Scalar();
            node.pos = r_.pos(kv.first);
            if (!is_name(node.id))
                r_.error(kv.first, "node id " + squote(node.id) +
                                       " must be lowercase letters, digits, '-' or '_'");
            read_node(kv.second, node);
            sc_.nodes.push_back(std::move(node));
        }
    }

    void read_node(const YAML::Node& n, Node& node) {
        const std::string what = "node " + squote(node.id);
        Fields f(r_, n, what, kNodeKeys);
        if (!f.is_map()) return;
        if (auto v = actor_ref(f, "actor")) node.actor = *v;
        if (const auto* s = f.get("says")) {
            if (s->IsSequence() && s->size() == 0)
                r_.error(*s, "'says' is an empty list; give at least one line");
            node.says = r_.string_list(*s, "says", true);
            scan_placeholders(*s);
        }
        if (const auto* e = f.get("expect")) read_expect(*e, node.expect, what);
        if (const auto* e = f.entry("next")) {
            if (!e->value.IsNull()) read_next(e->value, node, what);
        }
        const auto end_v = r_.boolean(f, "end");
        if (end_v) node.end = *end_v;
        if (const auto* c = f.get("choices")) {
            if (r_.expect_list(*c, "choices")) {
                std::size_t i = 0;
                for (const auto& item : *c) {
                    if (auto s = r_.string(item, "choices[" + std::to_string(i) + "]")) {
                        node.choices.push_back({*s, r_.pos(item)});
                        scan_placeholders(item);
                    }
                    ++i;
                }
            }
        }
        if (auto v = r_.string(f, "hint")) node.hint = *v;
        if (const auto* h = f.get("hint")) scan_placeholders(*h);
        if (const auto* g = f.get("guide")) read_guide(*g, node, what);

        // A malformed `next` or `end` was reported already; only a node that plainly has
        // neither gets the "no way on" error.
        const auto* next_e = f.entry("next");
        const auto* end_e = f.entry("end");
        const bool next_malformed =
            next_e && !next_e->value.IsSequence() && !next_e->value.IsNull();
        const bool end_malformed = end_e && !end_v;
        if (node.end && !node.next.empty()) {
            r_.error(end_e->key_node,
                     what + " has both 'next' and 'end: true'; keep one (end closes the thread)");
        } else if (!node.end && node.next.empty() && !next_malformed && !end_malformed) {
            r_.error(node.pos, what + " has no way on: add 'next' or 'end: true'");
        }
    }

    // `guide:` — the hint as steps a trainee can follow (transcript actions without `at`).
    void read_guide(const YAML::Node& n, Node& node, const std::string& what) {
        if (!r_.expect_list(n, "guide")) return;
        if (n.size() == 0) {
            r_.error(n, "'guide' is an empty list; give the steps or remove it");
            return;
        }
        std::size_t i = 0;
        for (const auto& item : n) {
            const std::string step = "guide[" + std::to_string(i++) + "] of " + what;
            auto g = read_guide_step(r_, item, step);
            if (!g) continue;
            scan_placeholders_deep(item);
            auto thread = [&](const std::string& name, SourcePos at) {
                if (!name.empty()) thread_refs_.push_back({name, at});
            };
            if (!g->wait_for.empty()) {
                thread(g->wait_for, r_.pos(item["wait_for"]));
            } else {
                thread(g->action.to, item["to"] ? r_.pos(item["to"]) : g->pos);
                const Verb v = g->action.verb;
                if (v == Verb::Answer || v == Verb::Hold || v == Verb::HangUp || v == Verb::Focus)
                    thread(g->action.arg, r_.pos(item[std::string(verb_name(v))]));
            }
            node.guide.push_back(std::move(*g));
        }
    }

    void read_expect(const YAML::Node& n, Expect& ex, const std::string& what) {
        Fields f(r_, n, "'expect' of " + what, kExpectKeys);
        if (!f.is_map()) return;
        ex.pos = f.pos();
        if (auto v = r_.duration(f, "within")) ex.within = *v;
        if (const auto* a = f.get("acts")) ex.acts = act_list(*a, "acts");
        if (const auto* d = f.get("did")) ex.did = did_list(*d, "did");
    }

    void read_next(const YAML::Node& n, Node& node, const std::string& what) {
        if (!r_.expect_list(n, "next")) return;
        std::size_t i = 0;
        bool unconditional_seen = false;
        for (const auto& item : n) {
            const std::string where = "next[" + std::to_string(i++) + "] of " + what;
            Fields f(r_, item, where, kNextKeys);
            if (!f.is_map()) continue;
            Next nx;
            nx.pos = f.pos();
            f.require("goto");
            if (auto v = node_ref(f, "goto")) nx.go = *v;
            if (const auto* c = f.get("if")) {
                Condition cond;
                read_condition(*c, cond, where);
                if (cond.empty() && c->IsMap())
                    r_.warning(*c, "an empty 'if' always holds; remove it");
                nx.cond = std::move(cond);
            }
            if (unconditional_seen)
                r_.warning(nx.pos, where +
                                       " is never used: an entry above it has no 'if' and "
                                       "always holds");
            if (!nx.cond || nx.cond->empty()) unconditional_seen = true;
            node.next.push_back(std::move(nx));
        }
    }

    void read_condition(const YAML::Node& n, Condition& c, const std::string& where) {
        Fields f(r_, n, "'if' of " + where, kConditionKeys);
        if (!f.is_map()) return;
        c.pos = f.pos();
        if (const auto* v = f.get("said")) c.said = act_list(*v, "said");
        if (const auto* v = f.get("not_said")) c.not_said = act_list(*v, "not_said");
        if (const auto* v = f.get("did")) c.did = did_list(*v, "did");
        if (const auto* v = f.get("not_did")) c.not_did = did_list(*v, "not_did");
        if (const auto* v = f.get("mood")) {
            Fields m(r_, *v, "'mood'", kMoodKeys);
            if (m.is_map() && m.entries().empty())
                r_.error(*v, "'mood' needs 'above' or 'below', e.g. {above: 80}");
            if (auto x = r_.integer(m, "above", 0, 100)) c.mood_above = static_cast<int>(*x);
            if (auto x = r_.integer(m, "below", 0, 100)) c.mood_below = static_cast<int>(*x);
        }
        if (const auto* v = f.get("waited")) {
            Fields w(r_, *v, "'waited'", kWaitedKeys);
            w.require("over");
            if (auto x = r_.duration(w, "over")) c.waited_over = *x;
        }
        if (const auto* v = f.get("visits")) {
            Fields w(r_, *v, "'visits'", kVisitsKeys);
            w.require("above");
            if (auto x = r_.integer(w, "above", 0, 1000)) c.visits_above = static_cast<int>(*x);
        }
    }

    // "empathy|apology" entries: each alternative a speech act or a forbidden family.
    std::vector<AnyOf> act_list(const YAML::Node& n, SV what) {
        return any_of_list(n, what, [&](const std::string& alt, const YAML::Node& at) {
            if (enums::contains(vocab::kActNames, SV(alt))) return true;
            r_.error(at, "unknown speech act " + squote(alt) +
                             yaml::did_you_mean(alt, vocab::kActNames) +
                             " (allowed: " + yaml::join(vocab::kActNames) + ")");
            return false;
        });
    }

    // "dispatch:security" / "escalate" entries: a verb, optionally with its argument.
    std::vector<AnyOf> did_list(const YAML::Node& n, SV what) {
        return any_of_list(n, what, [&](const std::string& alt, const YAML::Node& at) {
            const auto colon = alt.find(':');
            const std::string verb = trim(SV(alt).substr(0, colon));
            if (!enums::contains(enums::kVerbs, SV(verb))) {
                r_.error(at, "unknown action " + squote(verb) +
                                 yaml::did_you_mean(verb, enums::kVerbs) +
                                 " (allowed: " + yaml::join(enums::kVerbs) +
                                 "; optionally with ':argument', e.g. 'dispatch:security')");
                return false;
            }
            if (colon == std::string::npos) return true;
            const std::string arg = trim(SV(alt).substr(colon + 1));
            const auto allowed = vocab::verb_args(verb);
            if (arg.empty()) {
                r_.error(at,
                         squote(alt) + " has an empty argument after ':'; write e.g. " +
                             squote(verb + ":" +
                                    std::string(allowed.empty() ? SV("phone") : allowed.front())) +
                             " or just " + squote(verb));
                return false;
            }
            if (!allowed.empty() &&
                std::find(allowed.begin(), allowed.end(), arg) == allowed.end()) {
                r_.error(at, "unknown argument " + squote(arg) + " for '" + verb + "'" +
                                 yaml::did_you_mean(arg, allowed) +
                                 " (allowed: " + yaml::join(allowed) + ")");
                return false;
            }
            if (allowed.empty() && !vocab::verb_takes_thread(verb)) {
                r_.error(at, "'" + verb + "' takes no argument; write just " + squote(verb));
                return false;
            }
            return true;
        });
    }

    template <typename Check>
    std::vector<AnyOf> any_of_list(const YAML::Node& n, SV what, Check check) {
        std::vector<AnyOf> out;
        auto one = [&](const YAML::Node& item, const std::string& item_what) {
            auto s = r_.string(item, item_what);
            if (!s) return;
            AnyOf alts;
            bool ok = true;
            std::size_t start = 0;
            while (true) {
                const auto bar = s->find('|', start);
                const std::string alt = trim(SV(*s).substr(
                    start, bar == std::string::npos ? std::string::npos : bar - start));
                if (alt.empty()) {
                    r_.error(item, "empty alternative in " + squote(*s) +
                                       "; write names separated by '|', e.g. 'empathy|apology'");
                    ok = false;
                } else if (check(alt, item)) {
                    alts.push_back(alt);
                } else {
                    ok = false;
                }
                if (bar == std::string::npos) break;
                start = bar + 1;
            }
            if (ok) out.push_back(std::move(alts));
        };
        if (n.IsScalar()) {
            one(n, std::string(what));
            return out;
        }
        if (!r_.expect_list(n, what)) return out;
        std::size_t i = 0;
        for (const auto& item : n) one(item, std::string(what) + "[" + std::to_string(i++) + "]");
        return out;
    }

    // `{owner.name}` in lines the engine fills in: remember them, check once actors are known.
    void scan_placeholders(const YAML::Node& n) {
        auto scan = [&](const YAML::Node& s) {
            if (!s.IsScalar()) return;
            const std::string& t = s.Scalar();
            std::size_t open = t.find('{');
            while (open != std::string::npos) {
                const std::size_t close = t.find('}', open);
                if (close == std::string::npos) break;
                const SV inner = SV(t).substr(open + 1, close - open - 1);
                const auto dot = inner.find('.');
                // {actor.field}, and the site's {fee.<id>.amount}
                const SV rest = dot == SV::npos ? SV() : inner.substr(dot + 1);
                const auto dot2 = rest.find('.');
                if (dot != SV::npos && is_name(inner.substr(0, dot)) &&
                    (is_name(rest) ||
                     (inner.substr(0, dot) == "fee" && dot2 != SV::npos &&
                      is_name(rest.substr(0, dot2)) && is_name(rest.substr(dot2 + 1)))))
                    placeholders_.push_back(
                        {std::string(inner.substr(0, dot)), std::string(inner.substr(dot + 1)),
                         std::string(SV(t).substr(open, close - open + 1)), r_.pos(s)});
                open = t.find('{', open + 1);
            }
        };
        if (n.IsSequence())
            for (const auto& item : n) scan(item);
        else
            scan(n);
    }

    void scan_placeholders_deep(const YAML::Node& n) {
        if (n.IsScalar()) scan_placeholders(n);
        if (n.IsMap())
            for (const auto& kv : n) scan_placeholders_deep(kv.second);
    }

    // ------------------------------------------------------------ outcome
    void read_outcome(const YAML::Node& n) {
        Outcome& o = sc_.outcome;
        Fields f(r_, n, "'outcome'", kOutcomeKeys);
        if (!f.is_map()) return;
        o.pos = f.pos();
        if (auto v = r_.one_of(f, "request_type", enums::kRequestTypes, "request type"))
            o.request_type = *v;
        if (auto v = r_.one_of(f, "level", enums::kLevels)) o.level = *v;
        auto list = [&](SV key, std::span<const SV> allowed, std::vector<std::string>& out) {
            if (const auto* e = f.entry(key); e && !e->value.IsNull())
                out = r_.enum_list(e->value, key, allowed, true);
        };
        list("dispatch", enums::kDepartments, o.dispatch);
        list("escalate", enums::kEscalate, o.escalate);
        list("notify", enums::kNotify, o.notify);
        list("hand_over", enums::kHandOver, o.hand_over);
        list("broadcast", enums::kBroadcast, o.broadcast);
        if (const auto* c = f.get("call")) read_calls(*c, o);
        if (auto v = r_.boolean(f, "register_visitor")) o.register_visitor = *v;
        if (auto v = r_.integer(f, "mood_below", 0, 100)) o.mood_below = static_cast<int>(*v);
        if (const auto* rec = f.get("record")) {
            Fields rf(r_, *rec, "'record'", enums::kRecordFields);
            for (const auto& e : rf.entries()) {
                if (!e.known) continue;
                if (auto v = r_.string(rf, e.key)) o.record.emplace_back(e.key, *v);
            }
        }
    }

    void read_calls(const YAML::Node& n, Outcome& o) {
        auto one = [&](const YAML::Node& item) {
            CallRequirement c;
            c.pos = r_.pos(item);
            if (item.IsScalar()) {
                if (auto v = r_.one_of(item, "number", enums::kCallNumbers)) c.number = *v;
            } else {
                Fields f(r_, item, "a 'call' entry", kCallKeys);
                if (!f.is_map()) return;
                f.require("number");
                if (auto v = r_.one_of(f, "number", enums::kCallNumbers)) c.number = *v;
                if (auto v = r_.duration(f, "within")) c.within = *v;
            }
            if (!c.number.empty()) o.call.push_back(std::move(c));
        };
        if (n.IsScalar()) {
            one(n);
            return;
        }
        if (!r_.expect_list(n, "call")) return;
        for (const auto& item : n) one(item);
    }

    // ------------------------------------------------------------ criteria
    void read_criteria(const YAML::Node& n) {
        if (!r_.expect_list(n, "criteria")) return;
        if (n.size() == 0) {
            r_.error(n, "'criteria' is empty; list the standards this scenario is scored on");
            return;
        }
        std::map<std::string, SourcePos> seen;
        std::size_t i = 0;
        for (const auto& item : n) {
            const std::string what = "criteria[" + std::to_string(i++) + "]";
            CriterionRef c;
            c.pos = r_.pos(item);
            YAML::Node id_node = item;
            if (item.IsScalar()) {
                c.id = item.Scalar();
            } else {
                Fields f(r_, item, what, kCriterionKeys);
                if (!f.is_map()) continue;
                if (!f.require("id")) continue;
                auto id = r_.string(f, "id");
                if (!id) continue;
                c.id = *id;
                id_node = *f.get("id");
                if (auto v = r_.integer(f, "points", 0, 1000)) c.points = static_cast<int>(*v);
                if (auto v = r_.boolean(f, "critical")) c.critical = *v;
                if (const auto* p = f.get("params")) read_params(*p, c);
            }
            if (c.id.empty()) {
                r_.error(item, what + " has an empty id; write a criterion id from " +
                                   options_.standards_name);
                continue;
            }
            if (auto [it, fresh] = seen.emplace(c.id, c.pos); !fresh) {
                r_.error(id_node, "criterion " + squote(c.id) + " is listed twice (first at line " +
                                      std::to_string(it->second.line) + "); keep one");
                continue;
            }
            if (options_.criteria_ids && !options_.criteria_ids->count(c.id)) {
                std::vector<std::string> ids(options_.criteria_ids->begin(),
                                             options_.criteria_ids->end());
                auto hint = yaml::did_you_mean(c.id, ids);
                r_.error(id_node,
                         "unknown criterion " + squote(c.id) + " (not in " +
                             options_.standards_name + ")" +
                             (hint.empty() ? "; add it there or use one of its ids" : hint));
            }
            sc_.criteria.push_back(std::move(c));
        }
    }

    void read_params(const YAML::Node& n, CriterionRef& c) {
        if (!r_.expect_map(n, "params")) return;
        for (const auto& kv : n) {
            if (!kv.first.IsScalar()) {
                r_.error(kv.first,
                         "keys in 'params' must be plain names, got " + yaml::kind_name(kv.first));
                continue;
            }
            if (auto v = r_.string(kv.second, "params." + kv.first.Scalar())) {
                scan_placeholders(kv.second);
                c.params[kv.first.Scalar()] = *v;
                c.param_pos[kv.first.Scalar()] = r_.pos(kv.second);
            }
        }
    }

    // ------------------------------------------------------------ references
    void check_references() {
        std::vector<std::string> actor_ids, node_ids;
        for (const auto& a : sc_.actors) actor_ids.push_back(a.id);
        for (const auto& n : sc_.nodes) node_ids.push_back(n.id);
        const bool have_actors = !actor_ids.empty(), have_nodes = !node_ids.empty();
        for (const auto& ref : actor_refs_) {
            if (!have_actors || sc_.actor(ref.name)) continue;
            r_.error(ref.pos, "unknown actor " + squote(ref.name) + " (not under 'actors')" +
                                  suggestion(ref.name, actor_ids));
        }
        for (const auto& ref : node_refs_) {
            if (!have_nodes || sc_.node(ref.name)) continue;
            r_.error(ref.pos, "unknown dialogue node " + squote(ref.name) +
                                  " (not under 'dialogue')" + suggestion(ref.name, node_ids));
        }
        for (const auto& ref : thread_refs_) {
            if (!have_actors || is_thread_name(ref.name)) continue;
            std::vector<std::string> names = {"phone", "desk", "alarm"};
            names.insert(names.end(), actor_ids.begin(), actor_ids.end());
            r_.error(ref.pos, "unknown thread " + squote(ref.name) +
                                  "; name phone, desk, alarm or an actor" +
                                  suggestion(ref.name, names));
        }
        for (const auto& ph : placeholders_) {
            if (check_site_placeholder(ph)) continue;
            const Actor* a = sc_.actor(ph.actor);
            if (!a) {
                if (have_actors)
                    r_.error(ph.pos, "placeholder " + squote(ph.text) + " names unknown actor " +
                                         squote(ph.actor) + suggestion(ph.actor, actor_ids));
                continue;
            }
            const auto fields = actor_fields(*a);
            if (std::find(fields.begin(), fields.end(), ph.field) == fields.end())
                r_.error(ph.pos, "placeholder " + squote(ph.text) + ": actor " + squote(ph.actor) +
                                     " has no field " + squote(ph.field) +
                                     suggestion(ph.field, fields));
        }
    }

    // phone, desk, alarm, an actor id, or a later thread of one ("alarm-2", "<actor>-2").
    bool is_thread_name(const std::string& name) const {
        if (name == "phone" || name == "desk" || name == "alarm" || sc_.actor(name)) return true;
        const auto dash = name.rfind('-');
        if (dash == std::string::npos || dash + 1 == name.size()) return false;
        if (name.find_first_not_of("0123456789", dash + 1) != std::string::npos) return false;
        const std::string base = name.substr(0, dash);
        return base == "alarm" || sc_.actor(base);
}

    // {site.name|company}, {ext.<department>}, {fee.<id>[.amount|name|unit]}: true when `ph` is
    // one (an extension or fee the scenario's `site:` gives no default for is reported — the
    // value shown when no site profile is set).
    bool check_site_placeholder(const Placeholder& ph) {
        const std::string& who = ph.actor;
        if (who != "site" && who != "ext" && who != "fee") return false;
        if (sc_.actor(who)) return false;  // an actor of that id keeps its placeholders
        const std::string at = "placeholder " + squote(ph.text);
        if (who == "site") {
            // Without a default the profile's name is shown, or the placeholder as written.
            if (ph.field != "name" && ph.field != "company")
                r_.error(ph.pos, at + ": the site has 'name' and 'company'");
        } else if (who == "ext") {
            if (!enums::contains(enums::kDepartments, SV(ph.field)))
                r_.error(ph.pos, at + ": unknown department " + squote(ph.field) +
                                     yaml::did_you_mean(ph.field, enums::kDepartments));
            else if (!site_placeholder(sc_.site, who, ph.field))
                r_.error(ph.pos, at + ": give its default under 'site: {extensions: {" + ph.field +
                                     ": …}}'");
        } else {
            const auto dot = ph.field.find('.');
            const std::string id = ph.field.substr(0, dot);
            const std::string part = dot == std::string::npos ? "" : ph.field.substr(dot + 1);
            if (!part.empty() && part != "amount" && part != "name" && part != "unit")
                r_.error(ph.pos, at + ": a fee has 'amount', 'name' and 'unit'");
            else if (!sc_.site.fee(id))
                r_.error(ph.pos, at + ": give fee " + squote(id) + " under 'site: {fees: {" + id +
                                     ": {name: …, amount: …, unit: …}}}'");
        }
        return true;
    }

    static std::string suggestion(const std::string& name, const std::vector<std::string>& ids) {
        auto hint = yaml::did_you_mean(name, ids);
        if (!hint.empty()) return hint;
        std::string list;
        for (std::size_t i = 0; i < ids.size() && i < 12; ++i) list += (i ? ", " : "") + ids[i];
        if (ids.size() > 12) list += ", …";
        return "; defined: " + list;
    }

    Reader& r_;
    const LoadOptions& options_;
    Scenario sc_;
    std::vector<Ref> actor_refs_, node_refs_, thread_refs_;
    std::vector<Placeholder> placeholders_;
};

std::optional<Scenario> load_document(const std::optional<yaml::Document>& doc, Diagnostics& diags,
                                      const LoadOptions& options, std::size_t errors_before) {
    if (!doc) return std::nullopt;
    try {
        Reader r(*doc, diags, options.limits.max_errors);
        ScenarioReader reader(r, options);
        Scenario sc = reader.read(doc->root());
        if (diags.error_count() > errors_before) return std::nullopt;
        return sc;
    } catch (const std::exception& e) {
        // yaml-cpp may throw on a node it built itself; keep the promise of never throwing.
        diags.error(doc->path(), {}, std::string("internal error while loading: ") + e.what());
        return std::nullopt;
    }
}

}  // namespace

std::optional<Scenario> load_scenario_text(std::string_view text, const std::string& path,
                                           Diagnostics& diags, const LoadOptions& options) {
    const std::size_t before = diags.error_count();
    return load_document(yaml::parse_text(text, path, diags, options.limits), diags, options,
                         before);
}

std::optional<Scenario> load_scenario_file(const std::string& path, Diagnostics& diags,
                                           const LoadOptions& options) {
    const std::size_t before = diags.error_count();
    return load_document(yaml::parse_file(path, diags, options.limits), diags, options, before);
}

std::optional<std::set<std::string, std::less<>>> load_criteria_ids(const std::string& path,
                                                                    Diagnostics& diags) {
    const std::size_t before = diags.error_count();
    auto doc = yaml::parse_file(path, diags);
    if (!doc) return std::nullopt;
    try {
        Reader r(*doc, diags);
        std::set<std::string, std::less<>> ids;
        const YAML::Node& root = doc->root();
        if (!r.expect_map(root, path)) return std::nullopt;
        const YAML::Node criteria = root["criteria"];
        if (!criteria.IsDefined()) {
            r.error(root, "missing required key 'criteria' (a list of {id: …})");
            return std::nullopt;
        }
        if (!r.expect_list(criteria, "criteria")) return std::nullopt;
        std::size_t i = 0;
        for (const auto& item : criteria) {
            const std::string what = "criteria[" + std::to_string(i++) + "]";
            if (item.IsScalar()) {
                ids.insert(item.Scalar());
            } else if (item.IsMap() && item["id"].IsDefined()) {
                if (auto id = r.string(item["id"], what + ".id")) ids.insert(*id);
            } else {
                r.error(item, what + " has no 'id'; each criterion needs {id: …}");
            }
        }
        if (diags.error_count() > before) return std::nullopt;
        return ids;
    } catch (const std::exception& e) {
        diags.error(path, {}, std::string("internal error while loading: ") + e.what());
        return std::nullopt;
    }
}

std::span<const KeyTable> scenario_key_tables() {
    return kTables;
}

}  // namespace dd
