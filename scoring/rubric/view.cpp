// The attempt view and the helpers shared by the checks: parameters, fact matching in free
// text (phone digits, room numbers, names), parts of notes and evidence builders.
#include "view.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <stdexcept>

#include "sim/model/describe.h"
#include "sim/model/duration.h"

namespace dd::rubric {

namespace {

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
    return std::string(s.substr(b, e - b));
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == sep) {
            std::string part = trim(s.substr(start, i - start));
            if (!part.empty()) out.push_back(std::move(part));
            start = i + 1;
        }
    }
    return out;
}

// Full-width digits (０-９, U+FF10..U+FF19: EF BC 90..99) count as digits too.
int digit_at(std::string_view s, std::size_t i, std::size_t& len) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= '0' && c <= '9') {
        len = 1;
        return c - '0';
    }
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC) {
        const auto d = static_cast<unsigned char>(s[i + 2]);
        if (d >= 0x90 && d <= 0x99) {
            len = 3;
            return d - 0x90;
        }
    }
    len = 0;
    return -1;
}

struct DigitRun {
    std::string digits;
    int begin = 0;
    int end = 0;
};

// Runs of digits; with `join_separators`, '-' and ' ' between digits do not break a run
// (138-0000-1111 is one phone number, while 3-1202 is two groups for a room).
std::vector<DigitRun> digit_runs(std::string_view s, bool join_separators) {
    std::vector<DigitRun> runs;
    DigitRun cur;
    bool in = false;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t len = 0;
        const int d = digit_at(s, i, len);
        if (d >= 0) {
            if (!in) {
                cur = {};
                cur.begin = static_cast<int>(i);
                in = true;
            }
            cur.digits += static_cast<char>('0' + d);
            i += len;
            cur.end = static_cast<int>(i);
            continue;
        }
        if (in && join_separators && (s[i] == '-' || s[i] == ' ') && i + 1 < s.size()) {
            std::size_t l2 = 0;
            if (digit_at(s, i + 1, l2) >= 0) {
                ++i;
                continue;
            }
        }
        if (in) runs.push_back(cur);
        in = false;
        ++i;
    }
    if (in) runs.push_back(cur);
    return runs;
}

// The byte span of `needle` in `text` as written; nothing for an empty needle.
std::optional<std::pair<int, int>> find_literal(std::string_view text, std::string_view needle) {
    if (needle.empty()) return std::nullopt;
    const auto at = text.find(needle);
    if (at == std::string_view::npos) return std::nullopt;
    return std::make_pair(static_cast<int>(at), static_cast<int>(at + needle.size()));
}

// An actor's fact as written in the scenario, before seeded variation ("contact" is the phone).
std::string written_fact(const Actor& a, const std::string& field) {
    if (field == "name") return a.name;
    if (field == "room") return a.room;
    if (field == "phone" || field == "contact") return a.phone;
    if (auto f = a.facts.find(field); f != a.facts.end()) return f->second;
    return {};
}

std::string digits_only(std::string_view s) {
    std::string out;
    for (const auto& r : digit_runs(s, true)) out += r.digits;
    return out;
}

}  // namespace

// ---- Params -----------------------------------------------------------------------------------

template <typename Take>
bool Params::find(const std::string& k, Take take) const {
    if (auto it = set_.find(k); it != set_.end() && take(std::string_view(it->second))) return true;
    if (defaults_)
        if (auto it = defaults_->find(k);
            it != defaults_->end() && take(std::string_view(it->second)))
            return true;
    if (type_)
        if (const ParamSpec* spec = type_->param(k); spec && !spec->def.empty() && take(spec->def))
            return true;
    return false;
}

std::string Params::str(const std::string& k, const std::string& def) const {
    std::string out = def;
    find(k, [&](std::string_view v) {
        out = trim(v);
        return true;
    });
    return out;
}

namespace {
// Garbage, NaN and infinities give nothing; magnitudes are bounded so casts stay defined.
std::optional<double> parse_num(std::string_view sv) {
    const std::string s(sv);
    if (s.empty()) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end == s.c_str() || !std::isfinite(v) || std::fabs(v) > 1e9) return std::nullopt;
    return v;
}
}  // namespace

double Params::num(const std::string& k, double def) const {
    double out = def;
    find(k, [&](std::string_view v) {
        const auto n = parse_num(v);
        if (n) out = *n;
        return n.has_value();
    });
    return out;
}

