// The screens of the window, by name (the drive scripts' `screen NAME`). Which role may see which:
// screen_allowed in app_state.h.
#pragma once
#include <optional>
#include <string_view>

namespace dd::app {

enum class Screen {
    Login,
    TraineeHome,  // a trainee's assignments, history and trend, the practice library
    Briefing,     // before an attempt starts (the clock is not running)
    Picker,       // the practice library
    Desk,
    Debrief,
    SupervisorHome,  // staff: the cohort dashboard          (views/supervisor.h)
    TraineeDetail,   // staff: one trainee                   (views/supervisor.h)
    ReviewQueue,     // staff: uncertain decisions to review (views/supervisor.h)
    Assignments,     // staff: give and follow assignments   (views/supervisor.h)
    LibraryAdmin,    // staff: scenarios, verify, item stats (views/supervisor.h)
    Exports,         // staff: CSV, xAPI, one-page PDF       (views/supervisor.h)
    Accounts,        // admin: people, passwords, CSV import
    SiteProfile,     // admin: the company's names, extensions and fees (站点信息)
};
const char* screen_name(Screen s);
std::optional<Screen> screen_from_name(std::string_view name);

}  // namespace dd::app
