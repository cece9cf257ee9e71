// AppState: starting, ending and saving attempts; language; what goes into the glyph atlas;
// and the frame skeleton (menu bar + current screen).
#include "app_state.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <random>

#include "scoring/rubric/report.h"
#include "sim/model/enums.h"
#include "sim/session/data_dirs.h"
#include "sim/session/files.h"
#include "ui.h"
#include "views/supervisor.h"

namespace dd::app {

bool AppState::library_is_ready() {
    if (library.complete) return true;
    if (library_loading.valid() &&
        library_loading.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        library = library_loading.get();
        for (const auto& e : library.entries)
            if (!e.scenario) std::cerr << e.error;
        want_library_text();
        return true;
    }
    return false;
}

void AppState::start_library_scan() {
    if (library.complete || library_loading.valid()) return;
    library_loading = std::async(std::launch::async,
                                 [dir = opts.scenarios_dir] { return session::Library::scan(dir); });
}

void AppState::library_ready() {
    if (library.complete) return;
    start_library_scan();
    library_loading.wait();
    library_is_ready();
}

void AppState::start_resources_load() {
    if (resources || resources_loading.valid()) return;
    resources_loading = std::async(std::launch::async, [dir = opts.scenarios_dir] {
        Diagnostics diags;
        return session::Resources::load(dir + "/lexicon.yaml", dir + "/standards.yaml", diags);
    });
}

bool AppState::resources_is_ready() {
    if (resources) return true;
    if (resources_loading.valid() &&
        resources_loading.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        resources = resources_loading.get();
        for (const auto& p : resources->problems) std::cerr << "deskdrill: " << p << "\n";
        want_library_text();
        return true;
    }
    return false;
}

const session::Resources& AppState::resources_ready() {
    if (!resources) {
        start_resources_load();
        resources_loading.wait();
        resources_is_ready();
    }
    return *resources;
}

bool AppState::set_language(const std::string& lang, std::string* error, bool picker_only) {
    i18n::Strings s;
    if (!s.load_builtin(lang, error)) return false;
    strings = std::move(s);
    want_ui_text(picker_only);
    lang_changed = true;
    return true;
}

void AppState::want_ui_text(bool picker_only) {
    // The picker's strings are all the first frame needs; the desk's and debrief's follow
    // right after it (app.cpp), long before a drill starts.
    if (!picker_only) {
        for (const auto& t : strings.all_texts()) fonts.want(t);  // active and fallback tables
        return;
    }
    static constexpr std::string_view kPickerGroups[] = {
        "app.", "menu.", "lang.", "picker.", "category.", "mode.", "used_for.", "role.", "error."};
    for (const auto& [key, text] : strings.table())
        if (std::any_of(std::begin(kPickerGroups), std::end(kPickerGroups),
                        [&](std::string_view g) { return key.rfind(g, 0) == 0; }))
            fonts.want(text);
}

void AppState::want_library_text() {
    // Only what the picker shows; a drill's own text joins when it starts (want_scenario_text).
    for (const auto& e : library.entries) {
        if (!e.scenario) continue;
        fonts.want(e.scenario->title);
        fonts.want(session::what_it_trains(*e.scenario));
        for (const auto& a : e.scenario->actors) fonts.want(a.name);
    }
    if (resources && resources->catalogue) {
        for (const auto& c : resources->catalogue->criteria) fonts.want(c.title);
    }
}

void AppState::want_scenario_text(const Scenario& s) {
    for (const auto& t : session::scenario_texts(s)) fonts.want(t);
}

const Criterion* AppState::standard(const std::string& id) {
    if (!resources_is_ready()) return nullptr;
    return resources->criterion(id);
}

bool AppState::start(const std::string& key, std::string* error) {
    return start_as(key, picker.mode, picker.choice_mode, error);
}

bool AppState::begin(const std::string& key, std::string* error) {
    if (opts.no_records) return start(key, error);
    // Practice may always be played in choice mode; the picker's box is the first answer.
    if (!open_briefing(key, picker.mode, true, "", error)) return false;
    briefing.choice_mode = picker.choice_mode;
    return true;
}

bool AppState::start_as(const std::string& key, session::Mode mode, bool choice_mode,
                        std::string* error) {
    const session::ScenarioFile* e = library.find(key);
    if (!e && !library.complete) {
        library_ready();
        e = library.find(key);
    }
    if (!e) {
        if (error) *error = strings.fmt("error.no_scenario", {{"id", key}});
        return false;
    }
    if (!e->scenario) {
        if (error) *error = e->error;
        return false;
    }
    const session::Resources& res = resources_ready();
    if (!res.can_play()) {
        if (error) {
            *error = tr("error.no_lexicon");
            for (const auto& p : res.problems) *error += "\n" + p;
        }
        return false;
    }
    abandon_attempt();
    session::AttemptConfig cfg;
    cfg.mode = mode;
    cfg.choice_mode = choice_mode;
    if (who) cfg.trainee = who->employee_no();
    cfg.seed = opts.seed     ? *opts.seed
               : picker.seed ? *picker.seed
                             : std::random_device{}() % 100000 + 1;
    picker.seed.reset();  // the next attempt draws its own
    cfg.manual_clock = manual_clock;
    // An attempt a UI script plays is marked so: it never counts as a proctored result.
    cfg.origin = manual_clock ? session::Origin::Scripted : session::Origin::Proctored;
    cfg.speed = opts.speed;
    session::FileSinkOptions files;
    files.transcript = opts.autosave;
    files.transcript_path = opts.transcript_out;
    files.report_path = opts.report_out;
    files.log_path = opts.log_out;
    file_sink = std::make_shared<session::FileSink>(std::move(files));
    std::vector<std::shared_ptr<session::AttemptSink>> sinks{file_sink};
    // Every attempt made in the window is recorded, as whoever is logged in.
    store_sink.reset();
    if (store && who) {
        store_sink = std::make_shared<store::StoreSink>(store, *who);
        sinks.push_back(store_sink);
    }
    // Played under the admin's site profile: the company's own names, extensions and fees.
    const session::ScenarioFile played = session::with_site_profile(*e, site_profile());
    want_scenario_text(*played.scenario);
    attempt = std::make_unique<session::Attempt>(played, resources, cfg, std::move(sinks));
    picker.selected = e->scenario->id;
    desk = DeskState{};
    debrief = DebriefState{};
    last_transcript_path.clear();
    screen = Screen::Desk;
    return true;
}

void AppState::end_attempt() {
    request_leave(LeaveState::Target::End);
}

void AppState::end_attempt_now() {
    if (!attempt) return;
    attempt->finish();
    for (const auto& err : attempt->sink_errors()) std::cerr << "deskdrill: " << err << "\n";
    show_debrief();
}

void AppState::show_debrief() {
    if (!attempt) return;
    if (file_sink) last_transcript_path = file_sink->last_transcript();
    debrief = DebriefState{};
    debrief.step = static_cast<int>(attempt->engine().log().entries.size());
    // The records refused the attempt (disk full, account deactivated…): said on screen, not
    // only on stderr — a trainee must not believe an assessment was recorded when it was not.
    if (store_sink && store_sink->last_error()) {
        std::string why;
        for (const auto& e : attempt->sink_errors()) why += (why.empty() ? "" : "; ") + e;
        debrief.message = strings.fmt("console.not_stored", {{"why", why}});
        debrief.message_bad = true;
        fonts.want(debrief.message);
    }
    if (const auto& r = attempt->report()) {
        fonts.want(r->title);
        fonts.want(r->debrief);
        for (const auto& c : r->criteria) {
            fonts.want(c.title);
            fonts.want(criterion_feedback(c, strings));
            fonts.want(c.rule);
            for (const auto& ev : c.evidence) {
                fonts.want(evidence_text(ev, strings));
                fonts.want(strings.render(ev.note));
            }
        }
    } else {
        for (const auto& p : attempt->resources().problems)
            std::cerr << "deskdrill: the attempt could not be scored: " << p << "\n";
    }
    screen = Screen::Debrief;
}

void AppState::abandon_attempt() {
    if (!attempt || attempt->ended()) return;
    attempt->abandon();
    for (const auto& err : attempt->sink_errors()) std::cerr << "deskdrill: " << err << "\n";
}

void AppState::retry() {
    if (!attempt) return;
    const std::string id = attempt->scenario().id;
    const session::AttemptConfig cfg = attempt->config();
    std::string err;
    // With records the briefing comes first again (the clock starts on its button).
    if (opts.no_records) {
        if (!start_as(id, cfg.mode, cfg.choice_mode, &err))
            std::cerr << "deskdrill: " << err << "\n";
        return;
    }
    const BriefingState before = briefing;
    if (!open_briefing(id, cfg.mode, before.choice_allowed, before.assignment_uuid, &err)) {
        std::cerr << "deskdrill: " << err << "\n";
        return;
    }
    briefing.choice_mode = cfg.choice_mode;
}

void AppState::to_picker() {
    abandon_attempt();
    attempt.reset();
    if (!go(Screen::Picker)) screen = home_screen();
}

bool AppState::save_transcript(std::string* path, std::string* error) {
    if (!attempt || !attempt->record()) return false;
    const session::AttemptRecord& r = *attempt->record();
    const std::string text = session::transcript_file_text(r);
    std::string out = opts.transcript_out;
    if (!out.empty()) {
        if (!session::write_file_atomic(out, text, error)) return false;
    } else {
        out = session::write_new_file(session::transcripts_dir(), r.scenario_id, ".yaml", text,
                                      error);
        if (out.empty()) return false;
    }
    last_transcript_path = out;
    if (path) *path = out;
    return true;
}

bool AppState::save_report(const std::string& path, std::string* error) {
    if (!attempt || !attempt->report()) {
        if (error) *error = "no report to save";
        return false;
    }
    // Byte for byte what `deskdrill play --json` prints, so the two can be compared with cmp.
    return session::write_file_atomic(path, report_to_json(*attempt->report()), error);
}

Driver::Hooks driver_hooks(AppState& app, std::function<void()> quit) {
    Driver::Hooks hooks;
    hooks.set_clock = [&app](Millis t) {
        if (!app.attempt || app.screen != Screen::Desk) return false;
        app.attempt->set_clock(t);
        return true;
    };
    hooks.clock = [&app]() -> Millis { return app.attempt ? app.attempt->now() : 0; };
    hooks.screen = [&app] { return std::string(screen_name(app.screen)); };
    hooks.quit = std::move(quit);
    hooks.log = [](const std::string& s) { std::cerr << s << "\n"; };
    return hooks;
}

namespace {

void draw_menu(AppState& app) {
    if (!ImGui::BeginMenuBar()) return;
    if (ImGui::BeginMenu(ui::lid(app.tr("menu.file"), "menu.file").c_str())) {
        const bool can_library = app.allowed(Screen::Picker);
        if (ImGui::MenuItem(app.tr("menu.library"), nullptr, false,
                            can_library && app.screen != Screen::Picker))
            app.request_leave(LeaveState::Target::Library);
        if (app.who && ImGui::MenuItem(app.tr("menu.logout")))
            app.request_leave(LeaveState::Target::LogOut);
        if (ImGui::MenuItem(app.tr("menu.quit"))) app.request_leave(LeaveState::Target::Quit);
        ImGui::EndMenu();
    }
    ui::track("menu.file", app.tr("menu.file"));
    if (ImGui::BeginMenu(ui::lid(app.tr("menu.language"), "menu.language").c_str())) {
        for (const char* lang : {"zh", "en"}) {
            const std::string key = std::string("lang.") + lang;
            if (ImGui::MenuItem(app.tr(key), nullptr, app.strings.lang() == lang)) {
                std::string err;
                if (!app.set_language(lang, &err)) std::cerr << "deskdrill: " << err << "\n";
            }
            ui::track(std::string("menu.lang:") + lang, app.tr(key));
        }
        ImGui::EndMenu();
    }
    ui::track("menu.language", app.tr("menu.language"));
    draw_view_menu(app);
    // The one-click language toggle the task asks for, at the right of the bar.
    const char* other = app.strings.lang() == "zh" ? "en" : "zh";
    const std::string toggle_label = app.tr(std::string("lang.switch_to_") + other);
    ImGui::SetCursorPosX(ImGui::GetWindowWidth() - ImGui::CalcTextSize(toggle_label.c_str()).x -
                         ImGui::GetStyle().ItemSpacing.x * 3);
    if (ImGui::MenuItem(ui::lid(toggle_label, "menu.lang_toggle").c_str())) {
        std::string err;
        if (!app.set_language(other, &err)) std::cerr << "deskdrill: " << err << "\n";
    }
    ui::track("menu.lang_toggle", toggle_label);
    ImGui::EndMenuBar();
}

}  // namespace

void draw_frame(AppState& app) {
    ui::registry().begin_frame();
    {
        const ImGuiIO& io = ImGui::GetIO();
        bool input = io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0 ||
                     io.InputQueueCharacters.Size > 0 || ImGui::IsAnyMouseDown();
        for (bool k : io.KeysDown) input = input || k;
        app.idle_tick(io.DeltaTime, input);
    }
    app.resources_is_ready();
    app.library_is_ready();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoResize | ImGuiWindowFlags_MenuBar |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoSavedSettings |
                                   // Painted once, around the panels (ui::fill_around).
                                   ImGuiWindowFlags_NoBackground;
    ImGui::Begin("##deskdrill", nullptr, flags);
    // The panels draw no fill: the GL clear colour is theirs (see ui::fill_around). A panel
    // that pushes a colour of its own (the fire alarm's banner) still fills.
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
    handle_view_keys(app);
    draw_menu(app);
    if (!app.font_problem.empty()) {
        // Only ASCII is renderable without a CJK font, so this banner is in English.
        ImGui::PushStyleColor(ImGuiCol_Text, ui::pal().bad);
        ImGui::TextWrapped("%s", app.font_problem.c_str());
        ImGui::PopStyleColor();
        ImGui::Separator();
    }
    // The role check again, whoever set the screen: a screen the principal may not see is
    // never drawn.
    if (!app.allowed(app.screen)) app.screen = app.home_screen();
    if (app.who || app.on_hub()) draw_session_bar(app);
    switch (app.screen) {
        case Screen::Login:
            draw_login(app);
            break;
        case Screen::TraineeHome:
            draw_trainee_home(app);
            break;
        case Screen::Briefing:
            draw_briefing(app);
            break;
        case Screen::Picker:
            draw_picker(app);
            break;
        case Screen::Desk:
            draw_desk(app);
            break;
        case Screen::Debrief:
            draw_debrief(app);
            break;
        case Screen::SupervisorHome:
            draw_supervisor_home(app);
            break;
        case Screen::TraineeDetail:
            draw_trainee_detail(app);
            break;
        case Screen::ReviewQueue:
            draw_review_queue(app);
            break;
        case Screen::Assignments:
            draw_assignments(app);
            break;
        case Screen::LibraryAdmin:
            draw_library_admin(app);
            break;
        case Screen::Exports:
            draw_exports(app);
            break;
        case Screen::Accounts:
            draw_accounts(app);
            break;
        case Screen::SiteProfile:
            draw_site_profile(app);
            break;
    }
    ImGui::PopStyleColor();
    ui::fill_around(ImGui::GetBackgroundDrawList(),
                    {vp->Pos, ImVec2(vp->Pos.x + vp->Size.x, vp->Pos.y + vp->Size.y)},
                    ui::child_boxes(), ImGui::GetStyle().ChildRounding,
                    ImGui::GetColorU32(ImGuiCol_WindowBg));
    draw_leave_confirm(app);
    ImGui::End();
}

}  // namespace dd::app
