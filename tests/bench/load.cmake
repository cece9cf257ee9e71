# Loader benchmarks (included by tests/bench/CMakeLists.txt). Run from a release build:
#   build/release/tests/bench/bench_load
dd_add_bench(bench_load SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_load.cpp LIBS deskdrill::load)
