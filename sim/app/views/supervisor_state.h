// State of the supervisor's screens (views/supervisor.h). Owned by the supervisor-screens work:
// add what those screens need here; AppState holds one SupervisorState (app.sup).
#pragma once
#include <string>

namespace dd::app {

struct SupervisorState {
    std::string trainee;  // employee number shown by the trainee detail
    std::string attempt;  // uuid of an attempt opened from it
};

}  // namespace dd::app
