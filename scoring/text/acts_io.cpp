// `deskdrill acts` line protocol: JSON or readable output per utterance, invalid UTF-8 lines
// reported with their number and skipped.
#include "acts_io.h"

#include <istream>
#include <nlohmann/json.hpp>
#include <ostream>

#include "normalize.h"

namespace dd::text {

std::string acts_json_line(std::string_view text, const DetectedActs& d) {
    nlohmann::ordered_json j;
    j["text"] = std::string(text);
    j["normalized"] = d.normalized;
    j["acts"] = d.acts;
    j["forbidden"] = d.forbidden;
    if (!d.weak_acts.empty()) j["weak"] = d.weak_acts;
    // Replace, never throw: the caller validated `text`, this is belt and braces.
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string acts_text_line(std::string_view text, const DetectedActs& d) {
    std::string out(text);
    out += " → ";
    out += d.normalized.empty() ? "(nothing)" : d.normalized;
    out += " | acts: ";
    if (d.acts.empty()) out += "-";
    for (std::size_t i = 0; i < d.acts.size(); ++i) {
        if (i) out += ", ";
        out += d.acts[i];
        for (const auto& w : d.weak_acts)
            if (w == d.acts[i]) out += "(weak)";
    }
    out += " | forbidden: ";
    if (d.forbidden.empty()) out += "-";
    for (std::size_t i = 0; i < d.forbidden.size(); ++i) {
        if (i) out += ", ";
        out += d.forbidden[i];
    }
    return out;
}

int run_acts(std::istream& in, std::ostream& out, std::ostream& err, const ActDetector& detector,
             bool json, const std::string& source) {
    int code = 0;
    std::string line;
    long number = 0;
    DetectedActs d;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!is_valid_utf8(line)) {
            err << source << ":" << number
                << ": error: not valid UTF-8; line skipped (save the input as UTF-8)\n";
            code = 2;
            continue;
        }
        detector.detect_into(line, d);
        out << (json ? acts_json_line(line, d) : acts_text_line(line, d)) << '\n';
    }
    out.flush();
    return code;
}

}  // namespace dd::text
