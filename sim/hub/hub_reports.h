// The records store's reports across sites, computed in SQL on the hub (never by pulling rows
// to the client): the group report from the hub's summaries (per site, and per region for the
// reports across sites), items and agreement from its attempts with the store's own SQL, a
// trainee's history, trend and weakest criteria. Site (a code or a name) and region are
// filters. The same interface as a records file (store/report_source.h), so the supervisor
// console and `deskdrill report --hub` read the hub with the code that reads a desk.
//
// Read-only: the session is set default_transaction_read_only, and headquarters connects with a
// role of deskdrill_hq (or the owner); a site's role sees only its own site's rows.
#pragma once
#include <memory>
#include <string>

#include "hub.h"
#include "sim/store/report_source.h"

namespace dd::hub {

Result<std::unique_ptr<store::ReportSource>> hub_reports(const std::string& conninfo);

}  // namespace dd::hub
