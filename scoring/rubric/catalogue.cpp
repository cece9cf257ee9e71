// Loading and checking the standards catalogue (scenarios/standards.yaml). The file is parsed
// by the loaders' safe reader (common/yaml/yaml_safe.h: size/depth/alias limits, duplicate keys,
// character columns); yaml-cpp calls stay inside try/catch: bad input becomes positioned
// diagnostics, never an exception.
#include "catalogue.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "common/yaml/yaml_safe.h"

namespace dd {

namespace {

struct CheckSpec {
    std::string type;
    std::vector<std::string> params;
};

// The parameters every acts-like check accepts to pick its threads.
const std::vector<CheckSpec>& specs() {
    static const std::vector<CheckSpec> kSpecs = {
        {"acts",
         {"acts", "window", "node", "weak_credit", "same_reply", "thread_kind", "roles", "if_none",
          "long_wait"}},
        {"forbidden", {"families", "per_offence", "thread_kind", "roles"}},
        {"rings", {"max_rings", "partial_rings", "partial_credit"}},
        {"node-within", {"late_credit"}},
        {"respond-within", {"limit", "thread_kind", "roles"}},
        {"solve-within", {"limit", "thread_kind", "roles"}},
        {"record-fields", {"fields", "presence_only"}},
        {"repeat-back", {"facts", "phrases", "act_share"}},
        {"classify", {"field", "expected"}},
        {"actions", {"verb", "items", "any", "unnecessary_penalty", "only"}},
        {"calls", {"late_credit", "unnecessary_penalty"}},
        {"sequence", {"steps", "late_credit"}},
        {"register-visitor", {"fields"}},
        {"precedes", {"first", "before", "roles", "late_credit"}},
        {"privacy", {"fields"}},
        {"caller-hangs-up", {"thread_kind"}},
        {"mood-end", {"below", "margin", "partial_credit", "roles"}},
        {"node-expect", {"weak_credit"}},
    };
    return kSpecs;
}

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& s : v) {
        if (!out.empty()) out += sep;
        out += s;
    }
    return out;
}

// Checks a parameter's value; returns what is wrong ("" when fine).
std::string param_problem(const std::string& key, const std::string& value) {
    const auto one_of = [&](std::initializer_list<const char*> allowed) -> std::string {
        for (const char* a : allowed)
            if (value == a) return {};
        std::string list;
        for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        return "`" + key + "` must be one of " + list + ", got `" + value + "`";
    };
    if (key == "window")
        return one_of({"first-reply", "closing", "anywhere", "node", "before-hold", "after-hold"});
    if (key == "thread_kind") return one_of({"phone", "desk", "any"});
    if (key == "if_none") return one_of({"pass", "fail"});
    if (key == "field") return one_of({"type", "level"});
    if (key == "verb")
        return one_of({"dispatch", "escalate", "notify", "hand_over", "broadcast", "call"});
    if (key == "same_reply" || key == "any") return one_of({"true", "false"});
    if (key == "limit" || key == "long_wait") {
        if (!parse_duration(value)) return "`" + key + "` must be a duration like 5m or 30s";
        return {};
    }
    static const std::set<std::string> kNumbers = {
        "weak_credit", "per_offence", "max_rings",           "partial_rings", "partial_credit",
        "late_credit", "act_share",   "unnecessary_penalty", "margin",        "below"};
    if (kNumbers.count(key)) {
        char* end = nullptr;
        const double v = std::strtod(value.c_str(), &end);
        if (value.empty() || *end != '\0' || !(v >= 0 && v <= 1000))
            return "`" + key + "` must be a number from 0 to 1000, got `" + value + "`";
    }
    return {};
}

// A scalar or a sequence of scalars → the parameter string. Returns false for anything else.
bool param_string(const YAML::Node& n, std::string& out) {
    if (n.IsScalar()) {
        out = n.Scalar();
        return true;
    }
    if (n.IsSequence()) {
        std::vector<std::string> parts;
        for (const auto& item : n) {
            if (!item.IsScalar()) return false;
            parts.push_back(item.Scalar());
        }
        out = join(parts, ",");
        return true;
    }
    if (n.IsNull()) {
        out.clear();
        return true;
    }
    return false;
}

