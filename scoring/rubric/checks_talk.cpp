// The checks on what the trainee said: required speech acts in a window, forbidden language,
// repeat-back with the key facts, privacy (a private fact said to another party), and each
// node's expected acts and desk actions.
#include <algorithm>
#include <set>

#include "checks.h"
#include "sim/model/enums.h"
#include "sim/model/describe.h"

namespace dd::rubric {

namespace {

bool contains(const std::vector<std::string>& v, std::string_view s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

// Credit of one act in one set of acts: 1 strong, weak_credit for a weak form only, else 0.
double act_credit(const std::vector<std::string>& acts, const std::vector<std::string>& weak,
                  std::string_view act, double weak_credit, bool& is_weak) {
    is_weak = false;
    if (contains(acts, act) && !contains(weak, act)) return 1.0;
    if (contains(weak, act)) {
        is_weak = true;
        return weak_credit;
    }
    return 0.0;
}

// The best credit of any of the group's alternatives.
double group_credit(const std::vector<std::string>& acts, const std::vector<std::string>& weak,
                    const AnyOf& g, double weak_credit) {
    double best = 0;
    for (const auto& act : g) {
        bool w = false;
        best = std::max(best, act_credit(acts, weak, act, weak_credit, w));
    }
    return best;
}

// A desk action a node expects ("dispatch" or "dispatch:engineering"): in words, with the
// expected value as written beside it in the JSON.
i18n::Message did_ref(const std::string& want) {
    const auto colon = want.find(':');
    if (colon == std::string::npos) return i18n::label_msg("verb.", want);
    return note(Note::DidRef)
        .msg("spec", describe_spec(want.substr(0, colon), want.substr(colon + 1)))
        .text("code", want);
}

struct Hit {
    double credit = 0;
    int entry = -1;
    std::string act;
    bool weak = false;
};

Hit best_in(const AttemptView& v, const std::vector<int>& cands, const AnyOf& g, double weak) {
    Hit best;
    for (int idx : cands) {
        const auto& e = v.log.entries[static_cast<std::size_t>(idx)];
        for (const auto& act : g) {
            bool w = false;
            const double c = act_credit(e.acts, e.weak_acts, act, weak, w);
            if (c > best.credit) best = {c, idx, act, w};
            if (best.credit >= 1.0) return best;
        }
    }
    return best;
}

// What was said in one turn: the acts of the candidates from cands[k] on that belong to the
// turn of cands[k] (an act is weak only if no message of the turn has it strong). Moves k past
// them.
struct Said {
    int first = -1;  // the turn's first candidate
    std::vector<std::string> acts, weak;
};

Said said_in_turn(const AttemptView& v, const std::vector<int>& cands, std::size_t& k) {
    Said s;
    s.first = cands[k];
    const auto& turn = v.turn_of(cands[k]);
    std::vector<std::string> strong;
    for (; k < cands.size(); ++k) {
        const int idx = cands[k];
        if (idx != s.first && std::find(turn.begin(), turn.end(), idx) == turn.end()) break;
        const auto& e = entry(v, idx);
        for (const auto& a : e.acts) {
            if (!contains(s.acts, a)) s.acts.push_back(a);
            if (!contains(e.weak_acts, a) && !contains(strong, a)) strong.push_back(a);
        }
    }
    for (const auto& a : s.acts)
        if (!contains(strong, a)) s.weak.push_back(a);
    return s;
}

// Scores one window (a set of candidate replies) against the groups; adds evidence.
double score_window(const AttemptView& v, const std::vector<int>& cands,
                    const std::vector<AnyOf>& groups, double weak, bool same_reply,
                    const i18n::Message& where, Millis from, Millis to, const std::string& thread,
                    std::vector<Evidence>& ev) {
    if (groups.empty()) return 1.0;
    if (cands.empty()) {
        std::vector<i18n::Message> need;
        for (const auto& g : groups) need.push_back(group_ref(g));
        ev.push_back(AttemptView::missing(
            from, to, thread,
            not_found(
                note(Note::NoReplyAt).msg("where", where).msg("need", joined(std::move(need))))));
        return 0.0;
    }
    if (same_reply) {
        // One reply, or one answer split over messages said in one go (view.h turn_of).
        double best = -1;
        Said said_best;
        for (std::size_t k = 0; k < cands.size();) {
            Said s = said_in_turn(v, cands, k);
            double sum = 0;
            for (const auto& g : groups) sum += group_credit(s.acts, s.weak, g, weak);
            if (sum > best) {
                best = sum;
                said_best = std::move(s);
            }
        }
        const auto& e = entry(v, said_best.first);
        std::vector<i18n::Message> have, lack;
        std::vector<std::string> names;
        for (const auto& g : groups) {
            bool found = false;
            for (const auto& act : g)
                if (contains(said_best.acts, act)) {
                    found = true;
                    if (contains(e.acts, act)) names.push_back(act);
                    have.push_back(act_ref(act));
                    break;
                }
            if (!found) lack.push_back(group_ref(g));
        }
        const double credit = best / static_cast<double>(groups.size());
        i18n::Message why;
        if (credit <= 0)
            why = not_found(
                note(Note::NoneTogether).msg("where", where).msg("lack", joined(std::move(lack))));
        else if (lack.empty())
            why = note(Note::Together).msg("have", joined(std::move(have)));
        else
            why = note(Note::PartlyTogether)
                      .msg("have", joined(std::move(have)))
                      .msg("lack", joined(std::move(lack)));
        if (credit <= 0 && cands.size() > 1)
            ev.push_back(AttemptView::missing(from, to, thread, std::move(why)));
        else
            ev.push_back(v.reply_evidence(e, names, std::move(why)));
        return credit;
    }
    double sum = 0;
    for (const auto& g : groups) {
        const Hit h = best_in(v, cands, g, weak);
        sum += h.credit;
        if (h.entry >= 0) {
            ev.push_back(v.reply_evidence(
                entry(v, h.entry), {h.act},
                note(h.weak ? Note::Weak : Note::Contains).msg("act", act_ref(h.act))));
        } else if (cands.size() == 1) {
            ev.push_back(v.reply_evidence(
                entry(v, cands.front()), {},
                not_found(note(Note::LacksIn).msg("where", where).msg("group", group_ref(g)))));
        } else {
            ev.push_back(AttemptView::missing(
                from, to, thread,
                not_found(note(Note::LacksInN)
                              .msg("where", where)
                              .num("n", static_cast<std::int64_t>(cands.size()))
                              .msg("group", group_ref(g)))));
        }
    }
    return sum / static_cast<double>(groups.size());
}

bool has_filter(const Params& p) {
    return p.has("thread_kind") || p.has("roles");
}

std::vector<int> replies_of(const AttemptView& v, const std::vector<const ThreadRecord*>& ts) {
    std::vector<int> out;
    for (int idx : v.replies()) {
        const auto& e = entry(v, idx);
        for (const auto* t : ts)
            if (t->id == e.thread) {
                out.push_back(idx);
                break;
            }
    }
    return out;
}

CheckResult none_found(const Params& p, i18n::Message why) {
    if (p.str("if_none") == "fail") {
        CheckResult r;
        r.credit = 0;
        r.evidence.push_back(AttemptView::missing(0, 0, "", not_found(std::move(why))));
        return r;
    }
    return not_applicable(std::move(why));
}

}  // namespace

CheckResult check_acts(const AttemptView& v, const Params& p) {
    CheckResult r;
    const auto groups = p.groups("acts");
    const std::string window = p.str("window");
    const double weak = p.num("weak_credit");
    const bool same = p.flag("same_reply");
    if (groups.empty()) return not_applicable(note(Note::NaNoActsListed));
    const auto ts = v.threads(p);

    if (window == "first-reply" || window == "closing") {
        if (ts.empty()) return none_found(p, note(Note::NaNoMatchingConversation));
        double sum = 0;
        for (const auto* t : ts) {
            const auto rs = v.replies_in(t->id);
            std::vector<int> cands;
            i18n::Message where;
            if (window == "first-reply") {
                where = note(Note::WhereFirstReply);
                if (!rs.empty()) cands = v.turn_of(rs.front());  // split over messages too
            } else {
                where = note(Note::WhereClosing);
                // The replies at the thread's last node, and its last reply in any case.
                for (auto it = v.visits().rbegin(); it != v.visits().rend(); ++it) {
                    if (it->thread != t->id) continue;
                    cands = it->replies;
                    break;
                }
                if (!rs.empty() && std::find(cands.begin(), cands.end(), rs.back()) == cands.end())
                    cands.push_back(rs.back());
                std::sort(cands.begin(), cands.end());
            }
            sum += score_window(v, cands, groups, weak, same, where, v.thread_start(*t),
                                v.thread_end(*t), t->id, r.evidence);
        }
        r.credit = sum / static_cast<double>(ts.size());
        return r;
    }

    if (window == "node") {
        const std::string node = p.str("node");
        std::vector<int> cands;
        bool seen = false;
        Millis from = 0, to = 0;
        std::string thread, line;
        for (const auto& vis : v.visits()) {
            if (vis.node != node) continue;
            if (!seen) {
                from = vis.spoken_at;
                thread = vis.thread;
                line = vis.line;
            }
            seen = true;
            to = vis.left_at ? *vis.left_at : v.log.ended_at;
            cands.insert(cands.end(), vis.replies.begin(), vis.replies.end());
        }
        if (!seen) return none_found(p, note(Note::NaNodeNotReached).text("node", node));
        r.credit = score_window(v, cands, groups, weak, same,
                                note(Note::WhereNode).text("node", node).text("line", line), from,
                                to, thread, r.evidence);
        return r;
    }

    if (window == "before-hold") {
        std::vector<int> holds = v.desk_of("hold");
        if (holds.empty()) {
            // No hold: the wait was a look-up; the words must still be said somewhere.
            const auto cands = has_filter(p) ? replies_of(v, ts) : v.replies();
            r.credit = score_window(v, cands, groups, weak, same, note(Note::WhereWholeNoHold), 0,
                                    v.log.ended_at, "", r.evidence);
            return r;
        }
        double sum = 0;
        for (int h : holds) {
            const auto& he = entry(v, h);
            Millis t0 = 0;
            for (int i = h - 1; i >= 0; --i) {
                const auto& e = entry(v, i);
                if (e.thread == he.thread && e.kind == LogEntry::Kind::ActorLine) {
                    t0 = e.t;
                    break;
                }
            }
            std::vector<int> cands;
            for (int idx : v.replies_in(he.thread))
                if (idx < h && entry(v, idx).t >= t0) cands.push_back(idx);
            sum += score_window(v, cands, groups, weak, same,
                                note(Note::WhereBeforeHold).text("t", clock(he.t)), t0, he.t,
                                he.thread, r.evidence);
        }
        r.credit = sum / static_cast<double>(holds.size());
        return r;
    }

    if (window == "after-hold") {
        const Millis long_wait = p.dur("long_wait").value();
        struct Wait {
            Millis t;
            std::string thread;
            int after;  // first reply index after this entry index
            i18n::Message why;
        };
        std::vector<Wait> waits;
        for (std::size_t i = 0; i < v.log.entries.size(); ++i) {
            const auto& e = v.log.entries[i];
            if (e.kind == LogEntry::Kind::Resume)
                waits.push_back({e.t, e.thread, static_cast<int>(i), note(Note::WhyResumed)});
        }
        for (const auto* t : ts) {
            if (!t->answered_at) {
                // Left waiting until the end: the wait was never acknowledged.
                if (v.thread_end(*t) - t->opened_at > long_wait)
                    waits.push_back({v.thread_end(*t), t->id,
                                     static_cast<int>(v.log.entries.size()),
                                     note(Note::WhyNeverServed)});
                continue;
            }
            if (*t->answered_at - t->opened_at <= long_wait) continue;
            waits.push_back({*t->answered_at, t->id, -1,
                             note(Note::WhyWaited).duration("d", *t->answered_at - t->opened_at)});
        }
        if (waits.empty()) return not_applicable(note(Note::NaNoLongWait));
        double sum = 0;
        for (const auto& w : waits) {
            std::vector<int> cands;
            for (int idx : v.replies_in(w.thread))
                if (idx > w.after && entry(v, idx).t >= w.t) {
                    cands.push_back(idx);
                    break;
                }
            sum += score_window(v, cands, groups, weak, same,
                                note(Note::WhereAfterWait).msg("why", w.why), w.t, v.log.ended_at,
                                w.thread, r.evidence);
        }
        r.credit = sum / static_cast<double>(waits.size());
        return r;
    }

    // anywhere
    if (has_filter(p) && ts.empty()) return none_found(p, note(Note::NaNoMatchingConversation));
    auto cands = has_filter(p) ? replies_of(v, ts) : v.replies();
    if (p.flag("expecting")) {
        // A time promised to the courier is not the owner's: only the conversations whose
        // dialogue asks for these acts count (all of them when no node asks).
        std::set<std::string> asking;
        for (const auto& vis : v.visits())
            if (const Node* n = v.scenario.node(vis.node))
                for (const auto& want : n->expect.acts)
                    for (const auto& g : groups)
                        for (const auto& act : g)
                            if (contains(want, act)) asking.insert(vis.thread);
        if (!asking.empty())
            std::erase_if(cands, [&](int idx) { return !asking.count(entry(v, idx).thread); });
    }
    r.credit = score_window(v, cands, groups, weak, same, note(Note::WhereWhole), 0, v.log.ended_at,
                            "", r.evidence);
    return r;
}

CheckResult check_forbidden(const AttemptView& v, const Params& p) {
    CheckResult r;
    auto families = p.list("families");
    if (families.empty()) families.assign(enums::kForbidden.begin(), enums::kForbidden.end());
    const double per = p.num("per_offence");
    const auto cands = has_filter(p) ? replies_of(v, v.threads(p)) : v.replies();
    int offences = 0;
    for (int idx : cands) {
        const auto& e = entry(v, idx);
        std::vector<std::string> hit;
        for (const auto& f : e.forbidden)
            if (contains(families, f)) hit.push_back(f);
        if (hit.empty()) continue;
        ++offences;
        std::vector<i18n::Message> acts;
        for (const auto& h : hit) acts.push_back(act_ref(h));
        r.evidence.push_back(
            v.reply_evidence(e, hit, note(Note::Forbidden).msg("acts", joined(std::move(acts)))));
    }
    if (cands.empty()) {
        if (!v.has_conversation()) return not_applicable(note(Note::NaNoConversation));
        // Saying nothing is not the same as speaking without forbidden words.
        r.credit = 0;
        r.evidence.push_back(
            AttemptView::missing(0, v.log.ended_at, "", not_found(note(Note::Silent))));
        return r;
    }
    r.credit = std::max(0.0, 1.0 - per * offences);
    return r;
}

// "phrase:490元" → “490元”; a field → its word.
static i18n::Message fact_ref(const std::string& f) {
    if (f.rfind("phrase:", 0) == 0) return note(Note::PhraseRef).text("text", f.substr(7));
    return field_ref(f);
}

static i18n::Message fact_refs(const std::vector<std::string>& fields) {
    std::vector<i18n::Message> items;
    for (const auto& f : fields) items.push_back(fact_ref(f));
    return joined(std::move(items));
}

namespace {

using KeyFacts = std::vector<std::pair<std::string, std::string>>;  // field → value as played

// The key facts to repeat back: named by `facts`, else the name/room/phone of the outcome's
// record; and `phrases`, literal key facts of this scenario (an amount, a day, a place).
KeyFacts key_facts(const AttemptView& v, const Params& p, const std::string& primary) {
    KeyFacts facts;
    const auto outcome_value = [&](const std::string& f) -> std::optional<std::string> {
        for (const auto& [k, val] : v.scenario.outcome.record)
            if (k == f) return v.expected_value(k, val);
        return std::nullopt;
    };
    if (p.has("facts")) {
        for (const auto& f : p.list("facts")) {
            std::string val = outcome_value(f).value_or(v.played_fact(primary, f));
            if (!val.empty()) facts.emplace_back(f, val);
        }
    } else {
        // Without a record in the outcome there is no identity to confirm: the act alone counts
        // unless the scenario names `facts` or `phrases`.
        for (const char* f : {"name", "room", "phone", "contact"}) {
            auto val = outcome_value(f);
            if (val && !val->empty()) facts.emplace_back(f, *val);
        }
    }
    for (const auto& phrase : p.list("phrases")) facts.emplace_back("phrase:" + phrase, phrase);
    return facts;
}

std::string repeat_party(const AttemptView& v) {
    std::string primary = v.first_party();
    if (primary.empty() && !v.scenario.actors.empty()) primary = v.scenario.actors.front().id;
    return primary;
}

// The key facts said back in one answer (a reply, or the messages of one turn): each fact found
// in any of them counts 1, said in part or by an unsure reading (3栋12楼, 小王) 0.5.
struct SaidBack {
    double got = 0;
    bool act = false;  // the repeat-back act in one of the messages
    int at = -1;       // the message to show: the act's, else the first with a fact
    std::vector<std::string> found, lack, unsure;
    std::optional<std::pair<int, int>> span;  // in `at`'s text
};

SaidBack said_back(const AttemptView& v, const std::vector<int>& msgs, const KeyFacts& facts,
                   const text::FactContext& ctx) {
    SaidBack out;
    for (int idx : msgs)
        if (contains(entry(v, idx).acts, "repeat-back")) {
            out.act = true;
            out.at = idx;
            break;
        }
    std::vector<std::string> texts;
    for (int idx : msgs) texts.push_back(reply_text(entry(v, idx)));
    for (const auto& [f, val] : facts) {
        std::optional<text::FactMatch> best;
        int where = -1;
        for (std::size_t k = 0; k < msgs.size(); ++k) {
            const auto m = f.rfind("phrase:", 0) == 0
                               ? text::find_fact(text::FactKind::Other, texts[k], val)
                               : find_fact(f, texts[k], val, v.settings, ctx);
            if (!m) continue;
            const bool sure = !m->partial && !m->uncertain;
            if (!best || (sure && (best->partial || best->uncertain))) {
                best = m;
                where = msgs[k];
            }
            if (sure) break;
        }
        if (!best) {
            out.lack.push_back(f);
            continue;
        }
        if (best->partial || best->uncertain) {
            out.unsure.push_back(f);
            out.got += 0.5;
        } else {
            out.found.push_back(f);
            out.got += 1.0;
        }
        if (out.at < 0) out.at = where;
        if (!out.span && where == out.at) out.span = span_of(best);
    }
    if (out.at < 0 && !msgs.empty()) out.at = msgs.front();
    return out;
}

// The credit of an answer: with key facts, the act earns `act_share` and the facts the rest
// (without the act, the facts alone); without key facts, the act.
double said_back_credit(const SaidBack& s, std::size_t n_facts, double act_share) {
    if (n_facts == 0) return s.act ? 1.0 : 0.0;
    const double said = s.got / static_cast<double>(n_facts);
    return s.act ? act_share + (1.0 - act_share) * said : said;
}

}  // namespace

CheckResult check_repeat_back(const AttemptView& v, const Params& p) {
    CheckResult r;
    const double act_share = std::clamp(p.num("act_share"), 0.0, 1.0);
    const std::string primary = repeat_party(v);
    const KeyFacts facts = key_facts(v, p, primary);

    // Whose facts they are: a surname shared with another person of the scenario is no proof.
    const text::FactContext ctx = v.names_besides(primary);

    // Credit comes from the facts said back; the confirming formula alone earns only its share
    // (跟您确认一下 with no facts is not a repeat-back), and facts said back in plain words
    // (我记一下:5栋1201,490元) earn it all. A fact said only in part (3栋12楼) or by a reading
    // that could be wrong (小王) counts half and is marked for review. An answer split over
    // messages said in one go (the name in one, room and phone in the next) counts as one.
    double best = 0;
    SaidBack best_said;
    for (int idx : v.replies()) {
        const auto& turn = v.turn_of(idx);
        if (!turn.empty() && turn.front() != idx) continue;  // scored with its turn
        SaidBack s = said_back(v, turn.empty() ? std::vector<int>{idx} : turn, facts, ctx);
        const double c = said_back_credit(s, facts.size(), act_share);
        if (c > best) {
            best = c;
            best_said = std::move(s);
        }
    }
    r.credit = best;
    if (best_said.at < 0) {
        std::vector<std::string> need;
        for (const auto& [f, val] : facts) need.push_back(f);
        r.evidence.push_back(AttemptView::missing(
            0, v.log.ended_at, "",
            not_found(need.empty() ? note(Note::NoRepeat)
                                   : note(Note::NoRepeatNeed).msg("need", fact_refs(need)))));
        return r;
    }
    const auto& e = entry(v, best_said.at);
    const bool act = contains(e.acts, "repeat-back");
    std::vector<i18n::Message> parts = {note(best_said.act ? Note::Repeat : Note::RepeatNoAct)};
    if (!best_said.found.empty())
        parts.push_back(note(Note::PartIncludes).msg("items", fact_refs(best_said.found)));
    if (!best_said.unsure.empty())
        parts.push_back(note(Note::PartUnsure).msg("items", fact_refs(best_said.unsure)));
    if (!best_said.lack.empty())
        parts.push_back(note(Note::PartLacks).msg("items", fact_refs(best_said.lack)));
    if (!best_said.unsure.empty()) parts.push_back(note(Note::ForReview));
    i18n::Message why = joined(std::move(parts), "");
    Evidence ev;
    if (act && v.detector) {
        ev = v.reply_evidence(e, {"repeat-back"}, why);
        if (ev.highlight_begin < 0 && best_said.span) {
            ev.highlight_begin = best_said.span->first;
            ev.highlight_end = best_said.span->second;
        }
    } else {
        ev = AttemptView::text_evidence(e, best_said.span, std::move(why));
    }
    ev.review = ev.review || !best_said.unsure.empty();
    r.evidence.push_back(std::move(ev));
    return r;
}

CheckResult check_privacy(const AttemptView& v, const Params& p) {
    CheckResult r;
    const auto only = p.list("fields");
    bool any_private = false;
    for (const auto& a : v.scenario.actors) {
        for (const auto& f : a.private_facts) {
            if (!only.empty() && !contains(only, f)) continue;
            const std::string value = v.played_fact(a.id, f);
            if (value.empty()) continue;
            any_private = true;
            const text::FactContext ctx = v.names_besides(a.id);
            for (int idx : v.replies()) {
                const auto& e = entry(v, idx);
                const std::string other = v.actor_of(e);
                if (other.empty() || other == a.id) continue;
                const std::string text = reply_text(e);
                // In any notation (一三八…, 139.1234.5678, 九号楼十二层零三); a part of it
                // (building and floor) is a disclosure too, marked for review.
                const auto m = find_fact(f, text, value, v.settings, ctx);
                if (!m) continue;
                // Not a disclosure when that party said the fact first (我找3-1202的王先生).
                bool told_us = false;
                for (const auto& x : v.log.entries)
                    if (x.kind == LogEntry::Kind::ActorLine && x.t <= e.t &&
                        (x.actor == other || (x.actor.empty() && x.thread == e.thread)) &&
                        find_fact(f, x.text, value, v.settings, ctx)) {
                        told_us = true;
                        break;
                    }
                if (told_us) continue;
                const Actor* to = v.scenario.actor(other);
                const std::string to_name = to && !to->name.empty() ? to->name : other;
                const std::string owner_name = v.played_fact(a.id, "name");
                const bool unsure = m->partial || m->uncertain;
                i18n::Message why = note(Note::Leak)
                                        .text("owner", owner_name.empty() ? a.id : owner_name)
                                        .msg("field", field_ref(f))
                                        .text("to", to_name)
                                        .text("to_id", other);
                if (unsure) why = joined({std::move(why), note(Note::ForReview)}, "");
                Evidence ev = AttemptView::text_evidence(e, span_of(m), std::move(why));
                ev.review = unsure;
                r.evidence.push_back(std::move(ev));
            }
        }
    }
    if (!any_private) return not_applicable(note(Note::NaNoPrivate));
    r.credit = r.evidence.empty() ? 1.0 : 0.0;
    return r;
}

namespace {

// Where a reply says `value`: an amount by its value in any notation (2.5元 = 2块5 = 两块五),
// anything else as words (traditional and full-width folded).
std::optional<text::FactMatch> says(std::string_view text, std::string_view value) {
    if (auto m = text::find_amount(text, value)) return m;
    if (!text::amounts(value).empty()) return std::nullopt;  // an amount said otherwise is not it
    return text::find_fact(text::FactKind::Other, text, value);
}

}  // namespace

CheckResult check_tells(const AttemptView& v, const Params& p) {
    CheckResult r;
    const auto facts = p.list("facts");
    const auto wrong = p.list("wrong");
    if (facts.empty() && wrong.empty()) return not_applicable(note(Note::NaNoTells));
    const auto cands = has_filter(p) ? replies_of(v, v.threads(p)) : v.replies();
    int right = 0;
    for (const auto& f : facts) {
        // "2.5元|2.5元/平方米": any of the alternatives will do.
        std::vector<std::string> alts;
        for (std::size_t b = 0; b <= f.size();) {
            const std::size_t e = std::min(f.find('|', b), f.size());
            if (e > b) alts.push_back(f.substr(b, e - b));
            b = e + 1;
        }
        bool found = false;
        for (int idx : cands) {
            const std::string text = reply_text(entry(v, idx));
            for (const auto& alt : alts)
                if (const auto m = says(text, alt)) {
                    r.evidence.push_back(AttemptView::text_evidence(
                        entry(v, idx), span_of(m),
                        note(Note::TellsRight).msg("fact", note(Note::PhraseRef).text("text", alt))));
                    found = true;
                    break;
                }
            if (found) break;
        }
        if (found)
            ++right;
        else
            r.evidence.push_back(AttemptView::missing(
                0, v.log.ended_at, "",
                not_found(note(Note::TellsMissing)
                              .msg("fact", note(Note::PhraseRef).text("text", alts.empty() ? f : alts.front())))));
    }
    // A wrong value that a right answer also says is not wrong (a site profile may set a fee
    // to what the scenario lists as a careless answer).
    std::vector<std::string> wrong_here;
    for (const auto& w : wrong)
        if (std::none_of(facts.begin(), facts.end(),
                         [&](const std::string& f) { return says(f, w).has_value(); }))
            wrong_here.push_back(w);
    int wrongs = 0;
    for (int idx : cands) {
        const std::string text = reply_text(entry(v, idx));
        for (const auto& w : wrong_here)
            if (const auto m = says(text, w)) {
                ++wrongs;
                r.evidence.push_back(AttemptView::text_evidence(
                    entry(v, idx), span_of(m),
                    note(Note::TellsWrong).msg("fact", note(Note::PhraseRef).text("text", w))));
            }
    }
    // A wrong value undoes a right one: the owner cannot tell which to believe. Both said is
    // a correction or a muddle: a supervisor decides.
    if (facts.empty())
        r.credit = wrongs ? 0.0 : 1.0;
    else
        r.credit = std::max(0, right - wrongs) / static_cast<double>(facts.size());
    if (wrongs && right)
        for (auto& ev : r.evidence) ev.review = true;
    return r;
}

namespace {

// The repeat-back credit of a node's replies, with the key facts of the scenario's repeat-back
// criterion (the facts alone, without the formula's share, when no reply has the act).
double node_repeat_back(const AttemptView& v, const std::vector<int>& replies) {
    if (replies.empty()) return 0;
    static const CheckParams kNone;
    const Params p = Params::borrowing(v.repeat_back_params ? *v.repeat_back_params : kNone);
    const std::string primary = repeat_party(v);
    const KeyFacts facts = key_facts(v, p, primary);
    if (facts.empty()) return 0;
    const SaidBack s = said_back(v, replies, facts, v.names_besides(primary));
    return said_back_credit(s, facts.size(), std::clamp(p.num("act_share", 0.5), 0.0, 1.0));
}

}  // namespace

CheckResult check_node_expect(const AttemptView& v, const Params& p) {
    CheckResult r;
    const double weak = p.num("weak_credit");
    double sum = 0;
    int n = 0;
    for (const auto& vis : v.visits()) {
        const Node* node = v.scenario.node(vis.node);
        if (!node || (node->expect.acts.empty() && node->expect.did.empty())) continue;
        ++n;
        double got = 0;
        const auto total = node->expect.acts.size() + node->expect.did.size();
        std::vector<i18n::Message> lack;
        for (const auto& g : node->expect.acts) {
            double best = group_credit(vis.acts, vis.weak_acts, g, weak);
            // A repeat-back is the key facts said back, in any words (我记一下：5栋1201…), as
            // the repeat-back criterion counts them — not only its formula.
            if (best < 1.0 && contains(g, "repeat-back"))
                best = std::max(best, node_repeat_back(v, vis.replies));
            got += best;
            if (best < 1.0) lack.push_back(group_ref(g));
        }
        for (const auto& g : node->expect.did) {
            bool ok = false;
            for (const auto& want : g)
                for (const auto& d : vis.did)
                    if (d == want ||
                        (d.size() > want.size() && d.compare(0, want.size(), want) == 0 &&
                         d[want.size()] == ':'))
                        ok = true;
            if (ok) {
                got += 1;
            } else {
                std::vector<i18n::Message> alts;
                for (const auto& want : g) alts.push_back(did_ref(want));
                lack.push_back(note(Note::Did).msg("alts", joined(std::move(alts), "join.or")));
            }
        }
        const double c = got / static_cast<double>(total);
        sum += c;
        if (c >= 1.0) continue;
        const Millis to = vis.left_at ? *vis.left_at : v.log.ended_at;
        i18n::Message why = note(Note::NodeLacks)
                                .text("node", vis.node)
                                .text("line", vis.line)
                                .msg("lack", joined(std::move(lack)));
        if (!vis.replies.empty())
            r.evidence.push_back(
                v.reply_evidence(entry(v, vis.replies.front()), {}, std::move(why)));
        else
            r.evidence.push_back(AttemptView::missing(
                vis.spoken_at, to, vis.thread,
                not_found(note(Note::NoReplySuffix).msg("note", std::move(why)))));
    }
    if (n == 0) {
        if (v.visits().empty() && v.has_conversation()) {
            r.credit = 0;
            r.evidence.push_back(
                AttemptView::missing(0, v.log.ended_at, "", not_found(note(Note::NeverStarted))));
            return r;
        }
        return not_applicable(note(Note::NaNoNodeExpect));
    }
    r.credit = sum / n;
    return r;
}

}  // namespace dd::rubric
