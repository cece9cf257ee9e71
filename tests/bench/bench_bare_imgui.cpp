// The baseline of the GUI benchmark: Dear ImGui's own bare window — GLFW + OpenGL 3 + ImGui with
// its built-in font, one window with a line of text — timed from process start to the first
// frame presented with that window on it. Prints `first_frame_ms=…` like `deskdrill
// --bench-first-frame` and exits. ImGui hides a window on the frame it first appears (it measures
// its contents to size it), so the bare window's first swap shows only the clear colour and costs
// less than any frame that draws (with software GL, compiling the draw shaders is paid on the
// first draw): that swap is printed too (`first_swap_ms`, `empty_frames`), while first_frame_ms
// is the first frame that draws the window, as deskdrill's first frame draws its screen.
// With `--frames N` it then renders N more frames of the same window and prints the CPU per frame
// the way `deskdrill --bench-frames N` does (process and main-thread CPU, wall time): the baseline
// of the desk's frame cost. With `--fill` its one ImGui window fills the GLFW window, as the
// app's does (with software GL the pixels filled dominate a frame's CPU).
// Process start: DD_LAUNCH_NS (CLOCK_REALTIME ns, set by gui_bench.sh just before exec), else main.
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

namespace {

const auto g_start = std::chrono::steady_clock::now();

double since_launch_ms() {
    if (const char* ns = std::getenv("DD_LAUNCH_NS"); ns && *ns) {
        timespec now{};
        clock_gettime(CLOCK_REALTIME, &now);
        const double now_ns =
            static_cast<double>(now.tv_sec) * 1e9 + static_cast<double>(now.tv_nsec);
        return (now_ns - std::strtod(ns, nullptr)) / 1e6;
    }
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - g_start)
        .count();
}

}  // namespace

double cpu_ms(clockid_t clock) {
    timespec t{};
    clock_gettime(clock, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// One frame of the bare window: a line of text in an ImGui window (filling the GLFW window with
// `fill`), cleared, drawn, swapped. Returns the number of vertices drawn.
int frame(GLFWwindow* window, bool fill) {
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    if (fill) {
        ImGui::SetNextWindowPos(ImGui::GetMainViewport()->Pos);
        ImGui::SetNextWindowSize(ImGui::GetMainViewport()->Size);
    }
    ImGui::Begin("Hello");
    ImGui::Text("Hello, world");
    ImGui::End();
    ImGui::Render();
    int w = 0, h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(0.1f, 0.1f, 0.1f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window);
    return ImGui::GetDrawData()->TotalVtxCount;
}

int main(int argc, char** argv) {
    const int frames = argc >= 3 && std::strcmp(argv[1], "--frames") == 0 ? std::atoi(argv[2]) : 0;
    const bool fill = argc == 4 && std::strcmp(argv[3], "--fill") == 0;
    if (!glfwInit()) {
        std::fprintf(stderr, "bench_bare_imgui: glfwInit failed (no display?)\n");
        return 2;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    GLFWwindow* window = glfwCreateWindow(1280, 800, "bare imgui", nullptr, nullptr);
    if (!window) {
        std::fprintf(stderr, "bench_bare_imgui: cannot create an OpenGL 3.3 window\n");
        return 2;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(0);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::StyleColorsDark();
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    double first_swap_ms = -1;
    int empty_frames = 0, vertices = 0;
    for (;;) {
        vertices = frame(window, fill);
        glFinish();
        if (first_swap_ms < 0) first_swap_ms = since_launch_ms();
        if (vertices > 0 || empty_frames == 10) break;
        ++empty_frames;
    }
    std::printf("first_frame_ms=%.1f cpu_ms=%.1f first_swap_ms=%.1f empty_frames=%d vertices=%d\n",
                since_launch_ms(), cpu_ms(CLOCK_PROCESS_CPUTIME_ID), first_swap_ms, empty_frames,
                vertices);
    std::fflush(stdout);

    if (frames > 0) {
        const double p0 = cpu_ms(CLOCK_PROCESS_CPUTIME_ID), t0 = cpu_ms(CLOCK_THREAD_CPUTIME_ID);
        const auto w0 = std::chrono::steady_clock::now();
        for (int i = 0; i < frames; ++i) frame(window, fill);
        glFinish();
        const double wall =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - w0)
                .count();
        const ImDrawData* dd = ImGui::GetDrawData();
        int draw_calls = 0;
        for (int i = 0; i < dd->CmdListsCount; ++i) draw_calls += dd->CmdLists[i]->CmdBuffer.Size;
        std::printf(
            "frames=%d vertices=%d draw_calls=%d main_thread_cpu_ms_per_frame=%.3f "
            "process_cpu_ms_per_frame=%.3f wall_ms_per_frame=%.3f\n",
            frames, dd->TotalVtxCount, draw_calls, (cpu_ms(CLOCK_THREAD_CPUTIME_ID) - t0) / frames,
            (cpu_ms(CLOCK_PROCESS_CPUTIME_ID) - p0) / frames, wall / frames);
        std::fflush(stdout);
    }

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
