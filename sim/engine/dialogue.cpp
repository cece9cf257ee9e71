// The dialogue runner's pure rules: facts as played, line variants, placeholders, conditions.
#include "dialogue.h"

#include <algorithm>
#include <cctype>

#include "sim/model/enums.h"

namespace dd::dialogue {

namespace {

// FNV-1a then splitmix64: fixed, portable mixing (std::hash differs between libraries).
std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

bool contains(const std::vector<std::string>& list, const std::string& v) {
    return std::find(list.begin(), list.end(), v) != list.end();
}

// An act is "in the reply" when detected as an act (weak forms included) or as a forbidden
// family.
bool in_reply(const NodeVisit& v, const std::string& name) {
    return contains(v.acts, name) || contains(v.forbidden, name);
}

template <typename Pred>
bool any_of_alt(const AnyOf& alts, Pred pred) {
    return std::any_of(alts.begin(), alts.end(), pred);
}

}  // namespace

std::map<std::string, std::string> played_facts(const Actor& actor, std::uint64_t seed) {
    std::map<std::string, std::string> f = actor.facts;
    if (!actor.name.empty()) f["name"] = actor.name;
    if (!actor.role.empty()) f["role"] = actor.role;
    if (!actor.room.empty()) f["room"] = actor.room;
    if (!actor.phone.empty()) f["phone"] = actor.phone;
    if (seed == 0 || actor.vary.empty()) return f;
    const std::uint64_t k = seed % (actor.vary.size() + 1);
    if (k == 0) return f;
    for (const auto& [key, value] : actor.vary[k - 1].facts) f[key] = value;
    return f;
}

std::size_t pick_variant(std::uint64_t seed, std::string_view node_id, int visit_no,
                         std::size_t n) {
    if (n <= 1 || seed == 0) return 0;
    const std::uint64_t h =
        splitmix64(seed ^ splitmix64(fnv1a(node_id) + static_cast<std::uint64_t>(visit_no)));
    return static_cast<std::size_t>(h % n);
}

Millis event_time(const Event& e, int index, std::uint64_t seed) {
    if (seed == 0 || e.jitter < 1000) return e.at;
    const auto steps = static_cast<std::uint64_t>(e.jitter / 1000) + 1;
    const std::uint64_t h =
        splitmix64(seed ^ splitmix64(0x6a69747465720000ULL + static_cast<std::uint64_t>(index)));
    return e.at + static_cast<Millis>(h % steps) * 1000;
}

std::string fill_placeholders(std::string_view line, const Facts& facts, const Site& site) {
    std::string out;
    out.reserve(line.size());
    std::size_t i = 0;
    while (i < line.size()) {
        const std::size_t open = line.find('{', i);
        if (open == std::string_view::npos) break;
        const std::size_t close = line.find('}', open + 1);
        if (close == std::string_view::npos) break;
        out.append(line.substr(i, open - i));
        const std::string_view key = line.substr(open + 1, close - open - 1);
        const std::size_t dot = key.find('.');
        const std::string* value = nullptr;
        std::optional<std::string> site_value;
        if (dot != std::string_view::npos) {
            const std::string who(key.substr(0, dot));
            const std::string field(key.substr(dot + 1));
            if (who == "site" || who == "ext" || who == "fee") {
                site_value = site_placeholder(site, who, field);
                if (site_value) value = &*site_value;
            } else if (auto a = facts.find(who); a != facts.end()) {
                if (auto f = a->second.find(field); f != a->second.end()) value = &f->second;
            }
        }
        if (value)
            out += *value;
        else
            out.append(line.substr(open, close - open + 1));
        i = close + 1;
    }
    if (i < line.size()) out.append(line.substr(i));
    return out;
}

Action guide_action(const GuideStep& step, const Facts& facts, const Site& site) {
    Action a = step.action;
    a.text = fill_placeholders(a.text, facts, site);
    for (auto& [key, value] : a.fields) value = fill_placeholders(value, facts, site);
    return a;
}

bool breaks_off(std::string_view text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n'))
        text.remove_suffix(1);
    for (std::string_view mark : {"，", "、", "：", "；", ",", ":", ";"})
        if (text.size() >= mark.size() && text.substr(text.size() - mark.size()) == mark)
            return true;
    return false;
}

void identify_by_name(DetectedActs& d, const std::vector<std::string>& ours,
                      const std::vector<std::string>& not_ours) {
    auto says = [&](const std::vector<std::string>& names) {
        return std::any_of(names.begin(), names.end(), [&](const std::string& n) {
            return !n.empty() && d.normalized.find(n) != std::string::npos;
        });
    };
    static constexpr std::string_view kAct = "self-identify";
    const bool mine = says(ours);
    if (!mine && says(not_ours)) {
        std::erase(d.acts, std::string(kAct));
        std::erase(d.weak_acts, std::string(kAct));
        return;
    }
    if (!mine || contains(d.acts, std::string(kAct))) return;
    // Before the first act that comes after it in kActs.
    auto rank = [](const std::string& a) {
        return std::find(enums::kActs.begin(), enums::kActs.end(), a) - enums::kActs.begin();
    };
    const auto self = rank(std::string(kAct));
    auto at = std::find_if(d.acts.begin(), d.acts.end(),
                           [&](const std::string& a) { return rank(a) > self; });
    d.acts.insert(at, std::string(kAct));
}

bool is_acknowledgement(std::string_view text) {
    static constexpr std::string_view kMarks[] = {"。", "，", "！", "？", "、", "…", "～", "．", "　"};
    static constexpr std::string_view kWords[] = {
        "好",   "好的", "好嘞",   "好好",   "好的好的", "嗯",   "嗯嗯", "哦",     "噢",   "收到",
        "明白", "明白了", "了解", "知道了", "行",       "可以", "是",   "是的",   "对",   "ok",
        "okay", "嗯好",   "好滴",
    };
    // Every reply is asked: a core longer than the longest word is no acknowledgement, so it
    // is built in place and given up on as soon as it outgrows them.
    static constexpr std::size_t kLongest = [] {
        std::size_t n = 0;
        for (auto w : kWords) n = std::max(n, w.size());
        return n;
    }();
    char core[kLongest];
    std::size_t len = 0;
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80 && (std::isspace(c) || std::ispunct(c))) {
            ++i;
            continue;
        }
        bool mark = false;
        for (auto m : kMarks)
            if (text.substr(i, m.size()) == m) {
                i += m.size();
                mark = true;
                break;
            }
        if (mark) continue;
        if (len == kLongest) return false;
        core[len++] = static_cast<char>(c < 0x80 ? std::tolower(c) : c);
        ++i;
    }
    const std::string_view said(core, len);
    for (auto w : kWords)
        if (said == w) return true;
    return false;
}

