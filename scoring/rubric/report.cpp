// Serialising a ScoreReport: the stable JSON of DESIGN §5 (ordered keys, UTF-8 not escaped,
// two-space indent — deterministic bytes) and a readable Chinese debrief for a terminal.
#include <nlohmann/json.hpp>

#include "report.h"
#include "sim/model/duration.h"

namespace dd {

namespace {

using Json = nlohmann::ordered_json;

bool has_span(const Evidence& e) {
    return e.highlight_begin >= 0 && e.highlight_end > e.highlight_begin &&
           e.highlight_end <= static_cast<int>(e.text.size());
}

Json evidence_json(const Evidence& e) {
    Json j;
    j["t"] = e.t;
    j["time"] = format_clock(e.t);
    j["what"] = e.what;
    j["thread"] = e.thread;
    j["text"] = e.text;
    if (has_span(e)) {
        j["highlight"] = Json::array({e.highlight_begin, e.highlight_end});
        j["match"] = e.text.substr(static_cast<std::size_t>(e.highlight_begin),
                                   static_cast<std::size_t>(e.highlight_end - e.highlight_begin));
    } else {
        j["highlight"] = nullptr;
        j["match"] = "";
    }
    j["note"] = e.note;
    return j;
}

std::string quoted(const Evidence& e) {
    if (!has_span(e)) return "“" + e.text + "”";
    const auto b = static_cast<std::size_t>(e.highlight_begin);
    const auto en = static_cast<std::size_t>(e.highlight_end);
    return "“" + e.text.substr(0, b) + "【" + e.text.substr(b, en - b) + "】" + e.text.substr(en) +
           "”";
}

}  // namespace

std::string report_to_json(const ScoreReport& r) {
    Json j;
    j["scenario"] = r.scenario;
    j["scenario_version"] = r.scenario_version;
    j["title"] = r.title;
    j["catalogue_version"] = r.catalogue_version;
    j["seed"] = r.seed;
    j["score"] = r.score;
    j["max"] = r.max;
    j["pass_mark"] = r.pass_mark;
    j["passed"] = r.passed;
    j["critical_failed"] = r.critical_failed;
    Json crits = Json::array();
    for (const auto& c : r.criteria) {
        Json cj;
        cj["id"] = c.id;
        cj["title"] = c.title;
        cj["category"] = c.category;
        cj["points"] = c.points;
        cj["max"] = c.max;
        cj["passed"] = c.passed;
        cj["critical"] = c.critical;
        Json ev = Json::array();
        for (const auto& e : c.evidence) ev.push_back(evidence_json(e));
        cj["evidence"] = std::move(ev);
        cj["source"] = c.source;
        cj["rule"] = c.rule;
        cj["feedback"] = c.feedback;
        crits.push_back(std::move(cj));
    }
    j["criteria"] = std::move(crits);
    j["debrief"] = r.debrief;
    if (!r.warnings.empty()) j["warnings"] = r.warnings;
    // `replace`: a stray invalid byte in a trainee's text must not stop the report.
    return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string report_to_text(const ScoreReport& r) {
    std::string out;
    out += r.title.empty()
               ? r.scenario
               : r.title + "  (" + r.scenario + " v" + std::to_string(r.scenario_version) + ")";
    out += "\n";
    out += "评分标准 " + r.catalogue_version + " · 种子 " + std::to_string(r.seed) + "\n";
    out += "总分 " + std::to_string(r.score) + " / " + std::to_string(r.max) + " · 及格线 " +
           std::to_string(r.pass_mark) + " · " + (r.passed ? "✓ 通过" : "✗ 未通过") + "\n";
    if (!r.critical_failed.empty()) {
        out += "一票否决:";
        for (std::size_t i = 0; i < r.critical_failed.size(); ++i) {
            const std::string& id = r.critical_failed[i];
            std::string title = id;
            for (const auto& c : r.criteria)
                if (c.id == id) title = c.title + " (" + id + ")";
            out += (i ? "、" : "") + title;
        }
        out += "\n";
    }
    for (const auto& w : r.warnings) out += "注意:" + w + "\n";
    out += "\n";
    for (const auto& c : r.criteria) {
        out += std::string(c.passed ? "✓ " : "✗ ") + c.title + "  " + std::to_string(c.points) +
               "/" + std::to_string(c.max) + "  [" + c.id + "]" +
               (c.critical ? "  一票否决项" : "") + "\n";
        for (const auto& e : c.evidence) {
            out += "    · ";
            if (e.what == "missing") {
                out += e.text + "  " + e.note;
            } else if (e.what == "n/a" || e.what == "summary" || e.what == "config" ||
                       e.what == "error") {
                out += e.note;
            } else {
                out += format_clock(e.t);
                if (!e.thread.empty()) out += " [" + e.thread + "]";
                if (!e.text.empty()) out += " " + quoted(e);
                if (!e.note.empty()) out += " — " + e.note;
            }
            out += "\n";
        }
        if (!c.feedback.empty()) out += "    反馈:" + c.feedback + "\n";
        if (!c.passed || !c.rule.empty()) {
            out += "    标准:" + c.rule;
            if (!c.source.empty()) out += "(" + c.source + ")";
            out += "\n";
        }
    }
    if (!r.debrief.empty()) {
        std::string d = r.debrief;
        while (!d.empty() && (d.back() == '\n' || d.back() == ' ')) d.pop_back();
        out += "\n讲评:\n" + d + "\n";
    }
    return out;
}

}  // namespace dd
