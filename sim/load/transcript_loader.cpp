// Transcript loader: key tables · one reader per verb's value · the action list with its time
// rules (`at` required except for `wait`, never decreasing).
#include "sim/load/transcript_loader.h"

#include <array>
#include <cmath>

#include "sim/load/text_util.h"
#include "sim/load/yaml_safe.h"
#include "sim/model/enums.h"

namespace dd {

namespace {

using yaml::Fields;
using yaml::Reader;
using yaml::squote;
using SV = std::string_view;

constexpr std::array<SV, 5> kTopKeys = {"scenario", "seed", "mode", "trainee", "actions"};
constexpr std::array<SV, 2> kModes = {"practice", "assessment"};
constexpr auto kActionKeys = [] {
    std::array<SV, enums::kVerbs.size() + 2> all{};
    all[0] = "at";
    all[1] = "to";
    for (std::size_t i = 0; i < enums::kVerbs.size(); ++i) all[i + 2] = enums::kVerbs[i];
    return all;
}();
constexpr std::array<SV, 2> kClassifyKeys = {"type", "level"};
constexpr std::array<SV, 3> kVisitorKeys = {"name", "visiting", "id"};

constexpr std::array<KeyTable, 5> kTables = {{
    {"", kTopKeys},
    {"/definitions/action", kActionKeys},
    {"/definitions/record", enums::kRecordFields},
    {"/definitions/classify", kClassifyKeys},
    {"/definitions/visitor", kVisitorKeys},
}};

Verb verb_of(SV name) {
    static constexpr std::array<Verb, 17> kOrder = {
        Verb::Answer,   Verb::Hold,     Verb::Say,       Verb::Choose,          Verb::Record,
        Verb::Classify, Verb::Dispatch, Verb::Escalate,  Verb::Call,            Verb::Notify,
        Verb::RegisterVisitor, Verb::Broadcast, Verb::HandOver, Verb::HangUp, Verb::Wait,
        Verb::End,      Verb::Focus};
    for (std::size_t i = 0; i < enums::kVerbs.size(); ++i)
        if (enums::kVerbs[i] == name) return kOrder[i];
    return Verb::Wait;
}

bool is_blank(const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; }

class TranscriptReader {
public:
    explicit TranscriptReader(Reader& r) : r_(r) {}

    Transcript read(const YAML::Node& root) {
        Transcript t;
        t.path = r_.path();
        Fields top(r_, root, "the transcript", kTopKeys);
        if (!top.is_map()) return t;
        top.require("scenario");
        top.require("seed");
        top.require("actions");
        if (auto v = r_.string(top, "scenario")) {
            if (is_blank(*v))
                r_.error(top.entry("scenario")->value,
                         "'scenario' is empty; write the scenario id, e.g. "
                         "'complaint.night-renovation-noise'");
            t.scenario = *v;
        }
        if (auto v = r_.integer(top, "seed", 0, INT64_MAX))
            t.seed = static_cast<std::uint64_t>(*v);
        if (auto v = r_.one_of(top, "mode", kModes)) t.mode = *v;
        if (auto v = r_.string(top, "trainee")) t.trainee = *v;
        if (const auto* e = top.entry("actions"); e && !e->value.IsNull())
            read_actions(e->value, t);
        return t;
    }

private:
    void read_actions(const YAML::Node& n, Transcript& t) {
        if (!r_.expect_list(n, "actions")) return;
        std::size_t i = 0;
        std::optional<Millis> prev_at;
        Millis next_free = 0;  // when the previous action is over (a wait lasts)
        for (const auto& item : n) {
            const std::string what = "actions[" + std::to_string(i++) + "]";
            Fields f(r_, item, what, kActionKeys);
            if (!f.is_map()) continue;
            Action a;
            a.pos = f.pos();
            std::vector<const Fields::Entry*> verbs;
            for (const auto& e : f.entries())
                if (enums::contains(enums::kVerbs, SV(e.key))) verbs.push_back(&e);
            if (verbs.empty()) {
                r_.error(f.pos(), what + " has no verb; add one of " + yaml::join(enums::kVerbs));
                continue;
            }
            if (verbs.size() > 1)
                r_.error(verbs[1]->key_node, what + " has two verbs, " + squote(verbs[0]->key) +
                                                 " and " + squote(verbs[1]->key) +
                                                 "; put each in its own action");
            a.verb = verb_of(verbs[0]->key);
            bool ok = read_verb(*verbs[0], a);

            if (const auto* at = f.entry("at")) {
                auto v = r_.duration(f, "at");
                if (!v) {
                    ok = false;
                } else {
                    a.at = *v;
                    if (prev_at && a.at < *prev_at) {
                        r_.error(at->value, "'at' goes back in time: " + format_duration(a.at) +
                                                " is before the previous action at " +
                                                format_duration(*prev_at) +
                                                "; keep the actions in time order");
                    }
                }
            } else if (a.verb == Verb::Wait) {
                a.at = next_free;
            } else {
                r_.error(f.pos(), what + " has no 'at'; give its time in seconds, e.g. {at: " +
                                      std::to_string(next_free / 1000) + ", " + verbs[0]->key +
                                      ": …}");
                ok = false;
            }
            if (auto v = r_.string(f, "to")) {
                if (is_blank(*v))
                    r_.error(f.entry("to")->value,
                             "'to' is empty; name the thread: phone, desk or an actor id");
                a.to = *v;
            }
            if (!ok) continue;
            prev_at = std::max(prev_at.value_or(0), a.at);
            next_free = a.at + (a.verb == Verb::Wait ? a.duration : 0);
            t.actions.push_back(std::move(a));
        }
    }

