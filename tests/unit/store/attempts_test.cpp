// Attempts stored in one transaction and shown again exactly: the example's gold and poor, a
// live attempt through the store sink (proctored) and one abandoned half-way; snapshots once per
// hash; append-only; who may store and read what; overrides beside the result; the outbox.
#include "scoring/rubric/report.h"
#include "sim/engine/log_format.h"
#include "sim/store/store_sink.h"
#include "store_test_support.h"

namespace {

using namespace dd;
using namespace dd::store;
using namespace dd::store::test;

class Attempts : public StoreTest {};

// An assessment at the desk (the clock moved by the test).
session::AttemptConfig assessment_at_desk(const std::string& trainee) {
    session::AttemptConfig c;
    c.mode = session::Mode::Assessment;
    c.manual_clock = true;
    c.trainee = trainee;
    return c;
}

int count(sql::Db& db, const char* table) {
    return static_cast<int>(
        db.query(std::string("SELECT count(*) FROM ") + table).scalar_i64().value_or(-1));
}

TEST_F(Attempts, GoldAndPoorAreStoredAndRebuiltByteForByte) {
    for (bool gold : {true, false}) {
        const session::AttemptRecord rec = example(gold, "T001");
        ASSERT_TRUE(rec.report);
        auto stored = must(store_->add_attempt(*admin_, rec));
        EXPECT_EQ(stored.uuid, rec.uuid);
        EXPECT_TRUE(stored.has_result);
        auto detail = must(store_->attempt(*admin_, rec.uuid));
        EXPECT_EQ(detail.row.trainee, "T001");
        EXPECT_EQ(detail.row.trainee_name, "张三");
        EXPECT_EQ(detail.row.site, "阳光花园");
        EXPECT_EQ(detail.row.origin, session::Origin::Imported);
        EXPECT_EQ(detail.row.scenario_id, "complaint.night-renovation-noise");
        EXPECT_EQ(detail.row.category, "complaint");
        ASSERT_EQ(detail.results.size(), 1u);
        const ResultSet& r = detail.results[0];
        EXPECT_TRUE(r.original);
        EXPECT_EQ(r.score, rec.report->score);
        EXPECT_EQ(r.passed, rec.report->passed);
        EXPECT_EQ(r.catalogue_hash, rec.catalogue.hash);
        ASSERT_EQ(r.criteria.size(), rec.report->criteria.size());
        EXPECT_EQ(r.criteria[0].title, rec.report->criteria[0].title);
        EXPECT_EQ(detail.scenario.hash, rec.scenario.hash);

        auto rebuilt = must(store_->rebuild(*admin_, rec.uuid));
        EXPECT_TRUE(rebuilt.matches) << rebuilt.mismatch;
        ASSERT_TRUE(rebuilt.record.report);
        EXPECT_EQ(report_to_json(*rebuilt.record.report), report_to_json(*rec.report));
        EXPECT_EQ(report_to_text(*rebuilt.record.report), report_to_text(*rec.report));
        EXPECT_EQ(log_to_json(rebuilt.record.log), log_to_json(rec.log));
    }
    EXPECT_EQ(count(db(), "attempts"), 2);
    EXPECT_EQ(count(db(), "snapshots"), 3) << "scenario, lexicon and catalogue, once each";
}

TEST_F(Attempts, TheDetectionItWasPlayedWithIsStoredAndReplayed) {
    // Today's detection: stored with the attempt, named in the report, replayed without a note.
    const session::AttemptRecord rec = example(true, "T001");
    ASSERT_TRUE(rec.report);
    EXPECT_EQ(rec.detection, "meaning/v" + rec.lexicon.version);
    EXPECT_EQ(rec.report->detection, rec.detection);
    EXPECT_NE(report_to_json(*rec.report).find("\"detection\": \"" + rec.detection + "\""),
              std::string::npos);
    must(store_->add_attempt(*admin_, rec));
    EXPECT_EQ(must(store_->attempt(*admin_, rec.uuid)).detection, rec.detection);
    auto same = must(store_->rebuild(*admin_, rec.uuid));
    EXPECT_TRUE(same.matches) << same.mismatch;
    EXPECT_EQ(same.record.detection, rec.detection);
    EXPECT_EQ(same.detection_note, "");

    // Played with the phrase detection (a build before phase 2 of issue 12): replayed with it,
    // so the dialogue and the scores come out as they were, and the replay says so.
    Diagnostics d;
    auto phrases = session::Resources::from_texts(
        *rec.lexicon.text, "lexicon", *rec.catalogue.text, "standards", d, "phrases/v1");
    ASSERT_TRUE(phrases->can_score()) << d.to_string();
    EXPECT_EQ(phrases->detection(), "phrases/v" + rec.lexicon.version);
    session::ReplayOptions o;
    o.trainee = "T001";
    const auto old = session::replay_attempt(session::test::scenario(),
                                             session::test::transcript(session::test::kPoorYaml),
                                             *phrases, o);
    must(store_->add_attempt(*admin_, old));
    auto back = must(store_->rebuild(*admin_, old.uuid));
    EXPECT_TRUE(back.matches) << back.mismatch;
    EXPECT_EQ(back.record.detection, old.detection);
    EXPECT_NE(back.detection_note.find("played with phrases/v"), std::string::npos)
        << back.detection_note;
    ASSERT_TRUE(back.record.report);
    EXPECT_EQ(report_to_json(*back.record.report), report_to_json(*old.report));

    // A record that does not name its detection (stored before schema 5): today's, said so.
    session::AttemptRecord unnamed = example(false, "T002");
    unnamed.detection.clear();
    must(store_->add_attempt(*admin_, unnamed));
    EXPECT_EQ(must(store_->attempt(*admin_, unnamed.uuid)).detection, "");
    auto guessed = must(store_->rebuild(*admin_, unnamed.uuid));
    EXPECT_NE(guessed.detection_note.find("stored without its detection"), std::string::npos);
    EXPECT_EQ(guessed.record.detection, rec.detection);
}

TEST_F(Attempts, KpisAreMeasuredFromTheLog) {
    auto gold = must(store_->add_attempt(*admin_, example(true, "T001")));
    auto poor = must(store_->add_attempt(*admin_, example(false, "T001")));
    auto g = must(store_->attempt(*admin_, gold.uuid)).row.kpi;
    auto p = must(store_->attempt(*admin_, poor.uuid)).row.kpi;
    // One call in each; gold picks up at 5 s (ring every 4 s: 2 rings), poor at 25 s (7 rings).
    EXPECT_EQ(g.phone_calls, 1);
    EXPECT_EQ(g.phone_within_3, 1);
    EXPECT_EQ(p.phone_calls, 1);
    EXPECT_EQ(p.phone_within_3, 0);
    // First replies at 7 s and 30 s after the phone began to ring.
    EXPECT_EQ(g.response_n, 1);
    EXPECT_EQ(g.response_ms, 7000);
    EXPECT_EQ(p.response_ms, 30000);
}

TEST_F(Attempts, LiveAttemptThroughTheSinkIsProctoredAndExact) {
    using namespace session::test;
    auto t1 = must(store_->trainee_session("T001"));
    auto sink = std::make_shared<StoreSink>(store_, t1);
    session::Attempt a(scenario(), resources(), assessment_at_desk("T001"), {sink});
    for (Action act : transcript(kGoldYaml).actions) {
        if (act.verb == Verb::Wait) {
            a.set_clock(act.at + act.duration);
            continue;
        }
        a.set_clock(act.at);
        act.at = 0;
        a.act(act);
    }
    a.finish();
    ASSERT_TRUE(a.sink_errors().empty()) << a.sink_errors().front();
    EXPECT_EQ(sink->last().uuid, a.record()->uuid);
    auto d = must(store_->attempt(t1, a.record()->uuid));
    EXPECT_EQ(d.row.origin, session::Origin::Proctored);
    EXPECT_EQ(d.row.mode, session::Mode::Assessment);
    EXPECT_EQ(d.row.ending, session::Ending::Finished);
    auto rebuilt = must(store_->rebuild(t1, a.record()->uuid));
    EXPECT_TRUE(rebuilt.matches) << rebuilt.mismatch;
    EXPECT_EQ(report_to_json(*rebuilt.record.report), report_to_json(*a.report()));
}

TEST_F(Attempts, AbandonedHalfWayIsRecordedWithWhatWasPlayed) {
    using namespace session::test;
    auto t1 = must(store_->trainee_session("T001"));
    auto sink = std::make_shared<StoreSink>(store_, t1);
    session::Attempt a(scenario(), resources(), assessment_at_desk("T001"), {sink});
    a.set_clock(5000);
    Action answer;
    answer.verb = Verb::Answer;
    answer.arg = "phone";
    a.act(answer);
    a.set_clock(7000);
    Action say;
    say.verb = Verb::Say;
    say.text = "您好,安居物业客服中心";
    a.act(say);
    a.set_clock(12000);
    a.abandon();
    ASSERT_TRUE(a.sink_errors().empty()) << a.sink_errors().front();
    auto d = must(store_->attempt(t1, a.record()->uuid));
    EXPECT_EQ(d.row.ending, session::Ending::Abandoned);
    EXPECT_GE(d.row.actions, 2);
    EXPECT_NE(d.transcript.find("您好,安居物业客服中心"), std::string::npos) << d.transcript;
    auto rebuilt = must(store_->rebuild(t1, a.record()->uuid));
    EXPECT_TRUE(rebuilt.matches) << rebuilt.mismatch;
    EXPECT_EQ(rebuilt.record.ending, session::Ending::Abandoned);
    EXPECT_EQ(report_to_json(*rebuilt.record.report), report_to_json(*a.report()));
}

TEST_F(Attempts, NothingIsUpdatedOrDeleted) {
    must(store_->add_attempt(*admin_, example(true, "T001")));
    for (const char* sql :
         {"UPDATE attempts SET ending = 'finished'", "DELETE FROM attempts",
          "UPDATE results SET score = 100", "DELETE FROM results",
          "UPDATE criterion_results SET points = 10", "DELETE FROM criterion_results",
          "UPDATE snapshots SET text = ''", "DELETE FROM snapshots", "DELETE FROM outbox",
          "UPDATE catalogue_criteria SET title = ''",
          "UPDATE attempt_detection SET detection = 'phrases/v1'",
          "DELETE FROM attempt_detection"}) {
        char* err = nullptr;
        EXPECT_EQ(sqlite3_exec(db().handle(), sql, nullptr, nullptr, &err) & 0xFF, SQLITE_CONSTRAINT) << sql;
        EXPECT_NE(std::string(err ? err : "").find("append-only"), std::string::npos) << sql;
        sqlite3_free(err);
    }
}

TEST_F(Attempts, TraineeStoresAndReadsOnlyTheirOwn) {
    auto t1 = must(store_->trainee_session("T001"));
    auto t2 = must(store_->trainee_session("T002"));
    auto other = store_->add_attempt(t1, example(true, "T002"));
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.error().code, ErrorCode::Denied);
    auto mine = must(store_->add_attempt(t1, example(true, "")));
    auto theirs = must(store_->add_attempt(*admin_, example(false, "T002")));
    auto read = store_->attempt(t1, theirs.uuid);
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().code, ErrorCode::Denied);
    auto rebuilt = store_->rebuild(t1, theirs.uuid);
    ASSERT_FALSE(rebuilt.ok());
    EXPECT_EQ(rebuilt.error().code, ErrorCode::Denied);
    AttemptFilter f;
    auto listed = must(store_->attempts(t1, f));
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].uuid, mine.uuid);
    f.trainee = "T002";
    EXPECT_FALSE(store_->attempts(t1, f).ok());
    EXPECT_EQ(must(store_->attempts(t2, {})).size(), 1u);
    EXPECT_EQ(must(store_->attempts(*admin_, {})).size(), 2u);
}

