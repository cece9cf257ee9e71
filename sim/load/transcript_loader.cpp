// Transcript loader: key tables · one reader per verb's value · the action list with its time
// rules (`at` required except for `wait`, never decreasing).
#include "sim/load/transcript_loader.h"

#include <array>
#include <cmath>

#include "common/yaml/text_util.h"
#include "common/yaml/yaml_safe.h"
#include "sim/load/vocab.h"
#include "sim/model/enums.h"
#include "sim/model/limits.h"

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

using vocab::kGuideStepKeys;

constexpr std::array<KeyTable, 5> kTables = {{
    {"", kTopKeys},
    {"/definitions/action", kActionKeys},
    {"/definitions/record", enums::kRecordFields},
    {"/definitions/classify", kClassifyKeys},
    {"/definitions/visitor", kVisitorKeys},
}};

bool is_blank(const std::string& s) {
    return s.find_first_not_of(" \t") == std::string::npos;
}

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
        if (auto v = r_.integer(top, "seed", 0, INT64_MAX)) t.seed = static_cast<std::uint64_t>(*v);
        if (auto v = r_.one_of(top, "mode", kModes)) t.mode = *v;
        if (auto v = r_.string(top, "trainee")) t.trainee = *v;
        if (const auto* e = top.entry("actions"); e && !e->value.IsNull())
            read_actions(e->value, t);
        return t;
    }

  private:
    void read_actions(const YAML::Node& n, Transcript& t) {
        if (!r_.expect_list(n, "actions")) return;
        if (n.size() > limits::kMaxTranscriptActions) {
            r_.error(n, "too many actions (" + std::to_string(n.size()) + "); at most " +
                            std::to_string(limits::kMaxTranscriptActions) +
                            " in one attempt; split the transcript");
            return;
        }
        std::size_t i = 0;
        std::optional<Millis> prev_at;
        Millis next_free = 0;  // when the previous action is over (a wait lasts)
        for (const auto& item : n) {
            const std::string what = "actions[" + std::to_string(i++) + "]";
            Fields f(r_, item, what, kActionKeys);
            if (!f.is_map()) continue;
            Action a;
            bool has_verb = false;
            bool ok = read_action(f, what, a, has_verb);
            if (!has_verb) continue;

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
                                      std::to_string(next_free / 1000) + ", " +
                                      std::string(verb_name(a.verb)) + ": …}");
                ok = false;
            }
            if (!ok) continue;
            prev_at = std::max(prev_at.value_or(0), a.at);
            next_free = a.at + (a.verb == Verb::Wait ? a.duration : 0);
            t.actions.push_back(std::move(a));
        }
    }

  public:
    // The verb (exactly one) and `to:` of an action map — a transcript's action or a scenario's
    // guide step. has_verb is false when the map has none (reported).
    bool read_action(Fields& f, const std::string& what, Action& a, bool& has_verb) {
        std::vector<const Fields::Entry*> verbs;
        for (const auto& e : f.entries())
            if (find_verb(e.key)) verbs.push_back(&e);
        if (verbs.empty()) {
            r_.error(f.pos(), what + " has no verb; add one of " + yaml::join(enums::kVerbs));
            return false;
        }
        has_verb = true;
        a.pos = f.pos();
        if (verbs.size() > 1)
            r_.error(verbs[1]->key_node, what + " has two verbs, " + squote(verbs[0]->key) +
                                             " and " + squote(verbs[1]->key) +
                                             "; put each in its own action");
        const VerbSpec& spec = *find_verb(verbs[0]->key);
        a.verb = spec.verb;
        bool ok = read_verb(*verbs[0], spec, a);
        if (auto v = r_.string(f, "to")) {
            if (is_blank(*v))
                r_.error(f.entry("to")->value,
                         "'to' is empty; name the thread: phone, desk or an actor id");
            a.to = *v;
        }
        return ok;
    }

  private:
    // Reads the verb's value as its row in kVerbTable says.
    bool read_verb(const Fields::Entry& e, const VerbSpec& spec, Action& a) {
        const YAML::Node& v = e.value;
        const SV verb = spec.name;
        if (v.IsNull()) {
            const bool thread = spec.arg == VerbArg::Thread || spec.arg == VerbArg::ThreadOrTrue;
            r_.error(e.key_node, squote(verb) +
                                     (thread ? " needs a thread, e.g. " : " needs a value, e.g. ") +
                                     std::string(spec.example));
            return false;
        }
        switch (spec.arg) {
            case VerbArg::Text: {
                auto s = r_.string(v, verb);
                if (!s) return false;
                if (is_blank(*s)) {
                    r_.error(v, squote(verb) + " is empty; write what the trainee says");
                    return false;
                }
                if (const std::size_t chars = yaml::count_chars(*s); chars > limits::kMaxReplyChars) {
                    r_.error(v, "reply of " + std::to_string(chars) + " characters; a reply is at most " +
                                    std::to_string(limits::kMaxReplyChars) +
                                    " — split it into several `say` actions");
                    return false;
                }
                a.text = *s;
                return true;
            }
            case VerbArg::Thread:
                return thread_arg(e, a, /*true_ok=*/false);
            case VerbArg::ThreadOrTrue:
                return thread_arg(e, a, /*true_ok=*/true);
            case VerbArg::Choice: {
                if (!v.IsScalar()) {
                    r_.error(v,
                             "expected the number of an offered reply (1 = the first) or "
                             "its text for " +
                                 squote(verb) + ", got " + yaml::kind_name(v));
                    return false;
                }
                const std::string& s = v.Scalar();
                const std::size_t sign = !s.empty() && (s[0] == '-' || s[0] == '+') ? 1 : 0;
                const bool numeric = yaml::is_plain_scalar(v) && s.size() > sign &&
                                     s.find_first_not_of("0123456789", sign) == std::string::npos;
                if (numeric) {
                    auto n = r_.integer(v, verb, 1, 1000);
                    if (!n) return false;
                    a.choice = static_cast<int>(*n - 1);
                } else {
                    if (is_blank(s)) {
                        r_.error(v,
                                 squote(verb) + " is empty; give the reply's number or its text");
                        return false;
                    }
                    a.text = s;
                }
                return true;
            }
            case VerbArg::Fields:
                return text_fields(v, spec, a);
            case VerbArg::Classify: {
                Fields f(r_, v, squote(verb), spec.values);
                if (!f.is_map()) return false;
                if (f.entries().empty()) {
                    r_.error(v,
                             "'classify' needs 'type' and/or 'level', e.g. "
                             "{type: complaint, level: urgent}");
                    return false;
                }
                if (auto s = r_.one_of(f, "type", enums::kRequestTypes, "request type"))
                    a.fields.emplace_back("type", *s);
                if (auto s = r_.one_of(f, "level", enums::kLevels))
                    a.fields.emplace_back("level", *s);
                return true;
            }
            case VerbArg::Value: {
                auto s = r_.one_of(v, spec.value_what, spec.values);
                if (!s) return false;
                a.arg = *s;
                return true;
            }
            case VerbArg::Visitor: {
                if (!v.IsScalar()) return text_fields(v, spec, a);
                auto b = r_.boolean(v, verb);
                if (!b) return false;
                if (!*b) {
                    r_.error(v,
                             "'register_visitor: false' does nothing; remove the action "
                             "or give {name, visiting, id}");
                    return false;
                }
                return true;
            }
            case VerbArg::Duration: {
                auto d = r_.duration(v, verb);
                if (!d) return false;
                a.duration = *d;
                return true;
            }
            case VerbArg::True: {
                auto b = r_.boolean(v, verb);
                if (!b) return false;
                if (!*b) {
                    r_.error(v, squote(std::string(verb) + ": false") + " does nothing; write " +
                                    squote(std::string(verb) + ": true") + " or remove it");
                    return false;
                }
                return true;
            }
        }
        return false;
    }

    // record / register_visitor: a map of text fields whose keys are the row's values.
    bool text_fields(const YAML::Node& v, const VerbSpec& spec, Action& a) {
        Fields f(r_, v, squote(spec.name), spec.values);
        if (!f.is_map()) return false;
        for (const auto& fe : f.entries()) {
            if (!fe.known) continue;
            if (auto s = r_.string(f, fe.key)) a.fields.emplace_back(fe.key, *s);
        }
        return true;
    }

    // answer/hold/hang_up/focus: a thread name (phone, desk or an actor id), or `true` for the
    // focused thread where that makes sense.
    bool thread_arg(const Fields::Entry& e, Action& a, bool true_ok) {
        const YAML::Node& v = e.value;
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

// True when `s` at `i` starts "<key>:" followed by a space or the end, for an action key.
bool action_key_at(std::string_view s, std::size_t i) {
    for (SV k : kActionKeys) {
        if (s.substr(i, k.size()) != k) continue;
        const std::size_t after = i + k.size();
        if (after < s.size() && s[after] == ':' && (after + 1 == s.size() || s[after + 1] == ' '))
            return true;
    }
    return false;
}

// Quotes the reply in one `- {…}` line if it needs it; returns false when the line is left.
bool quote_reply_in_line(std::string_view line, std::string& out, int& col) {
    std::size_t p = line.find_first_not_of(' ');
    if (p == SV::npos || line.substr(p, 3) != "- {") return false;
    std::size_t close = line.find_last_not_of(" \t\r");
    if (close == SV::npos || line[close] != '}') return false;
    const std::size_t open = p + 2;
    const SV inner = line.substr(open + 1, close - open - 1);
    for (SV key : {SV("say: "), SV("choose: ")}) {
        // The key at the top level of the flow map: right after '{' or after ", ".
        std::size_t k = 0;
        bool found = false;
        for (; k + key.size() <= inner.size(); ++k) {
            if (inner.substr(k, key.size()) != key) continue;
            SV before = inner.substr(0, k);
            while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
            if (before.empty() || before.back() == ',') {
                found = true;
                break;
            }
        }
        if (!found) continue;
        std::size_t vstart = k + key.size();
        while (vstart < inner.size() && inner[vstart] == ' ') ++vstart;
        if (vstart >= inner.size() || inner[vstart] == '"' || inner[vstart] == '\'' ||
            inner[vstart] == '[' || inner[vstart] == '{')
            return false;
        // The reply runs to the next ", <action key>:" or to the closing brace.
        std::size_t vend = inner.size();
        for (std::size_t c = inner.find(',', vstart); c != SV::npos; c = inner.find(',', c + 1)) {
            std::size_t n = c + 1;
            while (n < inner.size() && inner[n] == ' ') ++n;
            if (action_key_at(inner, n)) {
                vend = c;
                break;
            }
        }
        while (vend > vstart && inner[vend - 1] == ' ') --vend;
        const SV value = inner.substr(vstart, vend - vstart);
        if (value.find_first_of(",[]{}") == SV::npos && value.find(": ") == SV::npos &&
            value.find(" #") == SV::npos)
            return false;  // YAML reads it whole already
        std::string quoted = "'";
        for (char c : value) {
            quoted += c;
            if (c == '\'') quoted += '\'';
        }
        quoted += "'";
        col = static_cast<int>(yaml::count_chars(line.substr(0, open + 1 + vstart))) + 1;
        out.assign(line.substr(0, open + 1 + vstart));
        out += quoted;
        out += line.substr(open + 1 + vend);
        return true;
    }
    return false;
}

std::optional<Transcript> load_transcript(std::string_view text, const std::string& path,
                                          Diagnostics& diags, const LoadOptions& options) {
    const std::size_t before = diags.error_count();
    if (text.size() > options.limits.max_bytes)  // refused by parse_text; no work here
        return load_document(yaml::parse_text(text, path, diags, options.limits), diags, options,
                             before);
    std::vector<SourcePos> changed;
    const std::string repaired = quote_flow_replies(text, &changed);
    auto doc = yaml::parse_text(repaired, path, diags, options.limits);
    if (doc) {
        for (const SourcePos& at : changed)
            diags.warning(path, at,
                          "a reply with ',' inside {…} is not valid YAML unquoted; read as one "
                          "reply — quote it (say: \"…\") so editors and other tools agree");
    }
    return load_document(doc, diags, options, before);
}

}  // namespace

