# Rubric benchmarks: scoring the example attempt (gold and poor), the JSON/text report, loading
# the catalogue. Run from a release build: build/release/tests/bench/bench_rubric
dd_add_bench(bench_rubric
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_rubric.cpp
          ${CMAKE_SOURCE_DIR}/tests/unit/rubric/example_fixture.cpp
  LIBS deskdrill::rubric deskdrill::text)
