// Transcript → YAML (DESIGN §3 format).
#include "transcript_writer.h"

#include <cstdio>

namespace dd {

std::string format_seconds(Millis ms) {
    const char* sign = ms < 0 ? "-" : "";
    if (ms < 0) ms = -ms;
    char buf[48];
    const long long whole = static_cast<long long>(ms / 1000);
    const int frac = static_cast<int>(ms % 1000);
    if (frac == 0) {
        std::snprintf(buf, sizeof buf, "%s%lld", sign, whole);
    } else {
        std::snprintf(buf, sizeof buf, "%s%lld.%03d", sign, whole, frac);
        std::string s = buf;
        while (s.back() == '0') s.pop_back();
        return s;
    }
    return buf;
}

std::string yaml_quote(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (c < 0x20 || c == 0x7F) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\x%02X", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + "\"";
}

namespace {

std::string fields_map(const Action& a) {
    std::string out = "{";
    bool first = true;
    for (const auto& [k, v] : a.fields) {
        if (!first) out += ", ";
        first = false;
        out += k + ": " + yaml_quote(v);
    }
    return out + "}";
}

}  // namespace

std::string transcript_to_yaml(const Transcript& t, const std::string& comment) {
    std::string out;
    if (!comment.empty()) {
        size_t start = 0;
        while (start <= comment.size()) {
            auto nl = comment.find('\n', start);
            out += "# " + comment.substr(start, nl == std::string::npos ? nl : nl - start) + "\n";
            if (nl == std::string::npos) break;
            start = nl + 1;
        }
    }
    out += "scenario: " + t.scenario + "\n";
    out += "seed: " + std::to_string(t.seed) + "\n";
    if (!t.mode.empty()) out += "mode: " + t.mode + "\n";
    if (!t.trainee.empty()) out += "trainee: " + yaml_quote(t.trainee) + "\n";
    out += "actions:\n";
    for (const Action& a : t.actions) {
        std::string item = "  - {at: " + format_seconds(a.at) + ", ";
        const std::string verb(verb_name(a.verb));
        switch (a.verb) {
            case Verb::Say:
                item += "say: " + yaml_quote(a.text);
                break;
            case Verb::Choose:
                // 1-based in the file (as numbered for the trainee), 0-based in Action::choice.
                item += "choose: " +
                        (a.choice >= 0 ? std::to_string(a.choice + 1) : yaml_quote(a.text));
                break;
            case Verb::Record:
            case Verb::Classify:
                item += verb + ": " + fields_map(a);
                break;
            case Verb::RegisterVisitor:
                item += verb + ": " + (a.fields.empty() ? std::string("true") : fields_map(a));
                break;
            case Verb::Wait:
                item += "wait: " + format_seconds(a.duration) + "s";
                break;
            case Verb::End:
                item += "end: true";
                break;
            default:
                item += verb + ": " + yaml_quote(a.arg);
                break;
        }
        if (!a.to.empty()) item += ", to: " + yaml_quote(a.to);
        out += item + "}\n";
    }
    return out;
}

}  // namespace dd
