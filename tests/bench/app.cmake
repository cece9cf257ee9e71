# Desk-window benchmarks (issue 5). Not run by CTest.
#   bench_app         Google Benchmark, window-less: CPU per frame of the views (desk with a full
#                     conversation, debrief), the glyph atlas build, the library scan.
#   bench_bare_imgui  a minimal Dear ImGui + GLFW + OpenGL 3 program: the first-frame baseline.
#   gui_bench.sh      runs both and `deskdrill --bench-first-frame / --bench-frames` under Xvfb
#                     (Mesa) and prints the figures, incl. our first frame as a ratio of the bare one.
if(NOT TARGET deskdrill::app)
  return()
endif()
dd_add_bench(bench_app SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_app.cpp LIBS deskdrill::app)
add_executable(bench_bare_imgui ${CMAKE_CURRENT_LIST_DIR}/bench_bare_imgui.cpp)
# Only what the bare window needs (no deskdrill library): the measure of Dear ImGui's own start.
find_package(glfw3 REQUIRED)
find_package(OpenGL REQUIRED)
find_library(DD_BARE_IMGUI_LIB imgui REQUIRED)
find_library(DD_BARE_STB_LIB stb REQUIRED)
target_include_directories(bench_bare_imgui SYSTEM PRIVATE /usr/include/imgui)
target_link_libraries(bench_bare_imgui PRIVATE ${DD_BARE_IMGUI_LIB} ${DD_BARE_STB_LIB} glfw
  OpenGL::GL ${CMAKE_DL_LIBS} deskdrill_warnings)
