// Everything the views draw from and act on: strings, fonts, the library, the current attempt,
// and the state of each screen. Holds no GL and no GLFW: the window loop (app.cpp) owns those, and
// unit tests drive the views through this state with a window-less ImGui context.
#pragma once
#include <cmath>
#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "citations.h"
#include "common/i18n/strings.h"
#include "driver.h"
#include "fonts.h"
#include "screen.h"
#include "sound.h"
#include "sim/session/attempt.h"
#include "sim/session/file_sink.h"
#include "sim/session/library.h"
#include "sim/session/resources.h"
#include "sim/store/assignments.h"
#include "sim/store/reports.h"
#include "sim/store/store.h"
#include "sim/store/store_sink.h"
#include "views/console_state.h"
#include "views/debrief.h"
#include "views/supervisor_state.h"

namespace dd::app {

// Command-line options of the window (see add_gui_options).
struct Options {
    std::string lang;               // zh | en ("" = settings, else zh)
    std::string scenario;           // preselect (id or path)
    std::string mode = "practice";  // practice | assessment
    bool choice = false;            // offered replies
    std::optional<std::uint64_t> seed;
    double speed = 1.0;
    std::string drive;  // scripted driver file
    std::string screenshot_dir = ".";
    std::string transcript_out;      // where "save transcript" writes (default: data dir)
    bool autosave = true;            // save the transcript when an attempt ends
    std::string report_out;          // write the report JSON here when the attempt ends
    std::string log_out;             // write the attempt log JSON here when the attempt ends
    std::string font;                // PATH[:INDEX], overrides fontconfig
    float font_scale = 0;            // text size (0 = remembered); --font-scale
    std::string theme;               // dark | light ("" = remembered); --theme
    std::string window;              // WxH, overrides the remembered size
    bool keep_open = false;          // stay open after the drive script
    bool bench_first_frame = false;  // print start-up timing and exit after the first frame
    int bench_frames = 0;            // after the script: render N frames, print CPU per frame
    std::string assets_dir;          // default session::assets_dir()
    std::string scenarios_dir;       // default session::scenarios_dir()
    std::string db;                  // the records (default session::default_db_path())
    std::string hub;  // headquarters' hub (libpq connection string): its reports, read-only
    bool no_records = false;         // test build: no login, nothing stored (the desk's own tests)
};

// Whether `who` may see screen `s` (no one logged in: the login only, unless the window runs
// without records).
bool screen_allowed(Screen s, const store::Principal* who, bool no_records);

struct PickerState {
    std::string category;  // shown category
    std::string selected;  // scenario id
    session::Mode mode = session::Mode::Practice;
    bool choice_mode = false;
    std::string error;  // why the last start failed
    // The seed the next start plays, drawn when a scenario is shown so the picker's cast is the
    // people actually played (their names vary by seed).
    std::optional<std::uint64_t> seed;
};

struct DeskState {
    std::string reply;
    bool focus_reply = false;
    std::string viewed;  // thread shown in the conversation ("" = the engine's focus)
    std::uint64_t seen_revision = 0;
    bool scroll_down = false;
    // request register form (seed 002 §2.2)
    std::string rec_name, rec_room, rec_phone, rec_issue, rec_time;
    std::string cls_type, cls_level;
    std::string vis_name, vis_visiting, vis_id;
    std::string feedback;  // result of the last action (engine's refusal, or done)
    bool feedback_bad = false;
    // The emergency taking over the desk ("" when none): its start switches the tools once.
    std::string emergency;
    std::string select_tab;   // tool tab to open next frame (tool.tab:<name> id suffix)
    std::string viewed_live;  // the viewed thread while it was open: its end moves the focus on
};


class AppState {
  public:
    Options opts;
    i18n::Strings strings;  // the compiled-in tables (common/i18n), one source with the core
    FontManager fonts;
    std::string font_problem;    // shown on screen and on stderr when no CJK font
    float ui_scale = 1.0f;       // the monitor's content scale
    float font_px = 18.0f;       // base_font_px × ui_scale × font_scale, as the atlas is built
    float base_font_px = 18.0f;  // default_font_px() of the screen
    float font_scale = 1.0f;     // the user's text size (View menu, Ctrl+= / Ctrl+-)
    std::string theme = "dark";  // dark | light
    bool muted = false;          // the desk's sounds
    std::unique_ptr<DeskSounds> sounds;  // null: none (unit tests may give a counting one)
    Citations citations;                 // scenarios/sources.yaml, read on first use
    bool citations_read = false;
    bool style_changed =
        false;  // text size or theme changed: atlas and style to redo, settings to save
    float text_px() const { return std::round(base_font_px * ui_scale * font_scale); }
    // Sizes (padding, spacing, the views' widths) follow the text.
    float style_scale() const { return text_px() / 18.0f; }

