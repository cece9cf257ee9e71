// The site profile in the records (schema 005): set by admins as a history, read by anyone; an
// attempt played under a profile names it (content-addressed, covered by its chain hash), so
// replaying, re-scoring and auditing it after the admin changed the profile give the stored
// result.
#include "scoring/rubric/report.h"
#include "sim/engine/log_format.h"
#include "sim/store/audit.h"
#include "sim/store/rescore.h"
#include "store_test_support.h"

namespace {

using namespace dd;
using namespace dd::store;
using namespace dd::store::test;

const std::string kFeeScenario =
    std::string(DESKDRILL_SCENARIOS_DIR) + "/inquiry/fee-standards.yaml";

std::shared_ptr<const session::SiteProfile> profile(const std::string& company,
                                                    const std::string& property_fee) {
    Diagnostics d;
    auto p = session::parse_site_profile(
        "company: " + company +
            "\nname: 桂花园\nextensions: {security: 8110}\nfees:\n"
            "  property: {name: 物业服务费, amount: " +
            property_fee +
            ", unit: 元/平方米·月}\n"
            "  parking: {name: 地下车位管理费, amount: 120, unit: 元/月}\n",
        "site.yaml", d);
    EXPECT_TRUE(p) << d.to_string();
    return p;
}

// The fee question answered by 绿城物业's desk with its fees of the day.
const char* const kAnswer = R"(scenario: inquiry.fee-standards
seed: 0
actions:
  - {at: 4, answer: phone}
  - {at: 6, say: 您好，绿城物业客服中心，请问有什么可以帮您？}
  - {at: 18, say: 好的钱先生，请稍等，我马上帮您查一下收费标准。}
  - {at: 19, hold: phone}
  - {at: 30, classify: {type: inquiry, level: general}}
  - {at: 40, say: 让您久等了。物业服务费按建筑面积收取，每月每平方米3.2元。}
  - {at: 55, say: 地下车位管理费每月120元，您可以在前台刷卡，也可以用业主App或者银行代扣缴纳。}
  - {at: 70, say: 不客气，感谢您的来电，再见！}
  - {at: 71, wait: 10s}
)";

class SiteProfiles : public StoreTest {
  protected:
    session::AttemptRecord played_under(std::shared_ptr<const session::SiteProfile> p) {
        using namespace session::test;
        session::ReplayOptions o;
        o.trainee = "T001";
        return session::replay_attempt(session::with_site_profile(scenario(kFeeScenario), p),
                                       transcript(kAnswer), *resources(), o);
    }
};

TEST_F(SiteProfiles, AdminsSetItAsAHistoryAndEveryoneReadsIt) {
    auto t1 = must(store_->trainee_session("T001"));
    EXPECT_EQ(must(store_->site_profile(t1)), nullptr) << "none set: the scenarios' own";
    const auto p = profile("绿城物业", "3.2");
    auto set = must(store_->set_site_profile(*admin_, p));
    EXPECT_EQ(set.company, "绿城物业");
    EXPECT_EQ(set.profile_hash, p->snapshot.hash);
    EXPECT_EQ(set.set_by, "A001");
    auto now = must(store_->site_profile(t1));
    ASSERT_TRUE(now);
    EXPECT_EQ(now->snapshot.hash, p->snapshot.hash);
    EXPECT_EQ(now->site.extensions.at("security"), "8110");

    EXPECT_EQ(store_->set_site_profile(t1, p).error().code, ErrorCode::Denied);
    auto sup = must(store_->login("S001", kSupervisorPassword));
    EXPECT_EQ(store_->set_site_profile(sup, nullptr).error().code, ErrorCode::Denied);

    must(store_->set_site_profile(*admin_, nullptr));
    EXPECT_EQ(must(store_->site_profile(t1)), nullptr);
    must(store_->set_site_profile(*admin_, p));  // the same text again: stored once
    auto history = must(store_->site_profile_history(sup));
    ASSERT_EQ(history.size(), 3u);
    EXPECT_EQ(history[0].company, "绿城物业");
    EXPECT_EQ(history[1].profile_hash, "") << "cleared";
    EXPECT_EQ(history[2].profile_hash, p->snapshot.hash);
    EXPECT_EQ(db().query("SELECT count(*) FROM site_profiles").scalar_i64(), 1);
}

TEST_F(SiteProfiles, AStoredAttemptReplaysUnderItsOwnProfileAfterTheProfileChanged) {
    const auto before = profile("绿城物业", "3.2");
    must(store_->set_site_profile(*admin_, before));
    const session::AttemptRecord rec = played_under(before);
    ASSERT_TRUE(rec.report);
    ASSERT_TRUE(rec.report->passed);
    auto stored = must(store_->add_attempt(*admin_, rec));

    // The company raises its fee and renames itself: the desk's next attempts play under that.
    const auto after = profile("绿城物业服务集团", "3.5");
    must(store_->set_site_profile(*admin_, after));
    // Played under the new profile, the same answers are now wrong…
    const session::AttemptRecord now = played_under(after);
    ASSERT_TRUE(now.report);
    EXPECT_LT(now.report->score, rec.report->score);

    // … but the stored attempt replays, rescores and audits as it was played.
    auto detail = must(store_->attempt(*admin_, stored.uuid));
    EXPECT_EQ(detail.site_profile_hash, before->snapshot.hash);
    auto rebuilt = must(store_->rebuild(*admin_, stored.uuid));
    EXPECT_TRUE(rebuilt.matches) << rebuilt.mismatch;
    ASSERT_TRUE(rebuilt.record.report);
    EXPECT_EQ(report_to_json(*rebuilt.record.report), report_to_json(*rec.report));
    EXPECT_EQ(log_to_json(rebuilt.record.log), log_to_json(rec.log));
    EXPECT_EQ(rebuilt.record.site_profile.hash, before->snapshot.hash);

    AuditOptions o;
    o.replay = true;
    auto rep = must(audit(*store_, *admin_, o));
    EXPECT_TRUE(rep.ok()) << (rep.issues.empty() ? "" : rep.issues.front().message);
    EXPECT_EQ(rep.replayed, 1);
}

TEST_F(SiteProfiles, TheProfileIsPartOfTheAttemptsChain) {
    const auto p = profile("绿城物业", "3.2");
    auto stored = must(store_->add_attempt(*admin_, played_under(p)));
    // Another profile row, as someone with the file might swap it in: the chain notices.
    const auto other = profile("别家物业", "1");
    {
        sqlite3* h = nullptr;
        ASSERT_EQ(sqlite3_open(path_.c_str(), &h), SQLITE_OK);
        const std::string sql =
            "INSERT INTO site_profiles (hash, company, text, stored_at_ms) VALUES ('" +
            other->snapshot.hash + "', '别家物业', '" + *other->snapshot.text +
            "', 0);"
            "DROP TRIGGER attempt_site_profiles_append_only_u;"
            "UPDATE attempt_site_profiles SET profile_hash = '" +
            other->snapshot.hash + "';";
        char* err = nullptr;
        EXPECT_EQ(sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK)
            << (err ? err : "");
        sqlite3_free(err);
        sqlite3_close(h);
    }
    store_.reset();
    store_ = must(Store::open(path_));
    const Principal admin = must(store_->login("A001", kAdminPassword));
    auto rep = must(audit(*store_, admin));
    EXPECT_FALSE(rep.ok());
    bool chain = false;
    for (const auto& i : rep.issues)
        if (i.what == "attempt" && i.key == stored.uuid) chain = true;
    EXPECT_TRUE(chain) << "the attempt's hash covers the profile it names";
}

}  // namespace
