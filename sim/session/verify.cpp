// deskdrill verify — static graph checks and a bounded exploration by a synthetic trainee.
// [SECTION] static checks of the dialogue graph
// [SECTION] the synthetic trainee: phrases from the lexicon, replies, desk actions
// [SECTION] one driven run
// [SECTION] exploration over branch decisions, aggregation per ending
#include "sim/session/verify.h"

#include <algorithm>
#include <deque>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "scoring/rubric/scorer.h"
#include "sim/engine/engine.h"
#include "sim/model/enums.h"

namespace dd {
namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] static checks of the dialogue graph
// ---------------------------------------------------------------------------------------------

std::set<std::string> start_nodes(const Scenario& s) {
    std::set<std::string> out;
    for (const auto& e : s.events)
        if (!e.start.empty()) out.insert(e.start);
    return out;
}

std::set<std::string> reach_from(const Scenario& s, const std::set<std::string>& from) {
    std::set<std::string> seen;
    std::deque<std::string> todo(from.begin(), from.end());
    while (!todo.empty()) {
        std::string id = todo.front();
        todo.pop_front();
        if (!seen.insert(id).second) continue;
        if (const Node* n = s.node(id))
            for (const auto& nx : n->next) todo.push_back(nx.go);
    }
    return seen;
}

// Nodes from which an `end: true` node can be reached (reverse reachability).
std::set<std::string> can_end(const Scenario& s) {
    std::set<std::string> ok;
    for (const auto& n : s.nodes)
        if (n.end) ok.insert(n.id);
    for (bool grew = true; grew;) {
        grew = false;
        for (const auto& n : s.nodes) {
            if (ok.count(n.id)) continue;
            for (const auto& nx : n.next)
                if (ok.count(nx.go)) {
                    ok.insert(n.id);
                    grew = true;
                    break;
                }
        }
    }
    return ok;
}

bool single_overlap(const std::vector<AnyOf>& yes, const std::vector<AnyOf>& no,
                    std::string* which) {
    // `said: [x]` with `not_said: [x]` (single alternatives) can never both hold.
    for (const auto& y : yes) {
        if (y.size() != 1) continue;
        for (const auto& n : no)
            for (const auto& alt : n)
                if (alt == y[0]) {
                    *which = alt;
                    return true;
                }
    }
    return false;
}

