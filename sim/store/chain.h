// The tamper-evident chains: what each row's SHA-256 covers, exactly.
//
// attempts, results and overrides each form a chain in the order of their integer key (seq, id,
// id). A row's hash is SHA-256 over:
//
//   "deskdrill/<table>/1\n"                       (the table and the version of this definition)
//   then, for each field in the order listed below, `<name>=<length>:<bytes>\n`, where <bytes>
//   is the value as UTF-8 text (integers in decimal, booleans 0/1, a NULL as the empty string)
//   and <length> is its length in bytes, so no value can be confused with its neighbours.
//
// The first field of every row is `prev`: the hash of the row before it in its table (64 zeros
// for the first row), which chains them: a row changed, inserted or removed by hand makes its
// own hash or the next row's stop matching, and `deskdrill audit` names that row.
//
// attempt:  prev seq uuid trainee(person uuid) site cohort scenario_id scenario_version category
//           scenario_hash lexicon_hash catalogue_hash mode choice_mode origin ending seed
//           started_at_ms ended_at_ms sim_ms actions transcript phone_calls phone_within_3
//           response_n response_ms resolution_n resolution_ms recorded_by(person uuid)
//           recorded_at_ms
// result:   prev id attempt(uuid) catalogue_hash lexicon_hash original catalogue_version score
//           max_points pass_mark passed critical_failed created_by(person uuid) created_at_ms,
//           then per criterion in position order: position criterion_id points max_points
//           passed critical
// override: prev id uuid attempt(uuid) catalogue_hash lexicon_hash criterion_id points passed
//           reason supervisor(person uuid) created_at_ms
//
// People are named by their uuid (which never changes, a trigger sees to it), not by the local
// integer id, so the hub can check a site's chains with its own ids.
#pragma once
#include <sodium.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store.h"

namespace dd::store {

inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

class ChainHash {
  public:
    explicit ChainHash(std::string_view table);
    ChainHash& add(std::string_view name, std::string_view value);
    ChainHash& add(std::string_view name, std::int64_t value);
    ChainHash& add_bool(std::string_view name, bool value) { return add(name, value ? 1 : 0); }
    std::string hex();  // finishes the hash

  private:
    crypto_hash_sha256_state state_;
};

// The fields of each chained row, as written and as read back by the audit: one definition.
struct AttemptFields {
    std::string prev;
    std::int64_t seq = 0;
    std::string uuid, trainee_uuid, site, cohort, scenario_id;
    std::int64_t scenario_version = 0;
    std::string category, scenario_hash, lexicon_hash, catalogue_hash;  // "" = NULL
    std::string mode;
    bool choice_mode = false;
    std::string origin, ending;
    std::int64_t seed = 0, started_at_ms = 0, ended_at_ms = 0, sim_ms = 0, actions = 0;
    std::string transcript;
    Kpi kpi;
    std::string recorded_by_uuid;
    std::int64_t recorded_at_ms = 0;
    // The site profile it was played under ("" = none; then not hashed, so the attempts before
    // profiles existed keep their hashes).
    std::string site_profile_hash;
};
std::string attempt_hash(const AttemptFields& f);

struct ResultFields {
    std::string prev;
    std::int64_t id = 0;
    std::string attempt_uuid, catalogue_hash, lexicon_hash;
    bool original = false;
    std::string catalogue_version;
    std::int64_t score = 0, max_points = 0, pass_mark = 0;
    bool passed = false;
    std::string critical_failed;  // comma-separated ids
    std::string created_by_uuid;
    std::int64_t created_at_ms = 0;
    std::vector<CriterionScore> criteria;  // position = index
};
std::string result_hash(const ResultFields& f);

struct OverrideFields {
    std::string prev;
    std::int64_t id = 0;
    std::string uuid, attempt_uuid, catalogue_hash, lexicon_hash, criterion_id;
    std::int64_t points = 0;
    bool passed = false;
    std::string reason, supervisor_uuid;
    std::int64_t created_at_ms = 0;
};
std::string override_hash(const OverrideFields& f);

}  // namespace dd::store
