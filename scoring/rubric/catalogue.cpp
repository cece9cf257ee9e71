// Reading the standards catalogue (scenarios/standards.yaml) with common/yaml's strict Reader,
// as scenarios are read: every key checked against its table (with "did you mean"), YAML 1.2
// booleans, closed lists, ranges, and each check's parameters against the check table
// (check_types.cpp). Every problem is collected with file:line:col; nothing throws.
#include "catalogue.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <set>

#include "common/yaml/text_util.h"
#include "common/yaml/yaml_safe.h"

namespace dd {

namespace {

using yaml::Fields;
using yaml::squote;
using SV = std::string_view;

// The key tables, also read by tests/unit/load/schema_test.cpp through catalogue_key_tables().
constexpr std::array<SV, 6> kTopKeys = {"version",  "title",    "pass_mark",
                                        "settings", "defaults", "criteria"};
constexpr std::array<SV, 11> kCriterionKeys = {"id",     "title",   "title_en", "category",
                                               "check",  "points",  "critical", "case",
                                               "source", "rule",    "feedback"};
constexpr std::array<SV, 6> kFeedbackKeys = {"pass",    "partial",    "fail",
                                             "pass_en", "partial_en", "fail_en"};

bool is_id_word(SV w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

// courtesy.greeting, phone.answer-within-3-rings: dotted lowercase words.
bool is_criterion_id(SV id) {
    if (id.find('.') == SV::npos) return false;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= id.size(); ++i)
        if (i == id.size() || id[i] == '.') {
            if (!is_id_word(id.substr(start, i - start))) return false;
            start = i + 1;
        }
    return true;
}

// 2026.1: numbers joined by dots.
bool is_version(SV v) {
    if (v.empty() || v.size() > 32 || v.front() == '.' || v.back() == '.') return false;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i] >= '0' && v[i] <= '9') continue;
        if (v[i] == '.' && v[i - 1] != '.') continue;
        return false;
    }
    return true;
}

// "a number", "true or false": what a parameter of this kind is, for "expected …" messages.
std::string expected_kind(ParamKind k) {
    switch (k) {
        case ParamKind::Groups:
            return "a list of acts";
        case ParamKind::Flag:
            return "true or false";
        default:
            return "a " + std::string(param_kind_name(k));
    }
}

std::vector<SV> names_of(std::span<const ParamSpec> specs, bool with_default_only = false) {
    std::vector<SV> out;
    for (const auto& p : specs)
        if (!with_default_only || !p.def.empty()) out.push_back(p.name);
    return out;
}

class CatalogueReader {
  public:
    explicit CatalogueReader(yaml::Reader& r) : r_(r) {}

    Catalogue read(const YAML::Node& root) {
        Catalogue cat;
        cat.path = r_.path();
        Fields top(r_, root, "the standards catalogue", kTopKeys);
        if (!top.is_map()) return cat;
        top.require("version");
        top.require("pass_mark");
        top.require("criteria");
        if (auto v = r_.string(top, "version")) {
            if (!is_version(*v))
                r_.error(*top.get("version"),
                         "'version' must be numbers joined by dots, e.g. "
                         "\"2026.1\", got " +
                             squote(*v));
            else
                cat.version = *v;
        }
        if (auto v = nonempty(top, "title")) cat.title = *v;
        if (auto v = r_.integer(top, "pass_mark", 0, 100)) cat.pass_mark = static_cast<int>(*v);
        if (const auto* n = top.get("settings")) read_settings(*n, cat.settings);
        if (const auto* n = top.get("defaults")) read_defaults(*n, cat.defaults);
        if (const auto* n = top.get("criteria")) read_criteria(*n, cat);
        return cat;
    }

  private:
    std::optional<std::string> nonempty(const Fields& f, SV key) {
        auto v = r_.string(f, key);
        if (v && v->find_first_not_of(" \t") == std::string::npos) {
            r_.error(*f.get(key), squote(key) + " is empty; write a value");
            return std::nullopt;
        }
        return v;
    }

    void read_settings(const YAML::Node& n, ScoringSettings& out) {
        const auto known = names_of(setting_table());
        Fields f(r_, n, "'settings'", known);
        for (const auto& spec : setting_table()) {
            auto v = r_.integer(f, spec.name, static_cast<std::int64_t>(spec.min),
                                static_cast<std::int64_t>(spec.max));
            if (!v) continue;
            if (spec.name == "phone_min_digits") out.phone_min_digits = static_cast<int>(*v);
            if (spec.name == "room_gap") out.room_gap = static_cast<int>(*v);
            if (spec.name == "split_reply_seconds") out.split_reply_seconds = static_cast<int>(*v);
        }
    }

