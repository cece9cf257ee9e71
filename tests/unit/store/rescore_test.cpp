// Re-scoring under the 2027 catalogue (tests/data/rubric/standards-2027.1.yaml: the phone within
// one ring): a result set beside the original, keyed by the catalogue's and lexicon's hashes,
// equal to what `play --standards` gives; a second run adds nothing; the originals stay.
#include "sim/store/rescore.h"
#include "scoring/rubric/report.h"
#include "sim/store/report_source.h"
#include "store_test_support.h"

namespace {

using namespace dd;
using namespace dd::store;
using namespace dd::store::test;

std::shared_ptr<const session::Resources> resources_2027() {
    Diagnostics d;
    return session::Resources::load(
        std::string(DESKDRILL_SCENARIOS_DIR) + "/lexicon.yaml",
        std::string(DESKDRILL_TESTS_DIR) + "/data/rubric/standards-2027.1.yaml", d);
}

class Rescore : public StoreTest {};

TEST_F(Rescore, AddsAResultSetBesideTheOriginal) {
    const auto gold = example(true, "T001");
    const auto poor = example(false, "T002");
    must(store_->add_attempts(*admin_, {&gold, &poor}));
    auto res = resources_2027();
    ASSERT_TRUE(res->can_score());
    ASSERT_NE(res->catalogue_snapshot.hash, gold.catalogue.hash);
    auto sup = must(store_->login("S001", kSupervisorPassword));
    RescoreOptions o;
    o.jobs = 2;
    auto sum = must(rescore(*store_, sup, *res, o));
    EXPECT_EQ(sum.considered, 2u);
    EXPECT_EQ(sum.rescored, 2u);
    EXPECT_EQ(sum.catalogue_version, "2027.1");
    EXPECT_EQ(sum.set.catalogue_hash, res->catalogue_snapshot.hash);
    EXPECT_EQ(sum.set.lexicon_hash, res->lexicon_snapshot.hash);

    auto again = must(rescore(*store_, sup, *res, o));
    EXPECT_EQ(again.rescored, 0u);
    EXPECT_EQ(again.already, 2u);

    for (const auto* rec : {&gold, &poor}) {
        auto d = must(store_->attempt(*admin_, rec->uuid));
        ASSERT_EQ(d.results.size(), 2u);
        EXPECT_TRUE(d.results[0].original);
        EXPECT_EQ(d.results[0].score, rec->report->score) << "the original stays";
        EXPECT_EQ(d.results[1].catalogue_version, "2027.1");
        // The same as scoring the same transcript under the 2027 catalogue directly.
        using namespace session::test;
        const auto direct = session::replay_attempt(
            scenario(), transcript(rec == &gold ? kGoldYaml : kPoorYaml), *res);
        EXPECT_EQ(d.results[1].score, direct.report->score);
        auto rebuilt = must(store_->rebuild(*admin_, rec->uuid, sum.set));
        EXPECT_TRUE(rebuilt.matches) << rebuilt.mismatch;
        EXPECT_EQ(report_to_json(*rebuilt.record.report), report_to_json(*direct.report));
    }
    // The key a supervisor types: the catalogue's version.
    auto key = must(store_->resolve_result_set(*admin_, "2027.1"));
    EXPECT_EQ(key.catalogue_hash, sum.set.catalogue_hash);
    EXPECT_EQ(key.lexicon_hash, sum.set.lexicon_hash);
    auto unknown = store_->resolve_result_set(*admin_, "1999.1");
    ASSERT_FALSE(unknown.ok());
    EXPECT_NE(unknown.error().message.find("2027.1"), std::string::npos) << unknown.error().message;
}

TEST_F(Rescore, FollowsTheFilterAndTheRoles) {
    const auto a = example(true, "T001");
    const auto b = example(false, "T003");
    must(store_->add_attempts(*admin_, {&a, &b}));
    auto res = resources_2027();
    auto t1 = must(store_->trainee_session("T001"));
    EXPECT_EQ(rescore(*store_, t1, *res).error().code, ErrorCode::Denied);
    RescoreOptions o;
    o.filter.site = "翠湖苑";
    auto sum = must(rescore(*store_, *admin_, *res, o));
    EXPECT_EQ(sum.considered, 1u);
    EXPECT_EQ(sum.rescored, 1u);
    EXPECT_EQ(must(store_->attempt(*admin_, a.uuid)).results.size(), 1u);
    EXPECT_EQ(must(store_->attempt(*admin_, b.uuid)).results.size(), 2u);
}

// A catalogue without one of the scenario's criteria: the re-score records that criterion by its
// id alone ("not in the catalogue"); the reports still name it from a catalogue that has it —
// for the re-scored set and for the originals alike (issue 14: the hub and the desks named it by
// its id whenever the short row's catalogue came first).
TEST_F(Rescore, ACriterionTheCatalogueLacksIsNamedFromOneThatHasIt) {
    const auto a = example(true, "T001");
    must(store_->add_attempts(*admin_, {&a}));
    std::string text = read_bytes(std::string(DESKDRILL_SCENARIOS_DIR) + "/standards.yaml");
    const auto at = text.find("  - id: courtesy.greeting\n");
    ASSERT_NE(at, std::string::npos);
    text.erase(at, text.find("\n  - id: ", at + 1) + 1 - at);
    const std::string version = "version: \"2026.1\"";
    text.replace(text.find(version), version.size(), "version: \"2026.9\"");
    write_bytes(dir_ + "/standards.yaml", text);
    Diagnostics d;
    auto res = session::Resources::load(std::string(DESKDRILL_SCENARIOS_DIR) + "/lexicon.yaml",
                                        dir_ + "/standards.yaml", d);
    ASSERT_TRUE(res && res->can_score()) << d.to_string();
    const auto sum = must(rescore(*store_, *admin_, *res));
    ASSERT_EQ(sum.rescored, 1u);
    auto reports = store_reports(store_, *admin_);
    GroupFilter in_short;
    in_short.result_set = sum.set;
    for (const GroupFilter& f : {GroupFilter{}, in_short}) {
        const auto g = must(reports->group(f));
        const auto c = std::find_if(g.criteria.begin(), g.criteria.end(),
                                    [](const auto& x) { return x.id == "courtesy.greeting"; });
        ASSERT_NE(c, g.criteria.end());
        EXPECT_EQ(c->title, "以“您好”问候");
        EXPECT_EQ(c->category, "courtesy");
    }
}

}  // namespace