bool parse_int(const std::string& s, int& out) {
    if (s.empty() || s.size() > 9) return false;
    int v = 0;
    std::size_t i = 0;
    bool neg = false;
    if (s[0] == '-') {
        neg = true;
        i = 1;
        if (s.size() == 1) return false;
    }
    for (; i < s.size(); ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = neg ? -v : v;
    return true;
}

class Reader {
  public:
    Reader(const yaml::Document& doc, Diagnostics& diags)
        : doc_(doc), path_(doc.path()), diags_(diags) {}

    std::optional<Catalogue> read(const YAML::Node& root) {
        Catalogue cat;
        cat.path = path_;
        if (!root.IsMap()) {
            error(pos_of(root),
                  "the standards catalogue must be a mapping with `version`, `pass_mark` and "
                  "`criteria`");
            return std::nullopt;
        }
        for (const auto& kv : root) {
            const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string();
            if (key != "version" && key != "pass_mark" && key != "criteria" && key != "title")
                warning(pos_of(kv.first), "unknown key `" + key +
                                              "` in the catalogue (expected version, pass_mark, "
                                              "criteria); it is ignored");
        }
        const YAML::Node version = root["version"];
        if (!version || !version.IsScalar() || version.Scalar().empty())
            error(pos_of(root),
                  "missing `version`: add e.g. `version: \"2026.1\"` so re-scored "
                  "reports can say which standards they used");
        else
            cat.version = version.Scalar();

        if (const YAML::Node pm = root["pass_mark"]) {
            int v = 0;
            if (!pm.IsScalar() || !parse_int(pm.Scalar(), v) || v < 0 || v > 100)
                error(pos_of(pm), "`pass_mark` must be an integer from 0 to 100");
            else
                cat.pass_mark = v;
        }

        const YAML::Node crit = root["criteria"];
        if (!crit || !crit.IsSequence()) {
            error(crit ? pos_of(crit) : pos_of(root),
                  "missing `criteria`: a list of criteria, each `{id, title, category, check, "
                  "points, source, rule, feedback}`");
        } else {
            std::set<std::string> seen;
            for (const auto& c : crit) {
                Criterion cr;
                if (read_criterion(c, cr)) {
                    if (!seen.insert(cr.id).second)
                        error(cr.pos,
                              "duplicate criterion id `" + cr.id + "`: each id must appear once");
                    else
                        cat.criteria.push_back(std::move(cr));
                }
            }
        }
        if (failed_) return std::nullopt;
        return cat;
    }

  private:
    bool read_criterion(const YAML::Node& c, Criterion& cr) {
        const bool before = failed_;
        failed_ = false;
        cr.pos = pos_of(c);
        if (!c.IsMap()) {
            error(cr.pos, "a criterion must be a mapping `{id: …, title: …, check: {type: …}, …}`");
            failed_ = true;
            return false;
        }
        static const std::set<std::string> kKeys = {
            "id", "title", "category", "check", "points", "critical", "source", "rule", "feedback"};
        for (const auto& kv : c) {
            const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string();
            if (!kKeys.count(key))
                warning(pos_of(kv.first),
                        "unknown key `" + key +
                            "` in a criterion; it is ignored (known: id, "
                            "title, category, check, points, critical, source, rule, feedback)");
        }
        cr.id = scalar(c, "id", true);
        const std::string where = cr.id.empty() ? std::string("a criterion") : "`" + cr.id + "`";
        cr.title = scalar(c, "title", true, where);
        cr.category = scalar(c, "category", true, where);
        cr.source = scalar(c, "source", true, where);
        cr.rule = scalar(c, "rule", false, where);
        const std::string pts = scalar(c, "points", true, where);
        if (!pts.empty() && (!parse_int(pts, cr.points) || cr.points < 0 || cr.points > 1000))
            error(pos_of(c["points"]), where + ": `points` must be an integer from 0 to 1000");
        if (const YAML::Node crit = c["critical"]) {
            const std::string v = crit.IsScalar() ? crit.Scalar() : std::string();
            if (v == "true" || v == "yes")
                cr.critical = true;
            else if (v == "false" || v == "no")
                cr.critical = false;
            else
                error(pos_of(crit), where + ": `critical` must be true or false");
        }
        const YAML::Node check = c["check"];
        if (!check || !check.IsMap()) {
            error(check ? pos_of(check) : cr.pos, where + ": missing `check: {type: …}` (types: " +
                                                      join(check_types(), ", ") + ")");
        } else {
            for (const auto& kv : check) {
                const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string();
                std::string value;
                if (!param_string(kv.second, value)) {
                    error(pos_of(kv.second), where + ": check parameter `" + key +
                                                 "` must be a scalar or a list of scalars");
                    continue;
                }
                if (key == "type")
                    cr.check = value;
                else
                    cr.params[key] = value;
            }
            const auto& types = check_types();
            if (cr.check.empty()) {
                error(pos_of(check),
                      where + ": `check` needs a `type` (one of " + join(types, ", ") + ")");
            } else if (std::find(types.begin(), types.end(), cr.check) == types.end()) {
                error(pos_of(check), where + ": unknown check type `" + cr.check +
                                         "`; use one of " + join(types, ", "));
            } else {
                const auto& names = check_param_names(cr.check);
                for (const auto& [k, val] : cr.params)
                    if (const std::string problem = param_problem(k, val); !problem.empty())
                        error(pos_of(check[k]), where + ": " + problem);
                for (const auto& kv : check) {
                    const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string();
                    if (key != "type" && std::find(names.begin(), names.end(), key) == names.end())
                        warning(pos_of(kv.first),
                                where + ": check `" + cr.check + "` has no parameter `" + key +
                                    "`; it is ignored (known: " + join(names, ", ") + ")");
                }
            }
        }
        const YAML::Node fb = c["feedback"];
        if (!fb || !fb.IsMap()) {
            error(fb ? pos_of(fb) : cr.pos,
                  where +
                      ": missing `feedback: {pass: …, fail: …}` (Chinese texts for the "
                      "debrief; `partial:` optional)");
        } else {
            cr.feedback_pass = scalar(fb, "pass", true, where + " feedback");
            cr.feedback_fail = scalar(fb, "fail", true, where + " feedback");
            cr.feedback_partial = scalar(fb, "partial", false, where + " feedback");
        }
        const bool ok = !failed_;
        failed_ = before || failed_;
        return ok;
    }

    std::string scalar(const YAML::Node& parent, const char* key, bool required,
                       const std::string& where = "a criterion") {
        const YAML::Node n = parent[key];
        if (!n) {
            if (required) error(pos_of(parent), where + ": missing `" + key + "`");
            return {};
        }
        if (!n.IsScalar()) {
            error(pos_of(n), where + ": `" + key + "` must be a single value (text or number)");
            return {};
        }
        if (required && n.Scalar().empty())
            error(pos_of(n), where + ": `" + key + "` must not be empty");
        return n.Scalar();
    }

    // Positions in characters, as editors count them.
    SourcePos pos_of(const YAML::Node& n) const {
        return n.IsDefined() ? doc_.pos(n) : SourcePos{};
    }

    void error(SourcePos p, const std::string& msg) {
        diags_.error(path_, p, msg);
        failed_ = true;
    }
    void warning(SourcePos p, const std::string& msg) { diags_.warning(path_, p, msg); }

    const yaml::Document& doc_;
    std::string path_;
    Diagnostics& diags_;
    bool failed_ = false;
};

}  // namespace

