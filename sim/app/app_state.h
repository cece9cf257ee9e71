// Everything the views draw from and act on: strings, fonts, the library, the current attempt,
// and the state of each screen. Holds no GL and no GLFW: the window loop (app.cpp) owns those, and
// unit tests drive the views through this state with a window-less ImGui context.
#pragma once
#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/i18n/strings.h"
#include "driver.h"
#include "fonts.h"
#include "sim/session/attempt.h"
#include "sim/session/file_sink.h"
#include "sim/session/library.h"
#include "sim/session/resources.h"

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
    std::string window;              // WxH, overrides the remembered size
    bool keep_open = false;          // stay open after the drive script
    bool bench_first_frame = false;  // print start-up timing and exit after the first frame
    int bench_frames = 0;            // after the script: render N frames, print CPU per frame
    std::string assets_dir;          // default session::assets_dir()
    std::string scenarios_dir;       // default session::scenarios_dir()
};

enum class Screen { Picker, Desk, Debrief };
const char* screen_name(Screen s);

struct PickerState {
    std::string category;  // shown category
    std::string selected;  // scenario id
    session::Mode mode = session::Mode::Practice;
    bool choice_mode = false;
    std::string error;  // why the last start failed
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
};

struct DebriefState {
    int selected = -1;    // criterion index
    int step = 0;         // replay position (index into log entries, exclusive)
    int shown_step = -1;  // step the replay view last scrolled to
    bool playing = false;
    double play_accum = 0;
    std::string message;  // result of save
    bool message_bad = false;
};

class AppState {
  public:
    Options opts;
    i18n::Strings strings;  // the compiled-in tables (common/i18n), one source with the core
    FontManager fonts;
    std::string font_problem;  // shown on screen and on stderr when no CJK font
    float ui_scale = 1.0f;
    float font_px = 18.0f;

    session::Library library;                       // partial at start-up, then complete
    std::future<session::Library> library_loading;  // the full scan, after the first frame
    // Lexicon and catalogue: ready once the background load is done.
    std::shared_ptr<const session::Resources> resources;
    std::future<std::shared_ptr<const session::Resources>> resources_loading;

    Screen screen = Screen::Picker;
    std::unique_ptr<session::Attempt> attempt;
    std::shared_ptr<session::FileSink> file_sink;  // the current attempt's files
    PickerState picker;
    DeskState desk;
    DebriefState debrief;
    bool manual_clock = false;  // set while a drive script runs (attempts are then "scripted")
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

    bool start(const std::string& scenario_key, std::string* error);
    // The trainee ends the attempt: scored, recorded (sinks), the debrief opens.
    void end_attempt();
    // Leaves an attempt still running (recorded as abandoned). Nothing when none runs.
    void abandon_attempt();
    void retry();
    void to_picker();
    // Saves the attempt's transcript again under a new name (opts.transcript_out or the data
    // dir). Path in *path.
    bool save_transcript(std::string* path, std::string* error);
    bool save_report(const std::string& path, std::string* error);
    const Criterion* standard(const std::string& id);
};

// Draws one frame of the current screen (between ImGui::NewFrame and ImGui::Render).
void draw_frame(AppState& app);
void draw_picker(AppState& app);
void draw_desk(AppState& app);
void draw_debrief(AppState& app);

// The driver's view of the app: clock, screen, quit.
Driver::Hooks driver_hooks(AppState& app, std::function<void()> quit);

}  // namespace dd::app