    bool read_verb(const Fields::Entry& e, Action& a) {
        const YAML::Node& v = e.value;
        const SV verb = e.key;
        auto need_value = [&]() {
            if (!v.IsNull()) return true;
            r_.error(e.key_node, squote(verb) + " needs a value, e.g. " + example(verb));
            return false;
        };
        switch (a.verb) {
            case Verb::Say: {
                if (!need_value()) return false;
                auto s = r_.string(v, verb);
                if (!s) return false;
                if (is_blank(*s)) {
                    r_.error(v, "'say' is empty; write what the trainee says");
                    return false;
                }
                a.text = *s;
                return true;
            }
            case Verb::Answer:
            case Verb::Focus:
                return thread_arg(e, a, /*true_ok=*/a.verb == Verb::Answer);
            case Verb::Hold:
            case Verb::HangUp:
                return thread_arg(e, a, /*true_ok=*/true);
            case Verb::Choose: {
                if (!need_value()) return false;
                if (!v.IsScalar()) {
                    r_.error(v, "expected the number of an offered reply (1 = the first) or "
                                "its text for 'choose', got " +
                                    yaml::kind_name(v));
                    return false;
                }
                const std::string& s = v.Scalar();
                const bool numeric = yaml::is_plain_scalar(v) && !s.empty() &&
                                     s.find_first_not_of("0123456789") == std::string::npos;
                if (numeric) {
                    auto n = r_.integer(v, "choose", 1, 1000);
                    if (!n) return false;
                    a.choice = static_cast<int>(*n - 1);
                } else {
                    if (is_blank(s)) {
                        r_.error(v, "'choose' is empty; give the reply's number or its text");
                        return false;
                    }
                    a.text = s;
                }
                return true;
            }
            case Verb::Record: {
                if (!need_value()) return false;
                Fields f(r_, v, "'record'", enums::kRecordFields);
                if (!f.is_map()) return false;
                for (const auto& fe : f.entries()) {
                    if (!fe.known) continue;
                    if (auto s = r_.string(f, fe.key)) a.fields.emplace_back(fe.key, *s);
                }
                return true;
            }
            case Verb::Classify: {
                if (!need_value()) return false;
                Fields f(r_, v, "'classify'", kClassifyKeys);
                if (!f.is_map()) return false;
                if (f.entries().empty()) {
                    r_.error(v, "'classify' needs 'type' and/or 'level', e.g. "
                                "{type: complaint, level: urgent}");
                    return false;
                }
                if (auto s = r_.one_of(f, "type", enums::kRequestTypes, "request type"))
                    a.fields.emplace_back("type", *s);
                if (auto s = r_.one_of(f, "level", enums::kLevels)) a.fields.emplace_back("level", *s);
                return true;
            }
            case Verb::Dispatch: return enum_arg(e, a, enums::kDepartments, "department");
            case Verb::Escalate: return enum_arg(e, a, enums::kEscalate, "escalation");
            case Verb::Call: return enum_arg(e, a, enums::kCallNumbers, "number");
            case Verb::Notify: return enum_arg(e, a, enums::kNotify, "party to notify");
            case Verb::Broadcast: return enum_arg(e, a, enums::kBroadcast, "broadcast");
            case Verb::HandOver: return enum_arg(e, a, enums::kHandOver, "item to hand over");
            case Verb::RegisterVisitor: {
                if (!need_value()) return false;
                if (v.IsScalar()) {
                    auto b = r_.boolean(v, verb);
                    if (!b) return false;
                    if (!*b) {
                        r_.error(v, "'register_visitor: false' does nothing; remove the action "
                                    "or give {name, visiting, id}");
                        return false;
                    }
                    return true;
                }
                Fields f(r_, v, "'register_visitor'", kVisitorKeys);
                if (!f.is_map()) return false;
                for (const auto& fe : f.entries()) {
                    if (!fe.known) continue;
                    if (auto s = r_.string(f, fe.key)) a.fields.emplace_back(fe.key, *s);
                }
                return true;
            }
            case Verb::Wait: {
                if (!need_value()) return false;
                auto d = r_.duration(v, verb);
                if (!d) return false;
                a.duration = *d;
                return true;
            }
            case Verb::End: {
                if (!need_value()) return false;
                auto b = r_.boolean(v, verb);
                if (!b) return false;
                if (!*b) {
                    r_.error(v, "'end: false' does nothing; write 'end: true' or remove it");
                    return false;
                }
                return true;
            }
        }
        return false;
    }

