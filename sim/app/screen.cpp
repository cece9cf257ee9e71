// Screen names (screen.h).
#include "screen.h"

namespace dd::app {

const char* screen_name(Screen s) {
    switch (s) {
        case Screen::Login:
            return "login";
        case Screen::TraineeHome:
            return "home";
        case Screen::Briefing:
            return "briefing";
        case Screen::Picker:
            return "picker";
        case Screen::Desk:
            return "desk";
        case Screen::Debrief:
            return "debrief";
        case Screen::SupervisorHome:
            return "dashboard";
        case Screen::TraineeDetail:
            return "trainee";
        case Screen::ReviewQueue:
            return "review";
        case Screen::Assignments:
            return "assignments";
        case Screen::LibraryAdmin:
            return "library";
        case Screen::Exports:
            return "exports";
        case Screen::Accounts:
            return "accounts";
        case Screen::SiteProfile:
            return "site";
    }
    return "?";
}

std::optional<Screen> screen_from_name(std::string_view name) {
    for (int i = 0; i <= static_cast<int>(Screen::SiteProfile); ++i)
        if (name == screen_name(static_cast<Screen>(i))) return static_cast<Screen>(i);
    return std::nullopt;
}

}  // namespace dd::app
