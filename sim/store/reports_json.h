// The reports (reports.h) and an attempt's detail as JSON: stable keys, in a fixed order; rates
// as fractions 0…1 (percentages only where the name says percent), times in milliseconds and as
// "YYYY-MM-DD HH:MM" in the store's time zone; null where a figure has no data.
#pragma once
#include <string>

#include "reports.h"

namespace dd::store {

std::string to_json(const GroupReport& r, int utc_offset_min);
std::string to_json(const TraineeReport& r, int utc_offset_min);
std::string to_json(const ItemReport& r, int utc_offset_min);
std::string to_json(const AgreementReport& r, int utc_offset_min);
std::string to_json(const AttemptDetail& d, int utc_offset_min);

}  // namespace dd::store