void static_checks(const Scenario& s, Diagnostics& d) {
    const std::string& f = s.path;
    const auto starts = start_nodes(s);
    const auto reachable = reach_from(s, starts);
    const auto ending = can_end(s);
    const std::optional<Millis> limit = s.time_limit;
    auto too_long = [&](Millis t) { return limit && t > *limit; };
    const std::string limit_text = limit ? format_duration(*limit) : "";

    for (const auto& n : s.nodes) {
        if (!reachable.count(n.id)) {
            d.error(f, n.pos,
                    "node '" + n.id +
                        "' is unreachable: no event starts it and no `next` leads to it; link it "
                        "from another node or remove it");
            continue;
        }
        if (!ending.count(n.id))
            d.error(f, n.pos,
                    "dead end: from node '" + n.id +
                        "' no `end: true` node can be reached, so the conversation can never "
                        "close; add a `next` towards an ending");
        const bool on_cycle = reach_from(s,
                                         [&] {
                                             std::set<std::string> nx;
                                             for (const auto& e : n.next) nx.insert(e.go);
                                             return nx;
                                         }())
                                  .count(n.id) > 0;
        for (std::size_t i = 0; i < n.next.size(); ++i) {
            const Next& e = n.next[i];
            if (!e.cond && i + 1 < n.next.size())
                d.warning(f, n.next[i + 1].pos,
                          "this `next` entry is never tried: the entry before it has no `if` and "
                          "always holds; move the unconditional entry last");
            if (!e.cond) continue;
            const Condition& c = *e.cond;
            auto impossible = [&](const std::string& why) {
                d.error(f, c.pos.line ? c.pos : e.pos,
                        "condition can never be true: " + why + "; the branch to '" + e.go +
                            "' is never taken");
            };
            std::string which;
            if (c.mood_above && *c.mood_above >= 100) impossible("mood is at most 100");
            if (c.mood_below && *c.mood_below <= 0) impossible("mood is at least 0");
            if (c.mood_above && c.mood_below && *c.mood_above + 1 >= *c.mood_below)
                impossible("no mood is above " + std::to_string(*c.mood_above) + " and below " +
                           std::to_string(*c.mood_below));
            if (single_overlap(c.said, c.not_said, &which))
                impossible("'" + which + "' is both in `said` and `not_said`");
            if (single_overlap(c.did, c.not_did, &which))
                impossible("'" + which + "' is both in `did` and `not_did`");
            if (c.visits_above && *c.visits_above >= 1 && !on_cycle)
                impossible("node '" + n.id +
                           "' is entered at most once (no path leads back to it)");
            if (c.waited_over && too_long(*c.waited_over))
                impossible("waiting " + format_duration(*c.waited_over) +
                           " is longer than the scenario's time_limit " + limit_text);
        }
        if (n.expect.within && too_long(*n.expect.within))
            d.error(f, n.expect.pos.line ? n.expect.pos : n.pos,
                    "timer longer than the scenario: `within: " +
                        format_duration(*n.expect.within) + "` exceeds time_limit " + limit_text);
    }
    for (const auto& e : s.events) {
        if (too_long(e.at + e.jitter))
            d.error(f, e.pos,
                    "event at " + format_duration(e.at) +
                        (e.jitter ? " (+ up to " + format_duration(e.jitter) + ")" : "") +
                        " may never happen: time_limit is " + limit_text);
        if (e.give_up && too_long(e.at + e.jitter + *e.give_up))
            d.error(
                f, e.pos,
                "timer longer than the scenario: `give_up` ends after time_limit " + limit_text);
    }
    for (const auto& c : s.outcome.call)
        if (c.within && too_long(*c.within))
            d.error(f, c.pos,
                    "timer longer than the scenario: call " + c.number + " within " +
                        format_duration(*c.within) + " exceeds time_limit " + limit_text);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] the synthetic trainee
// ---------------------------------------------------------------------------------------------

// A lexicon phrase as a trainee would type it: anchors dropped, `#` as a number, `…` as nothing.
std::string render_phrase(const std::string& p) {
    std::string out;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (p[i] == '^' || p[i] == '$') continue;
        if (p[i] == '#') {
            out += "10";
            continue;
        }
        if (p.compare(i, 3, "…") == 0) {
            i += 2;
            continue;
        }
        out += p[i];
    }
    return out;
}

struct Phrasebook {
    std::map<std::string, std::string> act;  // act → a phrase the detector reads as that act
    std::string forbidden;                   // a reply with forbidden language
    std::string filler = "嗯,好的。";        // a reply with no act at all

    Phrasebook(const Lexicon& lex, const LexiconDetector& det) {
        for (const auto& e : lex.entries) {
            for (const auto& p : e.phrases) {
                std::string r = render_phrase(p.text);
                DetectedActs got = det.detect(r);
                bool weak = std::find(got.weak_acts.begin(), got.weak_acts.end(), e.name) !=
                            got.weak_acts.end();
                if (!got.has(e.name) || weak) continue;
                if (e.forbidden) {
                    if (e.name == "deflect" || e.name == "rude" || forbidden.empty())
                        forbidden += r + ",";
                } else {
                    act.emplace(e.name, r);
                }
                break;
            }
        }
        if (!forbidden.empty()) forbidden.back() = '!';
    }
};

std::string fact(const AttemptLog& log, const std::string& actor, const std::string& field) {
    auto a = log.facts.find(actor);
    if (a == log.facts.end()) return "";
    auto f = a->second.find(field);
    return f == a->second.end() ? "" : f->second;
}

