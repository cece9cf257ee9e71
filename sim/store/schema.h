// The records schema: sim/store/schema/NNN_name.sql, compiled in (embed_schema.cmake), applied
// in order by PRAGMA user_version — a database at version k gets k+1, k+2, … each in its own
// transaction, so a crash mid-migration leaves the last complete version.
#pragma once
#include <string_view>
#include <vector>

namespace dd::store {

struct Migration {
    int version;
    std::string_view file;
    std::string_view sql;
};

// Every migration, version 1 first.
const std::vector<Migration>& migrations();

inline int schema_version() { return static_cast<int>(migrations().size()); }

// 'DDR1': PRAGMA application_id of every DeskDrill records file, so a foreign SQLite file given
// as --db is recognised (and left alone) rather than migrated.
inline constexpr int kApplicationId = 0x44445231;

}  // namespace dd::store