    void read_defaults(const YAML::Node& n, std::map<std::string, CheckParams, std::less<>>& out) {
        std::vector<SV> types;
        for (const auto& t : check_table()) types.push_back(t.name);
        Fields f(r_, n, "'defaults'", types);
        for (const auto& e : f.entries()) {
            if (!e.known) continue;
            const CheckType& type = *find_check_type(e.key);
            const std::string what = "'defaults." + e.key + "'";
            Fields pf(r_, e.value, what, names_of(type.params));
            CheckParams& params = out[e.key];
            for (const auto& pe : pf.entries()) {
                if (!pe.known) continue;
                const ParamSpec& spec = *type.param(pe.key);
                if (spec.def.empty()) {
                    r_.error(pe.key_node, squote(pe.key) + " of check '" + e.key +
                                              "' has no default to set (" + std::string(spec.doc) +
                                              "); set it on the criteria that need it");
                    continue;
                }
                if (auto v = param_value(pe, spec)) params[pe.key] = *v;
            }
        }
    }

    void read_criteria(const YAML::Node& n, Catalogue& cat) {
        if (!r_.expect_list(n, "criteria")) return;
        if (n.size() == 0) {
            r_.error(n, "'criteria' is empty; the catalogue needs at least one criterion");
            return;
        }
        std::map<std::string, int> seen;  // id → line
        std::size_t i = 0;
        for (const auto& item : n) {
            Criterion c;
            c.pos = r_.pos(item);
            const std::string index = "criteria[" + std::to_string(i++) + "]";
            if (!read_criterion(item, index, c)) continue;
            if (auto [it, fresh] = seen.emplace(c.id, c.pos.line); !fresh) {
                r_.error(item["id"], "criterion " + squote(c.id) +
                                         " is listed twice (first at line " +
                                         std::to_string(it->second) + "); keep one");
                continue;
            }
            cat.criteria.push_back(std::move(c));
        }
    }

    // False when the criterion has no usable id (it is then left out).
    bool read_criterion(const YAML::Node& item, const std::string& index, Criterion& c) {
        // The id first, so that every other message can name the criterion.
        std::string what = index;
        if (item.IsMap())
            if (const YAML::Node id = item["id"]; id.IsScalar() && !id.Scalar().empty())
                what = "criterion " + squote(id.Scalar());
        Fields f(r_, item, what, kCriterionKeys);
        if (!f.is_map()) return false;
        for (SV k : {"id", "title", "category", "check", "points", "source", "feedback"})
            f.require(k);
        if (auto v = r_.string(f, "id")) {
            if (!is_criterion_id(*v))
                r_.error(*f.get("id"), "criterion id " + squote(*v) +
                                           " must be dotted lowercase words, e.g. "
                                           "'courtesy.greeting'");
            c.id = *v;
        }
        if (auto v = nonempty(f, "title")) c.title = *v;
        if (auto v = nonempty(f, "title_en")) c.title_en = *v;
        if (auto v = r_.one_of(f, "category", kCriterionCategories)) c.category = *v;
        if (auto v = r_.integer(f, "points", 0, 1000)) c.points = static_cast<int>(*v);
        if (auto v = r_.boolean(f, "critical")) c.critical = *v;
        if (auto v = r_.boolean(f, "case")) c.case_work = *v;
        if (auto v = nonempty(f, "source")) c.source = *v;
        if (auto v = r_.string(f, "rule")) c.rule = *v;
        if (const auto* n = f.get("check")) read_check(*n, what, c);
        if (const auto* n = f.get("feedback")) {
            Fields fb(r_, *n, "the feedback of " + what, kFeedbackKeys);
            if (fb.is_map()) {
                fb.require("pass");
                fb.require("fail");
                if (auto v = nonempty(fb, "pass")) c.feedback_pass = *v;
                if (auto v = nonempty(fb, "partial")) c.feedback_partial = *v;
                if (auto v = nonempty(fb, "fail")) c.feedback_fail = *v;
                if (auto v = nonempty(fb, "pass_en")) c.feedback_pass_en = *v;
                if (auto v = nonempty(fb, "partial_en")) c.feedback_partial_en = *v;
                if (auto v = nonempty(fb, "fail_en")) c.feedback_fail_en = *v;
            }
        }
        return !c.id.empty();
    }

    void read_check(const YAML::Node& n, const std::string& owner, Criterion& c) {
        const std::string what = "the check of " + owner;
        if (!r_.expect_map(n, "check")) return;
        std::vector<SV> types;
        for (const auto& t : check_table()) types.push_back(t.name);
        const YAML::Node type_node = n["type"];
        if (!type_node.IsDefined()) {
            r_.error(n, "missing required key 'type' in " + what + " (one of " + yaml::join(types) +
                            ")");
            return;
        }
        auto type = r_.one_of(type_node, "check type", types);
        if (!type) return;  // its parameters cannot be judged
        c.check = *type;
        const CheckType& spec = *find_check_type(*type);
        std::vector<SV> known = names_of(spec.params);
        known.insert(known.begin(), "type");
        Fields f(r_, n, what, known);
        for (const auto& e : f.entries()) {
            if (!e.known || e.key == "type") continue;
            if (auto v = param_value(e, *spec.param(e.key))) c.params[e.key] = *v;
        }
        for (const auto& p : spec.params)
            if (p.required) f.require(p.name);
    }