Millis waited(const ConditionContext& ctx) {
    if (!ctx.visit) return 0;
    const Millis until = ctx.visit->first_reply_at.value_or(ctx.now);
    return until - ctx.visit->spoken_at;
}

bool holds(const Condition& c, const ConditionContext& ctx) {
    static const NodeVisit kEmpty;
    const NodeVisit& v = ctx.visit ? *ctx.visit : kEmpty;
    for (const auto& alts : c.said)
        if (!any_of_alt(alts, [&](const std::string& a) { return in_reply(v, a); })) return false;
    for (const auto& alts : c.not_said)
        if (any_of_alt(alts, [&](const std::string& a) { return in_reply(v, a); })) return false;
    for (const auto& alts : c.did)
        if (!any_of_alt(alts, [&](const std::string& a) { return contains(v.did, a); }))
            return false;
    for (const auto& alts : c.not_did)
        if (any_of_alt(alts, [&](const std::string& a) { return contains(v.did, a); }))
            return false;
    if (c.mood_above && !(ctx.mood > *c.mood_above)) return false;
    if (c.mood_below && !(ctx.mood < *c.mood_below)) return false;
    if (c.waited_over && waited(ctx) < *c.waited_over) return false;
    if (c.visits_above && !(ctx.visits > *c.visits_above)) return false;
    return true;
}

}  // namespace dd::dialogue
