// The report summaries (schema 003): per result set, per day and per month, per site, cohort,
// scenario (attempt figures) or criterion, mode and origin — kept in the transaction that writes
// each result set, so a group report sums a few thousand rows instead of reading every attempt.
// Also the calendar they group by: days and months in the store's fixed UTC offset.
#pragma once
#include <cstdint>
#include <string>

#include "db.h"
#include "scoring/rubric/report.h"
#include "store.h"

namespace dd::store {

// Days since 1970-01-01 of a Unix time in ms, at `utc_offset_min` east of UTC.
std::int64_t day_of(std::int64_t unix_ms, int utc_offset_min);
// Months since January 1970 of a day number, and the first day of a month number.
std::int64_t month_of_day(std::int64_t day);
std::int64_t first_day_of_month(std::int64_t month);
// "2026-03-01" ↔ a day number; nullopt when the text is not a valid date.
std::optional<std::int64_t> parse_day(std::string_view yyyy_mm_dd);
std::string format_day(std::int64_t day);
// "2026-03-01 14:05" in that time zone.
std::string format_time(std::int64_t unix_ms, int utc_offset_min);

// The result_sets id of (catalogue, lexicon), made when new.
std::int64_t result_set_id(sql::Db& db, const std::string& catalogue_hash,
                           const std::string& lexicon_hash, const std::string& catalogue_version);

void add_to_summaries(sql::Db& db, const AttemptRow& attempt, const std::string& catalogue_hash,
                      const std::string& lexicon_hash, bool original, const ScoreReport& report,
                      int utc_offset_min);

}  // namespace dd::store
