// `deskdrill acts` line protocol: JSON or readable output per utterance, invalid UTF-8 lines
// reported with their number and skipped.
#include "acts_io.h"

#include <istream>
#include <nlohmann/json.hpp>
#include <ostream>

#include "common/yaml/limits.h"
#include "lexicon.h"
#include "normalize.h"

namespace dd::text {

namespace {

nlohmann::ordered_json decision_json(const DetectedActs& d, const ActSpan& s, bool counted) {
    nlohmann::ordered_json j;
    j["name"] = s.name;
    j["words"] = s.end <= d.normalized.size() && s.begin < s.end
                     ? d.normalized.substr(s.begin, s.end - s.begin)
                     : std::string();
    j["span"] = {s.begin, s.end};  // bytes of "normalized"
    j["phrase"] = std::string(s.phrase);
    if (!s.family.empty()) j["family"] = std::string(s.family);
    j["reading"] = std::string(reading_name(s.reading));
    if (!s.cue.empty()) j["cue"] = s.cue;
    j["counted"] = counted;
    if (s.weak) j["weak"] = true;
    if (s.loose) j["loose"] = true;
    if (s.sarcastic) j["sarcastic"] = true;
    if (s.uncertain) j["uncertain"] = true;
    return j;
}

// acts, forbidden[, weak][, sarcastic][, uncertain], decisions: one detection's findings.
void put_findings(nlohmann::ordered_json& j, const DetectedActs& d) {
    j["acts"] = d.acts;
    j["forbidden"] = d.forbidden;
    if (!d.weak_acts.empty()) j["weak"] = d.weak_acts;
    if (!d.sarcastic_acts.empty()) j["sarcastic"] = d.sarcastic_acts;
    if (!d.uncertain.empty()) j["uncertain"] = d.uncertain;
    // How each was decided (issue 12): the matches counted, then those set aside.
    auto& decisions = j["decisions"] = nlohmann::ordered_json::array();
    for (const auto& s : d.spans) decisions.push_back(decision_json(d, s, true));
    for (const auto& s : d.set_aside) decisions.push_back(decision_json(d, s, false));
}

}  // namespace

std::string acts_json_line(std::string_view text, const DetectedActs& d,
                           const DetectedActs* meaning) {
    nlohmann::ordered_json j;
    j["text"] = std::string(text);
    j["normalized"] = d.normalized;
    put_findings(j, d);
    if (d.truncated) j["truncated"] = true;
    if (meaning) put_findings(j["meaning"], *meaning);
    // Replace, never throw: the caller validated `text`, this is belt and braces.
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string acts_text_line(std::string_view text, const DetectedActs& d,
                           const DetectedActs* meaning) {
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
        for (const auto& w : d.sarcastic_acts)
            if (w == d.acts[i]) out += "(sarcastic)";
    }
    out += " | forbidden: ";
    if (d.forbidden.empty()) out += "-";
    for (std::size_t i = 0; i < d.forbidden.size(); ++i) {
        if (i) out += ", ";
        out += d.forbidden[i];
    }
    // What was found but is not the trainee's own, and what a supervisor should look at.
    for (const auto& s : d.set_aside) {
        out += " | set aside: " + s.name + " (" + std::string(reading_name(s.reading));
        if (!s.cue.empty()) out += " " + s.cue;
        out += ")";
    }
    if (!d.uncertain.empty()) {
        out += " | unsure: ";
        for (std::size_t i = 0; i < d.uncertain.size(); ++i)
            out += (i ? ", " : "") + d.uncertain[i];
    }
    if (meaning) {
        // The meaning-aware detection, after the phrase one (what the engine uses today).
        const std::string m = acts_text_line(text, *meaning);
        out += " || meaning: " + m.substr(m.find(" | ") + 3);
    }
    return out;
}

namespace {

// One line of `in` without its newline (and a trailing \r), keeping at most limit + 1 bytes of
// it however long it is; false at the end of the input.
bool read_line(std::istream& in, std::string& line, std::size_t limit, bool& too_long) {
    line.clear();
    too_long = false;
    std::streambuf* sb = in.rdbuf();
    if (!sb) return false;
    bool any = false;
    for (int c = sb->sbumpc(); c != std::char_traits<char>::eof(); c = sb->sbumpc()) {
        any = true;
        if (c == '\n') break;
        if (line.size() <= limit)
            line.push_back(static_cast<char>(c));
        else
            too_long = true;
    }
    if (!any) return false;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    too_long = too_long || line.size() > limit;
    return true;
}

}  // namespace

int run_acts(std::istream& in, std::ostream& out, std::ostream& err, const ActDetector& detector,
             bool json, const std::string& source) {
    int code = 0;
    std::string line;
    long number = 0;
    DetectedActs d, m;
    // A lexicon detector of the phrase kind: show its meaning-aware twin beside it.
    const auto* lexicon = dynamic_cast<const LexiconDetector*>(&detector);
    const LexiconDetector* twin =
        lexicon && lexicon->detection() == Detection::Phrases ? &lexicon->meaning() : nullptr;
    bool too_long = false;
    while (read_line(in, line, limits::kMaxReplyBytes, too_long)) {
        ++number;
        if (too_long) {
            err << source << ":" << number << ": error: line longer than " << limits::kMaxReplyBytes
                << " bytes, the longest reply there can be; line skipped (one reply per line)\n";
            code = 2;
            continue;
        }
        if (!is_valid_utf8(line)) {
            err << source << ":" << number
                << ": error: not valid UTF-8; line skipped (save the input as UTF-8)\n";
            code = 2;
            continue;
        }
        detector.detect_into(line, d);
        if (twin) twin->detect_into(line, m);
        const DetectedActs* mp = twin ? &m : nullptr;
        out << (json ? acts_json_line(line, d, mp) : acts_text_line(line, d, mp)) << '\n';
    }
    out.flush();
    return code;
}

}  // namespace dd::text
