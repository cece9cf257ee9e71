// deskdrill report attempt|trainee|cohort|items|agreement — the supervisors' reports
// (sim/store/reports.h) as readable Chinese text or, with --json, as data (reports_json.h).
//   attempt UUID   the stored attempt's debrief rebuilt exactly from its snapshots (the same
//                  bytes `play` printed when it was made); --record: everything stored about it
//   trainee ID     history, trend, weakest criteria, assignments
//   cohort         a cohort, a site, or everything (filters): pass rate, criteria, the KPIs
//   items          facility and discrimination per scenario and criterion
//   agreement      overrides against the automatic result: percent agreement, Cohen's kappa
// Each says which result set it reads (--result-set; default each attempt's original).
// trainee, cohort, items and agreement read a desk's records (--db) or, with --hub, every
// site's on the hub (store/report_source.h: the same reports, computed on the server); on the
// hub, --site names a site by code or name and --region a region.
// Exit: 0 done, 2 bad input or the records could not be read.
#include <cstdio>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "records.h"
#include "scoring/rubric/report.h"
#include "sim/hub/hub_reports.h"
#include "sim/store/reports_json.h"

namespace dd::cli {

namespace {

struct ReportArgs {
    RecordsArgs records;
    std::string hub;
    FilterArgs filter;
    std::string key;  // uuid or employee number
    bool json = false;
    bool record = false;
};

std::string pct(std::optional<double> fraction) {
    if (!fraction) return "—";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", *fraction * 100);
    return buf;
}

std::string num(std::optional<double> v, double scale = 1, const char* unit = "") {
    if (!v) return "—";
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.1f%s", *v / scale, unit);
    return buf;
}

std::string set_line(const store::ResultSetInfo& s) {
    std::ostringstream o;
    if (s.original) {
        o << "计分依据:各次作答时的原始评分";
    } else {
        o << "计分依据:重新评分,标准版本 " << s.catalogue_version << "(标准 "
          << s.catalogue_hash.substr(0, 12) << ",词库 " << s.lexicon_hash.substr(0, 12) << ")";
    }
    if (!s.versions.empty()) {
        o << " — ";
        for (std::size_t i = 0; i < s.versions.size(); ++i)
            o << (i ? "," : "") << "版本 " << s.versions[i].catalogue_version << " × "
              << s.versions[i].attempts;
    }
    return o.str();
}

std::string scope_line(const store::GroupFilter& f, const std::vector<session::Origin>& origins) {
    std::ostringstream o;
    if (!f.region.empty()) o << "区域 " << f.region << " / ";
    o << (f.site.empty() ? "全部项目" : f.site) << " / " << (f.cohort.empty() ? "全部批次" : f.cohort);
    if (!f.scenario.empty()) o << " / " << f.scenario;
    if (f.from_day || f.to_day)
        o << " · " << (f.from_day ? store::format_day(*f.from_day) : "…") << " 至 "
          << (f.to_day ? store::format_day(*f.to_day) : "…");
    o << " · " << (f.mode ? std::string(session::mode_name(*f.mode)) : "全部模式") << " · 来源 ";
    for (std::size_t i = 0; i < origins.size(); ++i)
        o << (i ? "," : "") << session::origin_name(origins[i]);
    o << "(考核仅计监考作答)";
    return o.str();
}

void print_criteria(const std::vector<store::CriterionFigure>& cs) {
    for (const auto& c : cs)
        std::cout << "  " << c.id << "  " << c.title << "  得分率 "
                  << (c.percent ? num(*c.percent, 1, "%") : "—") << " · 通过率 " << pct(c.pass_rate)
                  << " · " << c.n << " 次\n";
}

// Where the reports come from: the hub (--hub) or the records file.
std::unique_ptr<store::ReportSource> open_source(const std::string& cmd, const ReportArgs& a) {
    if (!a.hub.empty()) {
        auto h = hub::hub_reports(a.hub);
        if (!h) {
            fail(cmd, h.error());
            return nullptr;
        }
        return std::move(*h);
    }
    auto r = open_records(cmd, a.records, Access::Read);
    if (!r) return nullptr;
    return store::store_reports(r->store, r->who);
}

int run_attempt(const ReportArgs& a) {
    const std::string cmd = "report attempt";
    auto r = open_records(cmd, a.records, Access::Read);
    if (!r) return 2;
    const int off = r->store->utc_offset_minutes();
    if (a.record) {
        auto d = r->store->attempt(r->who, a.key);
        if (!d) return fail(cmd, d.error());
        std::cout << store::to_json(*d, off);
        return 0;
    }
    auto set = r->store->resolve_result_set(r->who, a.filter.result_set);
    if (!set) return fail(cmd, "--result-set: " + set.error().message);
    auto rb = r->store->rebuild(r->who, a.key, *set);
    if (!rb) return fail(cmd, rb.error());
    if (!rb->matches)
        std::cerr << "deskdrill report attempt: warning: the replay differs from the stored "
                     "result (" << rb->mismatch << "); run deskdrill audit\n";
    if (!rb->detection_note.empty())
        std::cerr << "deskdrill report attempt: note: " << rb->detection_note << "\n";
    const session::AttemptRecord& rec = rb->record;
    if (!rec.report) return fail(cmd, "attempt " + a.key + " was stored without a catalogue: no report");
    if (a.json) {
        std::cout << report_to_json(*rec.report);
        return 0;
    }
    std::cout << "作答 " << rec.uuid << " · 学员 " << rec.trainee << " · "
              << session::mode_name(rec.mode) << " · " << session::origin_name(rec.origin) << " · "
              << session::ending_name(rec.ending) << " · " << format_time(rec.ended_at_ms, off)
              << "\n\n"
              << report_to_text(*rec.report);
    return 0;
}

int run_trainee(const ReportArgs& a) {
    const std::string cmd = "report trainee";
    auto src = open_source(cmd, a);
    if (!src) return 2;
    auto set = src->resolve_result_set(a.filter.result_set);
    if (!set) return fail(cmd, "--result-set: " + set.error().message);
    auto rep = src->trainee(a.key, *set, a.filter.site);
    if (!rep) return fail(cmd, rep.error());
    const int off = src->utc_offset_minutes();
    if (a.json) {
        std::cout << store::to_json(*rep, off);
        return 0;
    }
    const auto& p = rep->person;
    std::cout << "学员报告 · " << p.employee_no << " " << p.name << " · " << p.site << " / "
              << p.cohort << "\n"
              << set_line(rep->result_set) << "\n"
              << "作答 " << rep->history.size() << " 次";
    if (rep->trend_slope) std::cout << " · 趋势 " << num(rep->trend_slope) << " 分/次";
    if (rep->recent_mean) std::cout << " · 最近 5 次平均 " << num(rep->recent_mean, 1, "%");
    if (rep->earlier_mean) std::cout << "(此前 " << num(rep->earlier_mean, 1, "%") << ")";
    std::cout << "\n\n最薄弱的评分项:\n";
    std::vector<store::CriterionFigure> weakest(
        rep->weakest.begin(), rep->weakest.begin() + std::min<std::size_t>(5, rep->weakest.size()));
    print_criteria(weakest);
    std::cout << "\n历史(最新在前):\n";
    for (const auto& h : rep->history) {
        std::cout << "  " << format_time(h.ended_at_ms, off) << "  " << h.scenario_id << "  "
                  << session::mode_name(h.mode) << "/" << session::origin_name(h.origin) << "/"
                  << session::ending_name(h.ending) << "  ";
        if (h.result) {
            std::cout << h.result->score << "/" << h.result->max_points << " "
                      << (h.result->passed ? "通过" : "未通过");
            if (h.result->score_with_overrides != h.result->score)
                std::cout << "(复核后 " << h.result->score_with_overrides << ")";
        } else {
            std::cout << "(无此评分)";
        }
        std::cout << "  " << h.uuid << "\n";
    }
    if (!rep->assignments.empty()) {
        std::cout << "\n任务:\n";
        for (const auto& s : rep->assignments)
            std::cout << "  #" << s.assignment_id << "  " << s.scenario_id << "  "
                      << session::mode_name(s.mode) << "  "
                      << (s.overdue ? "已逾期" : s.done ? "已完成" : "未完成")
                      << (s.due_ms ? "  截止 " + format_time(*s.due_ms - 1, off) : "") << "\n";
    }
    return 0;
}

int run_cohort(const ReportArgs& a) {
    const std::string cmd = "report cohort";
    auto src = open_source(cmd, a);
    if (!src) return 2;
    auto f = make_group_filter(cmd, a.filter, *src);
    if (!f) return 2;
    auto rep = src->group(*f);
    if (!rep) return fail(cmd, rep.error());
    if (a.json) {
        std::cout << store::to_json(*rep, src->utc_offset_minutes());
        return 0;
    }
    const auto& g = rep->figures;
    std::cout << "班组报告 · " << scope_line(rep->filter, rep->origins) << "\n"
              << set_line(rep->result_set) << "\n"
              << "学员 " << rep->trainees << " 人 · 作答 " << g.attempts << " 次 · 通过 "
              << g.passed << " 次(" << pct(g.pass_rate) << ")· 平均分 " << num(g.mean_score)
              << "\n结束方式:完成 " << g.finished << " · 中途放弃 " << g.abandoned << " · 超时 "
              << g.timed_out << "\n\nKPI(seed 004 §2):\n"
              << "  三声内接听     " << g.phone_within_3 << " / " << g.phone_calls << " 通("
              << pct(g.within_3_rate) << ")\n"
              << "  平均响应时间   " << num(g.response_mean_ms, 1000, " 秒") << "\n"
              << "  平均办结时间   " << num(g.resolution_mean_ms, 1000, " 秒") << "\n"
              << "  投诉处理成功率 " << g.complaint_passed << " / " << g.complaint_attempts << "("
              << pct(g.complaint_success_rate) << ")\n\n各评分项:\n";
    print_criteria(rep->criteria);
    std::cout << "\n各场景:\n";
    for (const auto& s : rep->scenarios)
        std::cout << "  " << s.scenario_id << "  " << s.attempts << " 次 · 通过率 "
                  << pct(s.pass_rate) << " · 平均分 " << num(s.mean_score) << "\n";
    return 0;
}

int run_items(const ReportArgs& a) {
    const std::string cmd = "report items";
    auto src = open_source(cmd, a);
    if (!src) return 2;
    auto f = make_group_filter(cmd, a.filter, *src);
    if (!f) return 2;
    auto rep = src->items(*f);
    if (!rep) return fail(cmd, rep.error());
    if (a.json) {
        std::cout << store::to_json(*rep, src->utc_offset_minutes());
        return 0;
    }
    std::cout << "题项分析(难度系数 facility · 区分度 discrimination,前后三分之一)· "
              << scope_line(rep->filter, rep->origins) << "\n"
              << set_line(rep->result_set) << "\n";
    for (const auto& s : rep->scenarios) {
        std::cout << "\n" << s.scenario_id << " · " << s.attempts << " 次 · 平均分 "
                  << num(s.mean_score) << "\n";
        for (const auto& i : s.items)
            std::cout << "  " << i.criterion_id << "  " << i.title << "  facility "
                      << (i.facility ? num(*i.facility, 1, "%") : "—") << " · discrimination "
                      << (i.discrimination ? num(*i.discrimination * 100, 100) : "—(少于 3 次)")
                      << "\n";
    }
    return 0;
}

int run_agreement(const ReportArgs& a) {
    const std::string cmd = "report agreement";
    auto src = open_source(cmd, a);
    if (!src) return 2;
    auto f = make_group_filter(cmd, a.filter, *src);
    if (!f) return 2;
    auto rep = src->agreement(*f);
    if (!rep) return fail(cmd, rep.error());
    if (a.json) {
        std::cout << store::to_json(*rep, src->utc_offset_minutes());
        return 0;
    }
    std::cout << "复核一致性(主管复核 vs 自动评分)· " << scope_line(rep->filter, rep->origins)
              << "\n" << set_line(rep->result_set) << "\n";
    auto line = [](const store::AgreementFigure& g) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.3f", g.kappa.value_or(0));
        std::cout << "  " << g.criterion_id << "  " << g.title << "  " << g.n << " 项 · 一致 "
                  << num(g.percent_agreement, 1, "%") << " · kappa "
                  << (g.kappa ? std::string(buf) : "—") << "\n";
    };
    for (const auto& c : rep->criteria) line(c);
    std::cout << "合计:\n";
    line(rep->overall);
    return 0;
}

void add_hub_options(CLI::App* sub, ReportArgs& a) {
    sub->add_option("--hub", a.hub,
                    "every site's records on the hub (a libpq connection string of a "
                    "headquarters role) instead of a records file; --site is then a site's code "
                    "or name");
    sub->add_option("--region", a.filter.region, "with --hub: only the sites of this region");
}

}  // namespace

