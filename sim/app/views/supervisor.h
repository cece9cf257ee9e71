// The supervisor's screens: one entry point per screen, each in its own file (views/*.cpp).
// AppState::go() shows them only to staff (screen_allowed in app_state.h); draw_frame routes
// Screen::SupervisorHome → draw_supervisor_home, and so on. Their state: app.sup
// (supervisor_state.h). The records: app.store, as app.who (a staff Principal).
#pragma once

namespace dd::app {

class AppState;

void draw_supervisor_home(AppState& app);  // Screen::SupervisorHome: the cohort dashboard
void draw_trainee_detail(AppState& app);   // Screen::TraineeDetail: app.sup.trainee
void draw_review_queue(AppState& app);     // Screen::ReviewQueue
void draw_assignments(AppState& app);      // Screen::Assignments
void draw_library_admin(AppState& app);    // Screen::LibraryAdmin
void draw_exports(AppState& app);          // Screen::Exports

}  // namespace dd::app
