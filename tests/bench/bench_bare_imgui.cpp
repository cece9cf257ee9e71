// The baseline of the GUI benchmark: Dear ImGui's own bare window — GLFW + OpenGL 3 + ImGui with
// its built-in font, one window with a line of text — timed from process start to the first
// frame presented. Prints `first_frame_ms=…` like `deskdrill --bench-first-frame` and exits.
// Process start: DD_LAUNCH_NS (CLOCK_REALTIME ns, set by gui_bench.sh just before exec), else main.
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
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

int main() {
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

    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
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
    glFinish();
    timespec cpu{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
    std::printf("first_frame_ms=%.1f cpu_ms=%.1f\n", since_launch_ms(),
                static_cast<double>(cpu.tv_sec) * 1e3 + static_cast<double>(cpu.tv_nsec) / 1e6);
    std::fflush(stdout);

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