double Params::num(const std::string& k) const {
    double out = 0;
    if (!find(k, [&](std::string_view v) {
            const auto n = parse_num(v);
            if (n) out = *n;
            return n.has_value();
        }))
        throw std::invalid_argument("check parameter `" + k + "` has no value");
    return out;
}

bool Params::flag(const std::string& k) const {
    bool out = false;
    if (!find(k, [&](std::string_view v) {
            const std::string t = trim(v);
            out = t == "true";
            return t == "true" || t == "false";
        }))
        throw std::invalid_argument("check parameter `" + k + "` has no value");
    return out;
}

std::vector<std::string> Params::list(const std::string& k) const {
    std::vector<std::string> out;
    find(k, [&](std::string_view v) {
        out = split(v, ',');
        return true;
    });
    return out;
}

std::vector<AnyOf> Params::groups(const std::string& k) const {
    std::vector<AnyOf> out;
    for (const auto& item : list(k)) {
        AnyOf g = split(item, '|');
        if (!g.empty()) out.push_back(std::move(g));
    }
    return out;
}

std::optional<Millis> Params::dur(const std::string& k) const {
    std::optional<Millis> out;
    find(k, [&](std::string_view v) {
        out = parse_duration(trim(v));
        return out.has_value();
    });
    return out;
}

// ---- AttemptView ------------------------------------------------------------------------------

bool is_reply(const LogEntry& e) {
    return e.kind == LogEntry::Kind::Action && e.action &&
           (e.action->verb == Verb::Say || e.action->verb == Verb::Choose);
}

AttemptView::AttemptView(const Scenario& s, const AttemptLog& l, const ActDetector* d,
                         const ScoringSettings& m)
    : scenario(s), log(l), detector(d), settings(m) {
    for (std::size_t i = 0; i < log.entries.size(); ++i) {
        const auto& e = log.entries[i];
        if (e.kind != LogEntry::Kind::Action || !e.action) continue;
        if (is_reply(e))
            replies_.push_back(static_cast<int>(i));
        else if (e.action->verb != Verb::Wait)
            desk_.push_back(static_cast<int>(i));
    }
    visits_ = log.visits;
    for (auto& vis : visits_)
        std::erase_if(vis.replies, [&](int r) {
            return r < 0 || static_cast<std::size_t>(r) >= log.entries.size() ||
                   !is_reply(log.entries[static_cast<std::size_t>(r)]);
        });
}

std::vector<int> AttemptView::replies_in(const std::string& thread) const {
    std::vector<int> out;
    for (int i : replies_)
        if (log.entries[static_cast<std::size_t>(i)].thread == thread) out.push_back(i);
    return out;
}

bool AttemptView::engaged() const {
    if (!replies_.empty()) return true;
    for (int i : desk_) {
        const Verb vb = log.entries[static_cast<std::size_t>(i)].action->verb;
        if (vb != Verb::Answer && vb != Verb::Hold && vb != Verb::HangUp && vb != Verb::End &&
            vb != Verb::Focus)
            return true;
    }
    return false;
}

bool AttemptView::has_conversation() const {
    return std::any_of(log.threads.begin(), log.threads.end(),
                       [](const ThreadRecord& t) { return t.kind != ThreadRecord::Kind::Alarm; });
}

std::vector<int> AttemptView::desk_of(std::string_view verb) const {
    std::vector<int> out;
    for (int i : desk_)
        if (verb_name(log.entries[static_cast<std::size_t>(i)].action->verb) == verb)
            out.push_back(i);
    return out;
}

std::string AttemptView::first_party() const {
    for (const auto& t : log.threads)
        if (t.kind != ThreadRecord::Kind::Alarm && !t.actor.empty()) return t.actor;
    return {};
}

std::string AttemptView::actor_of_thread(const std::string& thread) const {
    if (const ThreadRecord* t = log.thread(thread)) return t->actor;
    return {};
}

std::string AttemptView::actor_of(const LogEntry& e) const {
    if (!e.actor.empty()) return e.actor;
    return actor_of_thread(e.thread);
}

std::string AttemptView::role_of(const std::string& actor) const {
    if (const Actor* a = scenario.actor(actor)) return a->role;
    return {};
}

std::vector<const ThreadRecord*> AttemptView::threads(const Params& p) const {
    const std::string kind = p.str("thread_kind", "any");
    const std::vector<std::string> roles = p.list("roles");
    std::vector<const ThreadRecord*> out;
    for (const auto& t : log.threads) {
        if (t.kind == ThreadRecord::Kind::Alarm) continue;
        if (kind != "any" && kind != thread_kind_name(t.kind)) continue;
        if (!roles.empty() &&
            std::find(roles.begin(), roles.end(), role_of(t.actor)) == roles.end())
            continue;
        out.push_back(&t);
    }
    return out;
}

