// Serialising a ScoreReport: the stable JSON of DESIGN §5 (ordered keys, UTF-8 not escaped,
// two-space indent — deterministic bytes, Chinese words) and a readable debrief for a terminal.
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

Json evidence_json(const Evidence& e, const i18n::Strings& zh) {
    Json j;
    j["t"] = e.t;
    j["time"] = format_clock(e.t);
    j["what"] = e.what;
    j["thread"] = e.thread;
    j["text"] = evidence_text(e, zh, i18n::Detail::Ids);
    if (has_span(e)) {
        j["highlight"] = Json::array({e.highlight_begin, e.highlight_end});
        j["match"] = e.text.substr(static_cast<std::size_t>(e.highlight_begin),
                                   static_cast<std::size_t>(e.highlight_end - e.highlight_begin));
    } else {
        j["highlight"] = nullptr;
        j["match"] = "";
    }
    j["note"] = zh.render(e.note, i18n::Detail::Ids);
    if (e.review) j["review"] = true;
    return j;
}

std::string quoted(const Evidence& e, const i18n::Strings& s) {
    if (e.text.empty()) return "“" + evidence_text(e, s) + "”";
    if (!has_span(e)) return "“" + e.text + "”";
    const auto b = static_cast<std::size_t>(e.highlight_begin);
    const auto en = static_cast<std::size_t>(e.highlight_end);
    return "“" + e.text.substr(0, b) + "【" + e.text.substr(b, en - b) + "】" + e.text.substr(en) +
           "”";
}

}  // namespace

std::string criterion_title(const CriterionResult& c, const i18n::Strings& s) {
    if (s.lang() != "zh" && !c.title_en.empty()) return c.title_en;
    return c.title.empty() ? c.id : c.title;
}

std::string criterion_feedback(const CriterionResult& c, const i18n::Strings& s) {
    if (!c.verdict.empty()) return s.render(c.verdict);
    if (s.lang() != "zh" && !c.feedback_en.empty()) return c.feedback_en;
    return c.feedback;
}

std::string evidence_text(const Evidence& e, const i18n::Strings& s, i18n::Detail detail) {
    if (!e.text.empty() || e.shows.empty()) return e.text;
    return s.render(e.shows, detail);
}

