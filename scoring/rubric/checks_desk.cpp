// The checks on time and desk actions: rings before answering, response and solve times,
// the request register, classification, dispatch/escalation/notice/hand-over (missing and
// unnecessary ones), emergency calls and the ordered emergency sequence, visitor registration,
// "A before B" orderings, who hung up first, and the actors' mood at the end.
#include <algorithm>
#include <map>
#include <set>

#include "checks.h"
#include "sim/model/describe.h"
#include "sim/model/duration.h"

namespace dd::rubric {

namespace {

// Evidence of a state or a summary: `shows` what there was (may be empty), `note` why it counts.
Evidence plain(Millis t, std::string what, std::string thread, i18n::Message shows,
               i18n::Message why) {
    Evidence ev;
    ev.t = t;
    ev.what = std::move(what);
    ev.thread = std::move(thread);
    ev.shows = std::move(shows);
    ev.note = std::move(why);
    return ev;
}

// 时限5分 / 无时限
i18n::Message limit_of(std::optional<Millis> within) {
    return within ? note(Note::Limit).duration("d", *within) : note(Note::NoLimit);
}

// "verb:arg" or "verb" → (verb, arg).
std::pair<std::string, std::string> split_spec(const std::string& spec) {
    const auto c = spec.find(':');
    if (c == std::string::npos) return {spec, {}};
    return {spec.substr(0, c), spec.substr(c + 1)};
}

// The thread an action was for: as logged, else its `to:`/argument.
std::string action_thread(const LogEntry& e) {
    if (!e.thread.empty()) return e.thread;
    if (e.action && !e.action->to.empty()) return e.action->to;
    return e.action ? e.action->arg : std::string();
}

std::vector<std::string> outcome_items(const AttemptView& v, const std::string& verb) {
    const Outcome& o = v.scenario.outcome;
    if (verb == "dispatch") return o.dispatch;
    if (verb == "escalate") return o.escalate;
    if (verb == "notify") return o.notify;
    if (verb == "hand_over") return o.hand_over;
    if (verb == "broadcast") return o.broadcast;
    if (verb == "call") {
        std::vector<std::string> out;
        for (const auto& c : o.call) out.push_back(c.number);
        return out;
    }
    return {};
}

}  // namespace

CheckResult check_rings(const AttemptView& v, const Params& p) {
    CheckResult r;
    const int max_rings = static_cast<int>(p.num("max_rings"));
    const int partial_rings = static_cast<int>(p.num("partial_rings", max_rings));
    const double pc = p.num("partial_credit");
    double sum = 0;
    int n = 0;
    for (const auto& t : v.log.threads) {
        if (t.kind != ThreadRecord::Kind::Phone) continue;
        ++n;
        const int rings = t.rings_before_answer;
        if (!t.answered_at) {
            r.evidence.push_back(AttemptView::missing(t.opened_at, v.thread_end(t), t.id,
                                                      note(Note::UnansweredRings).num("n", rings)));
            continue;
        }
        const i18n::Message text = note(Note::AnsweredAfter).num("n", rings);
        if (rings <= max_rings) {
            sum += 1;
            r.evidence.push_back(plain(*t.answered_at, "answer", t.id, text,
                                       note(Note::RingsOk).num("max", max_rings)));
        } else if (rings <= partial_rings) {
            sum += pc;
            r.evidence.push_back(plain(*t.answered_at, "answer", t.id, text,
                                       note(Note::RingsSlow).num("max", max_rings)));
        } else {
            r.evidence.push_back(plain(*t.answered_at, "answer", t.id, text,
                                       note(Note::RingsLate)
                                           .num("n", rings)
                                           .num("max", max_rings)
                                           .duration("d", *t.answered_at - t.opened_at)));
        }
    }
    if (n == 0) return not_applicable(note(Note::NaNoCalls));
    r.credit = sum / n;
    return r;
}

CheckResult check_node_within(const AttemptView& v, const Params& p) {
    CheckResult r;
    const double late_credit = p.num("late_credit");
    double sum = 0;
    int n = 0;
    for (const auto& vis : v.visits()) {
        const Node* node = v.scenario.node(vis.node);
        if (!node || !node->expect.within) continue;
        ++n;
        const Millis limit = *node->expect.within;
        if (!vis.first_reply_at) {
            const Millis to = vis.left_at ? *vis.left_at : v.log.ended_at;
            r.evidence.push_back(AttemptView::missing(vis.spoken_at, to, vis.thread,
                                                      note(Note::NoResponse)
                                                          .text("node", vis.node)
                                                          .text("line", vis.line)
                                                          .duration("limit", limit)));
            continue;
        }
        const Millis d = *vis.first_reply_at - vis.spoken_at;
        if (d <= limit) {
            sum += 1;
            continue;
        }
        sum += late_credit;
        i18n::Message why = note(Note::LateResponse)
                                .text("node", vis.node)
                                .duration("d", d)
                                .duration("limit", limit);
        if (!vis.replies.empty())
            r.evidence.push_back(AttemptView::text_evidence(entry(v, vis.replies.front()),
                                                            std::nullopt, std::move(why)));
        else
            r.evidence.push_back(plain(*vis.first_reply_at, "say", vis.thread, {}, std::move(why)));
    }
    if (n == 0) {
        if (v.visits().empty() && v.has_conversation()) {
            r.credit = 0;
            r.evidence.push_back(
                AttemptView::missing(0, v.log.ended_at, "", not_found(note(Note::NotStarted))));
            return r;
        }
        return not_applicable(note(Note::NaNoNodeWithin));
    }
    r.credit = sum / n;
    if (r.evidence.empty())
        r.evidence.push_back(plain(0, std::string(evidence_kind::kSummary), "", {},
                                   note(Note::AllInTime).num("n", n)));
    return r;
}

CheckResult check_respond_within(const AttemptView& v, const Params& p) {
    CheckResult r;
    const Millis limit = p.dur("limit").value();
    const auto ts = v.threads(p);
    if (ts.empty()) return not_applicable(note(Note::NaNoRequest));
    double sum = 0;
    for (const auto* t : ts) {
        int first = -1;
        for (std::size_t i = 0; i < v.log.entries.size(); ++i) {
            const auto& e = v.log.entries[i];
            if (e.kind != LogEntry::Kind::Action || !e.action) continue;
            const Verb vb = e.action->verb;
            if (vb == Verb::Answer || vb == Verb::Wait || vb == Verb::Hold || vb == Verb::Focus)
                continue;
            if (action_thread(e) != t->id) continue;
            first = static_cast<int>(i);
            break;
        }
        if (first < 0) {
            r.evidence.push_back(AttemptView::missing(t->opened_at, v.thread_end(*t), t->id,
                                                      note(Note::NoResponseAtAll)));
            continue;
        }
        const auto& e = entry(v, first);
        const Millis d = e.t - t->opened_at;
        if (d <= limit) sum += 1;
        r.evidence.push_back(
            AttemptView::text_evidence(e, std::nullopt,
                                       note(d <= limit ? Note::Responded : Note::RespondedLate)
                                           .duration("d", d)
                                           .duration("limit", limit)));
    }
    r.credit = sum / static_cast<double>(ts.size());
    return r;
}

CheckResult check_solve_within(const AttemptView& v, const Params& p) {
    CheckResult r;
    const Millis limit = p.dur("limit").value();
    const auto ts = v.threads(p);
    if (ts.empty()) return not_applicable(note(Note::NaNoSolve));
    double sum = 0;
    for (const auto* t : ts) {
        const Millis end = v.thread_end(*t);
        const Millis d = end - t->opened_at;
        const bool in_time = t->ended_at && d <= limit;
        if (in_time) sum += 1;
        r.evidence.push_back(plain(end, std::string(evidence_kind::kThreadEnd), t->id,
                                   note(t->ended_at ? Note::Handled : Note::StillOpen),
                                   note(in_time ? Note::Took : Note::TookTooLong)
                                       .duration("d", d)
                                       .duration("limit", limit)));
    }
    r.credit = sum / static_cast<double>(ts.size());
    return r;
}

CheckResult check_record_fields(const AttemptView& v, const Params& p) {
    CheckResult r;
    const auto presence_only = p.list("presence_only");
    std::vector<std::pair<std::string, std::string>> expected;
    if (p.has("fields")) {
        for (const auto& f : p.list("fields")) {
            std::string val;
            for (const auto& [k, x] : v.scenario.outcome.record)
                if (k == f) val = v.expected_value(k, x);
            expected.emplace_back(f, val);
        }
    } else {
        for (const auto& [k, x] : v.scenario.outcome.record)
            expected.emplace_back(k, v.expected_value(k, x));
    }
    if (expected.empty()) {
        // No outcome record: name, room and phone of the first party must be there.
        const std::string primary = v.first_party();
        for (const char* f : {"name", "room", "phone"})
            expected.emplace_back(f, primary.empty() ? std::string() : v.played_fact(primary, f));
    }
    const auto records = v.desk_of("record");
    if (records.empty()) {
        std::vector<i18n::Message> need;
        for (const auto& [f, x] : expected) need.push_back(field_ref(f));
        r.credit = 0;
        r.evidence.push_back(AttemptView::missing(
            0, v.log.ended_at, "",
            not_found(note(Note::NoRecord).msg("need", joined(std::move(need))))));
        return r;
    }
    // Candidates: each record action alone, and all of them merged (later fields win).
    struct Cand {
        std::vector<std::pair<std::string, std::string>> fields;
        int entry;
    };
    std::vector<Cand> cands;
    Cand merged{{}, records.back()};
    for (int idx : records) {
        const auto& a = *entry(v, idx).action;
        cands.push_back({a.fields, idx});
        for (const auto& [k, val] : a.fields) {
            const std::string& key = k;  // clang 14 cannot capture a structured binding
            auto it = std::find_if(merged.fields.begin(), merged.fields.end(),
                                   [&](const auto& kv) { return kv.first == key; });
            if (it == merged.fields.end())
                merged.fields.emplace_back(k, val);
            else if (!val.empty())
                it->second = val;
        }
    }
    if (records.size() > 1) cands.push_back(merged);
    const auto get = [](const Cand& c, const std::string& f) -> std::string {
        for (const auto& [k, val] : c.fields)
            if (k == f || (f == "contact" && k == "phone") || (f == "phone" && k == "contact"))
                if (!val.empty()) return val;
        return {};
    };
    const auto is_presence = [&](const std::string& f) {
        return std::find(presence_only.begin(), presence_only.end(), f) != presence_only.end();
    };
    double best = -1;
    const Cand* best_c = &cands.front();
    // Which expected fields the best candidate has right, kept from its scoring below (the
    // comparison reads both values in any notation: not done twice).
    std::vector<char> ok_fields, best_ok;
    for (const auto& c : cands) {
        int ok = 0;
        ok_fields.clear();
        for (const auto& [f, x] : expected) {
            const std::string got = get(c, f);
            const bool right = !got.empty() && (is_presence(f) || same_fact(f, got, x));
            ok_fields.push_back(right);
            if (right) ++ok;
        }
        const double credit = static_cast<double>(ok) / static_cast<double>(expected.size());
        if (credit > best) {
            best = credit;
            best_c = &c;
            best_ok.swap(ok_fields);
        }
    }
    r.credit = best;
    std::vector<i18n::Message> good;
    std::vector<Evidence> problems;
    const auto& e = entry(v, best_c->entry);
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto& [f, x] = expected[i];
        const std::string got = get(*best_c, f);
        if (got.empty()) {
            problems.push_back(AttemptView::text_evidence(
                e, std::nullopt,
                x.empty() || is_presence(f) ? note(Note::FieldMissing).msg("field", field_ref(f))
                                            : note(Note::FieldMissingExpected)
                                                  .msg("field", field_ref(f))
                                                  .text("value", x)));
        } else if (!best_ok[i]) {  // a value given, and not the expected one
            problems.push_back(AttemptView::text_evidence(e, std::nullopt,
                                                          note(Note::FieldWrong)
                                                              .msg("field", field_ref(f))
                                                              .text("got", got)
                                                              .text("value", x)));
        } else {
            good.push_back(field_ref(f));
        }
    }
    if (!good.empty())
        r.evidence.push_back(AttemptView::text_evidence(
            e, std::nullopt, note(Note::Recorded).msg("fields", joined(std::move(good)))));
    for (auto& ev : problems) r.evidence.push_back(std::move(ev));
    return r;
}

