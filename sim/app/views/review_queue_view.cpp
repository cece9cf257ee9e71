// Screen::ReviewQueue: decisions the scorer marks as uncertain. A placeholder of the console
// skeleton; the supervisor-screens work replaces this file (views/supervisor.h).
#include <imgui.h>

#include "sim/app/app_state.h"
#include "supervisor.h"

namespace dd::app {

void draw_review_queue(AppState& app) {
    ImGui::TextDisabled("%s", app.tr("nav.not_built"));
}

}  // namespace dd::app
