// State of the supervisor's screens (views/supervisor.h); AppState holds one (app.sup). The
// figures come from the store as view models (views/*_model.h) built off the window's thread:
// each screen keeps drawing the last model while the next one is built, so a frame never waits
// on a report.
#pragma once
#include <cstdint>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "assignments_model.h"
#include "dashboard_model.h"
#include "debrief.h"
#include "library_model.h"
#include "sim/store/report_source.h"
#include "trainee_model.h"

namespace dd::app {

// A model built in the background: the last one, the one being built, and the last error.
template <typename T>
struct Loading {
    std::optional<T> value;
    std::future<store::Result<T>> pending;
    std::string error;
    bool stale = true;  // build again when next shown

    bool busy() const { return pending.valid(); }
    // Takes the finished build, if any (never blocks). True when a new value arrived.
    bool poll() {
        if (!pending.valid() ||
            pending.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
            return false;
        auto r = pending.get();
        if (r.ok()) {
            value = std::move(r.value());
            error.clear();
        } else {
            error = r.error().message;
        }
        return r.ok();
    }
    // Waits for the build in progress (tests, benchmarks, the driver's settled frames).
    void wait() {
        if (pending.valid()) pending.wait();
        poll();
    }
};

struct OverrideForm {
    std::string criterion;  // the criterion the form is for
    bool passed = true;
    int points = 0;
    std::string reason;
    std::string message;
    bool message_bad = false;
};

// The window pointed at headquarters' hub (`deskdrill window --hub URL`): its reports across
// sites, read-only (sim/hub/hub_reports.h) — no records file, no login, nothing written. One
// connection: the background builds take turns (lock).
struct HubConsole {
    std::string where;  // "hub host:port/db as role"
    std::shared_ptr<store::ReportSource> reports;
    std::shared_ptr<std::mutex> lock = std::make_shared<std::mutex>();
    std::vector<std::string> sites;    // the filter's choices: site codes…
    std::vector<std::string> regions;  // …and regions
};

struct SupervisorState {
    // Something was written (an override, an assignment): every screen reads the records again
    // when next shown.
    void records_changed() {
        dash.stale = detail.stale = review.stale = assign.stale = items.stale = true;
    }

    std::optional<HubConsole> hub;  // set: the screens read the hub, read-only

    std::string trainee;       // employee number shown by the trainee detail
    std::string trainee_site;  // on the hub: whose employee number (a site code, "" = any)
    std::string attempt;       // uuid of an attempt opened from it

    // Dashboard.
    DashboardFilter filter;             // as edited
    Loading<DashboardModel> dash;       // built for dash.value->filter, first without…
    Loading<AttemptFigures> dash_rest;  // …the figures read from every attempt, added after
    int hovered_point = -1;

    // Trainee detail and the stored attempt opened from it.
    Loading<TraineeDetailModel> detail;
    std::string detail_for;  // employee number the detail was built for
    std::shared_ptr<const StoredDebrief> stored;
    std::string stored_error;
    DebriefState stored_debrief;
    OverrideForm override_form;
    std::string pick_filter;  // the trainee picker's search text

    // Review queue.
    Loading<std::vector<ReviewItem>> review;

    // Assignments.
    Loading<AssignmentsModel> assign;
    AssignForm form;
    std::string form_message;
    bool form_message_bad = false;

    // Library.
    Loading<store::ItemReport> items;
    std::string library_selected;  // scenario id
    std::map<std::string, VerifyOutcome> verified;
    std::future<VerifyOutcome> verifying;

    // Exports (and the one-page PDF).
    DashboardFilter export_filter;
    std::string export_path;
    std::string export_message;
    bool export_message_bad = false;
};

}  // namespace dd::app
