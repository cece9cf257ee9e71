// Keeping the report summaries (summaries.h).
#include "summaries.h"

#include <cstdio>

namespace dd::store {

namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

// Howard Hinnant's civil-from-days / days-from-civil (proleptic Gregorian).
void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = floor_div(z, 146097);
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) ++y;
}

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = floor_div(y, 400);
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

}  // namespace

std::int64_t day_of(std::int64_t unix_ms, int utc_offset_min) {
    return floor_div(unix_ms + static_cast<std::int64_t>(utc_offset_min) * 60000, 86400000);
}

std::int64_t month_of_day(std::int64_t day) {
    std::int64_t y;
    unsigned m, d;
    civil_from_days(day, y, m, d);
    return (y - 1970) * 12 + (m - 1);
}

std::int64_t first_day_of_month(std::int64_t month) {
    const std::int64_t y = 1970 + floor_div(month, 12);
    const auto m = static_cast<unsigned>(month - floor_div(month, 12) * 12 + 1);
    return days_from_civil(y, m, 1);
}

std::optional<std::int64_t> parse_day(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto num = [&](std::size_t at, std::size_t n) -> std::optional<int> {
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (s[i] < '0' || s[i] > '9') return std::nullopt;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    auto y = num(0, 4), m = num(5, 2), d = num(8, 2);
    if (!y || !m || !d || *m < 1 || *m > 12 || *d < 1) return std::nullopt;
    const std::int64_t day = days_from_civil(*y, static_cast<unsigned>(*m), static_cast<unsigned>(*d));
    if (format_day(day) != s) return std::nullopt;  // 2026-02-30 and the like
    return day;
}

std::string format_day(std::int64_t day) {
    std::int64_t y;
    unsigned m, d;
    civil_from_days(day, y, m, d);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
    return buf;
}

std::string format_time(std::int64_t unix_ms, int utc_offset_min) {
    const std::int64_t day = day_of(unix_ms, utc_offset_min);
    const std::int64_t in_day =
        unix_ms + static_cast<std::int64_t>(utc_offset_min) * 60000 - day * 86400000;
    char buf[16];
    std::snprintf(buf, sizeof buf, " %02d:%02d", static_cast<int>(in_day / 3600000),
                  static_cast<int>(in_day / 60000 % 60));
    return format_day(day) + buf;
}

std::int64_t result_set_id(sql::Db& db, const std::string& catalogue_hash,
                           const std::string& lexicon_hash, const std::string& catalogue_version) {
    auto id = db.query("SELECT id FROM result_sets WHERE catalogue_hash = ?1 AND lexicon_hash = ?2")
                  .with(catalogue_hash, lexicon_hash)
                  .scalar_i64();
    if (id) return *id;
    db.query(
          "INSERT INTO result_sets (catalogue_hash, lexicon_hash, catalogue_version) "
          "VALUES (?1, ?2, ?3)")
        .with(catalogue_hash, lexicon_hash, catalogue_version)
        .run();
    return db.last_insert_rowid();
}

void add_to_summaries(sql::Db& db, const AttemptRow& a, const std::string& catalogue_hash,
                      const std::string& lexicon_hash, bool original, const ScoreReport& report,
                      int utc_offset_min) {
    const std::int64_t day = day_of(a.ended_at_ms, utc_offset_min);
    const std::int64_t periods[2] = {day, month_of_day(day)};
    const std::int64_t set = result_set_id(db, catalogue_hash, lexicon_hash, report.catalogue_version);
    const std::string mode(session::mode_name(a.mode));
    const std::string origin(session::origin_name(a.origin));
    const bool complaint = a.category == "complaint";
    for (int grain = 0; grain < 2; ++grain) {
        db.query(
              "INSERT INTO summary_attempts VALUES (?1, ?24, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?23, 1, "
              "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22) "
              "ON CONFLICT (grain, site, cohort, period, set_id, original, scenario_id, mode, "
              "origin) DO UPDATE SET attempts = attempts + 1, passed = passed + excluded.passed, "
              "score_sum = score_sum + excluded.score_sum, max_sum = max_sum + excluded.max_sum, "
              "finished = finished + excluded.finished, abandoned = abandoned + excluded.abandoned, "
              "timed_out = timed_out + excluded.timed_out, "
              "phone_calls = phone_calls + excluded.phone_calls, "
              "phone_within_3 = phone_within_3 + excluded.phone_within_3, "
              "response_n = response_n + excluded.response_n, "
              "response_ms = response_ms + excluded.response_ms, "
              "resolution_n = resolution_n + excluded.resolution_n, "
              "resolution_ms = resolution_ms + excluded.resolution_ms, "
              "complaint_attempts = complaint_attempts + excluded.complaint_attempts, "
              "complaint_passed = complaint_passed + excluded.complaint_passed")
            .with(set, grain, periods[grain], a.site, a.cohort, a.scenario_id, mode, origin,
                  report.passed, report.score, report.max, a.ending == session::Ending::Finished,
                  a.ending == session::Ending::Abandoned, a.ending == session::Ending::TimedOut,
                  a.kpi.phone_calls, a.kpi.phone_within_3, a.kpi.response_n, a.kpi.response_ms,
                  a.kpi.resolution_n, a.kpi.resolution_ms, complaint, complaint && report.passed,
                  report.catalogue_version, original)
            .run();
        for (const auto& c : report.criteria)
            db.query(
                  "INSERT INTO summary_criteria VALUES (?1, ?12, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9, "
                  "?10, ?11) ON CONFLICT (grain, site, cohort, period, set_id, original, mode, "
                  "origin, criterion_id) DO UPDATE SET n = n + 1, "
                  "points_sum = points_sum + excluded.points_sum, "
                  "max_sum = max_sum + excluded.max_sum, passed = passed + excluded.passed")
                .with(set, grain, periods[grain], a.site, a.cohort, mode, origin, c.id, c.points,
                      c.max, c.passed, original)
                .run();
    }
}

}  // namespace dd::store
