// The site block (site_reader.h).
#include "sim/load/site_reader.h"

#include <algorithm>

#include "common/yaml/text_util.h"
#include "sim/model/enums.h"

namespace dd {

namespace {

bool is_fee_id(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

// 8201, 0571-8888-1234, 8001#2: what a desk phone dials.
bool is_extension(std::string_view s) {
    return !s.empty() && s.size() <= 20 && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '#' || c == '*';
    });
}

void read_extensions(yaml::Reader& r, const YAML::Node& n, Site& out) {
    yaml::Fields f(r, n, "'extensions'", enums::kDepartments);
    for (const auto& e : f.entries()) {
        if (!e.known) continue;  // reported by Fields, with the departments listed
        auto v = r.string(e.value, "extensions." + e.key);
        if (!v) continue;
        if (!is_extension(*v)) {
            r.error(e.value, "extension " + yaml::squote(*v) + " of " + yaml::squote(e.key) +
                                 " must be digits (with '-', '#', '*'), at most 20, e.g. '8201'");
            continue;
        }
        out.extensions[e.key] = *v;
    }
}

void read_fees(yaml::Reader& r, const YAML::Node& n, Site& out) {
    yaml::Fields all(r, n, "'fees'", {}, true);
    for (const auto& e : all.entries()) {
        if (!is_fee_id(e.key)) {
            r.error(e.key_node, "fee id " + yaml::squote(e.key) +
                                    " must be lowercase letters, digits and '-', e.g. 'property'");
            continue;
        }
        const std::string what = "fee " + yaml::squote(e.key);
        yaml::Fields f(r, e.value, what, kFeeKeys);
        if (!f.is_map()) continue;
        f.require("amount");
        f.require("unit");
        Fee fee;
        fee.id = e.key;
        if (auto v = r.string(f, "name")) fee.name = *v;
        if (const auto* a = f.get("amount")) {
            if (auto x = r.number(*a, "amount")) {
                if (*x <= 0)
                    r.error(*a, "the amount of " + what + " must be more than 0, e.g. 2.5");
                else
                    fee.amount = a->Scalar();
            }
        }
        if (auto v = r.string(f, "unit")) fee.unit = *v;
        if (!fee.amount.empty() && !fee.unit.empty()) out.fees.push_back(std::move(fee));
    }
}

}  // namespace

void read_site(yaml::Reader& r, const YAML::Node& n, const std::string& what, Site& out) {
    yaml::Fields f(r, n, what, kSiteKeys);
    if (!f.is_map()) return;
    if (auto v = r.string(f, "name")) out.name = *v;
    if (auto v = r.string(f, "company")) out.company = *v;
    if (const auto* e = f.get("extensions")) read_extensions(r, *e, out);
    if (const auto* e = f.get("fees")) read_fees(r, *e, out);
}

}  // namespace dd
