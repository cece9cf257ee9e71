// The hub's schema: sim/hub/schema/NNN_name.sql, compiled in by sim/store/embed_schema.cmake,
// applied in order (admin.cpp), each in its own transaction; the version is in dd_meta.
#pragma once
#include <vector>

#include "sim/store/schema.h"

namespace dd::hub {

using store::Migration;
const std::vector<Migration>& migrations();

}  // namespace dd::hub
