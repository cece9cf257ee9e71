// The trainee's verbs are defined once (sim/model/verbs.h); this holds everything else to that
// table: verb_name, the transcript loader's dispatch (each row's example loads as its verb),
// transcript.schema.json (the verb keys, and each verb's value as the row says), the i18n labels
// (assets/i18n/zh.json and en.json) and the authoring guide's list (scenarios/README.md §4).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "common/yaml/yaml_safe.h"
#include "sim/load/transcript_loader.h"
#include "sim/model/verbs.h"
#include "tests/unit/test_files.h"

namespace dd {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test::marked_block;
using test::read_all;

const fs::path kScenarios = DESKDRILL_SCENARIOS_DIR;

json read_json(const fs::path& p) {
    return json::parse(read_all(p));
}

TEST(Verbs, EveryVerbHasItsRowAndName) {
    for (std::size_t i = 0; i < kVerbTable.size(); ++i) {
        const VerbSpec& row = kVerbTable[i];
        EXPECT_EQ(static_cast<std::size_t>(row.verb), i) << row.name;
        EXPECT_EQ(verb_name(row.verb), row.name);
        EXPECT_EQ(find_verb(row.name), &row);
        EXPECT_EQ(&spec_of(row.verb), &row);
        EXPECT_EQ(enums::kVerbs[i], row.name);
        EXPECT_EQ(row.label_key, "verb." + std::string(row.name));
        const bool closed = row.arg == VerbArg::Value || row.arg == VerbArg::Fields ||
                            row.arg == VerbArg::Classify || row.arg == VerbArg::Visitor;
        EXPECT_EQ(!row.values.empty(), closed) << row.name;
        EXPECT_EQ(!row.value_what.empty(), row.arg == VerbArg::Value) << row.name;
    }
    EXPECT_EQ(find_verb("shout"), nullptr);
}

TEST(Verbs, TheLoaderReadsEachRowsExampleAsItsVerb) {
    for (const auto& row : kVerbTable) {
        const std::string text =
            "scenario: test.verbs\nseed: 0\nactions:\n  - " + std::string(row.example) + "\n";
        Diagnostics d;
        auto t = load_transcript_text(text, "verbs.yaml", d);
        ASSERT_TRUE(t) << d.to_string();
        EXPECT_EQ(d.to_string(), "") << row.example;  // not even a warning
        ASSERT_EQ(t->actions.size(), 1u);
        EXPECT_EQ(t->actions[0].verb, row.verb) << row.example;
    }
}

TEST(Verbs, EveryClosedValueIsAcceptedAndNoOther) {
    for (const auto& row : kVerbTable) {
        if (row.arg != VerbArg::Value) continue;
        for (auto value : row.values) {
            Diagnostics d;
            const std::string text = "scenario: a.b\nseed: 0\nactions:\n  - {at: 1, " +
                                     std::string(row.name) + ": \"" + std::string(value) + "\"}\n";
            auto t = load_transcript_text(text, "v.yaml", d);
            ASSERT_TRUE(t) << d.to_string();
            EXPECT_EQ(t->actions.at(0).arg, value);
        }
        Diagnostics d;
        const std::string text = "scenario: a.b\nseed: 0\nactions:\n  - {at: 1, " +
                                 std::string(row.name) + ": nothing-of-the-sort}\n";
        EXPECT_FALSE(load_transcript_text(text, "v.yaml", d));
        EXPECT_EQ(d.to_string(), "v.yaml:4:" + std::to_string(15 + row.name.size()) +
                                     ": error: unknown " + std::string(row.value_what) +
                                     " 'nothing-of-the-sort' (allowed: " + yaml::join(row.values) +
                                     ")\n");
    }
}

// ---- transcript.schema.json ---------------------------------------------------------------------

std::set<std::string> names(std::span<const std::string_view> v) {
    return {v.begin(), v.end()};
}

std::set<std::string> property_names(const json& obj) {
    std::set<std::string> out;
    for (const auto& [k, v] : obj.at("properties").items()) out.insert(k);
    return out;
}

// The definition a `$ref` points to.
const json& deref(const json& schema, const json& ref) {
    const std::string r = ref.at("$ref");
    return schema.at(json::json_pointer(r.substr(1)));
}

TEST(Verbs, TranscriptSchemaHasEachVerbWithItsValue) {
    const json s = read_json(kScenarios / "schema" / "transcript.schema.json");
    std::set<std::string> table;
    for (const auto& row : kVerbTable) table.insert(std::string(row.name));
    std::set<std::string> in_enum;
    for (const auto& v : s.at("/definitions/verb/enum"_json_pointer)) in_enum.insert(v);
    EXPECT_EQ(in_enum, table);
    const json& action = s.at("/definitions/action"_json_pointer);
    std::set<std::string> one_of;
    for (const auto& alt : action.at("oneOf")) one_of.insert(alt.at("required").at(0));
    EXPECT_EQ(one_of, table);
    std::set<std::string> props = property_names(action);
    props.erase("at");
    props.erase("to");
    EXPECT_EQ(props, table);

    for (const auto& row : kVerbTable) {
        SCOPED_TRACE(std::string(row.name));
        const json& p = action.at("properties").at(std::string(row.name));
        switch (row.arg) {
            case VerbArg::Text:
                EXPECT_EQ(p.at("type").at(0), "string");
                EXPECT_EQ(p.at("minLength"), 1);
                break;
            case VerbArg::Choice:
                EXPECT_EQ(p.at("anyOf").at(0).at("type"), "integer");
                EXPECT_EQ(p.at("anyOf").at(1).at("type"), "string");
                break;
            case VerbArg::Thread:
                EXPECT_EQ(p.at("$ref"), "#/definitions/thread");
                break;
            case VerbArg::ThreadOrTrue: {
                const json& alts = p.contains("$ref") ? deref(s, p).at("anyOf") : p.at("anyOf");
                EXPECT_EQ(alts.at(0).at("$ref"), "#/definitions/thread");
                EXPECT_EQ(alts.at(1).at("const"), true);
                break;
            }
            case VerbArg::Value: {
                std::set<std::string> allowed;
                for (const auto& v : deref(s, p).at("enum"))
                    if (v.is_string()) allowed.insert(v);
                EXPECT_EQ(allowed, names(row.values));
                break;
            }
            case VerbArg::Fields:
            case VerbArg::Classify:
                EXPECT_EQ(property_names(deref(s, p)), names(row.values));
                break;
            case VerbArg::Visitor:
                EXPECT_EQ(p.at("anyOf").at(0).at("const"), true);
                EXPECT_EQ(property_names(deref(s, p.at("anyOf").at(1))), names(row.values));
                break;
            case VerbArg::Duration:
                EXPECT_EQ(p.at("$ref"), "#/definitions/duration");
                break;
            case VerbArg::True:
                EXPECT_EQ(p.at("const"), true);
                break;
        }
    }
}

// ---- labels -------------------------------------------------------------------------------------

TEST(Verbs, EveryLabelKeyIsInBothLanguages) {
    for (const char* lang : {"zh", "en"}) {
        const json t =
            read_json(fs::path(DESKDRILL_ASSETS_DIR) / "i18n" / (std::string(lang) + ".json"));
        for (const auto& row : kVerbTable) {
            const std::string key(row.label_key);
            ASSERT_TRUE(t.contains(key)) << lang << ": " << key;
            EXPECT_TRUE(t.at(key).is_string() && !t.at(key).get<std::string>().empty())
                << lang << ": " << key;
        }
    }
}

// ---- the authoring guide ------------------------------------------------------------------------

// What the value of a verb is, in the guide's words.
std::string value_text(const VerbSpec& row) {
    const auto code_list = [](std::span<const std::string_view> v) {
        std::string out;
        for (auto x : v) out += (out.empty() ? "`" : ", `") + std::string(x) + "`";
        return out;
    };
    switch (row.arg) {
        case VerbArg::Text:
            return "the reply, typed Chinese";
        case VerbArg::Choice:
            return "the number of an offered reply (1 = the first) or its text";
        case VerbArg::Thread:
            return "a thread: `phone`, `desk` or an actor id";
        case VerbArg::ThreadOrTrue:
            return "a thread: `phone`, `desk` or an actor id; `true` for the focused one";
        case VerbArg::Value:
            return "one of " + code_list(row.values);
        case VerbArg::Fields:
            return "a map of " + code_list(row.values);
        case VerbArg::Classify:
            return "a map of `type` (a request type) and/or `level`";
        case VerbArg::Visitor:
            return "`true`, or a map of " + code_list(row.values);
        case VerbArg::Duration:
            return "a duration: `10s`, `1m30s`";
        case VerbArg::True:
            return "`true`";
    }
    return {};
}

// The guide's verb table as kVerbTable makes it.
std::string verbs_markdown() {
    std::string out = "| verb | value | e.g. |\n|---|---|---|\n";
    for (const auto& row : kVerbTable)
        out += "| `" + std::string(row.name) + "` | " + value_text(row) + " | `" +
               std::string(row.example) + "` |\n";
    return out;
}

TEST(Verbs, TheAuthoringGuideListsTheTable) {
    const std::string guide = read_all(kScenarios / "README.md");
    EXPECT_EQ(marked_block(guide, "verbs"), verbs_markdown())
        << "scenarios/README.md §4 between <!-- verbs:begin --> and <!-- verbs:end --> should "
           "read:\n"
        << verbs_markdown();
}

}  // namespace
}  // namespace dd