struct Candidate {
    std::string text;  // empty + silent: say nothing
    bool silent = false;
    Millis wait = 0;               // silent: how long to wait
    std::vector<std::string> did;  // "verb" or "verb:arg" done before the reply
    bool operator<(const Candidate& o) const {
        return std::tie(text, silent, wait, did) < std::tie(o.text, o.silent, o.wait, o.did);
    }
};

// Builds the desk action for "verb" / "verb:arg", using the outcome for what it leaves open.
std::vector<Action> desk_actions(const Scenario& s, const AttemptLog& log, const std::string& actor,
                                 const std::string& want) {
    const auto colon = want.find(':');
    const std::string verb = want.substr(0, colon);
    const std::string arg = colon == std::string::npos ? "" : want.substr(colon + 1);
    const Outcome& o = s.outcome;
    std::vector<Action> out;
    auto one = [&](Verb v, std::string a) {
        Action x;
        x.verb = v;
        x.arg = std::move(a);
        out.push_back(std::move(x));
    };
    auto many = [&](Verb v, const std::vector<std::string>& from, const char* fallback) {
        if (!arg.empty()) return one(v, arg);
        if (from.empty()) return one(v, fallback);
        for (const auto& a : from) one(v, a);
    };
    if (verb == "record") {
        Action x;
        x.verb = Verb::Record;
        for (const auto& [k, v] : o.record) x.fields.emplace_back(k, v);
        for (const char* k : {"name", "room", "phone"})
            if (!x.field(k) && !fact(log, actor, k).empty())
                x.fields.emplace_back(k, fact(log, actor, k));
        if (!x.field("issue")) x.fields.emplace_back("issue", s.title);
        out.push_back(std::move(x));
    } else if (verb == "classify") {
        Action x;
        x.verb = Verb::Classify;
        x.fields.emplace_back("type", o.request_type.empty() ? "inquiry" : o.request_type);
        x.fields.emplace_back("level", o.level.empty() ? "general" : o.level);
        out.push_back(std::move(x));
    } else if (verb == "dispatch") {
        many(Verb::Dispatch, o.dispatch, "customer-service");
    } else if (verb == "escalate") {
        many(Verb::Escalate, o.escalate, "supervisor");
    } else if (verb == "call") {
        if (!arg.empty()) one(Verb::Call, arg);
        for (const auto& c : o.call)
            if (arg.empty()) one(Verb::Call, c.number);
    } else if (verb == "notify") {
        many(Verb::Notify, o.notify, "owner");
    } else if (verb == "hand_over") {
        many(Verb::HandOver, o.hand_over, "form");
    } else if (verb == "broadcast") {
        one(Verb::Broadcast, "evacuation");
    } else if (verb == "register_visitor") {
        Action x;
        x.verb = Verb::RegisterVisitor;
        for (const char* k : {"name", "visiting", "id"})
            if (!fact(log, actor, k).empty()) x.fields.emplace_back(k, fact(log, actor, k));
        out.push_back(std::move(x));
    } else if (verb == "hold") {
        one(Verb::Hold, "");
    }
    return out;
}

// The outcome's desk actions in a sensible order (emergency calls first).
std::vector<std::string> outcome_wants(const Outcome& o) {
    std::vector<std::string> w;
    for (const auto& c : o.call) w.push_back("call:" + c.number);
    if (!o.broadcast.empty()) w.push_back("broadcast");
    for (const auto& h : o.hand_over) w.push_back("hand_over:" + h);
    if (!o.record.empty()) w.push_back("record");
    if (!o.request_type.empty() || !o.level.empty()) w.push_back("classify");
    for (const auto& x : o.dispatch) w.push_back("dispatch:" + x);
    for (const auto& x : o.escalate) w.push_back("escalate:" + x);
    if (o.register_visitor.value_or(false)) w.push_back("register_visitor");
    for (const auto& x : o.notify) w.push_back("notify:" + x);
    return w;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] one driven run
// ---------------------------------------------------------------------------------------------

struct RunResult {
    std::vector<int> decisions;  // the decision taken at each branch point
    std::vector<int> counts;     // how many candidates each branch point had
    std::string ending;
    ScoreReport report;
    std::size_t work = 0;  // log entries the run produced
};

