// Bringing a records file to the current schema, one version at a time (schema.h). Used by
// Store::open; the migration tests use it to build files at every earlier version.
#pragma once
#include "db.h"

namespace dd::store {

// The file's PRAGMA user_version.
int user_version(sql::Db& db);

// Applies the migrations after the file's version up to `target` (default: the latest), each in
// its own BEGIN IMMEDIATE transaction that re-reads the version first, so two processes opening
// a new file at once migrate it once. A new file also gets its application id and its meta rows
// (store uuid, creation time, the UTC offset its reports group days by).
void migrate(sql::Db& db, int target = -1);

}  // namespace dd::store
