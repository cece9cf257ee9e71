// The site profile (site_profile.h).
#include "site_profile.h"

#include <algorithm>

#include "hash.h"
#include "sim/load/site_profile_loader.h"

namespace dd::session {

namespace {

std::shared_ptr<const SiteProfile> from_site(Site site) {
    auto p = std::make_shared<SiteProfile>();
    p->site = std::move(site);
    p->site.not_ours.clear();
    auto text = std::make_shared<const std::string>(site_profile_to_yaml(p->site));
    p->snapshot.hash = sha256_hex(*text);
    p->snapshot.version = "1";
    p->snapshot.text = std::move(text);
    return p;
}

}  // namespace

std::shared_ptr<const SiteProfile> parse_site_profile(std::string_view text,
                                                      const std::string& path, Diagnostics& diags) {
    auto site = load_site_profile_text(text, path, diags);
    if (!site) return nullptr;
    return from_site(std::move(*site));
}

std::shared_ptr<const SiteProfile> load_site_profile(const std::string& path, Diagnostics& diags) {
    auto site = load_site_profile_file(path, diags);
    if (!site) return nullptr;
    auto p = from_site(std::move(*site));
    std::const_pointer_cast<SiteProfile>(p)->snapshot.path = path;
    return p;
}

std::shared_ptr<const SiteProfile> make_site_profile(Site site) {
    return from_site(std::move(site));
}

Site overlay_site(const Site& scenario_site, const Site& profile) {
    Site out = scenario_site;
    auto replace = [&](std::string& mine, const std::string& theirs) {
        if (theirs.empty() || theirs == mine) return;
        if (!mine.empty()) out.not_ours.push_back(mine);
        mine = theirs;
    };
    replace(out.company, profile.company);
    replace(out.name, profile.name);
    // A name that is also the profile's (a site called like another company's) is not wrong.
    std::erase_if(out.not_ours, [&](const std::string& n) {
        return out.company.find(n) != std::string::npos || out.name.find(n) != std::string::npos;
    });
    for (const auto& [dept, ext] : profile.extensions) out.extensions[dept] = ext;
    for (const auto& f : profile.fees) {
        auto it = std::find_if(out.fees.begin(), out.fees.end(),
                               [&](const Fee& g) { return g.id == f.id; });
        if (it != out.fees.end())
            *it = f;
        else
            out.fees.push_back(f);
    }
    return out;
}

ScenarioFile with_site_profile(const ScenarioFile& file,
                               std::shared_ptr<const SiteProfile> profile) {
    if (!profile || !file.scenario) return file;
    ScenarioFile out = file;
    auto sc = std::make_shared<Scenario>(*file.scenario);
    sc->site = overlay_site(sc->site, profile->site);
    out.scenario = std::move(sc);
    out.profile = std::move(profile);
    return out;
}

}  // namespace dd::session