CheckResult check_classify(const AttemptView& v, const Params& p) {
    CheckResult r;
    const std::string field = p.str("field");
    std::string expected = p.str("expected");
    if (expected.empty())
        expected = field == "type" ? v.scenario.outcome.request_type : v.scenario.outcome.level;
    if (expected.empty())
        return not_applicable(note(Note::NaNoExpected).msg("field", field_ref(field)));
    const std::string_view prefix = field_value_prefix(field);
    int last = -1;
    for (int idx : v.desk_of("classify"))
        if (const std::string* f = entry(v, idx).action->field(field); f && !f->empty()) last = idx;
    if (last < 0) {
        r.credit = 0;
        r.evidence.push_back(
            AttemptView::missing(0, v.log.ended_at, "",
                                 not_found(note(Note::NotClassified)
                                               .msg("field", field_ref(field))
                                               .text("field_code", field)
                                               .label("expected", prefix, expected))));
        return r;
    }
    const auto& e = entry(v, last);
    const std::string got = *e.action->field(field);
    r.credit = got == expected ? 1 : 0;
    r.evidence.push_back(AttemptView::text_evidence(
        e, std::nullopt,
        note(got == expected ? Note::ClassifiedOk : Note::ClassifiedWrong)
            .msg("field", field_ref(field))
            .label("got", prefix, got)
            .label("expected", prefix, expected)));
    return r;
}

