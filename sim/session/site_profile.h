// The site profile (issue 13, "the company's own desk"): the company's name, the site's name, the
// departments' extension numbers and the fee standards, set once by an admin (records store,
// `deskdrill site set`, the admin's 站点信息 view) and used by every scenario played at this desk:
// the profile overrides the scenario's own `site:` field by field (extensions and fees by key),
// so its placeholders, the self-identification rule, the fee answers and the desk show the
// company's own. A scenario that hard-codes its company keeps working: with no profile nothing
// changes, and with one its hard-coded words are simply not the profile's.
//
// A record names the profile it was played under by the hash of its canonical text (like the
// scenario, lexicon and catalogue snapshots), so a replay years later — after the admin changed
// the profile — plays the same lines and scores the same answers.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/yaml/diagnostics.h"
#include "library.h"
#include "resources.h"
#include "sim/model/scenario.h"

namespace dd::session {

struct SiteProfile {
    Site site;          // company, name, extensions, fees (not_ours is empty)
    Snapshot snapshot;  // the canonical text (site_profile_to_yaml) and its SHA-256
};

// A profile from its text (a file an admin wrote, or a stored snapshot): problems in `diags` as
// `path:line:col: error: …`; null on any error. The snapshot is the canonical text, whatever the
// layout of the input.
std::shared_ptr<const SiteProfile> parse_site_profile(std::string_view text,
                                                      const std::string& path, Diagnostics& diags);
std::shared_ptr<const SiteProfile> load_site_profile(const std::string& path, Diagnostics& diags);
// A profile built in code (the admin's form): its canonical text and hash.
std::shared_ptr<const SiteProfile> make_site_profile(Site site);

// The scenario's site with the profile laid over it: company and name where the profile has
// them, extensions and fees by key; the scenario's own company and name, where replaced, become
// `not_ours` (naming them at this desk is naming the wrong company).
Site overlay_site(const Site& scenario_site, const Site& profile);

// The scenario file played under `profile` (null: unchanged). The text and hash stay the
// scenario's own; the model is a copy with the overlaid site; `profile` is kept so the record
// names it.
ScenarioFile with_site_profile(const ScenarioFile& file,
                               std::shared_ptr<const SiteProfile> profile);

}  // namespace dd::session
