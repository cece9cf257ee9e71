// Keeps scenarios/schema/*.schema.json in step with the loaders: every shipped scenario,
// transcript and standards catalogue validates against its schema (YAML → nlohmann::json with
// YAML 1.2 scalar rules, as editors read it; then valijson's nlohmann adapter — its yaml-cpp
// adapter is broken in 1.0); every key the loaders accept is in the schema and no other; the
// schema's enums are enums.h's; the standards schema's check types, parameters (kinds, values,
// ranges, defaults), categories and settings are the check table's (scoring/rubric).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "common/yaml/yaml_safe.h"
#include "scoring/rubric/catalogue.h"
#include "sim/load/scenario_loader.h"
#include "sim/load/transcript_loader.h"
#include "sim/model/enums.h"

namespace dd {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kScenarios = DESKDRILL_SCENARIOS_DIR;
const fs::path kTests = DESKDRILL_TESTS_DIR;
const fs::path kExamples = DESKDRILL_EXAMPLES_DIR;

json read_json(const fs::path& p) {
    std::ifstream in(p);
    return json::parse(in);
}

// A plain scalar as YAML 1.2's core schema resolves it (what yaml-language-server does).
json plain_scalar(const std::string& s) {
    static const std::regex kInt(R"([-+]?[0-9]+)");
    static const std::regex kFloat(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
    if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
    if (s == "true" || s == "True" || s == "TRUE") return true;
    if (s == "false" || s == "False" || s == "FALSE") return false;
    if (std::regex_match(s, kInt) && s.size() < 19) return std::stoll(s);
    if (std::regex_match(s, kFloat)) return std::stod(s);
    return s;
}

json to_json(const YAML::Node& n) {
    switch (n.Type()) {
        case YAML::NodeType::Scalar:
            return n.Tag() == "?" ? plain_scalar(n.Scalar()) : json(n.Scalar());
        case YAML::NodeType::Sequence: {
            json a = json::array();
            for (const auto& item : n) a.push_back(to_json(item));
            return a;
        }
        case YAML::NodeType::Map: {
            json o = json::object();
            for (const auto& kv : n) o[kv.first.Scalar()] = to_json(kv.second);
            return o;
        }
        default:
            return nullptr;
    }
}

class Schema {
  public:
    explicit Schema(const fs::path& path) : doc_(read_json(path)) {
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        valijson::adapters::NlohmannJsonAdapter adapter(doc_);
        parser.populateSchema(adapter, schema_);
    }
    // "" when valid, else one line per problem.
    std::string check(const json& value) const {
        valijson::Validator validator;
        valijson::ValidationResults results;
        valijson::adapters::NlohmannJsonAdapter adapter(value);
        if (validator.validate(schema_, adapter, &results)) return "";
        std::string out;
        valijson::ValidationResults::Error e;
        while (results.popError(e)) {
            std::string where;
            for (const auto& c : e.context) where += c;
            out += where + ": " + e.description + "\n";
        }
        return out.empty() ? "invalid\n" : out;
    }
    const json& doc() const { return doc_; }

  private:
    json doc_;
    valijson::Schema schema_;
};

const Schema& scenario_schema() {
    static const Schema s(kScenarios / "schema" / "scenario.schema.json");
    return s;
}
const Schema& transcript_schema() {
    static const Schema s(kScenarios / "schema" / "transcript.schema.json");
    return s;
}
const Schema& standards_schema() {
    static const Schema s(kScenarios / "schema" / "standards.schema.json");
    return s;
}

// Transcripts get the loader's one repair first: replies with ',' unquoted inside {…}, as the
// client's examples write them, are quoted (see quote_flow_replies).
json yaml_file_as_json(const fs::path& p, bool transcript = false) {
    Diagnostics d;
    auto text = yaml::read_file_text(p.string(), d);
    EXPECT_TRUE(text) << d.to_string();
    if (!text) return json();
    auto doc = yaml::parse_text(transcript ? quote_flow_replies(*text) : *text, p.string(), d);
    EXPECT_TRUE(doc) << d.to_string();
    return doc ? to_json(doc->root()) : json();
}

std::vector<fs::path> yaml_files(const fs::path& dir) {
    std::vector<fs::path> out;
    if (!fs::is_directory(dir)) return out;
    for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator();
         ++it) {
        if (it->is_directory() && it->path().filename() == "schema") {
            it.disable_recursion_pending();
            continue;
        }
        const auto name = it->path().filename().string();
        if (it->is_regular_file() && it->path().extension() == ".yaml" &&
            name != "standards.yaml" && name != "lexicon.yaml" && name != "sources.yaml")
            out.push_back(it->path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

TEST(Schema, EveryShippedScenarioValidates) {
    auto files = yaml_files(kScenarios);
    files.push_back(kExamples / "complaint.night-renovation-noise.yaml");
    ASSERT_GE(files.size(), 2u);
    for (const auto& f : files) {
        // The loader accepts it too (else this pair of checks says nothing).
        Diagnostics d;
        EXPECT_TRUE(load_scenario_file(f.string(), d)) << d.to_string();
        EXPECT_EQ(scenario_schema().check(yaml_file_as_json(f)), "") << f;
    }
}

TEST(Schema, EveryShippedTranscriptValidates) {
    auto files = yaml_files(kTests / "golden");
    for (const char* name : {"complaint.night-renovation-noise.gold.yaml",
                             "complaint.night-renovation-noise.poor.yaml"})
        files.push_back(kExamples / name);
    ASSERT_GE(files.size(), 4u);
    for (const auto& f : files) {
        Diagnostics d;
        EXPECT_TRUE(load_transcript_file(f.string(), d)) << d.to_string();
        EXPECT_EQ(transcript_schema().check(yaml_file_as_json(f, true)), "") << f;
    }
}

TEST(Schema, RejectsWhatTheLoaderRejects) {
    // Guards against a schema that accepts anything.
    json sc = yaml_file_as_json(kScenarios / "complaint" / "night-renovation-noise.yaml");
    ASSERT_EQ(scenario_schema().check(sc), "");
    json bad = sc;
    bad["titel"] = "x";
    EXPECT_NE(scenario_schema().check(bad), "");
    bad = sc;
    bad["category"] = "complain";
    EXPECT_NE(scenario_schema().check(bad), "");
    bad = sc;
    bad["difficulty"] = 7;
    EXPECT_NE(scenario_schema().check(bad), "");
    bad = sc;
    bad["dialogue"]["close"].erase("end");
    EXPECT_NE(scenario_schema().check(bad), "") << "a node needs next or end: true";
    bad = sc;
    bad["dialogue"]["open"]["expect"]["acts"] = json::array({"greting"});
    EXPECT_NE(scenario_schema().check(bad), "");
    bad = sc;
    bad.erase("id");
    EXPECT_NE(scenario_schema().check(bad), "");

    json tr = yaml_file_as_json(
        kTests / "golden" / "complaint.night-renovation-noise" / "gold.yaml", true);
    ASSERT_EQ(transcript_schema().check(tr), "");
    json tbad = tr;
    tbad["actions"][0]["say"] = "x";  // two verbs
    EXPECT_NE(transcript_schema().check(tbad), "");
    tbad = tr;
    tbad["actions"][1].erase("at");  // a say needs at
    EXPECT_NE(transcript_schema().check(tbad), "");
    tbad = tr;
    tbad["actions"][5]["dispatch"] = "secruity";
    EXPECT_NE(transcript_schema().check(tbad), "");
}

// Every key the loader accepts is a property of the matching schema object, and the schema
// lists no key the loader would refuse.
void check_tables(const json& schema, std::span<const KeyTable> tables, const char* name) {
    for (const auto& t : tables) {
        SCOPED_TRACE(std::string(name) + " " + std::string(t.where));
        const json::json_pointer ptr{std::string(t.where)};
        ASSERT_TRUE(schema.contains(ptr)) << "no schema object at '" << t.where << "'";
        const json& obj = schema.at(ptr);
        ASSERT_TRUE(obj.contains("properties"));
        std::set<std::string> in_schema;
        for (const auto& [k, v] : obj["properties"].items()) in_schema.insert(k);
        std::set<std::string> in_loader(t.keys.begin(), t.keys.end());
        for (const auto& k : in_loader) EXPECT_TRUE(in_schema.count(k)) << "missing: " << k;
        for (const auto& k : in_schema) EXPECT_TRUE(in_loader.count(k)) << "extra: " << k;
    }
}

TEST(Schema, ScenarioKeysMatchTheLoader) {
    check_tables(scenario_schema().doc(), scenario_key_tables(), "scenario");
}

TEST(Schema, TranscriptKeysMatchTheLoader) {
    check_tables(transcript_schema().doc(), transcript_key_tables(), "transcript");
}

template <std::size_t N>
void check_enum(const json& schema, const std::string& def,
                const std::array<std::string_view, N>& values) {
    SCOPED_TRACE(def);
    const json::json_pointer ptr{"/definitions/" + def + "/enum"};
    ASSERT_TRUE(schema.contains(ptr));
    std::set<std::string> in_schema;
    for (const auto& v : schema.at(ptr))
        if (v.is_string()) in_schema.insert(v.get<std::string>());
    std::set<std::string> in_code(values.begin(), values.end());
    EXPECT_EQ(in_schema, in_code);
}

TEST(Schema, EnumsAreThoseOfEnumsH) {
    const json& s = scenario_schema().doc();
    check_enum(s, "category", enums::kCategories);
    check_enum(s, "used_for", enums::kUsedFor);
    check_enum(s, "role", enums::kRoles);
    check_enum(s, "temper", enums::kTempers);
    check_enum(s, "level", enums::kLevels);
    check_enum(s, "request_type", enums::kRequestTypes);
    check_enum(s, "department", enums::kDepartments);
    check_enum(s, "escalate", enums::kEscalate);
    check_enum(s, "call_number", enums::kCallNumbers);
    check_enum(s, "notify", enums::kNotify);
    check_enum(s, "broadcast", enums::kBroadcast);
    check_enum(s, "hand_over", enums::kHandOver);
    check_enum(s, "alarm_kind", enums::kAlarms);
    check_enum(s, "verb", enums::kVerbs);
    std::array<std::string_view, enums::kActs.size() + enums::kForbidden.size()> acts{};
    std::copy(enums::kActs.begin(), enums::kActs.end(), acts.begin());
    std::copy(enums::kForbidden.begin(), enums::kForbidden.end(),
              acts.begin() + enums::kActs.size());
    check_enum(s, "act", acts);
    const json& t = transcript_schema().doc();
    check_enum(t, "department", enums::kDepartments);
    check_enum(t, "verb", enums::kVerbs);
    check_enum(t, "call_number", enums::kCallNumbers);
    check_enum(t, "hand_over", enums::kHandOver);
}

TEST(Schema, DurationPatternAgreesWithParseDuration) {
    const std::string pattern =
        scenario_schema().doc().at(json::json_pointer("/definitions/duration/anyOf/0/pattern"));
    const std::regex re(pattern, std::regex::ECMAScript);
    for (const char* s : {"30s", "2m", "1h30m", "1.5s", "500ms", "90", "7.5", "2min"}) {
        EXPECT_TRUE(parse_duration(s)) << s;
        EXPECT_TRUE(std::regex_search(std::string(s), re)) << s;
    }
    for (const char* s : {"", "s", "-5s", "3x", "soon"}) {
        EXPECT_FALSE(parse_duration(s)) << s;
        EXPECT_FALSE(std::regex_search(std::string(s), re)) << s;
    }
}

// ---- the standards catalogue --------------------------------------------------------------------

std::set<std::string> property_names(const json& obj) {
    std::set<std::string> out;
    for (const auto& [k, v] : obj.at("properties").items()) out.insert(k);
    return out;
}

template <typename Range>
std::set<std::string> as_set(const Range& r) {
    return std::set<std::string>(r.begin(), r.end());
}

std::set<std::string> string_enum(const json& e) {
    std::set<std::string> out;
    for (const auto& v : e) out.insert(v.get<std::string>());
    return out;
}

TEST(StandardsSchema, ShippedCataloguesValidate) {
    for (const fs::path& f :
         {kScenarios / "standards.yaml", kTests / "data" / "rubric" / "standards-2027.1.yaml"}) {
        Diagnostics d;
        EXPECT_TRUE(load_catalogue(f.string(), d)) << d.to_string();
        EXPECT_EQ(standards_schema().check(yaml_file_as_json(f)), "") << f;
    }
    // standards.yaml names its schema for editors, as scenarios do.
    std::ifstream in(kScenarios / "standards.yaml");
    std::string first;
    std::getline(in, first);
    EXPECT_EQ(first, "# yaml-language-server: $schema=schema/standards.schema.json");
}

TEST(StandardsSchema, RejectsWhatTheReaderRejects) {
    const json cat = yaml_file_as_json(kScenarios / "standards.yaml");
    ASSERT_EQ(standards_schema().check(cat), "");
    const auto refused = [&](const std::function<void(json&)>& change) {
        json bad = cat;
        change(bad);
        return standards_schema().check(bad) != "";
    };
    EXPECT_TRUE(refused([](json& c) { c["pass_mrak"] = 80; }));
    EXPECT_TRUE(refused([](json& c) { c["criteria"][0]["critical"] = "yes"; }));
    EXPECT_TRUE(refused([](json& c) { c["criteria"][0]["category"] = "curtesy"; }));
    EXPECT_TRUE(refused([](json& c) { c["criteria"][0]["check"]["type"] = "act"; }));
    EXPECT_TRUE(refused([](json& c) { c["criteria"][0]["check"]["weak_credt"] = 0.5; }));
    EXPECT_TRUE(refused([](json& c) { c["criteria"][0]["check"]["weak_credit"] = 1.5; }));
    EXPECT_TRUE(refused([](json& c) { c["criteria"][0]["check"]["acts"] = json{"greting"}; }));
    EXPECT_TRUE(refused([](json& c) { c["criteria"][0]["points"] = -1; }));
    EXPECT_TRUE(refused([](json& c) { c["criteria"][0].erase("source"); }));
    EXPECT_TRUE(refused([](json& c) { c["defaults"]["mood-end"]["below"] = 40; }));
    EXPECT_TRUE(refused([](json& c) { c["settings"]["phone_min_digits"] = 0; }));
    EXPECT_TRUE(refused([](json& c) { c["pass_mark"] = 140; }));
    // …and what it accepts.
    EXPECT_FALSE(refused([](json& c) { c["criteria"][0]["title_en"] = "Greet with 您好"; }));
    EXPECT_FALSE(refused([](json& c) { c["criteria"][0]["check"]["acts"] = "greeting|thanks"; }));
}

TEST(StandardsSchema, KeysAreTheReaders) {
    const json& s = standards_schema().doc();
    const CatalogueKeys keys = catalogue_keys();
    EXPECT_EQ(property_names(s), as_set(keys.top));
    EXPECT_EQ(property_names(s.at("/definitions/criterion"_json_pointer)), as_set(keys.criterion));
    EXPECT_EQ(property_names(s.at("/definitions/feedback"_json_pointer)), as_set(keys.feedback));
    EXPECT_EQ(string_enum(s.at("/definitions/category/enum"_json_pointer)),
              as_set(kCriterionCategories));
}

// One parameter's schema against its row: the kind, the closed values, the range, the default.
void check_param(const json& sch, const ParamSpec& p) {
    SCOPED_TRACE(std::string(p.name));
    switch (p.kind) {
        case ParamKind::String:
            EXPECT_EQ(sch.at("type"), "string");
            if (!p.allowed.empty())
                EXPECT_EQ(string_enum(sch.at("enum")), as_set(p.allowed));
            else
                EXPECT_FALSE(sch.contains("enum"));
            break;
        case ParamKind::List: {
            const json& item = sch.at("anyOf").at(0).at("items");
            EXPECT_EQ(sch.at("anyOf").at(1).at("type"), "string");
            if (!p.allowed.empty())
                EXPECT_EQ(string_enum(item.at("enum")), as_set(p.allowed));
            else
                EXPECT_FALSE(item.contains("enum"));
            break;
        }
        case ParamKind::Groups:
            EXPECT_EQ(sch.at("anyOf").at(0).at("items").at("$ref"), "#/definitions/act_group");
            EXPECT_TRUE(p.allowed.data() == enums::kActNames.data());
            break;
        case ParamKind::Duration:
            EXPECT_EQ(sch.at("$ref"), "#/definitions/duration");
            break;
        case ParamKind::Number:
            EXPECT_EQ(sch.at("type"), p.whole ? "integer" : "number");
            EXPECT_EQ(sch.at("minimum").get<double>(), p.min);
            EXPECT_EQ(sch.at("maximum").get<double>(), p.max);
            break;
        case ParamKind::Flag:
            EXPECT_EQ(sch.at("type"), "boolean");
            break;
    }
    EXPECT_EQ(sch.contains("default"), !p.def.empty());
    if (p.def.empty() || !sch.contains("default")) return;
    // The default in the schema is the row's, in the JSON form of its kind.
    std::string as_written;
    const json& d = sch.at("default");
    if (d.is_array()) {
        for (const auto& x : d)
            as_written += (as_written.empty() ? "" : ", ") + x.get<std::string>();
    } else if (d.is_string()) {
        as_written = d.get<std::string>();
    } else {
        as_written = d.dump();
    }
    EXPECT_EQ(as_written, std::string(p.def));
}

TEST(StandardsSchema, CheckTypesAreTheCheckTable) {
    const json& s = standards_schema().doc();
    std::set<std::string> types;
    for (const auto& t : check_table()) types.insert(std::string(t.name));
    EXPECT_EQ(string_enum(s.at("/definitions/check/properties/type/enum"_json_pointer)), types);
    EXPECT_EQ(s.at("/definitions/check/allOf"_json_pointer).size(), types.size());
    std::set<std::string> with_defaults;
    for (const auto& t : check_table()) {
        SCOPED_TRACE(std::string(t.name));
        const json::json_pointer ptr{"/definitions/check_" + std::string(t.name)};
        ASSERT_TRUE(s.contains(ptr));
        const json& def = s.at(ptr);
        std::set<std::string> params{"type"}, required{"type"}, defaulted;
        for (const auto& p : t.params) {
            params.insert(std::string(p.name));
            if (p.required) required.insert(std::string(p.name));
            if (!p.def.empty()) defaulted.insert(std::string(p.name));
            check_param(def.at("properties").at(std::string(p.name)), p);
        }
        EXPECT_EQ(property_names(def), params);
        EXPECT_EQ(def.at("additionalProperties"), false);
        EXPECT_EQ(string_enum(def.at("required")), required);
        // `defaults:` takes exactly the parameters with a built-in default.
        const json::json_pointer dptr{"/properties/defaults/properties/" + std::string(t.name)};
        EXPECT_EQ(s.contains(dptr), !defaulted.empty());
        if (!defaulted.empty()) {
            with_defaults.insert(std::string(t.name));
            EXPECT_EQ(property_names(s.at(dptr)), defaulted);
            for (const auto& p : t.params)
                if (!p.def.empty())
                    check_param(s.at(dptr).at("properties").at(std::string(p.name)), p);
        }
    }
    EXPECT_EQ(property_names(s.at("/properties/defaults"_json_pointer)), with_defaults);
    std::set<std::string> settings;
    for (const auto& p : setting_table()) {
        settings.insert(std::string(p.name));
        check_param(s.at("/properties/settings/properties"_json_pointer).at(std::string(p.name)),
                    p);
    }
    EXPECT_EQ(property_names(s.at("/properties/settings"_json_pointer)), settings);
}

}  // namespace
}  // namespace dd
