// The check table (scoring/rubric/check_types.cpp) is the one definition of the check types: it
// must be well-formed (unique names, every default valid for its own row, a function per type),
// dispatch must reach each type's function, and the authoring guide (scenarios/README.md §5)
// must document exactly what it holds. The schema is held to it in tests/unit/load.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "log_builder.h"
#include "scoring/rubric/checks.h"
#include "tests/unit/test_files.h"

namespace dd {
namespace {

TEST(CheckTable, RowsAreWellFormed) {
    std::set<std::string_view> types;
    for (const auto& t : check_table()) {
        SCOPED_TRACE(std::string(t.name));
        EXPECT_TRUE(types.insert(t.name).second) << "listed twice";
        EXPECT_NE(t.fn, nullptr);
        EXPECT_FALSE(t.doc.empty());
        EXPECT_EQ(find_check_type(t.name), &t);
        std::set<std::string_view> params;
        for (const auto& p : t.params) {
            EXPECT_TRUE(params.insert(p.name).second) << p.name << " listed twice";
            EXPECT_FALSE(p.doc.empty()) << p.name;
            EXPECT_EQ(t.param(p.name), &p);
            if (!p.def.empty()) {
                EXPECT_EQ(param_problem(p, p.def), "") << p.name;
                EXPECT_FALSE(p.required) << p.name << ": a required parameter has no default";
            }
            if (p.kind == ParamKind::Number) {
                EXPECT_LT(p.min, p.max) << p.name;
            }
        }
    }
    EXPECT_EQ(find_check_type("no-such-check"), nullptr);
    for (const auto& s : setting_table()) EXPECT_EQ(param_problem(s, s.def), "") << s.name;
}

TEST(CheckTable, ParamProblemsByKind) {
    const CheckType& acts = *find_check_type("acts");
    EXPECT_EQ(param_problem(*acts.param("window"), "closing"), "");
    EXPECT_EQ(param_problem(*acts.param("window"), "closng"),
              "unknown window 'closng'; did you mean 'closing'? (allowed: first-reply, closing, "
              "anywhere, node, before-hold, after-hold)");
    EXPECT_EQ(param_problem(*acts.param("acts"), "greeting, empathy|apology"), "");
    EXPECT_EQ(param_problem(*acts.param("acts"), "greeting,,thanks"),
              "an empty item in 'acts'; remove the extra ','");
    EXPECT_EQ(param_problem(*acts.param("acts"), ""), "'acts' is empty; list at least one");
    EXPECT_EQ(param_problem(*acts.param("weak_credit"), "-0.1"),
              "'weak_credit' must be between 0 and 1, got -0.1");
    EXPECT_EQ(param_problem(*acts.param("weak_credit"), "1e3"),
              "expected a number for 'weak_credit', got '1e3'");
    EXPECT_EQ(param_problem(*acts.param("same_reply"), "1"),
              "expected true or false for 'same_reply', got '1'");
    EXPECT_EQ(param_problem(*acts.param("long_wait"), "1m30s"), "");
    const CheckType& rings = *find_check_type("rings");
    EXPECT_EQ(param_problem(*rings.param("max_rings"), "3.5"),
              "expected a whole number for 'max_rings', got 3.5");
}

TEST(CheckTable, RunCheckDispatchesToEachTypesFunction) {
    // Every type runs through run_check with nothing but its required parameters (the
    // table's defaults fill in the rest) on a small attempt, without an exception, and gets
    // what its own function gives.
    Scenario s;
    s.actors.push_back(test::make_actor("owner", "王女士", "owner", "3-1202", "13800001111"));
    test::LogBuilder b;
    b.thread("owner", ThreadRecord::Kind::Phone, 0, 2'000, 1);
    b.say(3'000, "owner", "您好", {"greeting"});
    const rubric::AttemptView v(s, b.log, nullptr);
    for (const auto& t : check_table()) {
        CheckParams required;
        for (const auto& p : t.params)
            if (p.required)
                required[std::string(p.name)] =
                    p.kind == ParamKind::String ? std::string(p.allowed.front()) : "greeting";
        rubric::CheckResult r;
        EXPECT_NO_THROW(r = rubric::run_check(t.name, v, rubric::Params(required))) << t.name;
        EXPECT_GE(r.credit, 0.0) << t.name;
        EXPECT_LE(r.credit, 1.0) << t.name;
        const auto direct = t.fn(v, rubric::Params(required, nullptr, &t));
        EXPECT_EQ(r.credit, direct.credit) << t.name;
        EXPECT_EQ(r.evidence.size(), direct.evidence.size()) << t.name;
    }
    const auto unknown = rubric::run_check("no-such-check", v, rubric::Params({}));
    EXPECT_EQ(unknown.credit, 0.0);
}

// ---- the authoring guide ------------------------------------------------------------------------

std::string codes(std::span<const std::string_view> v) {
    std::string out;
    for (auto x : v) out += (out.empty() ? "`" : ", `") + std::string(x) + "`";
    return out;
}

std::string number_text(double v) {
    std::ostringstream ss;
    ss << v;
    return ss.str();
}

// "- `window` (one of `first-reply`, …; default `anywhere`): which replies count"
std::string param_line(const ParamSpec& p) {
    std::string kind;
    switch (p.kind) {
        case ParamKind::String:
            kind = p.allowed.empty() ? "text" : "one of " + codes(p.allowed);
            break;
        case ParamKind::List:
            kind = p.allowed.empty() ? "a list" : "a list of " + codes(p.allowed);
            break;
        case ParamKind::Groups:
            kind = "a list of acts or forbidden families, `a|b` = either";
            break;
        case ParamKind::Duration:
            kind = "a duration";
            break;
        case ParamKind::Number:
            kind = std::string(p.whole ? "a whole number" : "a number") + " from " +
                   number_text(p.min) + " to " + number_text(p.max);
            break;
        case ParamKind::Flag:
            kind = "`true` or `false`";
            break;
    }
    if (!p.def.empty()) kind += "; default `" + std::string(p.def) + "`";
    if (p.required) kind += "; required";
    return "- `" + std::string(p.name) + "` (" + kind + "): " + std::string(p.doc) + "\n";
}

std::string check_types_markdown() {
    std::string out;
    for (const auto& t : check_table()) {
        if (!out.empty()) out += "\n";
        out += "**`" + std::string(t.name) + "`** — " + std::string(t.doc) + "\n";
        for (const auto& p : t.params) out += param_line(p);
        if (t.params.empty()) out += "- no parameters\n";
    }
    return out;
}

std::string settings_markdown() {
    std::string out;
    for (const auto& p : setting_table()) out += param_line(p);
    return out;
}

TEST(CheckTable, TheAuthoringGuideDocumentsTheTable) {
    const std::string guide = test::read_all(std::string(DESKDRILL_SCENARIOS_DIR) + "/README.md");
    EXPECT_EQ(test::marked_block(guide, "check-types"), check_types_markdown())
        << "scenarios/README.md §5 between <!-- check-types:begin --> and <!-- check-types:end "
           "--> should read:\n"
        << check_types_markdown();
    EXPECT_EQ(test::marked_block(guide, "settings"), settings_markdown())
        << "scenarios/README.md §5 between <!-- settings:begin --> and <!-- settings:end --> "
           "should read:\n"
        << settings_markdown();
    std::string categories;
    for (auto c : kCriterionCategories)
        categories += (categories.empty() ? "" : "|") + std::string(c);
    EXPECT_NE(guide.find(categories), std::string::npos) << "the categories: " << categories;
}

}  // namespace
}  // namespace dd