class Driver {
  public:
    Driver(const Scenario& s, const Lexicon& lex, const LexiconDetector& det, const Catalogue& cat,
           const Phrasebook& book, const VerifyLimits& lim)
        : s_(s), lex_(lex), det_(det), cat_(cat), book_(book), lim_(lim) {
        // What the scenario's `acts` criteria score, so the model trainee says it: at a
        // thread's first reply, or at its closing.
        for (const auto& ref : s.criteria) {
            const Criterion* c = cat.find(ref.id);
            if (!c || (c->check != "acts" && c->check != "tells")) continue;
            CheckParams p = scenario_params(*c, ref, s.site);
            if (c->check == "tells") {
                // What a right answer tells (2.5元, 80元): the model trainee knows its answers.
                const std::string facts = p["facts"];
                for (std::size_t at = 0; at <= facts.size();) {
                    const std::size_t comma = std::min(facts.find(',', at), facts.size());
                    std::string first = facts.substr(at, comma - at);
                    first = first.substr(0, first.find('|'));
                    while (!first.empty() && first.front() == ' ') first.erase(0, 1);
                    if (!first.empty()) tells_ += first + ",";
                    at = comma + 1;
                }
                continue;
            }
            auto& into = p["window"] == "closing" ? closing_acts_ : opening_acts_;
            std::string acts = p["acts"];
            for (std::size_t at = 0; at <= acts.size();) {
                std::size_t comma = std::min(acts.find(',', at), acts.size());
                std::string group = acts.substr(at, comma - at);
                std::string first = group.substr(0, group.find('|'));
                while (!first.empty() && first.front() == ' ') first.erase(0, 1);
                if (!first.empty()) into.push_back(first);
                at = comma + 1;
            }
        }
    }