std::optional<GuideStep> read_guide_step(yaml::Reader& r, const YAML::Node& item,
                                         const std::string& what) {
    Fields f(r, item, what, kGuideStepKeys, /*extra_ok=*/true);
    if (!f.is_map()) return std::nullopt;
    bool ok = true;
    for (const auto& e : f.entries()) {
        if (e.known) continue;
        ok = false;
        if (e.key == "at")
            r.error(e.key_node, what +
                                    " has 'at'; a guide step has no time — the trainee's pace "
                                    "decides when — so remove it");
        else if (auto hint = yaml::did_you_mean(e.key, kGuideStepKeys); !hint.empty())
            r.error(e.key_node, "unknown key " + squote(e.key) + " in " + what + hint);
        else
            r.error(e.key_node, "unknown key " + squote(e.key) + " in " + what +
                                    " (allowed: a verb, 'to' or 'wait_for')");
    }
    GuideStep g;
    g.pos = f.pos();
    if (const auto* w = f.entry("wait_for")) {
        for (const auto& e : f.entries())
            if (e.known && e.key != "wait_for") {
                r.error(e.key_node, what + " has 'wait_for' and " + squote(e.key) +
                                        "; put the action in a step of its own after it");
                ok = false;
            }
        auto s = r.string(w->value, "wait_for");
        if (!s) return std::nullopt;
        if (is_blank(*s)) {
            r.error(w->value,
                    "'wait_for' is empty; name who turns up: phone, desk, alarm or an "
                    "actor id");
            return std::nullopt;
        }
        g.wait_for = *s;
        return ok ? std::optional<GuideStep>(std::move(g)) : std::nullopt;
    }
    TranscriptReader reader(r);
    bool has_verb = false;
    if (!reader.read_action(f, what, g.action, has_verb) || !ok) return std::nullopt;
    if (g.action.verb == Verb::Choose) {
        r.error(f.entry("choose")->key_node,
                what +
                    " uses 'choose'; a guide gives the words to type: write 'say: …' (choice "
                    "mode offers the node's 'choices')");
        return std::nullopt;
    }
    return g;
}