CheckResult check_actions(const AttemptView& v, const Params& p) {
    CheckResult r;
    const std::string verb = p.str("verb");
    if (verb.empty()) {
        r.credit = 0;
        r.evidence.push_back(
            plain(0, std::string(evidence_kind::kConfig), "", {}, note(Note::ConfigVerb)));
        return r;
    }
    std::vector<std::string> required = p.has("items") ? p.list("items") : outcome_items(v, verb);
    const auto only = p.list("only");
    const auto in_only = [&](const std::string& x) {
        return only.empty() || std::find(only.begin(), only.end(), x) != only.end();
    };
    required.erase(std::remove_if(required.begin(), required.end(),
                                  [&](const std::string& x) { return !in_only(x); }),
                   required.end());
    const bool any = p.flag("any");
    const double penalty = p.num("unnecessary_penalty");
    // First action per argument.
    std::vector<int> done;
    std::set<std::string> seen;
    for (int idx : v.desk_of(verb)) {
        const std::string& arg = entry(v, idx).action->arg;
        if (!in_only(arg) || !seen.insert(arg).second) continue;
        done.push_back(idx);
    }
    const Millis end = v.log.ended_at;
    if (required.empty() && any) {
        if (done.empty()) {
            r.credit = 0;
            r.evidence.push_back(AttemptView::missing(
                0, end, "", not_found(note(Note::NoneDone).label("verb", "verb.", verb))));
        } else {
            r.credit = 1;
            r.evidence.push_back(v.action_evidence(entry(v, done.front()),
                                                   note(Note::Done).label("verb", "verb.", verb)));
        }
        return r;
    }
    int hits = 0, extras = 0;
    for (const auto& want : required) {
        auto it = std::find_if(done.begin(), done.end(),
                               [&](int idx) { return entry(v, idx).action->arg == want; });
        if (it != done.end()) {
            ++hits;
            r.evidence.push_back(v.action_evidence(
                entry(v, *it), note(Note::Correct).msg("spec", describe_spec(verb, want))));
        } else {
            r.evidence.push_back(AttemptView::missing(
                0, end, "", not_found(note(Note::NotDone).msg("spec", describe_spec(verb, want)))));
        }
    }
    for (int idx : done) {
        const std::string& arg = entry(v, idx).action->arg;
        if (std::find(required.begin(), required.end(), arg) != required.end()) continue;
        ++extras;
        r.evidence.push_back(v.action_evidence(
            entry(v, idx), note(Note::Unnecessary).msg("spec", describe_spec(verb, arg))));
    }
    if (required.empty()) {
        r.credit = std::max(0.0, 1.0 - penalty * extras);
        if (extras == 0)
            r.evidence.push_back(plain(0, std::string(evidence_kind::kSummary), "", {},
                                       note(Note::NoneNeeded).label("verb", "verb.", verb)));
        return r;
    }
    r.credit = std::max(
        0.0, static_cast<double>(hits) / static_cast<double>(required.size()) - penalty * extras);
    return r;
}

