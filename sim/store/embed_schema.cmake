# Writes OUT, a C++ file holding every schema/NNN_name.sql as a migration (version NNN), in
# order. Run at build time (cmake -P); the numbers must run 1, 2, 3… without a gap. The records
# store and the hub (sim/hub) both use it: NAMESPACE and HEADER name where `migrations()` goes
# (default dd::store, schema.h).
if(NOT NAMESPACE)
  set(NAMESPACE dd::store)
endif()
if(NOT HEADER)
  set(HEADER schema.h)
endif()
file(GLOB files ${SCHEMA_DIR}/*.sql)
list(SORT files)
set(body "")
set(expect 1)
foreach(f ${files})
  get_filename_component(name ${f} NAME)
  if(NOT name MATCHES "^([0-9][0-9][0-9])_[a-z0-9_]+\\.sql$")
    message(FATAL_ERROR "${f}: schema files are named NNN_name.sql")
  endif()
  math(EXPR version "${CMAKE_MATCH_1}")
  if(NOT version EQUAL expect)
    message(FATAL_ERROR "${f}: expected version ${expect} next (no gaps, no duplicates)")
  endif()
  math(EXPR expect "${expect} + 1")
  file(READ ${f} sql)
  if(sql MATCHES "\\)dd_sql\"")
    message(FATAL_ERROR "${f}: contains the raw-string delimiter )dd_sql\"")
  endif()
  string(APPEND body "        {${version}, \"${name}\", R\"dd_sql(${sql})dd_sql\"},\n")
endforeach()
file(WRITE ${OUT}.tmp "// Generated from ${SCHEMA_DIR}/*.sql by embed_schema.cmake. Do not edit.
#include \"${HEADER}\"

namespace ${NAMESPACE} {

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> kMigrations = {
${body}    };
    return kMigrations;
}

}  // namespace ${NAMESPACE}
")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