std::string quote_flow_replies(std::string_view text, std::vector<SourcePos>* changed) {
    std::string out;
    out.reserve(text.size() + 64);
    std::size_t i = 0;
    int line_no = 1;
    std::string fixed;
    while (i < text.size()) {
        std::size_t eol = text.find('\n', i);
        const bool has_nl = eol != SV::npos;
        if (!has_nl) eol = text.size();
        const SV line = text.substr(i, eol - i);
        int col = 0;
        if (quote_reply_in_line(line, fixed, col)) {
            out += fixed;
            if (changed) changed->push_back({line_no, col});
        } else {
            out += line;
        }
        if (has_nl) out += '\n';
        i = eol + 1;
        ++line_no;
    }
    return out;
}

std::optional<Transcript> load_transcript_text(std::string_view text, const std::string& path,
                                               Diagnostics& diags, const LoadOptions& options) {
    return load_transcript(text, path, diags, options);
}

std::optional<Transcript> load_transcript_file(const std::string& path, Diagnostics& diags,
                                               const LoadOptions& options) {
    auto text = yaml::read_file_text(path, diags, options.limits.max_bytes);
    if (!text) return std::nullopt;
    return load_transcript(*text, path, diags, options);
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

std::span<const KeyTable> transcript_key_tables() {
    return kTables;
}

}  // namespace dd
