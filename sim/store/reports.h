// Reports for supervisors (DESIGN §6), as data; reports_json.h writes them as JSON, the command
// line as text. Every report says which result set it reads: each attempt's original result
// (scored under the catalogue of its day — the versions are listed with their counts) or the
// results under one (catalogue, lexicon) pair after `deskdrill rescore`.
//
//   trainee    a trainee's history (every attempt, every origin, labelled), the trend of their
//              scores, their weakest criteria, their assignments
//   group      a cohort, a site, or everything: pass rate, average per criterion, and seed
//              004's KPIs — answered within three rings, response and resolution times,
//              complaint-handling success — read from the summaries (schema 003)
//   items      per scenario and criterion, item statistics as Moodle's quiz report computes
//              them: facility index (the mean score on the item, % of its maximum) and
//              discrimination index (the attempts ranked by total score; the mean fraction of
//              the item's maximum in the top third minus that in the bottom third, thirds of
//              ⌊n/3⌋ attempts, ties broken by the order they were stored; -1…1, none below 3)
//   agreement  supervisors' overrides against the automatic result, per criterion: percent
//              agreement on pass/fail and Cohen's kappa, κ = (pₒ − pₑ) / (1 − pₑ), pₑ from the
//              two raters' marginals (none when pₑ = 1)
//
// Which attempts count in group, items and agreement: the origins asked for (default proctored
// and imported; scripted runs only when asked) — and an assessment only when proctored, whatever
// was asked: a transcript imported or a scripted run never counts as a proctored assessment.
// The SQL is kept portable to PostgreSQL 15 (the hub runs the same reports).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "assignments.h"
#include "store.h"

