# Speech-act detection benchmarks (issue 4). Run from a release build:
#   tests/bench/acts_vs_grep.sh            (builds the inputs, runs this and grep side by side)
dd_add_bench(bench_text SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_text.cpp LIBS deskdrill::text)