    RunResult run(bool best, std::uint64_t seed, const std::vector<int>& decisions) const {
        Engine e(s_, det_, lex_.mood, seed);
        RunResult r;
        std::size_t di = 0;
        Millis t = 0;
        int index = 0;
        std::set<std::string> done;         // desk actions done ("verb:arg" / "verb")
        std::set<std::string> replied;      // threads the trainee has spoken to
        std::map<std::string, int> stalls;  // thread → replies that moved nothing
        const bool emergency = !s_.outcome.call.empty();

        auto apply = [&](Action a, const std::string& to) {
            a.at = std::max(t, e.now());
            a.to = to;
            e.apply(a, index++);
            t = a.at + 1'000;
        };
        auto want = [&](const std::string& w, const std::string& thread, const std::string& actor) {
            if (done.count(w)) return;
            done.insert(w);
            for (auto& a : desk_actions(s_, e.log(), actor, w)) apply(std::move(a), thread);
        };

        for (int step = 0; step < lim_.max_steps && !e.finished(); ++step) {
            e.advance_to(t);
            const auto views = e.threads();
            const ThreadView* pick = nullptr;
            auto done_talking = [&](const ThreadView& v) {
                const Node* n = s_.node(v.node);
                const NodeVisit* cur = e.current_visit(v.id);
                return n && n->end && cur && cur->first_reply_at;
            };
            for (const auto& v : views)  // a ringing phone first (three rings)
                if (!pick && v.state == ThreadView::State::Ringing) pick = &v;
            for (const auto& v : views)  // then whoever is being served
                if (!pick &&
                    (v.state == ThreadView::State::Active || v.state == ThreadView::State::Held) &&
                    !done_talking(v))
                    pick = &v;
            for (const auto& v : views)  // then the queue at the counter
                if (!pick && v.state == ThreadView::State::Waiting) pick = &v;
            if (!pick) {
                auto nt = e.next_event_time();
                if (!nt) break;
                t = std::max(t, *nt);
                continue;
            }
            const ThreadView v = *pick;
            if (v.state == ThreadView::State::Ringing || v.state == ThreadView::State::Waiting) {
                // A model trainee picks up at once; a careless one lets it ring / wait.
                t = std::max(t, v.since + (best ? 1'000 : 18'000));
                e.advance_to(t);
                Action a;
                a.verb = Verb::Answer;
                a.arg = v.id;
                apply(a, v.id);
                continue;
            }
            if (v.state == ThreadView::State::Held) {
                Action a;
                a.verb = Verb::Answer;
                a.arg = v.id;
                apply(a, v.id);
                continue;
            }
            if (best && emergency)  // an emergency: calls and evacuation before anything else
                for (const auto& w : outcome_wants(s_.outcome))
                    if (w.rfind("call:", 0) == 0 || w == "broadcast") want(w, v.id, v.actor);
            const Node* n = s_.node(v.node);
            if (!n) {  // an alarm without dialogue: handle it and close it
                if (best)
                    for (const auto& w : outcome_wants(s_.outcome)) want(w, v.id, v.actor);
                Action a;
                a.verb = Verb::HangUp;
                apply(a, v.id);
                continue;
            }
            if (best) {
                for (const auto& any : n->expect.did)
                    if (!any.empty()) want(any.front(), v.id, v.actor);
                if (n->end)
                    for (const auto& w : outcome_wants(s_.outcome)) want(w, v.id, v.actor);
            }
            auto cands = candidates(best, *n, v, e.log(), !replied.count(v.id));
            int k = 0;
            if (cands.size() > 1) {
                r.counts.push_back(static_cast<int>(cands.size()));
                k = di < decisions.size() ? decisions[di] : 0;
                if (k >= static_cast<int>(cands.size())) k = 0;
                r.decisions.push_back(k);
                ++di;
            }
            const Candidate& c = cands[static_cast<std::size_t>(k)];
            const NodeVisit* before = e.current_visit(v.id);
            const std::size_t visits_before = e.log().visits.size();
            const std::size_t replies_before = before ? before->replies.size() : 0;
            for (const auto& w : c.did) want(w, v.id, v.actor);
            if (c.silent) {
                t += c.wait;
                e.advance_to(t);
            } else {
                Action a;
                a.verb = Verb::Say;
                a.text = c.text;
                apply(a, v.id);
                replied.insert(v.id);
            }
            const bool moved = e.log().visits.size() != visits_before;
            const NodeVisit* after = e.current_visit(v.id);
            const bool replied_to_end = n->end && after && after->replies.size() > replies_before;
            if (!moved && !replied_to_end && ++stalls[v.id] >= 2) {
                // Nothing the synthetic trainee says moves this node on: give up the thread.
                Action a;
                a.verb = Verb::HangUp;
                apply(a, v.id);
            }
            if (moved) stalls[v.id] = 0;
        }
        e.finish(t + 10'000);
        r.ending = ending_label(e.log());
        r.work = e.log().entries.size();
        ScoreOptions opt;
        opt.detector = &det_;
        r.report = score_attempt(s_, e.log(), cat_, opt);
        return r;
    }

  private:
    std::string reply(const std::vector<std::string>& acts, const AttemptLog& log,
                      const std::string& actor) const {
        std::string out;
        std::set<std::string> seen;
        for (const auto& a : acts) {
            if (!seen.insert(a).second) continue;
            auto p = book_.act.find(a);
            if (p == book_.act.end()) continue;
            out += p->second;
            if (a == "self-identify" && !s_.site.company.empty())
                out += s_.site.company + "客服中心";
            if (a == "repeat-back") {
                out += ":";
                for (const char* k : {"name", "room", "phone"})
                    if (!fact(log, actor, k).empty()) out += fact(log, actor, k) + ",";
            }
            out += ",";
        }
        if (out.empty()) return book_.filler;
        out += tells_;
        out.back() = ' ';
        out.pop_back();
        return out + "。";
    }

    std::vector<Candidate> candidates(bool best, const Node& n, const ThreadView& v,
                                      const AttemptLog& log, bool first_reply) const {
        std::vector<std::string> base;
        if (best) {
            if (first_reply) {
                base = {"greeting"};
                if (v.kind == ThreadRecord::Kind::Phone) base.push_back("self-identify");
                base.push_back("offer-help");
                base.insert(base.end(), opening_acts_.begin(), opening_acts_.end());
            }
            for (const auto& any : n.expect.acts)
                if (!any.empty()) base.push_back(any.front());
            if (n.end) {
                base.push_back("thanks");
                base.push_back("farewell");
                base.insert(base.end(), closing_acts_.begin(), closing_acts_.end());
            }
        }
        std::vector<Candidate> out;
        std::set<Candidate> seen;
        auto add = [&](Candidate c) {
            if (seen.insert(c).second) out.push_back(std::move(c));
        };
        add({reply(base, log, v.actor), false, 0, {}});
        if (n.next.size() > 1) {
            Millis longest_wait = 0;
            for (const auto& e : n.next) {
                if (!e.cond) continue;
                if (!e.cond->said.empty()) {
                    auto acts = base;
                    for (const auto& any : e.cond->said)
                        if (!any.empty()) acts.push_back(any.front());
                    add({reply(acts, log, v.actor), false, 0, {}});
                }
                if (!e.cond->did.empty()) {
                    Candidate c{reply(base, log, v.actor), false, 0, {}};
                    for (const auto& any : e.cond->did)
                        if (!any.empty()) c.did.push_back(any.front());
                    add(std::move(c));
                }
                if (e.cond->waited_over)
                    longest_wait = std::max(longest_wait, *e.cond->waited_over);
            }
            if (!book_.forbidden.empty()) add({book_.forbidden, false, 0, {}});
            if (longest_wait > 0) add({"", true, longest_wait + 1'000, {}});
        }
        return out;
    }

    std::string ending_label(const AttemptLog& log) const {
        // Past a handful of threads an ending is named by its first ones and a count.
        constexpr std::size_t kNamed = 6;
        std::string out;
        for (const auto& th : log.threads) {
            if (&th - log.threads.data() == static_cast<std::ptrdiff_t>(kNamed)) {
                out += " + " + std::to_string(log.threads.size() - kNamed) + " more";
                break;
            }
            std::string last;
            for (const auto& vis : log.visits)
                if (vis.thread == th.id) last = vis.node;
            if (last.empty()) last = "-";
            std::string how;
            const Node* n = s_.node(last);
            if (!(n && n->end)) {
                if (th.ended_by == ThreadRecord::EndedBy::Trainee) how = " (trainee hung up)";
                if (th.ended_by == ThreadRecord::EndedBy::Actor) how = " (actor left)";
                if (th.ended_by == ThreadRecord::EndedBy::None) how = " (still open)";
            }
            if (!out.empty()) out += " + ";
            out += th.id + "@" + last + how;
        }
        return out.empty() ? "(nothing happened)" : out;
    }

    const Scenario& s_;
    const Lexicon& lex_;
    const LexiconDetector& det_;
    const Catalogue& cat_;
    const Phrasebook& book_;
    const VerifyLimits& lim_;
    std::vector<std::string> opening_acts_;
    std::vector<std::string> closing_acts_;
    std::string tells_;  // the facts of the scenario's `tells` criteria, said in every reply
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] exploration over branch decisions, aggregation per ending
// ---------------------------------------------------------------------------------------------

VerifyResult verify_scenario(const Scenario& s, const Lexicon& lex, const LexiconDetector& det,
                             const Catalogue& cat, Diagnostics& diags, const VerifyLimits& lim) {
    VerifyResult result;
    result.scenario = s.id;
    static_checks(s, diags);

    const Phrasebook book(lex, det);
    const Driver driver(s, lex, det, cat, book, lim);
    std::map<std::string, VerifyEnding> endings;
    std::map<std::string, int> earned;  // criterion → most points any run earned

    // Seeded variation (actor `vary`, event `jitter`) changes facts and timing: explore a few
    // seeds besides 0 so every variant is played.
    std::vector<std::uint64_t> seeds{0};
    const bool varies =
        std::any_of(s.actors.begin(), s.actors.end(),
                    [](const Actor& a) { return !a.vary.empty(); }) ||
        std::any_of(s.events.begin(), s.events.end(), [](const Event& e) { return e.jitter > 0; });
    if (varies) seeds = {0, 1, 2, 3};
    result.seeds = static_cast<int>(seeds.size());
    for (std::uint64_t seed : seeds)
        for (bool best : {true, false}) {
            std::deque<std::vector<int>> todo{{}};
            std::set<std::vector<int>> queued{{}};
            int runs = 0;
            while (!todo.empty() && runs < lim.max_runs) {
                if (result.work >= lim.max_work) {
                    result.truncated = true;
                    result.unexplored += static_cast<int>(todo.size());
                    break;
                }
                std::vector<int> dec = todo.front();
                todo.pop_front();
                RunResult r = driver.run(best, seed, dec);
                ++runs;
                result.work += r.work;
                for (std::size_t i = dec.size(); i < r.counts.size(); ++i)
                    for (int j = 1; j < r.counts[i]; ++j) {
                        std::vector<int> next(r.decisions.begin(),
                                              r.decisions.begin() + static_cast<long>(i));
                        next.push_back(j);
                        if (queued.insert(next).second) todo.push_back(std::move(next));
                    }
                VerifyEnding& en = endings[r.ending];
                en.label = r.ending;
                if (en.runs == 0 || r.report.score > en.best) en.best = r.report.score;
                if (en.runs == 0 || r.report.score < en.worst) en.worst = r.report.score;
                en.passable = en.passable || r.report.passed;
                ++en.runs;
                result.passing_path = result.passing_path || r.report.passed;
                result.failing_path = result.failing_path || !r.report.passed;
                for (const auto& c : r.report.criteria) {
                    int& most = earned[c.id];
                    most = std::max(most, c.points);
                }
            }
            result.runs += runs;
        }
    for (auto& [label, en] : endings) result.endings.push_back(en);

    for (const auto& ref : s.criteria) {
        auto it = earned.find(ref.id);
        if (it != earned.end() && it->second == 0) {
            result.unearned_criteria.push_back(ref.id);
            diags.error(s.path, ref.pos,
                        "criterion '" + ref.id +
                            "' is earned by no path: the model trainee explored every branch "
                            "and never got a point of it; check that a node expects what it "
                            "scores (acts, actions, outcome)");
        }
    }
    if (result.truncated)
        diags.warning(s.path, s.pos,
                      "exploration stopped at its work budget (" +
                          std::to_string(lim.max_work) + " log entries) after " +
                          std::to_string(result.runs) + " runs; " +
                          std::to_string(result.unexplored) +
                          " branch choice(s) were not played, so the endings and scores below "
                          "cover only what was; a scenario this large is hard to assess — split it");
    if (!result.passing_path && !result.truncated)
        diags.error(s.path, s.pos,
                    "no passing path: the best score any explored path reaches is below the pass "
                    "mark; check the criteria and the nodes' expectations");
    else if (!result.passing_path)
        diags.error(s.path, s.pos,
                    "no passing path in what could be explored within the work budget; check the "
                    "criteria and the nodes' expectations, or split the scenario");
    if (!result.failing_path)
        diags.warning(s.path, s.pos,
                      "no explored path fails: the scenario cannot tell a poor "
                      "attempt from a good one");
    return result;
}

std::string verify_to_text(const VerifyResult& r) {
    std::ostringstream out;
    out << r.scenario << ": " << r.runs << " runs";
    if (r.seeds > 1) out << " over " << r.seeds << " seeds";
    out << ", " << r.endings.size() << " ending(s)";
    if (r.truncated) out << " (stopped at the work budget; " << r.unexplored << " not explored)";
    out << "\n";
    for (const auto& e : r.endings)
        out << "  ending " << e.label << ": best " << e.best << ", worst " << e.worst
            << (e.passable ? "" : "  (no passing path ends here)") << "\n";
    return out.str();
}

}  // namespace dd