CheckResult check_calls(const AttemptView& v, const Params& p) {
    CheckResult r;
    const double late_credit = p.num("late_credit");
    const double penalty = p.num("unnecessary_penalty");
    const auto& reqs = v.scenario.outcome.call;
    const auto calls = v.desk_of("call");
    if (reqs.empty() && (calls.empty() || penalty <= 0))
        return not_applicable(note(Note::NaNoEmergencyCall));
    const Millis start = v.emergency_start();
    double sum = 0;
    for (const auto& req : reqs) {
        auto it = std::find_if(calls.begin(), calls.end(),
                               [&](int idx) { return entry(v, idx).action->arg == req.number; });
        if (it == calls.end()) {
            r.evidence.push_back(
                AttemptView::missing(start, v.log.ended_at, "",
                                     not_found(note(Note::CallMissing)
                                                   .text("number", req.number)
                                                   .msg("limit", limit_of(req.within))
                                                   .text("t", clock(start)))));
            continue;
        }
        const auto& e = entry(v, *it);
        const Millis d = e.t - start;
        const bool in_time = !req.within || d <= *req.within;
        sum += in_time ? 1 : late_credit;
        r.evidence.push_back(v.action_evidence(e, note(in_time ? Note::Called : Note::CalledLate)
                                                      .duration("d", d)
                                                      .text("number", req.number)
                                                      .msg("limit", limit_of(req.within))));
    }
    int extras = 0;
    for (int idx : calls) {
        const std::string& num = entry(v, idx).action->arg;
        if (std::any_of(reqs.begin(), reqs.end(), [&](const auto& q) { return q.number == num; }))
            continue;
        ++extras;
        if (penalty > 0)
            r.evidence.push_back(
                v.action_evidence(entry(v, idx), note(Note::CallUnnecessary).text("number", num)));
    }
    const double base = reqs.empty() ? 1.0 : sum / static_cast<double>(reqs.size());
    r.credit = std::max(0.0, base - penalty * extras);
    return r;
}

