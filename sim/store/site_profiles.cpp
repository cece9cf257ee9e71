// The site profile in the records (store.h, schema/005_site_profiles.sql): the admin's settings
// as a history, the profile texts once per hash.
#include "replay.h"
#include "sim/session/hash.h"
#include "store_internal.h"
#include "write.h"

namespace dd::store {

void put_site_profile(sql::Db& db, const session::Snapshot& snap) {
    if (db.query("SELECT 1 FROM site_profiles WHERE hash = ?1").with(snap.hash).step()) return;
    if (!snap.text) sql::fail(ErrorCode::BadInput, "the attempt's site profile text is missing");
    if (session::sha256_hex(*snap.text) != snap.hash)
        sql::fail(ErrorCode::BadInput,
                  "the attempt's site profile text does not match its hash " + snap.hash);
    // The company is kept beside the text for listings; the text is what counts.
    Diagnostics d;
    auto p = session::parse_site_profile(*snap.text, "site profile", d);
    if (!p) sql::fail(ErrorCode::BadInput, "the site profile does not load: " + d.to_string());
    db.query(
          "INSERT INTO site_profiles (hash, company, text, stored_at_ms) VALUES (?1, ?2, ?3, ?4)")
        .with(snap.hash, p->site.company, *snap.text, session::wall_clock_ms())
        .run();
}

namespace {

constexpr const char* kSettingColumns =
    "s.id, coalesce(s.profile_hash, ''), coalesce(sp.company, ''), p.employee_no, s.set_at_ms "
    "FROM site_profile_settings s JOIN people p ON p.id = s.set_by "
    "LEFT JOIN site_profiles sp ON sp.hash = s.profile_hash";

SiteProfileSetting read_setting(const sql::Query& q) {
    return {q.i64(0), q.text(1), q.text(2), q.text(3), q.i64(4)};
}

}  // namespace

Result<std::shared_ptr<const session::SiteProfile>> Store::site_profile(const Principal& who) {
    return StoreAccess::run(
        *this, [&](sql::Db& db) -> Result<std::shared_ptr<const session::SiteProfile>> {
            StoreAccess::require(*this, db, who, Role::Trainee);
            auto hash = db.query(
                              "SELECT coalesce(profile_hash, '') FROM site_profile_settings "
                              "ORDER BY id DESC LIMIT 1")
                            .scalar_text();
            if (!hash || hash->empty()) return std::shared_ptr<const session::SiteProfile>();
            return site_profile_for(StoreAccess::cache(*this), db, *hash);
        });
}

Result<SiteProfileSetting> Store::set_site_profile(
    const Principal& who, std::shared_ptr<const session::SiteProfile> profile) {
    return StoreAccess::run(*this, [&](sql::Db& db) -> Result<SiteProfileSetting> {
        StoreAccess::require(*this, db, who, Role::Admin);
        sql::Txn txn(db);
        std::optional<std::string> hash;
        if (profile) {
            put_site_profile(db, profile->snapshot);
            hash = profile->snapshot.hash;
        }
        const std::int64_t now = session::wall_clock_ms();
        db.query(
              "INSERT INTO site_profile_settings (profile_hash, set_by, set_at_ms) "
              "VALUES (?1, ?2, ?3)")
            .with(hash, who.person_id(), now)
            .run();
        auto q = db.query(std::string("SELECT ") + kSettingColumns + " ORDER BY s.id DESC LIMIT 1");
        q.step();
        SiteProfileSetting out = read_setting(q);
        txn.commit();
        return out;
    });
}

Result<std::vector<SiteProfileSetting>> Store::site_profile_history(const Principal& who) {
    return StoreAccess::run(*this, [&](sql::Db& db) -> Result<std::vector<SiteProfileSetting>> {
        StoreAccess::require(*this, db, who, Role::Supervisor);
        auto q = db.query(std::string("SELECT ") + kSettingColumns + " ORDER BY s.id DESC");
        std::vector<SiteProfileSetting> out;
        while (q.step()) out.push_back(read_setting(q));
        return out;
    });
}

}  // namespace dd::store
