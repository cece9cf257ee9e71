// The window loop: GLFW + OpenGL 3 + Dear ImGui. Sets up fonts (fontconfig), strings, the library
// and the background load of lexicon and catalogue; then runs frames — driver input, sim clock,
// views, render, screenshots — until the window closes. Also the start-up and per-frame
// measurements the GUI benchmark reads (--bench-first-frame, --bench-frames).
#include "app.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <chrono>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <future>
#include <iostream>
#include <sstream>
#include <thread>

#include "app_state.h"
#include "driver.h"
#include "screenshot.h"
#include "settings.h"
#include "theme.h"
#include "sim/session/data_dirs.h"

namespace dd::app {

namespace {

Options g_opts;
const auto g_process_start = std::chrono::steady_clock::now();

double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

double cpu_seconds(clockid_t clock) {
    timespec ts{};
    clock_gettime(clock, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Milliseconds since the launcher's timestamp (DD_LAUNCH_NS, CLOCK_REALTIME ns, set by
// tests/bench/gui_bench.sh just before exec), so process start-up is counted; else since main.
double ms_since_launch() {
    if (const char* ns = std::getenv("DD_LAUNCH_NS"); ns && *ns) {
        timespec now{};
        clock_gettime(CLOCK_REALTIME, &now);
        const double now_ns =
            static_cast<double>(now.tv_sec) * 1e9 + static_cast<double>(now.tv_nsec);
        return (now_ns - std::strtod(ns, nullptr)) / 1e6;
    }
    return ms_since(g_process_start);
}

void glfw_error(int code, const char* text) {
    std::cerr << "deskdrill: GLFW error " << code << ": " << text << "\n";
}

bool parse_size(const std::string& s, int* w, int* h) {
    return std::sscanf(s.c_str(), "%dx%d", w, h) == 2 && *w >= 320 && *h >= 240 && *w <= 16384 &&
           *h <= 16384;
}

}  // namespace

void add_gui_options(CLI::App& root, bool test_hooks) {
    Options& o = g_opts;
    auto* g = &root;
    const char* group = "Desk window";
    g->add_option("--lang", o.lang, "UI language: zh (default) or en")
        ->check(CLI::IsMember({"zh", "en"}))
        ->group(group);
    g->add_option("--scenario", o.scenario, "Preselect this scenario (id or file) in the picker")
        ->group(group);
    g->add_option("--mode", o.mode, "practice (hints, pause) or assessment")
        ->check(CLI::IsMember({"practice", "assessment"}))
        ->group(group);
    g->add_flag("--choice", o.choice, "Choice mode: offered replies instead of typing")
        ->group(group);
    g->add_option("--seed", o.seed, "Seed of the attempt (default: random)")->group(group);
    g->add_option("--font-scale", o.font_scale,
                  "Text size relative to the screen's default (0.8–2; default: as last chosen)")
        ->check(CLI::Range(kFontScaleMin, kFontScaleMax))
        ->group(group);
    g->add_option("--theme", o.theme, "dark or light (default: as last chosen)")
        ->check(CLI::IsMember({"dark", "light"}))
        ->group(group);
    g->add_option("--speed", o.speed, "Sim seconds per wall second in practice (0.25–16)")
        ->check(CLI::Range(0.25, 16.0))
        ->group(group);
    g->add_option("--transcript-out", o.transcript_out, "File \"save transcript\" writes")
        ->group(group);
    g->add_flag("!--no-autosave", o.autosave,
                "Do not save the transcript by itself when an attempt ends (default: saved to "
                "--transcript-out, or the data directory)")
        ->group(group);
    g->add_option("--report-out", o.report_out, "Write the report JSON here when an attempt ends")
        ->group(group);
    g->add_option("--log-out", o.log_out, "Write the attempt log JSON here when an attempt ends")
        ->group(group);
    g->add_option("--font", o.font, "CJK font file PATH[:FACE] (default: found with fontconfig)")
        ->group(group);
    g->add_option("--window", o.window, "Window size WxH (default: the remembered size)")
        ->group(group);
    g->add_option("--db", o.db,
                  "The records database (default: $XDG_DATA_HOME/deskdrill/deskdrill.db)")
        ->group(group);
    g->add_option("--hub", o.hub,
                  "Headquarters' supervisor console: the hub's reports across sites, read-only "
                  "(a libpq connection string as for `deskdrill report --hub`; no records, no "
                  "login)")
        ->group(group);
    if (!test_hooks) return;
    const char* hooks = "Test build only";
    g->add_flag("--no-records", o.no_records,
                "No records and no login: the library, desk and debrief alone (the desk's tests)")
        ->group(hooks);
    g->add_option("--drive", o.drive, "Play a UI script (see sim/app/driver.h)")
        ->check(CLI::ExistingFile)
        ->group(hooks);
    g->add_option("--screenshot-dir", o.screenshot_dir, "Where `screenshot NAME` steps write PNGs")
        ->group(hooks);
    g->add_flag("--keep-open", o.keep_open, "Stay open after the drive script ends")->group(hooks);
    g->add_flag("--bench-first-frame", o.bench_first_frame,
                "Print start-up timings and exit after the first frame is presented")
        ->group(hooks);
    g->add_option("--bench-frames", o.bench_frames,
                  "After the drive script: render N frames and print CPU time per frame")
        ->check(CLI::Range(0, 100000))
        ->group(hooks);
}

int run_gui() {
    Options opts = g_opts;
    if (opts.assets_dir.empty()) opts.assets_dir = session::assets_dir();
    if (opts.scenarios_dir.empty()) opts.scenarios_dir = session::scenarios_dir();
    if (opts.font.empty())
        if (const char* f = std::getenv("DESKDRILL_FONT"); f && *f) opts.font = f;

    // Committed IME text reaches GLFW's char callback only with a UTF-8 LC_CTYPE (XIM).
    std::setlocale(LC_CTYPE, "");

    // Drive script first: a typo should fail before a window opens.
    std::optional<std::vector<DriveStep>> steps;
    if (!opts.drive.empty()) {
        std::ifstream in(opts.drive);
        std::stringstream ss;
        ss << in.rdbuf();
        std::string err;
        steps = parse_drive_script(ss.str(), opts.drive, &err);
        if (!steps) {
            std::cerr << err;
            return 2;
        }
    }

    const std::string settings_file = settings_path();
    Settings settings = load_settings(settings_file);
    if (!opts.window.empty() && !parse_size(opts.window, &settings.width, &settings.height)) {
        std::cerr << "deskdrill: --window " << opts.window
                  << ": error: expected WxH, e.g. 1280x800\n";
        return 2;
    }

    AppState app;
    app.opts = opts;
    app.manual_clock = steps.has_value();
    app.idle_logout_s = settings.idle_logout_minutes * 60.0;
    if (!opts.hub.empty()) {
        // Bad input before a window opens: what to fix, exit 2.
        if (!app.open_hub(opts.hub)) {
            std::cerr << "deskdrill: --hub: the window needs the hub's reports; fix the "
                         "connection string or reach the server first\n";
            return 2;
        }
    } else if (opts.no_records)
        app.screen = Screen::Picker;
    else if (!app.open_records(opts.db.empty() ? session::default_db_path() : opts.db))
        std::cerr << "deskdrill: the window opens without records; fix the file or give --db\n";
    app.picker.mode = opts.mode == "assessment" ? session::Mode::Assessment : session::Mode::Practice;
    app.picker.choice_mode = opts.choice;
    const std::string lang =
        !opts.lang.empty() ? opts.lang : (!settings.lang.empty() ? settings.lang : "zh");
    {
        std::string err;
        if (!app.set_language(lang, &err, /*picker_only=*/true)) {
            std::cerr << "deskdrill: " << err << "\n";
            return 2;
        }
        app.lang_changed = false;
    }

    // What needs no window is prepared on helper threads while GLFW and Mesa open the window
    // (the main thread's share of start-up): the library scan (every scenario file) in parallel
    // with the font lookup (fontconfig), then the glyph atlas from the UI strings and what the
    // picker shows. The lexicon (OpenCC dictionaries) and the catalogue are not needed by the
    // picker: they load after the first frame is presented.
    const auto t_start = std::chrono::steady_clock::now();
    glfwSetErrorCallback(glfw_error);
    if (!glfwInit()) {
        std::cerr << "deskdrill: cannot open a window (glfwInit failed). Is a display available? "
                     "Try `xvfb-run -a deskdrill` or the headless `deskdrill demo`.\n";
        return 2;
    }
    // The atlas is built at the monitor's content scale; a window that lands on a monitor with
    // another scale rebuilds it once.
    float xscale = 1, yscale = 1;
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor())
        glfwGetMonitorContentScale(monitor, &xscale, &yscale);
    app.ui_scale = std::clamp(std::max(xscale, yscale), 1.0f, 4.0f);
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor())
        if (const GLFWvidmode* mode = glfwGetVideoMode(monitor))
            app.base_font_px = default_font_px(static_cast<int>(mode->height / app.ui_scale));
    app.font_scale = opts.font_scale > 0 ? opts.font_scale : settings.font_scale;
    app.theme = !opts.theme.empty() ? opts.theme : settings.theme;
    app.muted = settings.muted;
    // Benchmarks measure the desk, not the sound server.
    if (!opts.bench_first_frame && opts.bench_frames == 0)
        app.sounds = std::make_unique<DeskSounds>(make_canberra_out());
    app.font_px = app.text_px();

