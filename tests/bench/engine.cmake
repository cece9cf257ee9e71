# Engine benchmark: replays of the example scenario (preloaded), with the real lexicon and with
# a keyword detector (the engine's own cost). Run from a release build: tests/bench/bench_engine.
dd_add_bench(bench_engine SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_engine.cpp
  LIBS deskdrill::engine deskdrill::load deskdrill::text)
target_include_directories(bench_engine PRIVATE ${CMAKE_SOURCE_DIR}/tests/unit/engine)
