// Site profile files (site_profile_loader.h).
#include "sim/load/site_profile_loader.h"

#include <algorithm>

#include "common/yaml/yaml_safe.h"
#include "sim/load/site_reader.h"
#include "sim/load/transcript_writer.h"
#include "sim/model/enums.h"

namespace dd {

namespace {

std::optional<Site> load_document(const std::optional<yaml::Document>& doc, Diagnostics& diags) {
    if (!doc) return std::nullopt;
    const std::size_t before = diags.error_count();
    try {
        yaml::Reader r(*doc, diags);
        Site site;
        read_site(r, doc->root(), "the site profile", site);
        if (doc->root().IsMap() && site.company.empty() && !r.failed())
            r.error(doc->root(),
                    "a site profile names at least the company: add "
                    "'company: <the company's name>'");
        if (diags.error_count() > before) return std::nullopt;
        return site;
    } catch (const std::exception& e) {
        diags.error(doc->path(), {}, std::string("internal error while loading: ") + e.what());
        return std::nullopt;
    }
}

}  // namespace

std::optional<Site> load_site_profile_text(std::string_view text, const std::string& path,
                                           Diagnostics& diags) {
    return load_document(yaml::parse_text(text, path, diags), diags);
}

std::optional<Site> load_site_profile_file(const std::string& path, Diagnostics& diags) {
    return load_document(yaml::parse_file(path, diags), diags);
}

std::string site_profile_to_yaml(const Site& site) {
    std::string out;
    out += "company: " + yaml_quote(site.company) + "\n";
    if (!site.name.empty()) out += "name: " + yaml_quote(site.name) + "\n";
    if (!site.extensions.empty()) {
        out += "extensions:\n";
        for (auto dept : enums::kDepartments)
            if (auto it = site.extensions.find(std::string(dept)); it != site.extensions.end())
                out += "  " + std::string(dept) + ": " + yaml_quote(it->second) + "\n";
    }
    if (!site.fees.empty()) {
        std::vector<const Fee*> fees;
        for (const auto& f : site.fees) fees.push_back(&f);
        std::sort(fees.begin(), fees.end(),
                  [](const Fee* a, const Fee* b) { return a->id < b->id; });
        out += "fees:\n";
        for (const Fee* f : fees) {
            out += "  " + f->id + ": {";
            if (!f->name.empty()) out += "name: " + yaml_quote(f->name) + ", ";
            out += "amount: " + f->amount + ", unit: " + yaml_quote(f->unit) + "}\n";
        }
    }
    return out;
}

}  // namespace dd
