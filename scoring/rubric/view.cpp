// The attempt view and the helpers shared by the checks: parameters, fact matching in free
// text (phone digits, room numbers, names), parts of notes and evidence builders.
#include "view.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <stdexcept>

#include "scoring/text/facts.h"
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

// An actor's fact as written in the scenario, before seeded variation ("contact" is the phone).
std::string written_fact(const Actor& a, const std::string& field) {
    if (field == "name") return a.name;
    if (field == "room") return a.room;
    if (field == "phone" || field == "contact") return a.phone;
    if (auto f = a.facts.find(field); f != a.facts.end()) return f->second;
    return {};
}

}  // namespace

// ---- Params -----------------------------------------------------------------------------------

template <typename Take>
bool Params::find(const std::string& k, Take take) const {
    if (auto it = set_->find(k); it != set_->end() && take(std::string_view(it->second)))
        return true;
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
    // The common case, a plain decimal (0.5, 3, 15): read in place. Both readings round
    // correctly, so the value is strtod's; anything else (signs, spaces, exponents) goes there.
    const bool plain = !sv.empty() && sv.size() < 32 &&
                       std::all_of(sv.begin(), sv.end(),
                                   [](char ch) { return (ch >= '0' && ch <= '9') || ch == '.'; }) &&
                       sv.front() != '.' && std::count(sv.begin(), sv.end(), '.') <= 1;
    if (plain) {
        double v = 0;
        const auto [end, ec] = std::from_chars(sv.data(), sv.data() + sv.size(), v);
        if (ec == std::errc() && end == sv.data() + sv.size() && std::isfinite(v) &&
            std::fabs(v) <= 1e9)
            return v;
    }
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

namespace {

// The text ends a sentence: its last character (spaces aside) is 。！？!?… or a tilde.
bool ends_sentence(std::string_view text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\t'))
        text.remove_suffix(1);
    for (std::string_view end : {"。", "！", "？", "!", "?", "…", ".", "~", "～"})
        if (text.size() >= end.size() && text.substr(text.size() - end.size()) == end) return true;
    return false;
}

}  // namespace

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
    // Turns: a message joins the one before when it goes to the same conversation soon after,
    // and either the caller said nothing between or the message before broke off mid-sentence
    // (the engine answers at once: a caller's line after 「王女士，3栋1202，」 came too early,
    // one after 「修好了吧？」 is their answer, and the next message answers them).
    const Millis gap = static_cast<Millis>(std::max(0, settings.split_reply_seconds)) * 1000;
    turn_index_.assign(log.entries.size(), -1);
    for (std::size_t k = 0; k < replies_.size(); ++k) {
        const auto& e = log.entries[static_cast<std::size_t>(replies_[k])];
        const bool joins = k > 0 && gap > 0 && [&] {
            const int p = replies_[k - 1];
            const auto& prev = log.entries[static_cast<std::size_t>(p)];
            if (prev.thread != e.thread || e.t - prev.t > gap) return false;
            if (!ends_sentence(reply_text(prev))) return true;
            for (int i = p + 1; i < replies_[k]; ++i) {
                const auto& x = log.entries[static_cast<std::size_t>(i)];
                if (x.kind == LogEntry::Kind::ActorLine && x.thread == e.thread) return false;
            }
            return true;
        }();
        if (!joins) turns_.emplace_back();
        turns_.back().push_back(replies_[k]);
        turn_index_[static_cast<std::size_t>(replies_[k])] = static_cast<int>(turns_.size() - 1);
    }
    const auto damaged = [&](int r) {
        return r < 0 || static_cast<std::size_t>(r) >= log.entries.size() ||
               !is_reply(log.entries[static_cast<std::size_t>(r)]);
    };
    // The log's own visits unless one lists a reply that is none or an answer went on in a
    // later message (copied only then).
    visits_ = &log.visits;
    const bool checked = std::any_of(log.visits.begin(), log.visits.end(), [&](const auto& vis) {
        if (std::any_of(vis.replies.begin(), vis.replies.end(), damaged)) return true;
        if (vis.replies.empty()) return false;
        const auto& turn = turn_of(vis.replies.back());
        return !turn.empty() && turn.back() > vis.replies.back();
    });
    if (!checked) return;
    checked_visits_ = log.visits;
    visits_ = &checked_visits_;
    for (auto& vis : checked_visits_) {
        std::erase_if(vis.replies, damaged);
        if (vis.replies.empty()) continue;
        // The rest of an answer split over messages, which the engine heard at the next node.
        const int last = vis.replies.back();
        for (int r : turn_of(last)) {
            if (r <= last) continue;
            vis.replies.push_back(r);
            const auto& e = log.entries[static_cast<std::size_t>(r)];
            for (const auto& a : e.acts) {
                const bool weak =
                    std::find(e.weak_acts.begin(), e.weak_acts.end(), a) != e.weak_acts.end();
                const bool had = std::find(vis.acts.begin(), vis.acts.end(), a) != vis.acts.end();
                if (!had) {
                    vis.acts.push_back(a);
                    if (weak) vis.weak_acts.push_back(a);
                } else if (!weak) {
                    std::erase(vis.weak_acts, a);  // a strong form now
                }
            }
            for (const auto& f : e.forbidden)
                if (std::find(vis.forbidden.begin(), vis.forbidden.end(), f) == vis.forbidden.end())
                    vis.forbidden.push_back(f);
        }
    }
}