TEST_F(Attempts, BadRecordsChangeNothing) {
    auto unknown = store_->add_attempt(*admin_, example(true, "T404"));
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().code, ErrorCode::NotFound);
    EXPECT_NE(unknown.error().message.find("no person with employee number 'T404'"),
              std::string::npos);
    auto rec = example(true, "T001");
    must(store_->add_attempt(*admin_, rec));
    auto again = store_->add_attempt(*admin_, rec);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::Conflict);
    auto bad_hash = example(true, "T002");
    auto text = std::make_shared<const std::string>(*bad_hash.scenario.text + "\n# edited");
    bad_hash.scenario.text = text;
    bad_hash.scenario.hash = std::string(64, 'a');
    auto r = store_->add_attempt(*admin_, bad_hash);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::BadInput);
    // One batch: the good record and a bad one — all or nothing.
    auto good = example(true, "T002");
    auto bad = example(true, "T404");
    EXPECT_FALSE(store_->add_attempts(*admin_, {&good, &bad}).ok());
    EXPECT_EQ(count(db(), "attempts"), 1);
    EXPECT_EQ(count(db(), "results"), 1);
    EXPECT_EQ(count(db(), "snapshots"), 3);
}

TEST_F(Attempts, OverridesSitBesideTheAutomaticResult) {
    auto poor = must(store_->add_attempt(*admin_, example(false, "T001")));
    auto detail = must(store_->attempt(*admin_, poor.uuid));
    const CriterionScore failed = *std::find_if(detail.results[0].criteria.begin(),
                                                detail.results[0].criteria.end(),
                                                [](const auto& c) { return !c.passed; });
    auto sup = must(store_->login("S001", kSupervisorPassword));
    auto t1 = must(store_->trainee_session("T001"));
    NewOverride o{poor.uuid, {}, failed.id, failed.max_points, true, "录音复核:其实已做到"};
    EXPECT_EQ(store_->add_override(t1, o).error().code, ErrorCode::Denied);
    NewOverride no_reason = o;
    no_reason.reason.clear();
    EXPECT_EQ(store_->add_override(sup, no_reason).error().code, ErrorCode::BadInput);
    NewOverride too_many = o;
    too_many.points = failed.max_points + 1;
    EXPECT_EQ(store_->add_override(sup, too_many).error().code, ErrorCode::BadInput);
    NewOverride unknown = o;
    unknown.criterion_id = "no.such";
    EXPECT_EQ(store_->add_override(sup, unknown).error().code, ErrorCode::NotFound);
    auto row = must(store_->add_override(sup, o));
    EXPECT_EQ(row.supervisor, "S001");
    auto after = must(store_->attempt(t1, poor.uuid));
    const ResultSet& r = after.results[0];
    EXPECT_EQ(r.score, detail.results[0].score) << "the automatic result stays";
    EXPECT_EQ(r.score_with_overrides, r.score + failed.max_points - failed.points);
    ASSERT_EQ(r.overrides.size(), 1u);
    EXPECT_EQ(r.overrides[0].reason, "录音复核:其实已做到");
    // A later override of the same criterion is the one in force.
    NewOverride back = o;
    back.points = failed.points;
    back.passed = false;
    back.reason = "再次复核:维持原判";
    must(store_->add_override(sup, back));
    EXPECT_EQ(must(store_->attempt(*admin_, poor.uuid)).results[0].score_with_overrides, r.score);
}

