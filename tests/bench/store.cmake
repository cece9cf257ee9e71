# Records store benchmarks: storing an attempt against a bare synchronous commit, group reports
# over 100,000 and 1,000,000 generated attempts, re-scoring 100,000 on 1 and 2 threads, the
# database size per 1,000 attempts. Run from a release build: build/release/tests/bench/bench_store
# (the generated databases are kept in $DESKDRILL_BENCH_DIR, default the temp folder).
find_package(SQLite3 REQUIRED)
dd_add_bench(bench_store SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_store.cpp
  LIBS deskdrill::store SQLite::SQLite3)