const std::vector<int>& AttemptView::turn_of(int idx) const {
    static const std::vector<int> kNone;
    if (idx < 0 || static_cast<std::size_t>(idx) >= turn_index_.size()) return kNone;
    const int t = turn_index_[static_cast<std::size_t>(idx)];
    return t < 0 ? kNone : turns_[static_cast<std::size_t>(t)];
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
                if (s.src_begin < s.src_end && s.src_end <= text.size()) {
                    span = {static_cast<int>(s.src_begin), static_cast<int>(s.src_end)};
                    break;
                }
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
    Evidence ev = text_evidence(e, span, std::move(note));
    for (const auto& name : names)
        if (std::find(e.review.begin(), e.review.end(), name) != e.review.end()) ev.review = true;
    return ev;
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

std::optional<text::FactMatch> find_fact(std::string_view field, std::string_view text,
                                         std::string_view value, const ScoringSettings& m,
                                         const text::FactContext& ctx) {
    if (value.empty()) return std::nullopt;
    auto kind = text::fact_kind(field);
    // A short number (an extension, a gate code) is too weak a signal by its digits alone.
    if (kind == text::FactKind::Phone &&
        text::spoken_digits(value).size() <
            static_cast<std::size_t>(std::max(0, m.phone_min_digits)))
        kind = text::FactKind::Other;
    return text::find_fact(kind, text, value, ctx);
}

std::optional<std::pair<int, int>> span_of(const std::optional<text::FactMatch>& m) {
    if (!m) return std::nullopt;
    return std::make_pair(static_cast<int>(m->begin), static_cast<int>(m->end));
}

bool same_fact(std::string_view field, std::string_view recorded, std::string_view expected) {
    const std::string r = trim(recorded), x = trim(expected);
    if (r.empty()) return false;
    if (x.empty()) return true;
    return text::same_fact(text::fact_kind(field), r, x);
}

text::FactContext AttemptView::names_besides(const std::string& actor) const {
    text::FactContext ctx;
    for (const auto& a : scenario.actors) {
        if (a.id == actor) continue;
        const std::string n = played_fact(a.id, "name");
        if (!n.empty()) ctx.other_names.push_back(n);
    }
    return ctx;
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
    // format_clock's text ("mm:ss.s", "h:mm:ss.s") without snprintf's floating point, which
    // took a tenth of scoring an attempt with many missing-evidence spans. The seconds are
    // rounded to tenths as printf rounds ms/1000.0; a value halfway between two tenths (x.x50)
    // depends on how the double falls, so it is left to format_clock itself.
    if (t < 0) t = 0;
    const long long r = t % 60'000;
    if (r % 100 == 50) return format_clock(t);
    const long long tenths = (r + 50) / 100;  // 0..600: 59.96 s shows as 60.0, as printf does
    const long long h = t / 3'600'000, m = (t / 60'000) % 60;
    char buf[32];
    char* p = buf;
    if (h) {
        const std::string hs = std::to_string(h);
        for (char ch : hs) *p++ = ch;
        *p++ = ':';
    }
    *p++ = static_cast<char>('0' + m / 10);
    *p++ = static_cast<char>('0' + m % 10);
    *p++ = ':';
    const long long whole = tenths / 10;  // 0..60, at least two digits (%04.1f)
    *p++ = static_cast<char>('0' + whole / 10);
    *p++ = static_cast<char>('0' + whole % 10);
    *p++ = '.';
    *p++ = static_cast<char>('0' + tenths % 10);
    return std::string(buf, p);
}

}  // namespace dd::rubric