    struct Prepared {
        StartFaces faces;
        std::string font_why;
        double font_ms = 0;
        double atlas_ms = 0;
        bool atlas_cached = false;
    };
    // The start-up's atlases come from and go to the disk cache (atlas_cache.h); so do the faces
    // fontconfig found. Scripted and benchmark runs use it like a person's start.
    const std::string cache_dir = session::user_cache_dir();
    app.fonts.set_cache(cache_dir, /*writes=*/4);
    auto atlas = std::make_unique<ImFontAtlas>();
    // Until the join below only this job touches app.library, app.fonts and *atlas.
    auto prepare = std::async(std::launch::async, [&app, &opts, &cache_dir,
                                                   atlas_ptr = atlas.get()] {
        auto library_job =
            std::async(std::launch::async, [dir = opts.scenarios_dir, hint = opts.scenario] {
                return session::Library::scan_first(dir, hint);
            });
        Prepared p;
        const auto t = std::chrono::steady_clock::now();
        p.faces = resolve_start_faces(opts.font, cache_dir);
        p.font_ms = ms_since(t);
        p.font_why = p.faces.why;
        std::optional<FontFace> face = p.faces.face;
        app.fonts.use_icon_file(p.faces.icons);
        if (face && !app.fonts.open(*face, &p.font_why)) face.reset();
        if (!face) {
            app.font_problem = "DeskDrill: " + p.font_why;
            // Without a CJK face only ASCII renders: the English UI at least reads, unless the
            // user chose Chinese explicitly.
            std::string err;
            if (opts.lang.empty() && app.strings.lang() != "en" &&
                app.set_language("en", &err, /*picker_only=*/true))
                app.lang_changed = false;
        }
        app.library = library_job.get();
        app.want_library_text();
        app.fonts.build(atlas_ptr, app.font_px);
        p.atlas_ms = app.fonts.last_build_ms();
        p.atlas_cached = app.fonts.last_build_cached();
        return p;
    });

    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    GLFWwindow* window =
        glfwCreateWindow(settings.width, settings.height, app.tr("app.title"), nullptr, nullptr);
    if (!window) {
        std::cerr << "deskdrill: cannot create an OpenGL 3.3 window. Check the graphics driver "
                     "(Mesa: LIBGL_ALWAYS_SOFTWARE=1), or use the headless `deskdrill demo`.\n";
        prepare.wait();
        glfwTerminate();
        return 2;
    }
    glfwMakeContextCurrent(window);
    // Closing the window in the middle of an assessment asks first (and records it abandoned).
    glfwSetWindowUserPointer(window, &app);
    glfwSetWindowCloseCallback(window, [](GLFWwindow* w) {
        auto* a = static_cast<AppState*>(glfwGetWindowUserPointer(w));
        if (a->quit_requested) return;
        if (a->attempt && !a->attempt->ended() &&
            a->attempt->config().mode == session::Mode::Assessment) {
            glfwSetWindowShouldClose(w, GLFW_FALSE);
            a->request_leave(LeaveState::Target::Quit);
        }
    });
    // Driving or benchmarking runs frames as fast as they come; a person gets vsync.
    glfwSwapInterval(steps || opts.bench_first_frame ? 0 : 1);
    const double window_ms = ms_since(t_start);