Millis AttemptView::thread_end(const ThreadRecord& t) const {
    return t.ended_at ? *t.ended_at : std::max(log.ended_at, t.opened_at);
}

Millis AttemptView::thread_start(const ThreadRecord& t) const {
    return t.answered_at ? *t.answered_at : t.opened_at;
}

Millis AttemptView::emergency_start() const {
    std::optional<Millis> alarm, first;
    for (const auto& t : log.threads) {
        if (t.kind == ThreadRecord::Kind::Alarm && (!alarm || t.opened_at < *alarm))
            alarm = t.opened_at;
        if (!first || t.opened_at < *first) first = t.opened_at;
    }
    if (alarm) return *alarm;
    return first ? *first : 0;
}

std::string AttemptView::played_fact(const std::string& actor, const std::string& field) const {
    if (auto it = log.facts.find(actor); it != log.facts.end())
        if (auto f = it->second.find(field); f != it->second.end()) return f->second;
    const Actor* a = scenario.actor(actor);
    return a ? written_fact(*a, field) : std::string();
}

std::string AttemptView::expected_value(const std::string& field, const std::string& value) const {
    // "{owner.phone}" — a placeholder for a played fact.
    if (value.size() > 3 && value.front() == '{' && value.back() == '}') {
        const std::string inner = value.substr(1, value.size() - 2);
        const auto dot = inner.find('.');
        if (dot != std::string::npos) {
            const std::string v = played_fact(inner.substr(0, dot), inner.substr(dot + 1));
            if (!v.empty()) return v;
        }
    }
    // A literal equal to an actor's default fact follows that actor's seeded variation.
    for (const auto& a : scenario.actors) {
        const std::string def = written_fact(a, field);
        if (!def.empty() && def == value) {
            const std::string played = played_fact(a.id, field == "contact" ? "phone" : field);
            return played.empty() ? value : played;
        }
    }
    return value;
}

std::string reply_text(const LogEntry& e) {
    if (!is_reply(e)) return {};
    return e.action->text.empty() ? e.text : e.action->text;
}

Evidence AttemptView::text_evidence(const LogEntry& e, std::optional<std::pair<int, int>> span,
                                    i18n::Message note) {
    Evidence ev;
    ev.t = e.t;
    ev.what = e.action ? std::string(verb_name(e.action->verb)) : std::string(evidence_kind::kLog);
    ev.thread = e.thread;
    if (is_reply(e))
        ev.text = reply_text(e);
    else if (e.action)
        ev.shows = describe_action(*e.action);
    else
        ev.text = e.text;
    if (span && span->first >= 0 && span->second <= static_cast<int>(ev.text.size()) &&
        span->first < span->second) {
        ev.highlight_begin = span->first;
        ev.highlight_end = span->second;
    }
    ev.note = std::move(note);
    return ev;
}

Evidence AttemptView::reply_evidence(const LogEntry& e, const std::vector<std::string>& names,
                                     i18n::Message note) const {
    std::optional<std::pair<int, int>> span;
    const std::string text = reply_text(e);
    if (detector && !names.empty()) {
        const DetectedActs d = detector->detect(text);
        for (const auto& name : names) {
            for (const auto& s : d.spans) {
                if (s.name != name || s.end <= s.begin || s.end > d.normalized.size()) continue;
                // The span is in the normalised text; find the same words in the reply as typed.
                const std::string words = d.normalized.substr(s.begin, s.end - s.begin);
                const auto at = text.find(words);
                if (at != std::string::npos)
                    span = {static_cast<int>(at), static_cast<int>(at + words.size())};
                else
                    note = rubric::note(Note::WithMatch)
                               .msg("note", std::move(note))
                               .text("words", words);
                break;
            }
            if (span) break;
        }
    }
    return text_evidence(e, span, std::move(note));
}

Evidence AttemptView::action_evidence(const LogEntry& e, i18n::Message note) const {
    return text_evidence(e, std::nullopt, std::move(note));
}

Evidence AttemptView::missing(Millis from, Millis to, std::string thread, i18n::Message note) {
    Evidence ev;
    ev.t = from;
    ev.what = evidence_kind::kMissing;
    ev.thread = std::move(thread);
    if (to > from)
        ev.shows = rubric::note(Note::Span).text("from", clock(from)).text("to", clock(to));
    else
        ev.shows = rubric::note(Note::At).text("t", clock(from));
    ev.note = std::move(note);
    return ev;
}