    // A parameter's value in the string form of CheckParams (lists joined by ','), checked
    // against its row; nullopt after reporting the problem.
    std::optional<std::string> param_value(const Fields::Entry& e, const ParamSpec& spec) {
        const YAML::Node& v = e.value;
        const std::string kind = expected_kind(spec.kind);
        if (v.IsNull()) {
            r_.error(e.key_node,
                     "expected " + kind + " for " + squote(spec.name) + ", got nothing");
            return std::nullopt;
        }
        std::string text;
        const bool listy = spec.kind == ParamKind::List || spec.kind == ParamKind::Groups;
        if (listy && v.IsSequence()) {
            // Each item on its own, so that a problem points at the item.
            bool ok = true;
            for (const auto& item : v) {
                auto s = r_.string(item, spec.name);
                if (s) {
                    if (const std::string problem = param_problem(spec, *s); !problem.empty()) {
                        r_.error(item, problem);
                        s.reset();
                    }
                }
                ok = ok && s;
                if (s) text += (text.empty() ? "" : ",") + *s;
            }
            if (!ok) return std::nullopt;
        } else if (spec.kind == ParamKind::Flag) {
            auto b = r_.boolean(v, spec.name);
            if (!b) return std::nullopt;
            text = *b ? "true" : "false";
        } else {
            if (!v.IsScalar()) {
                r_.error(v, "expected " + kind + " for " + squote(spec.name) + ", got " +
                                yaml::kind_name(v));
                return std::nullopt;
            }
            text = v.Scalar();
        }
        if (const std::string problem = param_problem(spec, text); !problem.empty()) {
            r_.error(v, problem);
            return std::nullopt;
        }
        return text;
    }

    yaml::Reader& r_;
};

std::optional<Catalogue> read_document(const std::optional<yaml::Document>& doc, Diagnostics& diags,
                                       std::size_t errors_before) {
    if (!doc) return std::nullopt;
    try {
        yaml::Reader r(*doc, diags);
        CatalogueReader reader(r);
        Catalogue cat = reader.read(doc->root());
        // The safe reader reports some problems (duplicate keys) and still returns the tree.
        if (r.failed() || diags.error_count() > errors_before) return std::nullopt;
        return cat;
    } catch (const std::exception& e) {
        diags.error(doc->path(), {}, std::string("cannot read the catalogue: ") + e.what());
    }
    return std::nullopt;
}

}  // namespace

CatalogueKeys catalogue_keys() {
    return {kTopKeys, kCriterionKeys, kFeedbackKeys};
}

std::optional<Catalogue> parse_catalogue(std::string_view yaml, const std::string& path,
                                         Diagnostics& diags) {
    const std::size_t before = diags.error_count();
    return read_document(yaml::parse_text(yaml, path, diags), diags, before);
}

std::optional<Catalogue> load_catalogue(const std::string& path, Diagnostics& diags) {
    const std::size_t before = diags.error_count();
    return read_document(yaml::parse_file(path, diags), diags, before);
}

void check_criteria_refs(const Scenario& scenario, const Catalogue& catalogue, Diagnostics& diags) {
    std::vector<std::string> ids;
    for (const auto& c : catalogue.criteria) ids.push_back(c.id);
    const std::string file = catalogue.path.empty()
                                 ? std::string("the standards catalogue")
                                 : std::filesystem::path(catalogue.path).filename().string();
    std::set<std::string> seen;
    for (const auto& ref : scenario.criteria) {
        const std::string name = "criterion " + squote(ref.id);
        const Criterion* c = catalogue.find(ref.id);
        if (!c) {
            const std::string hint = yaml::did_you_mean(ref.id, ids);
            diags.error(scenario.path, ref.pos,
                        "unknown " + name + " (not in " + file + " " + catalogue.version + ")" +
                            (hint.empty() ? "; add it there or use one of its ids" : hint));
            continue;
        }
        if (!seen.insert(ref.id).second)
            diags.warning(scenario.path, ref.pos, name + " is listed twice; it is scored once");
        if (ref.points && *ref.points < 0)
            diags.error(scenario.path, ref.pos, name + ": 'points' must not be negative");
        const CheckType* type = find_check_type(c->check);
        if (!type) continue;
        const auto known = names_of(type->params);
        for (const auto& [k, v] : ref.params) {
            const auto at = ref.param_pos.find(k);
            const SourcePos pos = at != ref.param_pos.end() ? at->second : ref.pos;
            const ParamSpec* spec = type->param(k);
            if (!spec) {
                const std::string hint = yaml::did_you_mean(k, known);
                diags.error(scenario.path, pos,
                            name + ": unknown parameter " + squote(k) + " of check '" + c->check +
                                "'" +
                                (hint.empty() ? " (allowed: " + yaml::join(known) + ")" : hint));
                continue;
            }
            if (const std::string problem =
                    param_problem(*spec, fill_site_placeholders(v, scenario.site));
                !problem.empty())
                diags.error(scenario.path, pos, name + ": " + problem);
        }
    }
}

CheckParams scenario_params(const Criterion& c, const CriterionRef& ref, const Site& site) {
    CheckParams p = c.params;
    for (const auto& [k, v] : ref.params) p[k] = fill_site_placeholders(v, site);
    return p;
}

}  // namespace dd