namespace dd::store {

struct GroupFilter {
    std::string site;      // "" = every site
    std::string region;    // "" = every region (a hub's dimension; a records file has none)
    std::string cohort;    // "" = every cohort
    std::string scenario;  // "" = every scenario
    std::optional<std::int64_t> from_day;  // days in the store's time zone, inclusive
    std::optional<std::int64_t> to_day;
    std::optional<session::Mode> mode;
    std::vector<session::Origin> origins;  // empty = proctored and imported
    ResultSetRef result_set;
};

// The origins a group report counts (the rule above), for the filter.
std::vector<session::Origin> counted_origins(const GroupFilter& f);

struct VersionCount {
    std::string catalogue_version;
    std::int64_t attempts = 0;
};

struct ResultSetInfo {
    bool original = true;
    std::string catalogue_hash;  // when !original
    std::string lexicon_hash;
    std::string catalogue_version;
    std::vector<VersionCount> versions;  // what the attempts were scored under
};

struct CriterionFigure {
    std::string id;
    std::string title;
    std::string category;
    std::int64_t n = 0;
    std::int64_t points = 0;  // sums
    std::int64_t max_points = 0;
    std::int64_t passed = 0;
    std::optional<double> percent;  // 100 · points / max_points
    double pass_rate = 0;           // passed / n
};

struct ScenarioFigure {
    std::string scenario_id;
    std::int64_t attempts = 0;
    std::int64_t passed = 0;
    double pass_rate = 0;
    double mean_score = 0;
};

struct GroupFigures {
    std::int64_t attempts = 0;
    std::int64_t passed = 0;
    std::int64_t score_sum = 0;
    std::int64_t max_sum = 0;
    std::int64_t finished = 0, abandoned = 0, timed_out = 0;
    std::int64_t phone_calls = 0, phone_within_3 = 0;
    std::int64_t response_n = 0, response_ms = 0;
    std::int64_t resolution_n = 0, resolution_ms = 0;
    std::int64_t complaint_attempts = 0, complaint_passed = 0;
    std::optional<double> pass_rate;          // passed / attempts
    std::optional<double> mean_score;         // score_sum / attempts
    std::optional<double> within_3_rate;      // phone_within_3 / phone_calls
    std::optional<double> response_mean_ms;   // response_ms / response_n
    std::optional<double> resolution_mean_ms;
    std::optional<double> complaint_success_rate;  // complaint_passed / complaint_attempts
};

struct GroupReport {
    GroupFilter filter;
    std::vector<session::Origin> origins;  // as counted
    ResultSetInfo result_set;
    std::int64_t trainees = 0;  // active trainees of the site/cohort
    GroupFigures figures;
    std::vector<CriterionFigure> criteria;  // by id
    std::vector<ScenarioFigure> scenarios;  // by id
};

struct TrendPoint {
    std::int64_t ended_at_ms = 0;
    std::string scenario_id;
    double percent = 0;  // 100 · score / max
};

struct TraineeReport {
    Person person;
    ResultSetInfo result_set;
    std::vector<AttemptRow> history;  // newest first; every origin and mode, labelled
    std::vector<TrendPoint> trend;    // oldest first, attempts with a result
    // Least-squares slope of the trend's percent against its index: points per attempt.
    std::optional<double> trend_slope;
    std::optional<double> recent_mean;   // the last 5 attempts' mean percent
    std::optional<double> earlier_mean;  // the ones before them
    std::vector<CriterionFigure> weakest;  // lowest percent first
    std::vector<AssignmentStatus> assignments;
};

struct ItemFigure {
    std::string criterion_id;
    std::string title;
    std::int64_t n = 0;
    double mean_points = 0;
    double max_points = 0;
    std::optional<double> facility;        // 0…100
    std::optional<double> discrimination;  // -1…1; none when n < 3
};

struct ScenarioItems {
    std::string scenario_id;
    std::int64_t attempts = 0;
    double mean_score = 0;
    std::vector<ItemFigure> items;  // by criterion id
};

struct ItemReport {
    GroupFilter filter;
    std::vector<session::Origin> origins;
    ResultSetInfo result_set;
    std::vector<ScenarioItems> scenarios;
};

struct AgreementFigure {
    std::string criterion_id;
    std::string title;
    std::int64_t n = 0;  // overridden criteria (the latest override of each)
    std::int64_t both_pass = 0, auto_pass_only = 0, override_pass_only = 0, both_fail = 0;
    double percent_agreement = 0;  // 100 · agreements / n
    std::optional<double> kappa;
};

struct AgreementReport {
    GroupFilter filter;
    std::vector<session::Origin> origins;
    ResultSetInfo result_set;
    std::vector<AgreementFigure> criteria;
    AgreementFigure overall;  // every overridden criterion together
};

// What the supervisor's charts read besides the group report: the scores over time (per day from
// the summaries, per month when the days would be more than kMaxDailyPoints), the distribution of
// the attempts' scores (ten bins of 10 % of the maximum, the last one holding 100 %), and each
// trainee's figures (attempts, pass rate, mean percent, the last attempt), from every attempt.
struct ScorePoint {
    std::int64_t period = 0;  // a day, or a month (ChartFigures::monthly)
    std::int64_t attempts = 0;
    std::int64_t passed = 0;
    std::optional<double> percent;  // 100 · score / max over the period
};

struct TraineeFigure {
    std::string employee_no;
    std::string name;
    std::int64_t attempts = 0;
    std::int64_t passed = 0;
    std::optional<double> percent;  // 100 · score / max over their attempts
    std::int64_t last_ms = 0;
};

struct ChartFigures {
    static constexpr std::size_t kMaxDailyPoints = 120;
    bool monthly = false;
    std::vector<ScorePoint> over_time;  // oldest first
    std::vector<std::int64_t> bins = std::vector<std::int64_t>(10, 0);
    std::vector<TraineeFigure> trainees;  // by employee number
};

// Staff only. `trainees` counts the people table; the figures come from the summaries.
Result<GroupReport> group_report(Store& store, const Principal& who, const GroupFilter& filter);
// The same figures read from every attempt instead of the summaries (tests prove both agree).
Result<GroupReport> group_report_from_attempts(Store& store, const Principal& who,
                                               const GroupFilter& filter);
// A trainee may ask for their own; staff for anyone.
Result<TraineeReport> trainee_report(Store& store, const Principal& who,
                                     const std::string& employee_no,
                                     const ResultSetRef& set = {});
// Staff only; the same filter and rules as group_report. `parts` says which figures: the
// scores over time read the summaries (a few thousand rows), the distribution and the trainees
// every attempt of the filter — the supervisor's dashboard draws the first before the second.
enum class ChartParts { All, OverTime, Attempts };
Result<ChartFigures> chart_figures(Store& store, const Principal& who, const GroupFilter& filter,
                                   ChartParts parts = ChartParts::All);
Result<ItemReport> item_report(Store& store, const Principal& who, const GroupFilter& filter);
Result<AgreementReport> agreement_report(Store& store, const Principal& who,
                                         const GroupFilter& filter);

// Cohen's kappa of a 2×2 table (a = both pass, b = first only, c = second only, d = both fail);
// none when the expected agreement is 1.
std::optional<double> cohen_kappa(std::int64_t a, std::int64_t b, std::int64_t c, std::int64_t d);

}  // namespace dd::store