const std::vector<std::string>& check_types() {
    static const std::vector<std::string> kTypes = [] {
        std::vector<std::string> v;
        for (const auto& s : specs()) v.push_back(s.type);
        return v;
    }();
    return kTypes;
}

const std::vector<std::string>& check_param_names(std::string_view type) {
    static const std::vector<std::string> kNone;
    for (const auto& s : specs())
        if (s.type == type) return s.params;
    return kNone;
}

namespace {

std::optional<Catalogue> read_document(const std::optional<yaml::Document>& doc,
                                       const std::string& path, Diagnostics& diags,
                                       std::size_t errors_before) {
    if (!doc) return std::nullopt;
    try {
        Reader reader(*doc, diags);
        auto cat = reader.read(doc->root());
        // The safe reader reports some problems (duplicate keys) and still returns the tree.
        if (diags.error_count() > errors_before) return std::nullopt;
        return cat;
    } catch (const std::exception& e) {
        diags.error(path, {}, std::string("cannot read the catalogue: ") + e.what());
    }
    return std::nullopt;
}

}  // namespace

std::optional<Catalogue> parse_catalogue(std::string_view yaml, const std::string& path,
                                         Diagnostics& diags) {
    const std::size_t before = diags.error_count();
    return read_document(yaml::parse_text(yaml, path, diags), path, diags, before);
}

std::optional<Catalogue> load_catalogue(const std::string& path, Diagnostics& diags) {
    const std::size_t before = diags.error_count();
    return read_document(yaml::parse_file(path, diags), path, diags, before);
}

void check_criteria_refs(const Scenario& scenario, const Catalogue& catalogue, Diagnostics& diags) {
    std::set<std::string> seen;
    for (const auto& ref : scenario.criteria) {
        const Criterion* c = catalogue.find(ref.id);
        if (!c) {
            diags.error(scenario.path, ref.pos,
                        "unknown criterion `" + ref.id + "`: not in the standards catalogue " +
                            catalogue.version + " (see scenarios/standards.yaml for the ids)");
            continue;
        }
        if (!seen.insert(ref.id).second)
            diags.warning(scenario.path, ref.pos,
                          "criterion `" + ref.id + "` is listed twice; it is scored once");
        if (ref.points && *ref.points < 0)
            diags.error(scenario.path, ref.pos,
                        "criterion `" + ref.id + "`: points must not be negative");
        for (const auto& [k, v] : ref.params)
            if (const std::string problem = param_problem(k, v); !problem.empty())
                diags.error(scenario.path, ref.pos, "criterion `" + ref.id + "`: " + problem);
        const auto& names = check_param_names(c->check);
        for (const auto& [k, v] : ref.params)
            if (std::find(names.begin(), names.end(), k) == names.end())
                diags.warning(scenario.path, ref.pos,
                              "criterion `" + ref.id + "`: check `" + c->check +
                                  "` has no parameter `" + k + "` (known: " + join(names, ", ") +
                                  ")");
    }
}

}  // namespace dd