std::string report_to_json(const ScoreReport& r) {
    const i18n::Strings& zh = i18n::builtin("zh");
    Json j;
    j["scenario"] = r.scenario;
    j["scenario_version"] = r.scenario_version;
    j["title"] = r.title;
    j["catalogue_version"] = r.catalogue_version;
    if (!r.detection.empty()) j["detection"] = r.detection;
    j["seed"] = r.seed;
    j["score"] = r.score;
    j["max"] = r.max;
    j["pass_mark"] = r.pass_mark;
    j["passed"] = r.passed;
    j["critical_failed"] = r.critical_failed;
    if (!r.case_failed.empty()) j["case_failed"] = r.case_failed;
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
        for (const auto& e : c.evidence) ev.push_back(evidence_json(e, zh));
        cj["evidence"] = std::move(ev);
        cj["source"] = c.source;
        cj["rule"] = c.rule;
        cj["feedback"] = criterion_feedback(c, zh);
        if (c.review) cj["review"] = true;
        crits.push_back(std::move(cj));
    }
    j["criteria"] = std::move(crits);
    j["debrief"] = r.debrief;
    if (!r.warnings.empty()) {
        Json w = Json::array();
        for (const auto& m : r.warnings) w.push_back(zh.render(m, i18n::Detail::Ids));
        j["warnings"] = std::move(w);
    }
    if (!r.rejected.empty()) {
        Json rj = Json::array();
        for (const auto& x : r.rejected) {
            Json one;
            one["t"] = x.t;
            one["time"] = format_clock(x.t);
            one["thread"] = x.thread;
            one["action"] = zh.render(x.shows, i18n::Detail::Ids);
            one["reason"] = zh.render(x.reason, i18n::Detail::Ids);
            rj.push_back(std::move(one));
        }
        j["rejected"] = std::move(rj);
    }
    // `replace`: a stray invalid byte in a trainee's text must not stop the report.
    return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string report_to_text(const ScoreReport& r, const i18n::Strings& s) {
    std::string out;
    out += r.title.empty()
               ? r.scenario
               : r.title + "  (" + r.scenario + " v" + std::to_string(r.scenario_version) + ")";
    out += "\n";
    out += s.fmt("reporttext.catalogue",
                 {{"version", r.catalogue_version}, {"seed", std::to_string(r.seed)}}) +
           "\n";
    out += s.fmt("reporttext.total",
                 {{"score", std::to_string(r.score)},
                  {"max", std::to_string(r.max)},
                  {"pass_mark", std::to_string(r.pass_mark)},
                  {"result", s.tr(r.passed ? "reporttext.passed" : "reporttext.failed")}}) +
           "\n";
    // "标题 (id)、…" for a list of criterion ids.
    const auto titles = [&](const std::vector<std::string>& ids) {
        std::string list;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            std::string title = ids[i];
            for (const auto& c : r.criteria)
                if (c.id == ids[i]) title = criterion_title(c, s) + " (" + ids[i] + ")";
            list += (i ? s.tr("join.and") : "") + title;
        }
        return list;
    };
    if (!r.critical_failed.empty())
        out += s.fmt("reporttext.critical", {{"list", titles(r.critical_failed)}}) + "\n";
    if (!r.case_failed.empty())
        out += s.fmt("reporttext.case", {{"list", titles(r.case_failed)}}) + "\n";
    for (const auto& w : r.warnings)
        out += s.fmt("reporttext.warning", {{"text", s.render(w)}}) + "\n";
    for (const auto& x : r.rejected)
        out += s.fmt("reporttext.rejected", {{"time", format_clock(x.t)},
                                              {"action", s.render(x.shows)},
                                              {"reason", s.render(x.reason)}}) +
               "\n";
    out += "\n";
    for (const auto& c : r.criteria) {
        out += std::string(c.passed ? "✓ " : "✗ ") + criterion_title(c, s) + "  " +
               std::to_string(c.points) + "/" + std::to_string(c.max) + "  [" + c.id + "]" +
               (c.critical ? s.tr("reporttext.critical_tag") : "") +
               (c.review ? s.tr("reporttext.review_tag") : "") + "\n";
        for (const auto& e : c.evidence) {
            const std::string note = s.render(e.note);
            out += "    · ";
            if (e.what == evidence_kind::kMissing) {
                out += evidence_text(e, s) + "  " + note;
            } else if (e.what == evidence_kind::kNotApplicable ||
                       e.what == evidence_kind::kSummary || e.what == evidence_kind::kConfig ||
                       e.what == evidence_kind::kError) {
                out += note;
            } else {
                out += format_clock(e.t);
                if (!e.thread.empty()) out += " [" + e.thread + "]";
                if (!e.text.empty() || !e.shows.empty()) out += " " + quoted(e, s);
                if (!note.empty()) out += " — " + note;
            }
            out += "\n";
        }
        const std::string feedback = criterion_feedback(c, s);
        if (!feedback.empty()) out += s.fmt("reporttext.feedback", {{"text", feedback}}) + "\n";
        if (!c.passed || !c.rule.empty()) {
            out += s.fmt("reporttext.rule", {{"rule", c.rule}});
            if (!c.source.empty()) out += s.fmt("reporttext.source", {{"source", c.source}});
            out += "\n";
        }
    }
    if (!r.debrief.empty()) {
        std::string d = r.debrief;
        while (!d.empty() && (d.back() == '\n' || d.back() == ' ')) d.pop_back();
        out += "\n" + std::string(s.tr("reporttext.debrief")) + "\n" + d + "\n";
    }
    return out;
}

}  // namespace dd