    // answer/hold/hang_up/focus: a thread name (phone, desk or an actor id), or `true` for the
    // focused thread where that makes sense.
    bool thread_arg(const Fields::Entry& e, Action& a, bool true_ok) {
        const YAML::Node& v = e.value;
        if (v.IsNull()) {
            r_.error(e.key_node, squote(e.key) + " needs a thread, e.g. " + example(e.key));
            return false;
        }
        if (!v.IsScalar()) {
            r_.error(v, "expected a thread (phone, desk or an actor id) for " + squote(e.key) +
                            ", got " + yaml::kind_name(v));
            return false;
        }
        const std::string& s = v.Scalar();
        if (yaml::is_plain_scalar(v) && (s == "true" || s == "false")) {
            if (s == "true" && true_ok) return true;
            r_.error(v, "expected a thread (phone, desk or an actor id) for " + squote(e.key) +
                            ", got " + squote(s));
            return false;
        }
        if (is_blank(s)) {
            r_.error(v, squote(e.key) + " is empty; name the thread: phone, desk or an actor id");
            return false;
        }
        a.arg = s;
        return true;
    }

    bool enum_arg(const Fields::Entry& e, Action& a, std::span<const SV> allowed, SV what) {
        if (e.value.IsNull()) {
            r_.error(e.key_node, squote(e.key) + " needs a value, e.g. " + example(e.key));
            return false;
        }
        auto s = r_.one_of(e.value, what, allowed);
        if (!s) return false;
        a.arg = *s;
        return true;
    }

    static std::string example(SV verb) {
        if (verb == "say") return "{at: 7, say: 您好,安居物业客服中心}";
        if (verb == "answer" || verb == "hold" || verb == "hang_up" || verb == "focus")
            return "{at: 5, " + std::string(verb) + ": phone}";
        if (verb == "choose") return "{at: 7, choose: 1}";
        if (verb == "record") return "{at: 40, record: {name: 王女士, room: 3-1202}}";
        if (verb == "classify") return "{at: 50, classify: {type: complaint, level: urgent}}";
        if (verb == "dispatch") return "{at: 55, dispatch: security}";
        if (verb == "escalate") return "{at: 55, escalate: manager}";
        if (verb == "call") return "{at: 20, call: \"119\"}";
        if (verb == "notify") return "{at: 60, notify: owner}";
        if (verb == "broadcast") return "{at: 30, broadcast: evacuation}";
        if (verb == "hand_over") return "{at: 30, hand_over: first-aid-kit}";
        if (verb == "register_visitor") return "{at: 30, register_visitor: true}";
        if (verb == "wait") return "{at: 90, wait: 10s}";
        return "{at: 100, end: true}";
    }

    Reader& r_;
};

std::optional<Transcript> load_document(const std::optional<yaml::Document>& doc,
                                        Diagnostics& diags, const LoadOptions& options,
                                        std::size_t errors_before) {
    if (!doc) return std::nullopt;
    try {
        Reader r(*doc, diags, options.limits.max_errors);
        TranscriptReader reader(r);
        Transcript t = reader.read(doc->root());
        if (diags.error_count() > errors_before) return std::nullopt;
        return t;
    } catch (const std::exception& e) {
        diags.error(doc->path(), {}, std::string("internal error while loading: ") + e.what());
        return std::nullopt;
    }
}

}  // namespace

std::optional<Transcript> load_transcript_text(std::string_view text, const std::string& path,
                                               Diagnostics& diags, const LoadOptions& options) {
    const std::size_t before = diags.error_count();
    return load_document(yaml::parse_text(text, path, diags, options.limits), diags, options,
                         before);
}

std::optional<Transcript> load_transcript_file(const std::string& path, Diagnostics& diags,
                                               const LoadOptions& options) {
    const std::size_t before = diags.error_count();
    return load_document(yaml::parse_file(path, diags, options.limits), diags, options, before);
}

bool looks_like_transcript(std::string_view text) {
    std::size_t i = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < text.size()) {
        std::size_t eol = text.find('\n', i);
        if (eol == std::string_view::npos) eol = text.size();
        const std::string_view line = text.substr(i, eol - i);
        if (line.substr(0, 9) == "scenario:" || line.substr(0, 10) == "\"scenario\"" ||
            line.substr(0, 10) == "{scenario:")
            return true;
        i = eol + 1;
    }
    return false;
}

std::span<const KeyTable> transcript_key_tables() { return kTables; }

}  // namespace dd
