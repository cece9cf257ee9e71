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
#include "store.h"

namespace dd::store {

struct ReplayCache {
    using Key = std::tuple<std::string, std::string, std::string>;
    // (lexicon hash, catalogue hash, detection)
    std::map<Key, std::shared_ptr<const session::Resources>> resources;
    std::map<std::string, std::shared_ptr<const session::ScenarioFile>> scenarios;
};

// What a replay needs of one stored attempt.
struct StoredAttemptText {
    AttemptRow row;
    std::string scenario_hash;
    std::string lexicon_hash;
    std::string catalogue_hash;  // "" when it had none
    std::string transcript;
    std::string detection;  // "meaning/v3"; "" when stored before it was recorded
};

StoredAttemptText load_attempt_text(sql::Db& db, std::string_view uuid);
std::string load_snapshot(sql::Db& db, const std::string& hash);

// From the cache, or built from the stored texts (an error when they do not load), with the
// detection named (an attempt's own; "" for today's).
std::shared_ptr<const session::Resources> resources_for(ReplayCache& cache, sql::Db& db,
                                                         const std::string& lexicon_hash,
                                                         const std::string& catalogue_hash,
                                                         const std::string& detection = {});
std::shared_ptr<const session::ScenarioFile> scenario_for(ReplayCache& cache, sql::Db& db,
                                                          const std::string& scenario_hash);

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