CheckResult check_sequence(const AttemptView& v, const Params& p) {
    CheckResult r;
    const double late_credit = p.num("late_credit");
    struct Step {
        std::string verb, arg;
        std::optional<Millis> deadline;
    };
    std::vector<Step> steps;
    if (p.has("steps")) {
        for (const auto& s : p.list("steps")) {
            Step st;
            std::string spec = s;
            if (const auto at = s.find("<="); at != std::string::npos) {
                spec = s.substr(0, at);
                st.deadline = parse_duration(s.substr(at + 2));
            }
            while (!spec.empty() && spec.back() == ' ') spec.pop_back();
            std::tie(st.verb, st.arg) = split_spec(spec);
            if (!st.verb.empty()) steps.push_back(st);
        }
    } else {
        const Outcome& o = v.scenario.outcome;
        for (const auto& c : o.call) steps.push_back({"call", c.number, c.within});
        for (const auto& b : o.broadcast) steps.push_back({"broadcast", b, std::nullopt});
        for (const auto& h : o.hand_over)
            if (h == "first-aid-kit" || h == "extinguisher")
                steps.push_back({"hand_over", h, std::nullopt});
        for (const auto& e : o.escalate) steps.push_back({"escalate", e, std::nullopt});
    }
    if (steps.empty()) return not_applicable(note(Note::NaNoSteps));
    const Millis start = v.emergency_start();
    Millis prev = start;
    double sum = 0;
    int k = 0;
    for (const auto& st : steps) {
        ++k;
        const i18n::Message name =
            note(Note::StepRef).num("k", k).msg("spec", describe_spec(st.verb, st.arg));
        std::vector<int> matches;
        for (int idx : v.desk_of(st.verb))
            if (st.arg.empty() || entry(v, idx).action->arg == st.arg) matches.push_back(idx);
        if (matches.empty()) {
            r.evidence.push_back(AttemptView::missing(
                start, v.log.ended_at, "", not_found(note(Note::StepMissing).msg("step", name))));
            continue;
        }
        auto in_order = std::find_if(matches.begin(), matches.end(),
                                     [&](int idx) { return entry(v, idx).t >= prev; });
        const bool ordered = in_order != matches.end();
        const auto& e = entry(v, ordered ? *in_order : matches.front());
        const Millis d = e.t - start;
        const bool on_time = !st.deadline || d <= *st.deadline;
        std::vector<i18n::Message> parts = {note(Note::Step).msg("step", name).duration("d", d)};
        if (st.deadline) parts.push_back(note(Note::PartLimit).duration("d", *st.deadline));
        if (ordered && on_time) {
            sum += 1;
        } else {
            sum += late_credit;
            if (!on_time) parts.push_back(note(Note::PartLate));
            if (!ordered) parts.push_back(note(Note::PartOrder));
        }
        if (ordered) prev = e.t;
        r.evidence.push_back(v.action_evidence(e, joined(std::move(parts), "")));
    }
    r.credit = sum / static_cast<double>(steps.size());
    return r;
}

