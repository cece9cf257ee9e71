// CSV and xAPI exports (exports.h).
#include "exports.h"

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "replay.h"
#include "sim/session/hash.h"
#include "sim/load/transcript_writer.h"
#include "store_internal.h"
#include "summaries.h"

namespace dd::store {

std::string iso8601_duration(std::int64_t ms) {
    if (ms < 0) ms = 0;
    const std::int64_t h = ms / 3600000, m = ms / 60000 % 60, s = ms / 1000 % 60, f = ms % 1000;
    std::string out = "PT";
    if (h) out += std::to_string(h) + "H";
    if (h || m) out += std::to_string(m) + "M";
    out += std::to_string(s);
    if (f) {
        char buf[8];
        std::snprintf(buf, sizeof buf, ".%03d", static_cast<int>(f));
        std::string frac = buf;
        while (frac.back() == '0') frac.pop_back();
        out += frac;
    }
    return out + "S";
}

std::string iso8601_utc(std::int64_t unix_ms) {
    const std::int64_t day = day_of(unix_ms, 0);
    const std::int64_t in_day = unix_ms - day * 86400000;
    char buf[32];
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d.%03dZ", static_cast<int>(in_day / 3600000),
                  static_cast<int>(in_day / 60000 % 60), static_cast<int>(in_day / 1000 % 60),
                  static_cast<int>(in_day % 1000));
    return format_day(day) + buf;
}

