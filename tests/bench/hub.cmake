# Hub benchmarks: a desk's 100,000 attempts synced against PostgreSQL's own COPY of the same
# rows; the cross-site report over 1,000,000 attempts of 100 sites. They start their own
# PostgreSQL 15 (tests/unit/hub/pg_server.sh). Run from a release build:
# build/release/tests/bench/bench_hub
find_package(SQLite3 REQUIRED)
dd_add_bench(bench_hub SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_hub.cpp
  LIBS deskdrill::hub deskdrill::store SQLite::SQLite3)