CheckResult check_register_visitor(const AttemptView& v, const Params& p) {
    CheckResult r;
    if (v.scenario.outcome.register_visitor && !*v.scenario.outcome.register_visitor)
        return not_applicable(note(Note::NaNoVisitorRegister));
    const auto fields = p.list("fields");
    const double base = p.num("base_credit");
    std::vector<std::string> visitor_names;
    for (const auto& a : v.scenario.actors)
        if (a.role == "visitor" || a.role == "contractor" || a.role == "courier")
            if (std::string n = v.played_fact(a.id, "name"); !n.empty()) visitor_names.push_back(n);
    const auto regs = v.desk_of("register_visitor");
    if (regs.empty()) {
        r.credit = 0;
        r.evidence.push_back(
            AttemptView::missing(0, v.log.ended_at, "", not_found(note(Note::NoVisitorRegister))));
        return r;
    }
    double best = -1;
    int best_idx = regs.front();
    std::vector<i18n::Message> best_lack;
    for (int idx : regs) {
        const Action& a = *entry(v, idx).action;
        int ok = 0;
        std::vector<i18n::Message> lack;
        for (const auto& f : fields) {
            const std::string* got = a.field(f);
            bool good = got && !got->empty();
            if (good && f == "name" && !visitor_names.empty())
                good =
                    std::any_of(visitor_names.begin(), visitor_names.end(),
                                [&](const std::string& n) { return same_fact("name", *got, n); });
            if (good)
                ++ok;
            else if (got && !got->empty())
                lack.push_back(note(Note::FieldMismatch).msg("field", field_ref(f)));
            else
                lack.push_back(field_ref(f));
        }
        const double c =
            fields.empty() ? 1.0 : base + (1.0 - base) * ok / static_cast<double>(fields.size());
        if (c > best) {
            best = c;
            best_idx = idx;
            best_lack = lack;
        }
    }
    r.credit = best;
    r.evidence.push_back(v.action_evidence(
        entry(v, best_idx),
        best_lack.empty() ? note(Note::VisitorComplete)
                          : note(Note::VisitorLacks).msg("items", joined(std::move(best_lack)))));
    return r;
}

CheckResult check_precedes(const AttemptView& v, const Params& p) {
    CheckResult r;
    const auto [fverb, farg] = split_spec(p.str("first"));
    const std::string before = p.str("before");
    const double late_credit = p.num("late_credit");
    const auto roles = p.list("roles");
    Millis ref = v.log.ended_at;
    i18n::Message ref_what = note(Note::EndOfDrill);
    if (before == "thread-end") {
        // The earliest end of a matching party's thread (the visitor went in / left).
        std::optional<Millis> earliest;
        for (const auto& t : v.log.threads) {
            if (std::find(roles.begin(), roles.end(), v.role_of(t.actor)) == roles.end()) continue;
            if (t.ended_at && (!earliest || *t.ended_at < *earliest)) earliest = t.ended_at;
        }
        if (earliest) {
            ref = *earliest;
            ref_what = note(Note::PartyLeft);
        }
    } else {
        const auto [bverb, barg] = split_spec(before);
        for (int idx : v.desk_of(bverb))
            if (barg.empty() || entry(v, idx).action->arg == barg) {
                ref = entry(v, idx).t;
                ref_what = describe_spec(bverb, barg);
                break;
            }
    }
    int first = -1;
    for (int idx : v.desk_of(fverb))
        if (farg.empty() || entry(v, idx).action->arg == farg) {
            first = idx;
            break;
        }
    const i18n::Message what = describe_spec(fverb, farg);
    if (first < 0) {
        r.credit = 0;
        r.evidence.push_back(AttemptView::missing(0, ref, "",
                                                  not_found(note(Note::PrecedeMissing)
                                                                .text("t", clock(ref))
                                                                .msg("ref", ref_what)
                                                                .msg("what", what))));
        return r;
    }
    const auto& e = entry(v, first);
    r.credit = e.t <= ref ? 1 : late_credit;
    r.evidence.push_back(v.action_evidence(e, note(e.t <= ref ? Note::PrecedeOk : Note::PrecedeLate)
                                                  .msg("what", what)
                                                  .msg("ref", ref_what)
                                                  .text("t", clock(ref))));
    return r;
}

