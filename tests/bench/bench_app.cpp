// Desk-window benchmarks without a window (Google Benchmark): the CPU cost of one frame of the
// views — the desk with the example's full conversation, the debrief — and of what start-up does
// (library scan, lexicon + catalogue load, glyph atlas). The GL side is timed under Xvfb by
// gui_bench.sh. Run from a release build: tests/bench/bench_app
#include <benchmark/benchmark.h>
#include <imgui.h>
#include <imgui_freetype.h>

#include <memory>

#include "sim/app/app_state.h"
#include "sim/app/fonts.h"
#include "sim/session/library.h"
#include "sim/session/resources.h"

namespace {

using namespace dd;
using namespace dd::app;
using dd::session::Library;

std::shared_ptr<const dd::session::Resources> load_resources(const std::string& dir) {
    Diagnostics d;
    return dd::session::Resources::load(dir + "/lexicon.yaml", dir + "/standards.yaml", d);
}

const std::string kScenarios = DESKDRILL_SCENARIOS_DIR;

// A window-less ImGui context holding an AppState on the desk after the example's gold
// conversation (every reply, record, classify, dispatch), or on its debrief.
class Rig {
  public:
    explicit Rig(bool debrief) {
        ctx_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1280, 800);
        io.IniFilename = nullptr;
        io.DeltaTime = 1.0f / 60;
        app.opts.assets_dir = DESKDRILL_ASSETS_DIR;
        app.opts.scenarios_dir = kScenarios;
        std::string err;
        app.set_language("zh", &err);
        app.library = Library::scan(kScenarios);
        app.resources = load_resources(kScenarios);
        app.manual_clock = true;
        app.opts.seed = 1;
        if (auto face = find_cjk_font("", &err)) app.fonts.open(*face, &err);
        app.want_library_text();
        if (!app.start("complaint.night-renovation-noise", &err)) {
            ok = false;
            return;
        }
        session::Attempt& s = *app.attempt;
        auto at = [&](Millis t) { s.set_clock(t); };
        auto say = [&](const char* text) {
            Action a;
            a.verb = Verb::Say;
            a.text = text;
            s.act(a);
        };
        Action a;
        at(5000);
        a.verb = Verb::Answer;
        a.arg = "phone";
        s.act(a);
        at(7000);
        say("您好,安居物业客服中心,请问有什么可以帮您?");
        at(20000);
        say("非常抱歉打扰您休息了,我理解您的心情,我们马上处理。");
        at(45000);
        a = {};
        a.verb = Verb::Record;
        a.fields = {{"name", "王女士"},
                    {"room", "3-1202"},
                    {"phone", "13800001111"},
                    {"issue", "楼上夜间装修噪音"}};
        s.act(a);
        at(50000);
        a = {};
        a.verb = Verb::Classify;
        a.fields = {{"type", "complaint"}, {"level", "urgent"}};
        s.act(a);
        at(55000);
        a = {};
        a.verb = Verb::Dispatch;
        a.arg = "security";
        s.act(a);
        at(70000);
        say("王女士,跟您确认一下:3栋1202,楼上夜间装修噪音,"
            "电话13800001111。安保人员10分钟内上楼制止,30分钟内给您回电。");
        at(90000);
        say("感谢您的来电,请您放心,再见。");
        at(91000);
        if (debrief) {
            at(101000);
            app.end_attempt();
        }
        // Two frames: the atlas gains the conversation's characters, layouts settle.
        frame();
        frame();
    }
    ~Rig() { ImGui::DestroyContext(ctx_); }

    void frame() {
        if (app.fonts.dirty()) app.fonts.build(ImGui::GetIO().Fonts, 18.0f);
        ImGui::NewFrame();
        draw_frame(app);
        ImGui::Render();
    }

    AppState app;
    bool ok = true;

  private:
    ImGuiContext* ctx_ = nullptr;
};

void BM_DeskFrame_FullConversation(benchmark::State& state) {
    Rig rig(false);
    if (!rig.ok) {
        state.SkipWithError("the example scenario could not be started");
        return;
    }
    for (auto _ : state) rig.frame();
    state.counters["log_entries"] =
        static_cast<double>(rig.app.attempt->engine().log().entries.size());
    state.counters["vertices"] = ImGui::GetDrawData()->TotalVtxCount;
}
BENCHMARK(BM_DeskFrame_FullConversation)->Unit(benchmark::kMicrosecond);

void BM_DebriefFrame(benchmark::State& state) {
    Rig rig(true);
    if (!rig.ok) {
        state.SkipWithError("the example scenario could not be started");
        return;
    }
    for (auto _ : state) rig.frame();
    state.counters["vertices"] = ImGui::GetDrawData()->TotalVtxCount;
}
BENCHMARK(BM_DebriefFrame)->Unit(benchmark::kMicrosecond);

void BM_LibraryScan(benchmark::State& state) {
    size_t n = 0;
    for (auto _ : state) n = Library::scan(kScenarios).entries.size();
    state.counters["scenarios"] = static_cast<double>(n);
}
BENCHMARK(BM_LibraryScan)->Unit(benchmark::kMillisecond);

void BM_LexiconAndCatalogueLoad(benchmark::State& state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(load_resources(kScenarios));
}
BENCHMARK(BM_LexiconAndCatalogueLoad)->Unit(benchmark::kMillisecond);

// The atlas at start-up (UI strings + what the picker shows) vs. every character of every
// scenario, vs. the whole simplified-Chinese common set ImGui offers.
void atlas_bench(benchmark::State& state, int what,
                 FontManager::Rasterizer r = FontManager::Rasterizer::FreeType) {
    std::string err;
    auto face = find_cjk_font("", &err);
    if (!face) {
        state.SkipWithError("no CJK font installed");
        return;
    }
    AppState app;
    app.opts.assets_dir = DESKDRILL_ASSETS_DIR;
    app.set_language("zh", &err);
    app.library = Library::scan(kScenarios);
    app.fonts.open(*face, &err);
    app.fonts.set_rasterizer(r);
    app.want_library_text();
    if (what >= 1)
        for (const auto& e : app.library.entries)
            if (e.scenario) app.want_scenario_text(*e.scenario);
    ImFontAtlas atlas;
    for (auto _ : state) {
        if (what == 2) {
            atlas.Clear();
            atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
            ImFontConfig cfg;
            cfg.FontNo = face->index;
            cfg.OversampleH = cfg.OversampleV = 1;
            atlas.AddFontFromFileTTF(face->path.c_str(), 18.0f, &cfg,
                                     atlas.GetGlyphRangesChineseSimplifiedCommon());
            atlas.Build();
        } else {
            app.fonts.build(&atlas, 18.0f);
        }
    }
    state.counters["glyphs"] =
        what == 2 ? atlas.Fonts[0]->Glyphs.Size : static_cast<double>(app.fonts.glyphs().size());
    state.counters["tex_kpx"] = atlas.TexWidth * atlas.TexHeight / 1000.0;
}
void BM_Atlas_UiAndPicker(benchmark::State& s) {
    atlas_bench(s, 0);
}
void BM_Atlas_UiAndPicker_Stb(benchmark::State& s) {
    atlas_bench(s, 0, FontManager::Rasterizer::Stb);
}
void BM_Atlas_AllScenarioText(benchmark::State& s) {
    atlas_bench(s, 1);
}
void BM_Atlas_ImGuiChineseCommon(benchmark::State& s) {
    atlas_bench(s, 2);
}
BENCHMARK(BM_Atlas_UiAndPicker)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Atlas_UiAndPicker_Stb)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Atlas_AllScenarioText)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Atlas_ImGuiChineseCommon)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