    const Prepared prepared = prepare.get();
    const double lib_ms = app.library.load_ms;
    if (app.library.complete)  // else the full scan reports them (AppState::library_is_ready)
        for (const auto& e : app.library.entries)
            if (!e.scenario) std::cerr << e.error;
    if (!app.font_problem.empty()) std::cerr << "deskdrill: " << prepared.font_why << "\n";
    if (steps)  // what the GUI tests check of the start-up (tests/gui/atlas_cache.sh)
        std::fprintf(stderr, "drive: start-up faces from %s, glyph atlas %s\n",
                     prepared.faces.from_record ? "the record" : "fontconfig",
                     prepared.atlas_cached ? "from the cache" : "rasterised");
    glfwGetWindowContentScale(window, &xscale, &yscale);
    if (const float scale = std::clamp(std::max(xscale, yscale), 1.0f, 4.0f);
        scale != app.ui_scale) {
        app.ui_scale = scale;
        app.font_px = app.text_px();
        app.fonts.want_rebuild();
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext(atlas.get());  // the atlas prepared above
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is computed, not remembered
    apply_theme(theme_from_name(app.theme), app.style_scale());
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    // A drive script may press "start" in its first frames: everything is loaded before the
    // first one then, so a step never meets a screen that is still loading (a person waits;
    // a script would not).
    if (steps) {
        app.resources_ready();
        app.library_ready();
        app.want_ui_text(false);
    }

    std::optional<Driver> driver;
    int exit_code = 0;
    if (steps) {
        Driver::Hooks hooks =
            driver_hooks(app, [window] { glfwSetWindowShouldClose(window, GLFW_TRUE); });
        driver.emplace(std::move(*steps), opts.drive, std::move(hooks));
    }

    double atlas_ms = prepared.atlas_ms;
    std::future<bool> faces_check;  // joined at exit at the latest (its destructor waits)
    int bench_left = -1;
    double bench_cpu0 = 0, bench_thread0 = 0, bench_ui_cpu = 0;
    auto bench_wall0 = std::chrono::steady_clock::now();
    bool first_frame = true;
    double last_time = glfwGetTime();
    while (!glfwWindowShouldClose(window)) {
        glfwPollEvents();
        if (app.quit_requested) glfwSetWindowShouldClose(window, GLFW_TRUE);

        if (app.style_changed) {
            // Text size or theme chosen: the style now, the atlas just below, the file at exit.
            app.style_changed = false;
            app.font_px = app.text_px();
            app.fonts.want_rebuild();
            apply_theme(theme_from_name(app.theme), app.style_scale());
            settings.font_scale = app.font_scale;
            settings.theme = app.theme;
            settings.muted = app.muted;
        }
        ImGui_ImplOpenGL3_NewFrame();  // first call uploads the atlas built before the loop
        // New characters on screen (a scenario started, a character typed): extend the atlas
        // between frames.
        if (app.fonts.dirty()) {
            app.fonts.build(io.Fonts, app.font_px);
            atlas_ms += app.fonts.last_build_ms();
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
        if (app.lang_changed) {
            settings.lang = app.strings.lang();
            glfwSetWindowTitle(window, app.tr("app.title"));
            app.lang_changed = false;
        }
        ImGui_ImplGlfw_NewFrame();
        if (driver) driver->before_frame(io);

        const double now = glfwGetTime();
        if (app.attempt && app.screen == Screen::Desk) app.attempt->tick(now - last_time);
        last_time = now;

        const double ui_t0 = cpu_seconds(CLOCK_THREAD_CPUTIME_ID);
        ImGui::NewFrame();
        draw_frame(app);
        ImGui::Render();
        const double ui_t1 = cpu_seconds(CLOCK_THREAD_CPUTIME_ID);

        int fb_w = 0, fb_h = 0;
        glfwGetFramebufferSize(window, &fb_w, &fb_h);
        glViewport(0, 0, fb_w, fb_h);
        // The panels' colour: draw_frame paints the window's colour around them.
        const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_ChildBg];
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

        if (driver) {
            if (auto shot = driver->take_screenshot_request()) {
                const std::string path = opts.screenshot_dir + "/" + *shot + ".png";
                PixelStats st;
                std::string err;
                if (save_framebuffer_png(path, fb_w, fb_h, &st, &err)) {
                    std::fprintf(stderr,
                                 "deskdrill: screenshot %s (%dx%d, background %.1f%%, luma σ %.1f, "
                                 "%d colours)\n",
                                 path.c_str(), st.width, st.height, st.background_share * 100,
                                 st.luma_stddev, st.colours);
                } else {
                    std::cerr << "deskdrill: screenshot failed: " << err << "\n";
                    exit_code = 1;
                }
            }
        }
        glfwSwapBuffers(window);

        if (first_frame) {
            first_frame = false;
            // The first frame is on screen before the loaders below take the CPU (with a
            // software renderer they would compete with it for the cores).
            glFinish();
            if (opts.bench_first_frame) {
                std::printf(
                    "first_frame_ms=%.1f cpu_ms=%.1f vertices=%d since_main_ms=%.1f "
                    "window_ms=%.1f library_ms=%.1f "
                    "scenarios_parsed=%zu fontconfig_ms=%.1f atlas_ms=%.1f (library, fontconfig, "
                    "atlas "
                    "on threads during window_ms) faces=%s atlas_cache=%s glyphs=%zu atlas=%dx%d "
                    "font=%s\n",
                    ms_since_launch(), cpu_seconds(CLOCK_PROCESS_CPUTIME_ID) * 1000,
                    ImGui::GetDrawData()->TotalVtxCount, ms_since(g_process_start), window_ms, lib_ms, app.library.entries.size(),
                    prepared.font_ms, atlas_ms,
                    prepared.faces.from_record ? "record" : "fontconfig",
                    prepared.atlas_cached ? "hit" : "miss", app.fonts.glyphs().size(),
                    io.Fonts->TexWidth,
                    io.Fonts->TexHeight,
                    app.fonts.has_cjk() ? app.fonts.face().family.c_str() : "(none)");
                std::fflush(stdout);
                glfwSetWindowShouldClose(window, GLFW_TRUE);
            } else {
                app.start_resources_load();
                app.start_library_scan();
                app.want_ui_text(false);  // the rest of the UI strings: atlas grows next frame
                // Faces taken from the last start's record: fontconfig's answer now, in the
                // background; another face drops the cache, and the next start uses it.
                if (prepared.faces.from_record)
                    faces_check = std::async(std::launch::async, [&prepared, &cache_dir] {
                        return recheck_start_faces(prepared.faces, cache_dir);
                    });
            }
        }

        if (driver && driver->done() && bench_left < 0) {
            if (driver->failed()) {
                std::cerr << driver->error() << "\n";
                exit_code = 1;
                glfwSetWindowShouldClose(window, GLFW_TRUE);
            } else if (opts.bench_frames > 0) {
                bench_left = opts.bench_frames;
                bench_cpu0 = cpu_seconds(CLOCK_PROCESS_CPUTIME_ID);
                bench_thread0 = cpu_seconds(CLOCK_THREAD_CPUTIME_ID);
                bench_ui_cpu = 0;
                bench_wall0 = std::chrono::steady_clock::now();
            } else if (!opts.keep_open) {
                glfwSetWindowShouldClose(window, GLFW_TRUE);
            }
        } else if (bench_left > 0) {
            bench_ui_cpu += ui_t1 - ui_t0;
            if (--bench_left == 0) {
                const int n = opts.bench_frames;
                const double proc = cpu_seconds(CLOCK_PROCESS_CPUTIME_ID) - bench_cpu0;
                const double thread = cpu_seconds(CLOCK_THREAD_CPUTIME_ID) - bench_thread0;
                const ImDrawData* dd = ImGui::GetDrawData();
                int draw_calls = 0;
                for (int i = 0; i < dd->CmdListsCount; ++i) draw_calls += dd->CmdLists[i]->CmdBuffer.Size;
                std::printf(
                    "frames=%d screen=%s log_entries=%zu vertices=%d draw_calls=%d "
                    "ui_cpu_ms_per_frame=%.3f "
                    "main_thread_cpu_ms_per_frame=%.3f process_cpu_ms_per_frame=%.3f "
                    "wall_ms_per_frame=%.3f\n",
                    n, screen_name(app.screen),
                    app.attempt ? app.attempt->engine().log().entries.size() : size_t{0},
                    dd->TotalVtxCount, draw_calls, bench_ui_cpu * 1000 / n, thread * 1000 / n,
                    proc * 1000 / n, ms_since(bench_wall0) / n);
                std::fflush(stdout);
                glfwSetWindowShouldClose(window, GLFW_TRUE);
            }
        }

        if (!driver && !opts.bench_first_frame) {
            // Without vsync (some drivers ignore it) cap at ~60 fps instead of spinning a core.
            const double spent = glfwGetTime() - now;
            if (spent < 1.0 / 60)
                std::this_thread::sleep_for(std::chrono::duration<double>(1.0 / 60 - spent));
        }
    }

    // The window closed with an attempt still running: it is recorded as abandoned.
    app.abandon_attempt();

    // Scripted and benchmark runs leave the user's settings alone.
    if (!opts.bench_first_frame && !driver) {
        glfwGetWindowSize(window, &settings.width, &settings.height);
        save_settings(settings_file, settings);
    }

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    atlas.reset();  // shared with the context, so it outlives it
    glfwDestroyWindow(window);
    glfwTerminate();
    if (driver && !driver->done() && exit_code == 0) {
        std::cerr << "deskdrill: the window closed before the drive script finished (step "
                  << driver->steps_run() + 1 << ")\n";
        exit_code = 1;
    }
    return exit_code;
}

}  // namespace dd::app
