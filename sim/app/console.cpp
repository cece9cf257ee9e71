// AppState's records and sessions: opening the records, logging in and out, which screen a role
// may see, the idle log-out, the trainee home's data, the briefing and leaving an assessment.
#include <filesystem>
#include <iostream>
#include <set>

#include "app_state.h"
#include "sim/hub/hub.h"
#include "sim/hub/hub_reports.h"
#include "sim/session/data_dirs.h"

namespace dd::app {

namespace {

// A refusal of the store in words for people (the store's own message is for the operator).
std::string refusal(const AppState& app, const store::Error& e) {
    switch (e.code) {
        case store::ErrorCode::Denied:
            return app.tr("login.denied");
        case store::ErrorCode::NotFound:
            return app.tr("login.unknown");
        case store::ErrorCode::BadInput:
            return app.strings.fmt("console.bad_input", {{"why", e.message}});
        default:
            return app.strings.fmt("console.store_error", {{"why", e.message}});
    }
}

bool staff_screen(Screen s) {
    switch (s) {
        case Screen::SupervisorHome:
        case Screen::TraineeDetail:
        case Screen::ReviewQueue:
        case Screen::Assignments:
        case Screen::LibraryAdmin:
        case Screen::Exports:
        case Screen::Accounts:
        case Screen::SiteProfile:
            return true;
        default:
            return false;
    }
}

}  // namespace

bool screen_allowed(Screen s, const store::Principal* who, bool no_records) {
    if (no_records) return !staff_screen(s) && s != Screen::Login && s != Screen::TraineeHome;
    if (s == Screen::Login) return true;
    if (!who) return false;
    if (s == Screen::Accounts || s == Screen::SiteProfile) return who->role() == store::Role::Admin;
    if (staff_screen(s)) return who->staff();
    if (s == Screen::TraineeHome) return !who->staff();
    return true;  // briefing, library, desk, debrief: anyone logged in
}

bool AppState::allowed(Screen s) const {
    if (on_hub())
        return s == Screen::SupervisorHome || s == Screen::TraineeDetail ||
               s == Screen::LibraryAdmin;
    return screen_allowed(s, who ? &*who : nullptr, opts.no_records);
}

bool AppState::open_hub(const std::string& conninfo) {
    records_error.clear();
    auto reports = hub::hub_reports(conninfo);
    auto sites = reports ? hub::sites(conninfo)
                         : store::Result<std::vector<hub::SiteState>>(reports.error());
    if (!sites) {
        records_error = sites.error().message;
        std::cerr << "deskdrill: " << records_error << "\n";
        return false;
    }
    HubConsole h;
    h.reports = std::move(*reports);
    h.where = h.reports->where();
    std::set<std::string> regions;
    for (const auto& s : *sites) {
        h.sites.push_back(s.site.code);
        if (!s.site.region.empty()) regions.insert(s.site.region);
    }
    h.regions.assign(regions.begin(), regions.end());
    store.reset();
    who.reset();
    sup = SupervisorState{};
    sup.hub = std::move(h);
    screen = Screen::SupervisorHome;
    return true;
}

bool AppState::go(Screen s) {
    if (!allowed(s)) return false;
    screen = s;
    if (s == Screen::TraineeHome) refresh_home();
    if (s == Screen::Accounts) accounts.loaded = false;
    if (s == Screen::SiteProfile) site_form.loaded = false;
    if (s == Screen::Login) login.roster_loaded = false;
    return true;
}

Screen AppState::home_screen() const {
    if (on_hub()) return Screen::SupervisorHome;
    if (opts.no_records) return Screen::Picker;
    if (!who) return Screen::Login;
    return who->staff() ? Screen::SupervisorHome : Screen::TraineeHome;
}

bool AppState::open_records(const std::string& path) {
    records_error.clear();
    auto opened = store::Store::open(path);
    if (!opened) {
        records_error = opened.error().message;
        std::cerr << "deskdrill: " << records_error << "\n";
        return false;
    }
    store = *opened;
    return true;
}

std::vector<store::Person> AppState::roster() {
    if (!store) return {};
    // The file's operator reads the list people pick their name from: whoever can open the
    // records (mode 0600) owns them, and the login shows names and numbers only.
    auto op = store->operator_session();
    if (!op) return {};
    store::PeopleFilter f;
    f.role = store::Role::Trainee;
    auto people = store->people(*op, f);
    if (!people) return {};
    return std::move(*people);
}

bool AppState::log_in_trainee(const std::string& employee_no, std::string* error) {
    if (!store) return false;
    auto p = store->trainee_session(employee_no);
    if (!p) {
        if (error) *error = refusal(*this, p.error());
        return false;
    }
    begin_session(std::move(*p));
    return true;
}

bool AppState::log_in_staff(const std::string& employee_no, const std::string& password,
                            std::string* error) {
    if (!store) return false;
    auto p = store->login(employee_no, password);
    if (!p) {
        if (error)
            *error = p.error().code == store::ErrorCode::Denied ? tr("login.wrong_password")
                                                                : refusal(*this, p.error());
        return false;
    }
    begin_session(std::move(*p));
    return true;
}

bool AppState::create_first_admin(const std::string& employee_no, const std::string& name,
                                  const std::string& password, std::string* error) {
    if (!store) return false;
    store::NewPerson a;
    a.role = store::Role::Admin;
    a.employee_no = employee_no;
    a.name = name;
    a.password = password;
    auto p = store->create_first_admin(a);
    if (!p) {
        if (error) *error = refusal(*this, p.error());
        return false;
    }
    begin_session(std::move(*p));
    return true;
}

void AppState::begin_session(store::Principal p) {
    who = std::move(p);
    fonts.want(who->name());
    idle_s = 0;
    go(home_screen());
}

void AppState::log_out() {
    abandon_attempt();
    attempt.reset();
    who.reset();
    login = LoginState{};
    home = HomeState{};
    briefing = BriefingState{};
    leave = LeaveState{};
    accounts = AccountsState{};
    site_form = SiteProfileForm{};
    sup = SupervisorState{};
    screen = opts.no_records ? Screen::Picker : Screen::Login;
}

void AppState::idle_tick(double dt, bool had_input) {
    if (had_input || !who || idle_logout_s <= 0) {
        idle_s = 0;
        return;
    }
    // A trainee thinking over a reply on the desk is not idle: the attempt's time limit ends it.
    if (attempt && !attempt->ended() && screen == Screen::Desk) {
        idle_s = 0;
        return;
    }
    idle_s += dt;
    if (idle_s >= idle_logout_s) {
        std::cerr << "deskdrill: logged out after " << idle_s << " s without input\n";
        log_out();
    }
}

void AppState::refresh_home() {
    home = HomeState{};
    home.loaded = true;
    if (!store || !who) return;
    store::AssignmentFilter f;
    f.trainee = who->employee_no();
    if (auto a = store::assignment_status(*store, *who, f))
        home.assignments = std::move(*a);
    else
        home.error = refusal(*this, a.error());
    if (auto r = store::trainee_report(*store, *who, who->employee_no())) {
        home.report = std::move(*r);
    } else {
        home.error = refusal(*this, r.error());
        // Deactivated meanwhile: the session is over (the login says why).
        if (r.error().code == store::ErrorCode::Denied) {
            log_out();
            login.error = tr("login.denied");
        }
    }
}

bool AppState::open_briefing(const std::string& scenario_id, session::Mode mode,
                             bool choice_allowed, const std::string& assignment_uuid,
                             std::string* error) {
    const session::ScenarioFile* e = library.find(scenario_id);
    if (!e && !library.complete) {
        library_ready();
        e = library.find(scenario_id);
    }
    if (!e || !e->scenario) {
        if (error) *error = strings.fmt("error.no_scenario", {{"id", scenario_id}});
        return false;
    }
    briefing = BriefingState{};
    briefing.scenario_id = e->scenario->id;
    briefing.mode = mode;
    briefing.choice_allowed = choice_allowed;
    briefing.assignment_uuid = assignment_uuid;
    want_scenario_text(*e->scenario);
    return go(Screen::Briefing);
}

void AppState::request_leave(LeaveState::Target target) {
    const bool running = attempt && !attempt->ended();
    // Only an assessment asks (practice may be left at any time; it is still recorded), and
    // not when its end button is pressed after the end.
    if (running && attempt->config().mode == session::Mode::Assessment &&
        !(target == LeaveState::Target::End && attempt->over())) {
        leave.pending = target;
        leave.open_popup = true;
        return;
    }
    leave.pending = target;
    confirm_leave();
}

void AppState::request_leave_to(Screen s) {
    if (screen == s) return;
    leave_to = s;
    request_leave(LeaveState::Target::Go);
}

void AppState::confirm_leave() {
    const LeaveState::Target t = leave.pending;
    leave = LeaveState{};
    switch (t) {
        case LeaveState::Target::None:
            return;
        case LeaveState::Target::End:
            if (attempt && !attempt->ended() &&
                attempt->config().mode == session::Mode::Assessment && !attempt->over()) {
                abandon_attempt();
                show_debrief();
            } else {
                end_attempt_now();
            }
            return;
        case LeaveState::Target::Library:
            to_picker();
            return;
        case LeaveState::Target::Home:
        case LeaveState::Target::Go:
            abandon_attempt();
            attempt.reset();
            go(t == LeaveState::Target::Go ? leave_to : home_screen());
            return;
        case LeaveState::Target::LogOut:
            log_out();
            return;
        case LeaveState::Target::Quit:
            abandon_attempt();
            quit_requested = true;
            return;
    }
}

}  // namespace dd::app
