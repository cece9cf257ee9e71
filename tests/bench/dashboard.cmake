# The supervisor's dashboard over 100,000 stored attempts (issue 11), window-less: the view model
# built from the store, the CPU of one dashboard frame against an empty one, login → dashboard
# drawn against login alone. Run from a release build: build/release/tests/bench/bench_dashboard
# (the generated records file is shared with bench_store through bench_records.h, kept in
# $DESKDRILL_BENCH_DIR).
if(NOT TARGET deskdrill::app)
  return()
endif()
find_package(SQLite3 REQUIRED)
dd_add_bench(bench_dashboard SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_dashboard.cpp
  LIBS deskdrill::app SQLite::SQLite3)
