// Re-scoring under the 2027 catalogue (tests/data/rubric/standards-2027.1.yaml: the phone within
// one ring): a result set beside the original, keyed by the catalogue's and lexicon's hashes,
// equal to what `play --standards` gives; a second run adds nothing; the originals stay.
#include "scoring/rubric/report.h"
#include "sim/store/rescore.h"
#include "store_test_support.h"

namespace {

using namespace dd;
using namespace dd::store;
using namespace dd::store::test;

std::shared_ptr<const session::Resources> resources_2027() {
    Diagnostics d;
    return session::Resources::load(std::string(DESKDRILL_SCENARIOS_DIR) + "/lexicon.yaml",
                                    std::string(DESKDRILL_TESTS_DIR) +
                                        "/data/rubric/standards-2027.1.yaml",
                                    d);
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

}  // namespace
