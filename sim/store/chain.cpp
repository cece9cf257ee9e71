// The chain hash encoding (chain.h).
#include "chain.h"

#include <array>
#include <stdexcept>

namespace dd::store {

ChainHash::ChainHash(std::string_view table) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    crypto_hash_sha256_init(&state_);
    const std::string head = "deskdrill/" + std::string(table) + "/1\n";
    crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>(head.data()),
                              head.size());
}

ChainHash& ChainHash::add(std::string_view name, std::string_view value) {
    const std::string head = std::string(name) + "=" + std::to_string(value.size()) + ":";
    crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>(head.data()),
                              head.size());
    crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>(value.data()),
                              value.size());
    crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>("\n"), 1);
    return *this;
}

ChainHash& ChainHash::add(std::string_view name, std::int64_t value) {
    return add(name, std::string_view(std::to_string(value)));
}

std::string ChainHash::hex() {
    std::array<unsigned char, crypto_hash_sha256_BYTES> h{};
    crypto_hash_sha256_final(&state_, h.data());
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(h.size() * 2, '0');
    for (std::size_t i = 0; i < h.size(); ++i) {
        out[2 * i] = kHex[h[i] >> 4];
        out[2 * i + 1] = kHex[h[i] & 0xF];
    }
    return out;
}

}  // namespace dd::store

namespace dd::store {

std::string attempt_hash(const AttemptFields& f) {
    ChainHash h("attempt");
    h.add("prev", f.prev).add("seq", f.seq).add("uuid", f.uuid).add("trainee", f.trainee_uuid);
    h.add("site", f.site).add("cohort", f.cohort).add("scenario_id", f.scenario_id);
    h.add("scenario_version", f.scenario_version).add("category", f.category);
    h.add("scenario_hash", f.scenario_hash).add("lexicon_hash", f.lexicon_hash);
    h.add("catalogue_hash", f.catalogue_hash).add("mode", f.mode);
    h.add_bool("choice_mode", f.choice_mode).add("origin", f.origin).add("ending", f.ending);
    h.add("seed", f.seed).add("started_at_ms", f.started_at_ms);
    h.add("ended_at_ms", f.ended_at_ms).add("sim_ms", f.sim_ms).add("actions", f.actions);
    h.add("transcript", f.transcript);
    h.add("phone_calls", f.kpi.phone_calls).add("phone_within_3", f.kpi.phone_within_3);
    h.add("response_n", f.kpi.response_n).add("response_ms", f.kpi.response_ms);
    h.add("resolution_n", f.kpi.resolution_n).add("resolution_ms", f.kpi.resolution_ms);
    h.add("recorded_by", f.recorded_by_uuid).add("recorded_at_ms", f.recorded_at_ms);
    if (!f.site_profile_hash.empty()) h.add("site_profile_hash", f.site_profile_hash);
    return h.hex();
}

std::string result_hash(const ResultFields& f) {
    ChainHash h("result");
    h.add("prev", f.prev).add("id", f.id).add("attempt", f.attempt_uuid);
    h.add("catalogue_hash", f.catalogue_hash).add("lexicon_hash", f.lexicon_hash);
    h.add_bool("original", f.original).add("catalogue_version", f.catalogue_version);
    h.add("score", f.score).add("max_points", f.max_points).add("pass_mark", f.pass_mark);
    h.add_bool("passed", f.passed).add("critical_failed", f.critical_failed);
    h.add("created_by", f.created_by_uuid).add("created_at_ms", f.created_at_ms);
    for (std::size_t i = 0; i < f.criteria.size(); ++i) {
        const CriterionScore& c = f.criteria[i];
        h.add("position", static_cast<std::int64_t>(i)).add("criterion_id", c.id);
        h.add("points", c.points).add("max_points", c.max_points);
        h.add_bool("passed", c.passed).add_bool("critical", c.critical);
    }
    return h.hex();
}

std::string override_hash(const OverrideFields& f) {
    ChainHash h("override");
    h.add("prev", f.prev).add("id", f.id).add("uuid", f.uuid).add("attempt", f.attempt_uuid);
    h.add("catalogue_hash", f.catalogue_hash).add("lexicon_hash", f.lexicon_hash);
    h.add("criterion_id", f.criterion_id).add("points", f.points).add_bool("passed", f.passed);
    h.add("reason", f.reason).add("supervisor", f.supervisor_uuid);
    h.add("created_at_ms", f.created_at_ms);
    return h.hex();
}

}  // namespace dd::store