CheckResult check_caller_hangs_up(const AttemptView& v, const Params& p) {
    CheckResult r;
    const std::string kind = p.str("thread_kind");
    double sum = 0;
    int n = 0;
    for (const auto& t : v.log.threads) {
        if (t.kind == ThreadRecord::Kind::Alarm) continue;
        if (kind == "phone" && t.kind != ThreadRecord::Kind::Phone) continue;
        if (kind == "desk" && t.kind != ThreadRecord::Kind::Desk) continue;
        ++n;
        if (!t.answered_at) {
            // Never picked up: nothing here earns the courtesy of letting the caller go first.
            r.evidence.push_back(AttemptView::missing(t.opened_at, v.thread_end(t), t.id,
                                                      note(Note::NeverConnected)));
            continue;
        }
        int hang = -1;
        for (int idx : v.desk_of("hang_up"))
            if (action_thread(entry(v, idx)) == t.id ||
                (entry(v, idx).thread.empty() && entry(v, idx).action->arg.empty())) {
                hang = idx;
                break;
            }
        if (t.ended_by == ThreadRecord::EndedBy::Actor) {
            sum += 1;
            r.evidence.push_back(plain(*t.ended_at, std::string(evidence_kind::kThreadEnd), t.id,
                                       note(Note::TheyHungUp), note(Note::TheyFirst)));
        } else if (hang >= 0 || t.ended_by == ThreadRecord::EndedBy::Trainee) {
            if (hang >= 0)
                r.evidence.push_back(v.action_evidence(entry(v, hang), note(Note::HungUpFirst)));
            else
                r.evidence.push_back(plain(t.ended_at.value_or(v.log.ended_at),
                                           std::string(evidence_kind::kThreadEnd), t.id,
                                           note(Note::TraineeEnded), note(Note::EndedFirst)));
        } else {
            sum += 1;
            r.evidence.push_back(plain(v.thread_end(t), std::string(evidence_kind::kThreadEnd),
                                       t.id, note(Note::NotHungUp), note(Note::DidNotHangUp)));
        }
    }
    if (n == 0) return not_applicable(note(Note::NaNoCalls));
    r.credit = sum / n;
    return r;
}

CheckResult check_mood_end(const AttemptView& v, const Params& p) {
    CheckResult r;
    const auto& outcome_below = v.scenario.outcome.mood_below;
    const double below = p.num(
        "below", outcome_below ? static_cast<double>(*outcome_below) : p.num("default_below"));
    const double margin = p.num("margin");
    const double pc = p.num("partial_credit");
    const auto ts = v.threads(p);
    double sum = 0;
    int n = 0;
    for (const auto* t : ts) {
        if (t->actor.empty()) continue;
        ++n;
        const i18n::Message text =
            note(Note::MoodEnd).num("end", t->mood_end).num("start", t->mood_start);
        Note verdict = Note::MoodBad;
        if (t->mood_end < below) {
            sum += 1;
            verdict = Note::MoodCalm;
        } else if (t->mood_end < below + margin) {
            sum += pc;
            verdict = Note::MoodHigh;
        }
        r.evidence.push_back(plain(v.thread_end(*t), std::string(evidence_kind::kMood), t->id, text,
                                   note(verdict).num("below", static_cast<int>(below))));
    }
    if (n == 0) return not_applicable(note(Note::NaNoParty));
    r.credit = sum / n;
    return r;
}

}  // namespace dd::rubric
