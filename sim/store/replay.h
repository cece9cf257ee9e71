// Playing a stored attempt again (inside the store): the scenario and resources rebuilt from
// their snapshots (cached by hash — building a lexicon's detector takes milliseconds), the
// transcript replayed headless, the report compared with the stored figures. rebuild() and
// rescore use it; the replay itself needs no database and runs on any thread.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <utility>

#include "db.h"
#include "sim/session/library.h"
#include "sim/session/resources.h"
#include "sim/session/site_profile.h"
#include "store.h"

namespace dd::store {

struct ReplayCache {
    using Key = std::tuple<std::string, std::string, std::string>;
    // (lexicon hash, catalogue hash, detection)
    std::map<Key, std::shared_ptr<const session::Resources>> resources;
    // (scenario hash, site profile hash "" = none): the scenario as played under the profile.
    std::map<std::pair<std::string, std::string>, std::shared_ptr<const session::ScenarioFile>>
        scenarios;
    std::map<std::string, std::shared_ptr<const session::SiteProfile>> profiles;
};

// What a replay needs of one stored attempt.
struct StoredAttemptText {
    AttemptRow row;
    std::string scenario_hash;
    std::string lexicon_hash;
    std::string catalogue_hash;  // "" when it had none
    std::string transcript;
    std::string detection;  // "meaning/v3"; "" when stored before it was recorded
    std::string site_profile_hash;  // "" when it was played under none
};

StoredAttemptText load_attempt_text(sql::Db& db, std::string_view uuid);
std::string load_snapshot(sql::Db& db, const std::string& hash);

// From the cache, or built from the stored texts (an error when they do not load), with the
// detection named (an attempt's own; "" for today's).
std::shared_ptr<const session::Resources> resources_for(ReplayCache& cache, sql::Db& db,
                                                         const std::string& lexicon_hash,
                                                         const std::string& catalogue_hash,
                                                         const std::string& detection = {});
// The stored scenario, played under the stored site profile when `site_profile_hash` names one.
std::shared_ptr<const session::ScenarioFile> scenario_for(
    ReplayCache& cache, sql::Db& db, const std::string& scenario_hash,
    const std::string& site_profile_hash = {});
// A stored site profile by hash (throws SqlError(Corrupt) when missing or unreadable).
std::shared_ptr<const session::SiteProfile> site_profile_for(ReplayCache& cache, sql::Db& db,
                                                             const std::string& hash);

// Replays one stored attempt under `resources` (no database). The record carries the stored
// uuid, times, mode, origin and ending. Throws SqlError(Corrupt) when the stored transcript
// does not load.
session::AttemptRecord replay_stored(const StoredAttemptText& a,
                                     const session::ScenarioFile& scenario,
                                     const session::Resources& resources);

// "" when the report's figures (total, pass, per criterion points/max/passed/critical) equal
// the stored result set's; else what differs first.
std::string compare_with_stored(const ScoreReport& report, const ResultSet& stored);

// The per-criterion rows of a report, in its order.
std::vector<CriterionScore> criterion_scores(const ScoreReport& report);

}  // namespace dd::store