void add_report_command(CLI::App& root, int& exit_code) {
    auto* report = root.add_subcommand("report", "Reports from the records (text, or --json)");
    report->require_subcommand(1);
    report->footer(kRecordsFooter);
    auto args = std::make_shared<ReportArgs>();
    auto common = [&](CLI::App* sub) {
        add_records_options(sub, args->records, Access::Read);
        sub->add_flag("--json", args->json, "JSON instead of text");
    };

    auto* attempt = report->add_subcommand("attempt", "One stored attempt's debrief, rebuilt exactly");
    common(attempt);
    attempt->add_option("UUID", args->key, "the attempt's uuid")->required();
    attempt->add_option("--result-set", args->filter.result_set,
                        "score under this result set (default: its original)");
    attempt->add_flag("--record", args->record,
                      "everything stored about it (snapshots, result sets, overrides, transcript) "
                      "as JSON");
    attempt->callback([args, &exit_code] { exit_code = run_attempt(*args); });

    auto* trainee = report->add_subcommand("trainee", "A trainee's history, trend, weakest criteria");
    common(trainee);
    trainee->add_option("ID", args->key, "employee number")->required();
    trainee->add_option("--result-set", args->filter.result_set,
                        "which scores (default: each attempt's original)");
    trainee->add_option("--hub", args->hub,
                        "read the hub (a libpq connection string) instead of a records file");
    trainee->add_option("--site", args->filter.site,
                        "with --hub: the trainee's site (code or name), when employee numbers "
                        "repeat across sites");
    trainee->callback([args, &exit_code] { exit_code = run_trainee(*args); });

    auto* cohort = report->add_subcommand(
        "cohort", "A cohort's or a site's figures: pass rate, criteria, KPIs (seed 004)");
    common(cohort);
    add_filter_options(cohort, args->filter, false);
    add_hub_options(cohort, *args);
    cohort->callback([args, &exit_code] { exit_code = run_cohort(*args); });

    auto* items = report->add_subcommand("items", "Item statistics: facility, discrimination");
    common(items);
    add_filter_options(items, args->filter, false);
    add_hub_options(items, *args);
    items->callback([args, &exit_code] { exit_code = run_items(*args); });

    auto* agreement = report->add_subcommand(
        "agreement", "Supervisors' overrides against the automatic result: agreement, kappa");
    common(agreement);
    add_filter_options(agreement, args->filter, false);
    add_hub_options(agreement, *args);
    agreement->callback([args, &exit_code] { exit_code = run_agreement(*args); });
}

}  // namespace dd::cli