namespace {

struct Exported {
    std::vector<AttemptRow> rows;
    std::map<std::int64_t, std::vector<CriterionScore>> criteria;  // by result id
    std::map<std::string, std::string> titles;                     // scenario id → title
};

// The attempts of the filter with their result set's criteria (staff only).
Result<Exported> gather(Store& store, const Principal& who, const AttemptFilter& filter,
                        bool titles) {
    auto rows = store.attempts(who, filter);
    if (!rows) return rows.error();
    return StoreAccess::run(store, [&](sql::Db& db) -> Result<Exported> {
        StoreAccess::require(store, db, who, Role::Supervisor);
        Exported e;
        e.rows = std::move(*rows);
        const Where w = attempt_where(filter);
        auto q = db.once(
            "SELECT r.id, c.criterion_id, coalesce(t.title, c.criterion_id), c.points, "
            "c.max_points, c.passed, c.critical FROM attempts a JOIN people p ON p.id = "
            "a.trainee_id JOIN results r ON r.attempt_seq = a.seq AND ((?1 = '' AND r.original = "
            "1) OR (r.catalogue_hash = ?1 AND r.lexicon_hash = ?2)) JOIN criterion_results c ON "
            "c.result_id = r.id LEFT JOIN catalogue_criteria t ON t.catalogue_hash = "
            "r.catalogue_hash AND t.criterion_id = c.criterion_id WHERE " + w.clause() +
            " ORDER BY r.id, c.position");
        q.bind(1, filter.result_set.catalogue_hash).bind(2, filter.result_set.lexicon_hash);
        w.bind(q, 3);
        while (q.step())
            e.criteria[q.i64(0)].push_back(
                {q.text(1), q.text(2), "", q.i32(3), q.i32(4), q.b(5), q.b(6)});
        if (titles) {
            ReplayCache& cache = StoreAccess::cache(store);
            for (const auto& r : e.rows) {
                if (e.titles.count(r.scenario_id)) continue;
                auto hash = db.query("SELECT scenario_hash FROM attempts WHERE seq = ?1")
                                .with(r.seq)
                                .scalar_text();
                e.titles[r.scenario_id] = scenario_for(cache, db, *hash)->scenario->title;
            }
        }
        return e;
    });
}

// RFC 4180 quoting; a text cell a spreadsheet would take for a formula gets a leading '.
std::string cell(const std::string& s, bool text = true) {
    std::string v = s;
    if (text && !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@'))
        v = "'" + v;
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

Result<std::string> export_csv(Store& store, const Principal& who, const AttemptFilter& filter) {
    auto e = gather(store, who, filter, false);
    if (!e) return e.error();
    const int off = store.utc_offset_minutes();
    std::set<std::string> ids;
    for (const auto& [rid, cs] : e->criteria)
        for (const auto& c : cs) ids.insert(c.id);
    std::string out = "\xEF\xBB\xBF";  // the BOM: Excel then reads UTF-8
    const char* head[] = {"attempt",        "employee_no",     "name",          "site",
                          "cohort",         "scenario",        "scenario_version", "mode",
                          "choice_mode",    "origin",          "ending",        "started",
                          "ended",          "sim_seconds",     "result_set",    "catalogue_version",
                          "score",          "max",             "pass_mark",     "passed",
                          "score_with_overrides", "critical_failed", "phone_calls",
                          "answered_within_3_rings", "response_ms_total", "responses",
                          "resolution_ms_total", "resolutions"};
    bool first = true;
    for (const char* h : head) {
        out += (first ? "" : ",") + std::string(h);
        first = false;
    }
    for (const auto& id : ids) out += "," + cell(id);
    out += "\r\n";
    for (const auto& r : e->rows) {
        auto num = [](auto v) { return std::to_string(v); };
        std::vector<std::string> v = {
            cell(r.uuid), cell(r.trainee), cell(r.trainee_name), cell(r.site), cell(r.cohort),
            cell(r.scenario_id), num(r.scenario_version), std::string(session::mode_name(r.mode)),
            r.choice_mode ? "1" : "0", std::string(session::origin_name(r.origin)),
            std::string(session::ending_name(r.ending)), format_time(r.started_at_ms, off),
            format_time(r.ended_at_ms, off), format_seconds(r.sim_ms),
            filter.result_set.original() ? "original" : filter.result_set.catalogue_hash.substr(0, 12)};
        if (r.result) {
            std::string crit;
            for (const auto& c : r.result->critical_failed) crit += (crit.empty() ? "" : " ") + c;
            v.insert(v.end(), {cell(r.result->catalogue_version), num(r.result->score),
                               num(r.result->max_points), num(r.result->pass_mark),
                               r.result->passed ? "1" : "0", num(r.result->score_with_overrides),
                               cell(crit)});
        } else {
            v.insert(v.end(), 7, "");
        }
        v.insert(v.end(), {num(r.kpi.phone_calls), num(r.kpi.phone_within_3),
                           num(r.kpi.response_ms), num(r.kpi.response_n),
                           num(r.kpi.resolution_ms), num(r.kpi.resolution_n)});
        std::map<std::string, int> points;
        if (r.result)
            for (const auto& c : e->criteria[r.result->id]) points[c.id] = c.points;
        for (const auto& id : ids) {
            auto it = points.find(id);
            v.push_back(it == points.end() ? "" : num(it->second));
        }
        for (std::size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + v[i];
        out += "\r\n";
    }
    return out;
}

namespace {

using J = nlohmann::ordered_json;

J verb(const char* id, const char* en, const char* zh) {
    return J{{"id", id}, {"display", {{"en-US", en}, {"zh-CN", zh}}}};
}

}  // namespace

Result<std::string> export_xapi(Store& store, const Principal& who, const AttemptFilter& filter,
                                const XapiOptions& options) {
    auto e = gather(store, who, filter, true);
    if (!e) return e.error();
    const std::string ns = kXapiNamespace;
    J out = J::array();
    for (const auto& r : e->rows) {
        J s;
        s["id"] = filter.result_set.original()
                      ? r.uuid
                      : session::name_uuid("deskdrill/xapi/" + r.uuid + ":" +
                                     filter.result_set.catalogue_hash + ":" +
                                     filter.result_set.lexicon_hash);
        s["actor"] = {{"objectType", "Agent"},
                      {"name", r.trainee_name},
                      {"account", {{"homePage", options.homepage}, {"name", r.trainee}}}};
        if (r.ending == session::Ending::Abandoned)
            s["verb"] = verb("https://w3id.org/xapi/adl/verbs/abandoned", "abandoned", "中途放弃");
        else if (!r.result)
            s["verb"] = verb("http://adlnet.gov/expapi/verbs/completed", "completed", "完成");
        else if (r.result->passed)
            s["verb"] = verb("http://adlnet.gov/expapi/verbs/passed", "passed", "通过");
        else
            s["verb"] = verb("http://adlnet.gov/expapi/verbs/failed", "failed", "未通过");
        s["object"] = {
            {"objectType", "Activity"},
            {"id", ns + "activities/scenario/" + r.scenario_id},
            {"definition",
             {{"name", {{"zh-CN", e->titles[r.scenario_id]}}},
              {"type", "http://adlnet.gov/expapi/activities/simulation"}}}};
        J result{{"completion", r.ending != session::Ending::Abandoned},
                 {"duration", iso8601_duration(r.sim_ms)}};
        if (r.result) {
            const auto& rs = *r.result;
            result["score"] = {{"scaled", rs.max_points > 0
                                              ? static_cast<double>(rs.score) / rs.max_points
                                              : 0.0},
                               {"raw", rs.score},
                               {"min", 0},
                               {"max", rs.max_points}};
            result["success"] = rs.passed;
            J criteria = J::array();
            for (const auto& c : e->criteria[rs.id])
                criteria.push_back({{"id", c.id}, {"title", c.title}, {"points", c.points},
                                    {"max", c.max_points}, {"passed", c.passed},
                                    {"critical", c.critical}});
            result["extensions"] = {{ns + "extensions/criteria", criteria}};
        }
        s["result"] = result;
        J ext{{ns + "extensions/mode", session::mode_name(r.mode)},
              {ns + "extensions/choice-mode", r.choice_mode},
              {ns + "extensions/origin", session::origin_name(r.origin)},
              {ns + "extensions/ending", session::ending_name(r.ending)},
              {ns + "extensions/site", r.site},
              {ns + "extensions/cohort", r.cohort},
              {ns + "extensions/scenario-version", r.scenario_version}};
        if (r.result)
            ext[ns + "extensions/standards"] = {{"version", r.result->catalogue_version},
                                                 {"catalogue_hash", r.result->catalogue_hash},
                                                 {"lexicon_hash", r.result->lexicon_hash}};
        s["context"] = {{"platform", "DeskDrill"}, {"language", "zh-CN"}, {"extensions", ext}};
        s["timestamp"] = iso8601_utc(r.ended_at_ms);
        s["version"] = "1.0.3";
        out.push_back(std::move(s));
    }
    return out.dump(2) + "\n";
}

}  // namespace dd::store