TEST_F(Attempts, PublishedSnapshotsAreTakenInOnce) {
    const auto rec = example(true, "T001");
    session::Snapshot s = rec.catalogue;
    must(store_->add_snapshot(*admin_, s, "catalogue", "standards"));
    must(store_->add_snapshot(*admin_, s, "catalogue", "standards"));
    EXPECT_EQ(count(db(), "snapshots"), 1);
    EXPECT_EQ(must(store_->snapshot_text(*admin_, s.hash)), *s.text);
    s.hash = std::string(64, '0');
    EXPECT_EQ(store_->add_snapshot(*admin_, s, "catalogue", "standards").error().code,
              ErrorCode::BadInput);
    auto sup = must(store_->login("S001", kSupervisorPassword));
    EXPECT_EQ(store_->add_snapshot(sup, rec.lexicon, "lexicon", "lexicon").error().code,
              ErrorCode::Denied);
}

TEST_F(Attempts, OutboxListsWhatTheHubHasNotReceived) {
    auto a = must(store_->add_attempt(*admin_, example(true, "T001")));
    auto pending = must(store_->outbox_pending(*admin_, "hub"));
    // Five people, one attempt.
    ASSERT_EQ(pending.size(), 6u);
    EXPECT_EQ(pending.back().kind, "attempt");
    EXPECT_EQ(pending.back().ref, a.uuid);
    std::vector<std::int64_t> ids;
    for (const auto& p : pending) ids.push_back(p.id);
    must(store_->mark_delivered(*admin_, "hub", {ids.begin(), ids.end() - 1}));
    must(store_->mark_delivered(*admin_, "hub", {ids.front()}));  // idempotent
    auto left = must(store_->outbox_pending(*admin_, "hub"));
    ASSERT_EQ(left.size(), 1u);
    EXPECT_EQ(left[0].ref, a.uuid);
    EXPECT_EQ(must(store_->outbox_pending(*admin_, "lrs")).size(), 6u) << "per target";
    auto sup = must(store_->login("S001", kSupervisorPassword));
    EXPECT_EQ(store_->outbox_pending(sup, "hub").error().code, ErrorCode::Denied);
}

}  // namespace