    session::Library library;                       // partial at start-up, then complete
    std::future<session::Library> library_loading;  // the full scan, after the first frame
    // Lexicon and catalogue: ready once the background load is done.
    std::shared_ptr<const session::Resources> resources;
    std::future<std::shared_ptr<const session::Resources>> resources_loading;

    // The records and who is at the window. store is null only with opts.no_records.
    std::shared_ptr<store::Store> store;
    std::optional<store::Principal> who;
    std::string records_error;  // why the records could not be opened (shown on the login)

    Screen screen = Screen::Login;
    std::unique_ptr<session::Attempt> attempt;
    std::shared_ptr<session::FileSink> file_sink;  // the current attempt's files
    std::shared_ptr<store::StoreSink> store_sink;  // … and its record (null without records)
    PickerState picker;
    DeskState desk;
    DebriefState debrief;
    LoginState login;
    HomeState home;
    BriefingState briefing;
    LeaveState leave;
    Screen leave_to = Screen::Login;  // where LeaveState::Target::Go goes
    AccountsState accounts;
    SiteProfileForm site_form;   // the admin's 站点信息 view (views/site_profile_view.cpp)
    SupervisorState sup;         // the supervisor's screens (views/supervisor_state.h)
    double idle_logout_s = 600;  // settings: back to the login after this long without input
    double idle_s = 0;           // seconds since the last input
    bool manual_clock = false;   // set while a drive script runs (attempts are then "scripted")
    std::string last_transcript_path;
    bool quit_requested = false;
    bool lang_changed = false;  // settings to save; atlas to extend

    const char* tr(std::string_view key) const { return strings.tr(key); }
    // Text about to be shown: make sure its characters are in the atlas (next frame at latest).
    const std::string& shown(const std::string& s) {
        fonts.want(s);
        return s;
    }

    // Starts the full scan in the background unless the library is complete or being scanned.
    void start_library_scan();
    // Swaps in the complete library once its background scan is done (never blocks).
    bool library_is_ready();
    // Waits for the complete library.
    void library_ready();
    // Starts loading the lexicon and the catalogue in the background (once).
    void start_resources_load();
    // Waits for the lexicon/catalogue load when it is still running.
    const session::Resources& resources_ready();
    bool resources_is_ready();

    // Loads strings for lang (keeps the old table if that fails); true on success.
    bool set_language(const std::string& lang, std::string* error, bool picker_only = false);
    // The UI strings' characters → the atlas (only the picker's, at start-up).
    void want_ui_text(bool picker_only);
    // Every string of the library and the catalogue that the picker shows → the atlas.
    void want_library_text();
    void want_scenario_text(const Scenario& s);

