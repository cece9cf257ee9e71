// Exports of stored attempts (staff only), each under one result set (AttemptFilter::result_set;
// default each attempt's original):
//   CSV   UTF-8 with a byte-order mark and CRLF line ends (Excel opens the Chinese correctly), one
//         row per attempt: who, where, which scenario, how and when, the score and the KPIs,
//         then one column of points per criterion. Text cells that a spreadsheet would read as a
//         formula (starting with = + - @) get a leading apostrophe.
//   xAPI  a JSON array of xAPI 1.0.3 statements, one per attempt: the trainee as an account
//         (homePage, employee number), the verb (passed, failed, or abandoned when left half-way;
//         completed when it could not be scored), the scenario as an activity, the result
//         (score.scaled/raw/min/max, success, completion, duration in ISO 8601 sim time) with the
//         per-criterion results in an extension, the mode, origin, site, cohort and standards
//         version in context extensions. The statement id is the attempt's uuid (under a re-score,
//         a UUID derived from it and the result set), so sending twice stores it once.
#pragma once
#include <string>

#include "store.h"

namespace dd::store {

// The IRIs of DeskDrill's activities and extensions live under this prefix.
inline constexpr const char* kXapiNamespace = "https://deskdrill.invalid/xapi/";

struct XapiOptions {
    // The account homePage of the trainees (the company's system that knows employee numbers).
    std::string homepage = "https://deskdrill.invalid";
};

Result<std::string> export_csv(Store& store, const Principal& who, const AttemptFilter& filter);
Result<std::string> export_xapi(Store& store, const Principal& who, const AttemptFilter& filter,
                                const XapiOptions& options = {});

// "PT1M41S", "PT0.5S", "PT1H0M0S"… (xAPI result.duration) from milliseconds.
std::string iso8601_duration(std::int64_t ms);
// "2026-03-01T06:05:07.250Z".
std::string iso8601_utc(std::int64_t unix_ms);

}  // namespace dd::store
