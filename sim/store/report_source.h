// One interface to the supervisors' reports, whether they come from a desk's records file or
// from the hub across sites (sim/hub/hub_reports.h), so the command line and the supervisor
// console read either with the same code. Read-only: nothing here writes.
//
// The filters are the same (GroupFilter); `site` names a records file's 项目 or a hub's site
// (its code or its name), `region` only a hub's. Days are in the source's time zone
// (utc_offset_minutes).
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "reports.h"

namespace dd::store {

class ReportSource {
  public:
    virtual ~ReportSource() = default;
    // Where the figures come from: "records /path/to/deskdrill.db" or "hub host:port/db as role".
    virtual std::string where() const = 0;
    virtual int utc_offset_minutes() const = 0;
    // A catalogue version, a hash prefix[:lexicon prefix], or "original"/"" (store.h).
    virtual Result<ResultSetRef> resolve_result_set(std::string_view key) = 0;
    virtual Result<GroupReport> group(const GroupFilter& filter) = 0;
    virtual Result<ItemReport> items(const GroupFilter& filter) = 0;
    virtual Result<AgreementReport> agreement(const GroupFilter& filter) = 0;
    // A trainee by employee number; on a hub, employee numbers are a site's own: `site` says
    // whose when two sites use the same one.
    virtual Result<TraineeReport> trainee(const std::string& employee_no, const ResultSetRef& set,
                                          const std::string& site = "") = 0;
};

// The reports of a records file as `who` sees them (staff for the group reports).
std::unique_ptr<ReportSource> store_reports(std::shared_ptr<Store> store, Principal who);

}  // namespace dd::store
