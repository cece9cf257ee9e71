// Re-scoring (rescore.h).
#include "rescore.h"

#include <atomic>
#include <map>
#include <thread>

#include "replay.h"
#include "scoring/text/lexicon.h"
#include "sim/session/hash.h"
#include "store_internal.h"
#include "write.h"

namespace dd::store {

namespace {

struct Job {
    StoredAttemptText text;
    std::shared_ptr<const session::ScenarioFile> scenario;
    const session::Resources* resources = nullptr;  // with the attempt's own detection
    std::optional<ScoreReport> report;
    std::string error;
};

}  // namespace

Result<RescoreSummary> rescore(Store& store, const Principal& who,
                               const session::Resources& resources,
                               const RescoreOptions& options) {
    if (!resources.can_play() || !resources.can_score())
        return Error{ErrorCode::BadInput, "the catalogue or lexicon to re-score with does not load"};
    RescoreSummary sum;
    sum.set = {resources.catalogue_snapshot.hash, resources.lexicon_snapshot.hash};
    sum.catalogue_version = resources.catalogue_snapshot.version;
    sum.jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    // Which attempts: all the filter selects, minus those scored under the pair already.
    std::vector<std::string> todo;
    auto listed = StoreAccess::run(store, [&](sql::Db& db) -> Result<Ok> {
        StoreAccess::require(store, db, who, Role::Supervisor);
        AttemptFilter f = options.filter;
        f.result_set = {};
        const Where w = attempt_where(f);
        auto q = db.once(
            "SELECT a.uuid, EXISTS (SELECT 1 FROM results r WHERE r.attempt_seq = a.seq AND "
            "r.catalogue_hash = ?1 AND r.lexicon_hash = ?2) FROM attempts a JOIN people p ON "
            "p.id = a.trainee_id WHERE " + w.clause() + " ORDER BY a.seq");
        q.bind(1, sum.set.catalogue_hash).bind(2, sum.set.lexicon_hash);
        w.bind(q, 3);
        while (q.step()) {
            ++sum.considered;
            if (q.b(1))
                ++sum.already;
            else
                todo.push_back(q.text(0));
        }
        return Ok{};
    });
    if (!listed) return listed.error();

    // An attempt is re-scored with the way of reading it was played with (the new lexicon and
    // catalogue, read as its record says: "phrases/v2" → phrases): the same texts, built once per
    // other detection.
    std::map<std::string, std::shared_ptr<const session::Resources>> other_detection;
    const auto resources_of = [&](const std::string& identity) -> const session::Resources* {
        const auto how = detection_of_identity(identity);
        if (!how || detection_of_identity(resources.detection()) == how) return &resources;
        const std::string name(detection_name(*how));
        auto& r = other_detection[name];
        if (!r) {
            Diagnostics d;
            r = session::Resources::from_texts(
                *resources.lexicon_snapshot.text, resources.lexicon_snapshot.path,
                *resources.catalogue_snapshot.text, resources.catalogue_snapshot.path, d, name);
        }
        return r->can_play() && r->can_score() ? r.get() : &resources;
    };
    const std::size_t batch = std::max<std::size_t>(1, options.batch);
    for (std::size_t start = 0; start < todo.size(); start += batch) {
        const std::size_t end = std::min(todo.size(), start + batch);
        std::vector<Job> jobs(end - start);
        auto loaded = StoreAccess::run(store, [&](sql::Db& db) -> Result<Ok> {
            StoreAccess::require(store, db, who, Role::Supervisor);
            ReplayCache& cache = StoreAccess::cache(store);
            for (std::size_t i = start; i < end; ++i) {
                Job& j = jobs[i - start];
                j.text = load_attempt_text(db, todo[i]);
                j.scenario =
                    scenario_for(cache, db, j.text.scenario_hash, j.text.site_profile_hash);
                j.resources = resources_of(j.text.detection);
            }
            return Ok{};
        });
        if (!loaded) return loaded.error();
        // The replays: pure functions of (scenario, transcript, resources), on every core.
        std::atomic<std::size_t> next{0};
        auto work = [&] {
            for (std::size_t i; (i = next.fetch_add(1)) < jobs.size();) {
                try {
                    jobs[i].report = replay_stored(jobs[i].text, *jobs[i].scenario, *jobs[i].resources)
                                         .report;
                } catch (const std::exception& e) {
                    jobs[i].error = e.what();
                }
            }
        };
        std::vector<std::thread> threads;
        for (unsigned t = 1; t < sum.jobs; ++t) threads.emplace_back(work);
        work();
        for (auto& t : threads) t.join();
        for (const Job& j : jobs)
            if (!j.error.empty()) return Error{ErrorCode::Corrupt, j.error};
        auto written = StoreAccess::run(store, [&](sql::Db& db) -> Result<Ok> {
            StoreAccess::require(store, db, who, Role::Supervisor);
            const Actor by = actor_of(db, who);
            std::vector<std::string> fresh;
            sql::Txn txn(db);
            const auto& known = StoreAccess::known_snapshots(store);
            put_snapshot(db, known, fresh, resources.lexicon_snapshot, "lexicon", "lexicon");
            put_snapshot(db, known, fresh, resources.catalogue_snapshot, "catalogue", "standards");
            const std::int64_t now = session::wall_clock_ms();
            for (const Job& j : jobs) {
                if (!j.report) {
                    ++sum.unscorable;
                    continue;
                }
                // Another process may have re-scored it meanwhile: skip, never a second copy.
                if (db.query("SELECT 1 FROM results WHERE attempt_seq = ?1 AND catalogue_hash = ?2 "
                             "AND lexicon_hash = ?3")
                        .with(j.text.row.seq, sum.set.catalogue_hash, sum.set.lexicon_hash)
                        .step()) {
                    ++sum.already;
                    continue;
                }
                insert_result(db, j.text.row, sum.set.catalogue_hash, sum.set.lexicon_hash, false,
                              *j.report, by, now, StoreAccess::utc_offset(store));
                ++sum.rescored;
            }
            txn.commit();
            StoreAccess::known_snapshots(store).insert(fresh.begin(), fresh.end());
            return Ok{};
        });
        if (!written) return written.error();
        if (options.progress) options.progress(end, todo.size());
    }
    return sum;
}

}  // namespace dd::store