    // --- records and sessions (console.cpp) ------------------------------------------------
    // Opens the records at `path` (created when missing); error in records_error.
    bool open_records(const std::string& path);
    // The active trainees people pick from on the login (names and employee numbers only).
    std::vector<store::Person> roster();
    bool log_in_trainee(const std::string& employee_no, std::string* error);
    bool log_in_staff(const std::string& employee_no, const std::string& password,
                      std::string* error);
    // First run: the records have no admin yet.
    bool create_first_admin(const std::string& employee_no, const std::string& name,
                            const std::string& password, std::string* error);
    // Points the supervisor's screens at headquarters' hub (`--hub`): its reports across sites,
    // read-only — no records, no login. False (records_error says why) when it cannot be read.
    bool open_hub(const std::string& conninfo);
    bool on_hub() const { return sup.hub.has_value(); }
    // Whether screen `s` may be shown now: screen_allowed() for who is at the window; on the
    // hub, the screens that only read (dashboard, trainee detail, library).
    bool allowed(Screen s) const;
    // Someone logged in: their home.
    void begin_session(store::Principal p);
    // Leaves any running attempt (abandoned), forgets the principal, shows the login.
    void log_out();
    // Shows `s` when the logged-in role may see it; false (and nothing changes) otherwise.
    bool go(Screen s);
    Screen home_screen() const;
    // One frame's input: resets the idle time, or adds dt and logs out past idle_logout_s (not
    // while an attempt runs on the desk: the scenario's time limit ends that).
    void idle_tick(double dt, bool had_input);
    // Reloads the trainee home's assignments and history (after login and each attempt).
    void refresh_home();
    // The briefing of a scenario, for an assignment (mode and choice from it) or practice.
    bool open_briefing(const std::string& scenario_id, session::Mode mode, bool choice_allowed,
                       const std::string& assignment_uuid, std::string* error);
    // A request to leave a running attempt: asks first (LeaveState), then abandons and goes.
    void request_leave(LeaveState::Target target);
    // The same, then go(s).
    void request_leave_to(Screen s);
    void confirm_leave();

    // Starts an attempt now (the clock runs): picker's mode and choice, or the ones given.
    bool start(const std::string& scenario_key, std::string* error);
    bool start_as(const std::string& scenario_key, session::Mode mode, bool choice_mode,
                  std::string* error);
    // The library's start button: the briefing first (with records), else start().
    bool begin(const std::string& scenario_key, std::string* error);
    // The desk's end button: in an assessment before its end, asks first and records the
    // attempt as abandoned; otherwise end_attempt_now().
    void end_attempt();
    // The trainee ends the attempt: scored, recorded (sinks), the debrief opens.
    void end_attempt_now();
    void show_debrief();
    // Leaves an attempt still running (recorded as abandoned). Nothing when none runs.
    void abandon_attempt();
    void retry();
    void to_picker();
    // Saves the attempt's transcript again under a new name (opts.transcript_out or the data
    // dir). Path in *path.
    bool save_transcript(std::string* path, std::string* error);
    bool save_report(const std::string& path, std::string* error);
    const Criterion* standard(const std::string& id);

    // --- the site profile (sim/session/site_profile.h) -----------------------------------
    // The profile in force in the records (null: none, or no records). Read at each attempt's
    // start, so an admin's change applies from the next attempt on.
    std::shared_ptr<const session::SiteProfile> site_profile();
    // The site a scenario is played under here: its own with the profile laid over it.
    Site played_site(const Scenario& s);
};

// Draws one frame of the current screen (between ImGui::NewFrame and ImGui::Render).
void draw_frame(AppState& app);
void draw_picker(AppState& app);
void draw_desk(AppState& app);
void draw_debrief(AppState& app);
void draw_login(AppState& app);
void draw_trainee_home(AppState& app);
void draw_briefing(AppState& app);
void draw_accounts(AppState& app);
void draw_site_profile(AppState& app);  // Screen::SiteProfile (admins)
// The bar under the menu once someone is logged in: who, their screens, log out.
void draw_session_bar(AppState& app);
// The confirmation before an attempt is left (a modal), when one is asked for.
void draw_leave_confirm(AppState& app);
// The View menu (text size, theme, sound) inside the menu bar, and its Ctrl shortcuts.
void draw_view_menu(AppState& app);
void handle_view_keys(AppState& app);

// The driver's view of the app: clock, screen, quit.
Driver::Hooks driver_hooks(AppState& app, std::function<void()> quit);

}  // namespace dd::app