// ---- fact matching ----------------------------------------------------------------------------

std::optional<std::pair<int, int>> find_phone(std::string_view text, std::string_view phone,
                                              const ScoringSettings& m) {
    const std::string want = digits_only(phone);
    if (want.size() < static_cast<std::size_t>(std::max(0, m.phone_min_digits)))
        return find_literal(text, phone);
    for (const auto& run : digit_runs(text, true)) {
        const auto at = run.digits.find(want);
        if (at == std::string::npos) continue;
        // Map digit offsets back to bytes by walking the run.
        int b = -1, e = -1;
        std::size_t seen = 0, i = static_cast<std::size_t>(run.begin);
        while (i < static_cast<std::size_t>(run.end)) {
            std::size_t len = 0;
            if (digit_at(text, i, len) >= 0) {
                if (seen == at) b = static_cast<int>(i);
                ++seen;
                if (seen == at + want.size()) {
                    e = static_cast<int>(i + len);
                    break;
                }
                i += len;
            } else {
                ++i;
            }
        }
        if (b >= 0 && e > b) return std::make_pair(b, e);
    }
    return std::nullopt;
}

std::optional<std::pair<int, int>> find_room(std::string_view text, std::string_view room,
                                             const ScoringSettings& m) {
    const auto want = digit_runs(room, false);
    if (want.empty()) return find_literal(text, room);
    const auto have = digit_runs(text, false);
    for (std::size_t i = 0; i + want.size() <= have.size(); ++i) {
        bool ok = true;
        for (std::size_t j = 0; j < want.size() && ok; ++j)
            ok = have[i + j].digits == want[j].digits;
        // Consecutive groups must be close (3栋1202), not two numbers far apart in a sentence.
        for (std::size_t j = 1; j < want.size() && ok; ++j)
            ok = have[i + j].begin - have[i + j - 1].end <= m.room_gap;
        if (ok) return std::make_pair(have[i].begin, have[i + want.size() - 1].end);
    }
    return std::nullopt;
}

std::optional<std::pair<int, int>> find_name(std::string_view text, std::string_view name) {
    // Names are matched as written: 王女士 is not 王先生, and a surname alone is too weak a
    // signal in free text.
    return find_literal(text, name);
}

std::optional<std::pair<int, int>> find_fact(std::string_view field, std::string_view text,
                                             std::string_view value, const ScoringSettings& m) {
    if (value.empty()) return std::nullopt;
    if (field == "phone" || field == "contact" || field == "id_card" || field == "id")
        return find_phone(text, value, m);
    if (field == "room") return find_room(text, value, m);
    if (field == "name") return find_name(text, value);
    return find_literal(text, value);
}

bool same_fact(std::string_view field, std::string_view recorded, std::string_view expected) {
    const std::string r = trim(recorded), x = trim(expected);
    if (r.empty()) return false;
    if (x.empty()) return true;
    if (field == "phone" || field == "contact") {
        const std::string dr = digits_only(r), dx = digits_only(x);
        return !dx.empty() ? dr == dx : r == x;
    }
    if (field == "room") {
        const auto gr = digit_runs(r, false), gx = digit_runs(x, false);
        if (gx.empty()) return r == x;
        if (gr.size() != gx.size()) return false;
        for (std::size_t i = 0; i < gx.size(); ++i)
            if (gr[i].digits != gx[i].digits) return false;
        return true;
    }
    if (field == "name") {
        // 王女士 recorded as 王女士 or 王 (surname only) is fine; 李女士 is not.
        return r == x || x.find(r) != std::string::npos || r.find(x) != std::string::npos;
    }
    return r == x;
}

// ---- parts of notes ---------------------------------------------------------------------------

i18n::Message act_ref(std::string_view act) {
    return note(Note::ActRef)
        .label("label", act_prefix(act), std::string(act))
        .text("code", std::string(act));
}

i18n::Message group_ref(const AnyOf& alternatives) {
    std::vector<i18n::Message> items;
    for (const auto& a : alternatives) items.push_back(act_ref(a));
    return joined(std::move(items), "join.or");
}

i18n::Message joined(std::vector<i18n::Message> items, std::string_view joiner) {
    return note(Note::List).list("items", std::move(items), joiner);
}

i18n::Message field_ref(const std::string& field) {
    return i18n::label_msg("field.", field);
}

i18n::Message not_found(i18n::Message what) {
    return note(Note::NotFound).msg("what", std::move(what));
}

std::string clock(Millis t) {
    return format_clock(t);
}

}  // namespace dd::rubric
