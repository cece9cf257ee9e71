// The state of the login, the trainee's home, the briefing, the leave confirmation and the
// accounts screen (AppState holds one of each). Plain data: no ImGui.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/session/record.h"
#include "sim/store/assignments.h"
#include "sim/store/people_csv.h"
#include "sim/store/reports.h"
#include "sim/store/store.h"

namespace dd::app {

struct LoginState {
    bool staff = false;       // the staff form (password) instead of the trainee list
    std::string filter;       // trainees: name or employee number typed
    std::string selected;     // trainees: the employee number picked
    std::string employee_no;  // staff
    std::string password;     // staff; cleared after every try
    std::string error;        // the last refusal, for people
    std::string setup_name;   // first run: the admin to create
    std::string setup_password2;
    std::vector<store::Person> roster;  // loaded when the login shows
    bool roster_loaded = false;
    bool needs_admin = false;  // first run: the records have no admin yet
};

struct HomeState {
    bool loaded = false;
    std::vector<store::AssignmentStatus> assignments;
    std::optional<store::TraineeReport> report;  // history, trend
    std::string error;
};

// What the trainee is about to start: the clock starts only on the briefing's start button.
struct BriefingState {
    std::string scenario_id;
    session::Mode mode = session::Mode::Practice;
    bool choice_allowed = false;  // the assignment's (practice: always)
    bool choice_mode = false;     // the trainee's choice, when allowed
    std::string assignment_uuid;  // "" = practice from the library
    std::string error;
};

// A running attempt is left only after a confirmation (and is then recorded as abandoned).
struct LeaveState {
    enum class Target { None, Library, Home, Go, End, LogOut, Quit };  // Go: AppState::leave_to
    Target pending = Target::None;
    bool open_popup = false;  // the modal opens next frame
};

struct AccountsState {
    bool loaded = false;
    std::vector<store::Person> people;
    bool show_inactive = false;
    // new person
    int role = 0;  // 0 trainee, 1 supervisor, 2 admin
    std::string employee_no, name, site, cohort, password;
    // reset password
    std::string reset_for, reset_password;
    // CSV import
    std::string csv_path;
    std::optional<store::PeopleImport> import;  // the last import's outcome
    std::string message;
    bool message_bad = false;
};

// The admin's 站点信息 form (views/site_profile_view.cpp): the profile in force, being edited.
struct SiteProfileForm {
    bool loaded = false;
    std::string hash;  // of the profile in force ("" = none)
    std::string company, name;
    std::map<std::string, std::string> extensions;  // department → number as typed
    struct FeeRow {
        std::string id, name, amount, unit;
    };
    std::vector<FeeRow> fees;
    std::vector<store::SiteProfileSetting> history;
    std::string message;
    bool message_bad = false;
};

}  // namespace dd::app
