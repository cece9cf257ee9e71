// The checks on what the trainee said: required speech acts in a window, forbidden language,
// repeat-back with the key facts, privacy (a private fact said to another party), and each
// node's expected acts and desk actions.
#include <algorithm>
#include <set>

#include "checks.h"
#include "sim/model/enums.h"

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

std::string group_label(const AnyOf& g) {
    std::string out;
    for (const auto& a : g) {
        if (!out.empty()) out += "或";
        out += act_label(a);
    }
    return out;
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

// Scores one window (a set of candidate replies) against the groups; adds evidence.
double score_window(const AttemptView& v, const std::vector<int>& cands,
                    const std::vector<AnyOf>& groups, double weak, bool same_reply,
                    const std::string& where, Millis from, Millis to, const std::string& thread,
                    std::vector<Evidence>& ev) {
    if (groups.empty()) return 1.0;
    if (cands.empty()) {
        std::string need;
        for (const auto& g : groups) need += (need.empty() ? "" : "、") + group_label(g);
        ev.push_back(
            AttemptView::missing(from, to, thread, "未找到:" + where + "没有任何回复,缺少" + need));
        return 0.0;
    }
    if (same_reply) {
        double best = -1;
        int best_idx = cands.front();
        for (int idx : cands) {
            const auto& e = entry(v, idx);
            double sum = 0;
            for (const auto& g : groups) sum += group_credit(e.acts, e.weak_acts, g, weak);
            if (sum > best) {
                best = sum;
                best_idx = idx;
            }
        }
        const auto& e = entry(v, best_idx);
        std::string have, lack;
        std::vector<std::string> names;
        for (const auto& g : groups) {
            bool found = false;
            for (const auto& act : g)
                if (contains(e.acts, act)) {
                    found = true;
                    names.push_back(act);
                    have += (have.empty() ? "" : "、") + act_label(act);
                    break;
                }
            if (!found) lack += (lack.empty() ? "" : "、") + group_label(g);
        }
        const double credit = best / static_cast<double>(groups.size());
        std::string note;
        if (credit <= 0)
            note = "未找到:" + where + "中没有一句同时包含" + lack;
        else if (lack.empty())
            note = "同一句回复中包含" + have;
        else
            note = "这句回复有" + have + ",但缺少" + lack;
        if (credit <= 0 && cands.size() > 1)
            ev.push_back(AttemptView::missing(from, to, thread, note));
        else
            ev.push_back(v.reply_evidence(e, names, note));
        return credit;
    }
    double sum = 0;
    for (const auto& g : groups) {
        const Hit h = best_in(v, cands, g, weak);
        sum += h.credit;
        if (h.entry >= 0) {
            std::string note = (h.weak ? "弱形式的" : "包含") + act_label(h.act);
            if (h.weak) note += ",只得部分分";
            ev.push_back(v.reply_evidence(entry(v, h.entry), {h.act}, note));
        } else if (cands.size() == 1) {
            ev.push_back(v.reply_evidence(entry(v, cands.front()), {},
                                          "未找到:" + where + "中没有" + group_label(g)));
        } else {
            ev.push_back(AttemptView::missing(from, to, thread,
                                              "未找到:" + where + "的 " +
                                                  std::to_string(cands.size()) + " 句回复中都没有" +
                                                  group_label(g)));
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

CheckResult none_found(const Params& p, const std::string& why) {
    if (p.str("if_none") == "fail") {
        CheckResult r;
        r.credit = 0;
        r.evidence.push_back(AttemptView::missing(0, 0, "", "未找到:" + why));
        return r;
    }
    return not_applicable(why);
}

}  // namespace

CheckResult check_acts(const AttemptView& v, const Params& p) {
    CheckResult r;
    const auto groups = p.groups("acts");
    const std::string window = p.str("window");
    const double weak = p.num("weak_credit");
    const bool same = p.flag("same_reply");
    if (groups.empty()) return not_applicable("评分项没有列出要求的用语");
    const auto ts = v.threads(p);

    if (window == "first-reply" || window == "closing") {
        if (ts.empty()) return none_found(p, "没有符合条件的对话");
        double sum = 0;
        for (const auto* t : ts) {
            const auto rs = v.replies_in(t->id);
            std::vector<int> cands;
            std::string where;
            if (window == "first-reply") {
                where = "第一句回复";
                if (!rs.empty()) cands.push_back(rs.front());
            } else {
                where = "结束前的回复";
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
        std::string thread;
        for (const auto& vis : v.visits()) {
            if (vis.node != node) continue;
            if (!seen) {
                from = vis.spoken_at;
                thread = vis.thread;
            }
            seen = true;
            to = vis.left_at ? *vis.left_at : v.log.ended_at;
            cands.insert(cands.end(), vis.replies.begin(), vis.replies.end());
        }
        if (!seen) return none_found(p, "本次没有走到对话节点「" + node + "」");
        r.credit = score_window(v, cands, groups, weak, same, "在「" + node + "」处", from, to,
                                thread, r.evidence);
        return r;
    }

    if (window == "before-hold") {
        std::vector<int> holds = v.desk_of("hold");
        if (holds.empty()) {
            // No hold: the wait was a look-up; the words must still be said somewhere.
            const auto cands = has_filter(p) ? replies_of(v, ts) : v.replies();
            r.credit = score_window(v, cands, groups, weak, same, "整个对话(没有保留通话)", 0,
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
            sum += score_window(v, cands, groups, weak, same, clock(he.t) + " 保留前", t0, he.t,
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
            std::string why;
        };
        std::vector<Wait> waits;
        for (std::size_t i = 0; i < v.log.entries.size(); ++i) {
            const auto& e = v.log.entries[i];
            if (e.kind == LogEntry::Kind::Resume)
                waits.push_back({e.t, e.thread, static_cast<int>(i), "保留后恢复通话"});
        }
        for (const auto* t : ts) {
            if (!t->answered_at) {
                // Left waiting until the end: the wait was never acknowledged.
                if (v.thread_end(*t) - t->opened_at > long_wait)
                    waits.push_back({v.thread_end(*t), t->id,
                                     static_cast<int>(v.log.entries.size()), "对方一直没有被接待"});
                continue;
            }
            if (*t->answered_at - t->opened_at <= long_wait) continue;
            waits.push_back({*t->answered_at, t->id, -1,
                             "对方等了" + secs(*t->answered_at - t->opened_at) + "才被接待"});
        }
        if (waits.empty()) return not_applicable("本次没有让对方久等");
        double sum = 0;
        for (const auto& w : waits) {
            std::vector<int> cands;
            for (int idx : v.replies_in(w.thread))
                if (idx > w.after && entry(v, idx).t >= w.t) {
                    cands.push_back(idx);
                    break;
                }
            sum += score_window(v, cands, groups, weak, same, w.why + "的第一句回复", w.t,
                                v.log.ended_at, w.thread, r.evidence);
        }
        r.credit = sum / static_cast<double>(waits.size());
        return r;
    }

    // anywhere
    if (has_filter(p) && ts.empty()) return none_found(p, "没有符合条件的对话");
    const auto cands = has_filter(p) ? replies_of(v, ts) : v.replies();
    r.credit =
        score_window(v, cands, groups, weak, same, "整个对话", 0, v.log.ended_at, "", r.evidence);
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
        std::string note = "禁语:";
        for (std::size_t i = 0; i < hit.size(); ++i) note += (i ? "、" : "") + act_label(hit[i]);
        r.evidence.push_back(v.reply_evidence(e, hit, note));
    }
    if (cands.empty()) {
        if (!v.has_conversation()) return not_applicable("本场景没有对话");
        // Saying nothing is not the same as speaking without forbidden words.
        r.credit = 0;
        r.evidence.push_back(AttemptView::missing(0, v.log.ended_at, "",
                                                  "未找到:整个过程没有任何回复,本项无从得分"));
        return r;
    }
    r.credit = std::max(0.0, 1.0 - per * offences);
    return r;
}

// "phrase:490元" → “490元”; a field → its Chinese label.
static std::string fact_label(const std::string& f) {
    if (f.rfind("phrase:", 0) == 0) return "“" + f.substr(7) + "”";
    return label(f);
}

CheckResult check_repeat_back(const AttemptView& v, const Params& p) {
    CheckResult r;
    const double act_share = std::clamp(p.num("act_share"), 0.0, 1.0);
    // The key facts: named by `facts`, else the name/room/phone of the outcome's record.
    std::string primary = v.first_party();
    if (primary.empty() && !v.scenario.actors.empty()) primary = v.scenario.actors.front().id;
    std::vector<std::pair<std::string, std::string>> facts;  // field → value as played
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
    // Literal key facts of this scenario (an amount, a day, a place).
    for (const auto& phrase : p.list("phrases")) facts.emplace_back("phrase:" + phrase, phrase);

    double best = 0;
    int best_idx = -1;
    std::vector<std::string> best_found, best_lack;
    std::optional<std::pair<int, int>> best_span;
    for (int idx : v.replies()) {
        const auto& e = entry(v, idx);
        const std::string text = entry_text(e);
        const bool act = contains(e.acts, "repeat-back");
        std::vector<std::string> found, lack;
        std::optional<std::pair<int, int>> span;
        for (const auto& [f, val] : facts) {
            if (auto s = find_fact(f, text, val, v.settings)) {
                found.push_back(f);
                if (!span) span = s;
            } else {
                lack.push_back(f);
            }
        }
        double c;
        if (facts.empty())
            c = act ? 1.0 : 0.0;
        else
            c = (act ? act_share : 0.0) + (1.0 - act_share) * static_cast<double>(found.size()) /
                                              static_cast<double>(facts.size());
        if (c > best) {
            best = c;
            best_idx = idx;
            best_found = found;
            best_lack = lack;
            best_span = span;
        }
    }
    r.credit = best;
    std::string need;
    for (const auto& [f, val] : facts) need += (need.empty() ? "" : "、") + fact_label(f);
    if (best_idx < 0) {
        r.evidence.push_back(AttemptView::missing(
            0, v.log.ended_at, "",
            "未找到:整个对话中没有复述确认" + (need.empty() ? "" : "(应包含" + need + ")")));
        return r;
    }
    const auto& e = entry(v, best_idx);
    const bool act = contains(e.acts, "repeat-back");
    std::string note = act ? "复述确认" : "未用确认句式(如“跟您确认一下”)";
    auto join_labels = [](const std::vector<std::string>& fs) {
        std::string s;
        for (const auto& f : fs) s += (s.empty() ? "" : "、") + fact_label(f);
        return s;
    };
    if (!best_found.empty()) note += ",包含" + join_labels(best_found);
    if (!best_lack.empty()) note += ",缺少" + join_labels(best_lack);
    if (act && v.detector) {
        Evidence ev = v.reply_evidence(e, {"repeat-back"}, note);
        if (ev.highlight_begin < 0 && best_span) {
            ev.highlight_begin = best_span->first;
            ev.highlight_end = best_span->second;
        }
        r.evidence.push_back(ev);
    } else {
        r.evidence.push_back(AttemptView::text_evidence(e, best_span, note));
    }
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
            for (int idx : v.replies()) {
                const auto& e = entry(v, idx);
                const std::string other = v.actor_of(e);
                if (other.empty() || other == a.id) continue;
                const std::string text = entry_text(e);
                const auto span = find_fact(f, text, value, v.settings);
                if (!span) continue;
                // Not a disclosure when that party said the fact first (我找3-1202的王先生).
                bool told_us = false;
                for (const auto& x : v.log.entries)
                    if (x.kind == LogEntry::Kind::ActorLine && x.t <= e.t &&
                        (x.actor == other || (x.actor.empty() && x.thread == e.thread)) &&
                        find_fact(f, x.text, value, v.settings)) {
                        told_us = true;
                        break;
                    }
                if (told_us) continue;
                const Actor* to = v.scenario.actor(other);
                const std::string to_name = to && !to->name.empty() ? to->name : other;
                const std::string owner_name = v.played_fact(a.id, "name");
                r.evidence.push_back(AttemptView::text_evidence(
                    e, span,
                    "泄露隐私:把" + (owner_name.empty() ? a.id : owner_name) + "的" + label(f) +
                        "告诉了" + to_name + "(" + other + ")"));
            }
        }
    }
    if (!any_private) return not_applicable("本场景没有标为隐私的信息");
    r.credit = r.evidence.empty() ? 1.0 : 0.0;
    return r;
}

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
        std::string lack;
        for (const auto& g : node->expect.acts) {
            const double best = group_credit(vis.acts, vis.weak_acts, g, weak);
            got += best;
            if (best < 1.0) lack += (lack.empty() ? "" : "、") + group_label(g);
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
                std::string alts;
                for (const auto& want : g) alts += (alts.empty() ? "" : "或") + label(want);
                lack += (lack.empty() ? "" : "、") + ("操作「" + alts + "」");
            }
        }
        const double c = got / static_cast<double>(total);
        sum += c;
        if (c >= 1.0) continue;
        const Millis to = vis.left_at ? *vis.left_at : v.log.ended_at;
        const std::string note = "在「" + vis.node + "」(对方说“" + vis.line + "”之后)缺少" + lack;
        if (!vis.replies.empty())
            r.evidence.push_back(v.reply_evidence(entry(v, vis.replies.front()), {}, note));
        else
            r.evidence.push_back(AttemptView::missing(vis.spoken_at, to, vis.thread,
                                                      "未找到:" + note + "(没有回复)"));
    }
    if (n == 0) {
        if (v.visits().empty() && v.has_conversation()) {
            r.credit = 0;
            r.evidence.push_back(AttemptView::missing(
                0, v.log.ended_at, "", "未找到:对话没有开始,各步骤的要点都没有做到"));
            return r;
        }
        return not_applicable("走过的对话节点没有应答要点");
    }
    r.credit = sum / n;
    return r;
}

}  // namespace dd::rubric
