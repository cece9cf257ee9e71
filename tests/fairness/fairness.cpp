// The fairness suite's runner and evaluator (tests/fairness/README.md).
//
//   fairness --dir DIR --case SCENARIO/PERSONA [--deskdrill PATH] [--known-gaps FILE]
//       checks one case's rules; exit 0 when the verdict agrees (or a listed gap still
//       disagrees), 1 when it does not (or a listed gap now agrees), 2 on bad input
//   fairness --dir DIR --suite
//       checks the suite itself: every transcript has a verdict and the other way round, every
//       rule names a persona and a criterion that exist, every known gap a case, at least 12
//       scenarios over every category
//   fairness --dir DIR --eval [--deskdrill PATH] [--detection meaning]
//       prints agreement per persona, for the tuned and the held-out parts
//
// Reports come from the real program (`--deskdrill PATH`: `deskdrill play SCENARIO --transcript
// FILE --json`) or, without it, from the same library calls (sim/session replay_attempt) — which
// can also force the meaning-aware detection (`--detection meaning`): since phase 2 of issue 12
// it is what the library plays with already (kPlayDetection), so the figures are the same.
#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "common/yaml/yaml_safe.h"
#include "scoring/text/lexicon.h"
#include "sim/load/transcript_loader.h"
#include "sim/model/enums.h"
#include "sim/session/attempt.h"
#include "sim/session/library.h"
#include "sim/session/resources.h"

namespace fs = std::filesystem;

namespace {

// ------------------------------------------------------------------------------- verdicts

struct Rule {
    std::string kind;  // passes, fails, min_score, max_score, loses_at_least, same_score_as,
                       // fails_criterion, passes_criterion
    int number = 0;
    std::string name;  // the persona (than / same_score_as) or the criterion
};

struct Case {
    std::string scenario, persona, verdict;
    bool heldout = false;
    std::vector<Rule> rules;
    std::string transcript;  // path
    std::string where;       // file:line of its verdict
};

struct Suite {
    std::vector<Case> cases;
    std::vector<std::string> errors;
    const Case* find(const std::string& scenario, const std::string& persona) const {
        for (const auto& c : cases)
            if (c.scenario == scenario && c.persona == persona) return &c;
        return nullptr;
    }
};

constexpr std::array<std::string_view, 2> kTopKeys = {"scenario", "part"};
constexpr std::array<std::string_view, 2> kCaseKeys = {"verdict", "rules"};
constexpr std::array<std::string_view, 8> kRuleKinds = {
    "passes",         "fails",         "min_score",       "max_score",
    "loses_at_least", "same_score_as", "fails_criterion", "passes_criterion"};

void read_verdicts(const fs::path& file, Suite& suite) {
    dd::Diagnostics diags;
    auto doc = dd::yaml::parse_file(file.string(), diags);
    if (doc) {
        dd::yaml::Reader r(*doc, diags);
        const YAML::Node& root = doc->root();
        if (r.expect_map(root, "verdicts")) {
            std::array<std::string_view, 3> keys = {"scenario", "part", "cases"};
            dd::yaml::Fields top(r, root, "verdicts", keys);
            const auto scenario =
                top.require("scenario") ? r.string(top, "scenario") : std::nullopt;
            const std::array<std::string_view, 2> parts = {"tuned", "heldout"};
            const auto part = top.require("part") ? r.one_of(top, "part", parts) : std::nullopt;
            if (scenario && *scenario != file.parent_path().filename().string())
                r.error(*top.get("scenario"), "scenario '" + *scenario +
                                                  "' is not the folder's name; the folder is "
                                                  "the scenario id");
            if (top.require("cases") && r.expect_map(*top.get("cases"), "cases")) {
                for (const auto& kv : *top.get("cases")) {
                    auto persona = r.string(kv.first, "persona");
                    if (!persona) continue;
                    Case c;
                    c.scenario = scenario.value_or("");
                    c.persona = *persona;
                    c.heldout = part && *part == "heldout";
                    const auto pos = r.pos(kv.first);
                    c.where = file.string() + ":" + std::to_string(pos.line);
                    c.transcript = (file.parent_path() / (*persona + ".yaml")).string();
                    if (!r.expect_map(kv.second, "case '" + *persona + "'")) continue;
                    dd::yaml::Fields f(r, kv.second, "case '" + *persona + "'", kCaseKeys);
                    if (f.require("verdict")) c.verdict = r.string(f, "verdict").value_or("");
                    if (f.require("rules") && r.expect_list(*f.get("rules"), "rules")) {
                        for (const auto& item : *f.get("rules")) {
                            Rule rule;
                            if (item.IsScalar()) {
                                rule.kind = item.Scalar();
                                if (rule.kind != "passes" && rule.kind != "fails") {
                                    r.error(item,
                                            "a bare rule is `passes` or `fails`; the others "
                                            "take a value: {min_score: 80}");
                                    continue;
                                }
                            } else if (item.IsMap() && item.size() >= 1) {
                                auto k = r.one_of(item.begin()->first, "rule", kRuleKinds);
                                if (!k) continue;
                                rule.kind = *k;
                                const YAML::Node& v = item.begin()->second;
                                if (rule.kind == "loses_at_least") {
                                    if (item.size() != 2 || !item["than"]) {
                                        r.error(item, "loses_at_least needs `than: PERSONA`");
                                        continue;
                                    }
                                    rule.number = static_cast<int>(
                                        r.integer(item["loses_at_least"], "points", 0, 100)
                                            .value_or(0));
                                    rule.name = r.string(item["than"], "than").value_or("");
                                } else if (rule.kind == "min_score" || rule.kind == "max_score") {
                                    rule.number = static_cast<int>(
                                        r.integer(v, rule.kind, 0, 100).value_or(0));
                                } else {
                                    rule.name = r.string(v, rule.kind).value_or("");
                                }
                            } else {
                                r.error(item, "a rule is `passes`, `fails` or {kind: value}");
                                continue;
                            }
                            c.rules.push_back(rule);
                        }
                    }
                    if (c.rules.empty()) r.error(kv.first, "case '" + *persona + "' has no rules");
                    suite.cases.push_back(std::move(c));
                }
            }
        }
    }
    for (const auto& d : diags.items())
        if (d.severity == dd::Diagnostic::Severity::Error)
            suite.errors.push_back(dd::format_diagnostic(d));
}

Suite read_suite(const fs::path& dir) {
    Suite s;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        s.errors.push_back(dir.string() + ": not a folder (the fairness suite, tests/fairness)");
        return s;
    }
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_directory() && fs::exists(e.path() / "verdicts.yaml"))
            files.push_back(e.path() / "verdicts.yaml");
    std::sort(files.begin(), files.end());
    for (const auto& f : files) read_verdicts(f, s);
    return s;
}

// ---------------------------------------------------------------------------------- known gaps

struct Gap {
    std::string reason;
    int line = 0;
};

std::map<std::string, Gap> read_gaps(const std::string& path, std::vector<std::string>& errors) {
    std::map<std::string, Gap> gaps;
    if (path.empty()) return gaps;
    std::ifstream in(path);
    if (!in) {
        errors.push_back(path + ": cannot read the known gaps");
        return gaps;
    }
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        if (line.empty() || line[0] == '#') continue;
        const auto sp = line.find_first_of(" \t");
        const std::string id = line.substr(0, sp);
        std::string reason = sp == std::string::npos ? "" : line.substr(sp);
        reason.erase(0, reason.find_first_not_of(" \t"));
        if (id.find('/') == std::string::npos || reason.empty()) {
            errors.push_back(path + ":" + std::to_string(n) +
                             ": expected `SCENARIO/PERSONA  reason (the change that fixes it)`");
            continue;
        }
        if (gaps.count(id))
            errors.push_back(path + ":" + std::to_string(n) + ": '" + id + "' is listed twice");
        gaps[id] = {reason, n};
    }
    return gaps;
}

// ------------------------------------------------------------------------------------ reports

struct Outcome {
    bool ok = false;
    std::string error;
    int score = 0;
    bool passed = false;
    std::map<std::string, bool> criteria;  // id → passed
};

class Player {
  public:
    Player(std::string deskdrill, bool meaning) : deskdrill_(std::move(deskdrill)) {
        if (!deskdrill_.empty()) return;
        dd::Diagnostics diags;
        const std::string lib = DESKDRILL_SCENARIOS_DIR;
        auto res =
            dd::session::Resources::load(lib + "/lexicon.yaml", lib + "/standards.yaml", diags);
        if (res && meaning && res->detector) {
            // The same resources with the meaning-aware detection in place of the phrase one.
            const auto* lex = dynamic_cast<const dd::LexiconDetector*>(res->detector.get());
            if (lex) {
                auto copy = std::make_shared<dd::session::Resources>(*res);
                copy->detector =
                    std::shared_ptr<const dd::ActDetector>(res->detector, &lex->meaning());
                res = copy;
            }
        }
        resources_ = res;
    }

    const Outcome& play(const Case& c) {
        const std::string key = c.scenario + "/" + c.persona;
        auto it = cache_.find(key);
        if (it != cache_.end()) return it->second;
        return cache_[key] = deskdrill_.empty() ? play_library(c) : play_program(c);
    }

  private:
    static Outcome from_json(const std::string& text) {
        Outcome o;
        try {
            // `play` warns on stderr (refused actions) before the report: the JSON starts at
            // the first line that opens an object.
            std::size_t at = text.rfind('{', 0) == 0 ? 0 : text.find("\n{");
            at = at == std::string::npos ? 0 : (at == 0 ? 0 : at + 1);
            const auto j = nlohmann::json::parse(text.substr(at));
            o.score = j.at("score").get<int>();
            o.passed = j.at("passed").get<bool>();
            for (const auto& cr : j.at("criteria"))
                o.criteria[cr.at("id").get<std::string>()] = cr.at("passed").get<bool>();
            o.ok = true;
        } catch (const std::exception& e) {
            o.error = std::string("the report is not the JSON of `play --json`: ") + e.what();
        }
        return o;
    }

    Outcome play_program(const Case& c) const {
        const std::string cmd = "'" + deskdrill_ + "' play '" + c.scenario + "' --transcript '" +
                                c.transcript + "' --json 2>&1";
        std::string out;
        if (FILE* p = popen(cmd.c_str(), "r")) {
            std::array<char, 4096> buf{};
            std::size_t n;
            while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
            const int status = pclose(p);
            const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            if (code != 0 && code != 1) {
                Outcome o;
                o.error = "deskdrill play exited with " + std::to_string(code) + ":\n" + out;
                return o;
            }
        }
        return from_json(out);
    }

    Outcome play_library(const Case& c) const {
        Outcome o;
        if (!resources_ || !resources_->can_play() || !resources_->can_score()) {
            o.error = "the library's lexicon or catalogue did not load";
            return o;
        }
        std::ostringstream err;
        auto scenario = dd::session::resolve_scenario(c.scenario, DESKDRILL_SCENARIOS_DIR, err);
        dd::Diagnostics diags;
        auto transcript = dd::load_transcript_file(c.transcript, diags);
        if (!scenario || !transcript || diags.has_errors()) {
            o.error = err.str() + diags.to_string();
            return o;
        }
        const auto record = dd::session::replay_attempt(*scenario, *transcript, *resources_);
        if (!record.report) {
            o.error = "no report";
            return o;
        }
        o.ok = true;
        o.score = record.report->score;
        o.passed = record.report->passed;
        for (const auto& cr : record.report->criteria) o.criteria[cr.id] = cr.passed;
        return o;
    }

    std::string deskdrill_;
    std::shared_ptr<const dd::session::Resources> resources_;
    std::map<std::string, Outcome> cache_;
};

// ------------------------------------------------------------------------------------ judging

struct Judgement {
    bool agrees = true;
    bool error = false;
    std::vector<std::string> lines;  // one per rule: ✓/✗ and why
};

Judgement judge(const Suite& suite, const Case& c, Player& player) {
    Judgement j;
    const Outcome& me = player.play(c);
    if (!me.ok) {
        j.error = true;
        j.lines.push_back(c.scenario + "/" + c.persona + ": " + me.error);
        return j;
    }
    for (const Rule& r : c.rules) {
        bool holds = false;
        std::string why;
        if (r.kind == "passes" || r.kind == "fails") {
            holds = me.passed == (r.kind == "passes");
            why = std::string("the attempt ") + (me.passed ? "passed" : "failed") + " with " +
                  std::to_string(me.score);
        } else if (r.kind == "min_score") {
            holds = me.score >= r.number;
            why = "score " + std::to_string(me.score);
        } else if (r.kind == "max_score") {
            holds = me.score <= r.number;
            why = "score " + std::to_string(me.score);
        } else if (r.kind == "loses_at_least" || r.kind == "same_score_as") {
            const Case* other = suite.find(c.scenario, r.name);
            if (!other) {
                j.error = true;
                j.lines.push_back(c.where + ": no persona '" + r.name + "' in " + c.scenario);
                continue;
            }
            const Outcome& o = player.play(*other);
            if (!o.ok) {
                j.error = true;
                j.lines.push_back(r.name + ": " + o.error);
                continue;
            }
            if (r.kind == "same_score_as") {
                holds = me.score == o.score;
                why = std::to_string(me.score) + " vs " + r.name + " " + std::to_string(o.score);
            } else {
                holds = o.score - me.score >= r.number;
                why = "loses " + std::to_string(o.score - me.score) + " (" +
                      std::to_string(me.score) + " vs " + r.name + " " + std::to_string(o.score) +
                      ")";
            }
        } else {
            const auto it = me.criteria.find(r.name);
            if (it == me.criteria.end()) {
                j.error = true;
                j.lines.push_back(c.where + ": the scenario is not scored on '" + r.name + "'");
                continue;
            }
            holds = it->second == (r.kind == "passes_criterion");
            why = r.name + (it->second ? " passed" : " failed");
        }
        std::string text = r.kind;
        if (!r.name.empty() && r.kind != "loses_at_least") text += " " + r.name;
        if (r.kind == "loses_at_least") text += " " + std::to_string(r.number) + " than " + r.name;
        if (r.kind == "min_score" || r.kind == "max_score") text += " " + std::to_string(r.number);
        j.lines.push_back(std::string(holds ? "  ✓ " : "  ✗ ") + text + ": " + why);
        j.agrees = j.agrees && holds;
    }
    std::string failed;
    for (const auto& [id, ok] : me.criteria)
        if (!ok) failed += (failed.empty() ? "" : ", ") + id;
    j.lines.push_back("  (score " + std::to_string(me.score) + ", " +
                      (me.passed ? "passed" : "failed") +
                      (failed.empty() ? "" : "; criteria failed: " + failed) + ")");
    return j;
}

// -------------------------------------------------------------------------------- commands

int run_case(const Suite& suite, const std::string& id, const std::string& gaps_path,
             Player& player) {
    const auto slash = id.find('/');
    const Case* c = slash == std::string::npos
                        ? nullptr
                        : suite.find(id.substr(0, slash), id.substr(slash + 1));
    if (!c) {
        std::cerr << "fairness: no case '" << id << "' (SCENARIO/PERSONA with a verdict)\n";
        return 2;
    }
    std::vector<std::string> errors;
    const auto gaps = read_gaps(gaps_path, errors);
    for (const auto& e : errors) std::cerr << e << "\n";
    if (!errors.empty()) return 2;
    const Judgement j = judge(suite, *c, player);
    std::cout << id << ": " << c->verdict << "\n";
    for (const auto& l : j.lines) std::cout << l << "\n";
    if (j.error) return 2;
    const auto gap = gaps.find(id);
    if (gap != gaps.end()) {
        if (j.agrees) {
            std::cout << "NOW AGREES, but is listed as a known gap (" << gaps_path << ":"
                      << gap->second.line << "): remove it from the list\n";
            return 1;
        }
        std::cout << "known gap, still disagrees as expected: " << gap->second.reason << "\n";
        return 0;
    }
    if (!j.agrees) {
        std::cout << "DISAGREES with the supervisor's verdict (not a known gap)\n";
        return 1;
    }
    std::cout << "agrees\n";
    return 0;
}

int run_suite(const Suite& suite, const std::string& gaps_path) {
    int problems = 0;
    auto problem = [&](const std::string& s) {
        std::cout << s << "\n";
        ++problems;
    };
    std::set<std::string> categories, scenarios;
    for (const auto& c : suite.cases) {
        scenarios.insert(c.scenario);
        categories.insert(c.scenario.substr(0, c.scenario.find('.')));
        if (!fs::exists(c.transcript)) problem(c.where + ": no transcript " + c.transcript);
        for (const auto& r : c.rules)
            if ((r.kind == "loses_at_least" || r.kind == "same_score_as") &&
                !suite.find(c.scenario, r.name))
                problem(c.where + ": no persona '" + r.name + "' to compare with");
    }
    for (const auto& s : scenarios) {
        for (const auto& e : fs::directory_iterator(
                 fs::path(suite.cases.front().transcript).parent_path().parent_path() / s)) {
            const auto name = e.path().filename().string();
            if (name == "verdicts.yaml" || e.path().extension() != ".yaml") continue;
            if (!suite.find(s, e.path().stem().string()))
                problem(e.path().string() + ": a transcript without a verdict");
        }
    }
    if (scenarios.size() < 12)
        problem("only " + std::to_string(scenarios.size()) + " scenarios; the suite needs 12");
    // Every category a trainee is assessed in; the tutorial is a guided walk-through of the desk
    // (onboarding only, never assigned as an assessment), so it has no supervisor's verdicts.
    for (auto cat : dd::enums::kCategories)
        if (cat != "tutorial" && !categories.count(std::string(cat)))
            problem("no scenario of the category '" + std::string(cat) + "'");
    std::vector<std::string> errors;
    const auto gaps = read_gaps(gaps_path, errors);
    for (const auto& e : errors) problem(e);
    for (const auto& [id, g] : gaps) {
        const auto slash = id.find('/');
        if (!suite.find(id.substr(0, slash), id.substr(slash + 1)))
            problem(gaps_path + ":" + std::to_string(g.line) + ": no case '" + id + "'");
    }
    std::cout << suite.cases.size() << " cases, " << scenarios.size() << " scenarios, "
              << categories.size() << " categories, " << gaps.size()
              << " known gaps: " << (problems ? "problems above" : "consistent") << "\n";
    return problems ? 1 : 0;
}

int run_eval(const Suite& suite, Player& player) {
    struct Tally {
        int agree = 0, total = 0;
        std::vector<std::string> disagree;
    };
    std::map<std::string, std::array<Tally, 2>> per;  // persona → [tuned, held-out]
    std::array<Tally, 2> all;
    for (const auto& c : suite.cases) {
        const Judgement j = judge(suite, c, player);
        auto& t = per[c.persona][c.heldout];
        ++t.total;
        ++all[c.heldout].total;
        if (!j.error && j.agrees) {
            ++t.agree;
            ++all[c.heldout].agree;
        } else {
            t.disagree.push_back(c.scenario);
        }
    }
    auto cell = [](const Tally& t) {
        char buf[32];
        if (t.total == 0) return std::string("      -      ");
        std::snprintf(buf, sizeof buf, "%2d/%-2d (%3.0f%%)", t.agree, t.total,
                      100.0 * t.agree / t.total);
        return std::string(buf);
    };
    std::printf("%-12s %-15s %-15s\n", "persona", "tuned", "held-out");
    for (const auto& [p, t] : per)
        std::printf("%-12s %-15s %-15s\n", p.c_str(), cell(t[0]).c_str(), cell(t[1]).c_str());
    std::printf("%-12s %-15s %-15s\n", "all", cell(all[0]).c_str(), cell(all[1]).c_str());
    std::printf("\ndisagreements:\n");
    for (const auto& [p, t] : per)
        for (int h = 0; h < 2; ++h)
            for (const auto& s : t[h].disagree)
                std::printf("  %s/%s%s\n", s.c_str(), p.c_str(), h ? "  (held-out)" : "");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::string dir = DESKDRILL_TESTS_DIR "/fairness", deskdrill, one, gaps;
    bool suite_mode = false, eval = false, meaning = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
        if (a == "--dir")
            dir = value();
        else if (a == "--deskdrill")
            deskdrill = value();
        else if (a == "--case")
            one = value();
        else if (a == "--known-gaps")
            gaps = value();
        else if (a == "--suite")
            suite_mode = true;
        else if (a == "--eval")
            eval = true;
        else if (a == "--detection" && value() == "meaning")
            meaning = true;
        else {
            std::cerr << "usage: fairness --dir DIR (--case SCENARIO/PERSONA [--known-gaps FILE] "
                         "| --suite | --eval) [--deskdrill PATH] [--detection meaning]\n";
            return 2;
        }
    }
    if (gaps.empty()) gaps = dir + "/known_gaps.txt";
    const Suite suite = read_suite(dir);
    for (const auto& e : suite.errors) std::cerr << e << "\n";
    if (!suite.errors.empty() || suite.cases.empty()) return 2;
    if (meaning && !deskdrill.empty()) {
        std::cerr << "fairness: --detection meaning replays through the library, not a program\n";
        return 2;
    }
    Player player(deskdrill, meaning);
    if (suite_mode) return run_suite(suite, gaps);
    if (eval) return run_eval(suite, player);
    if (!one.empty()) return run_case(suite, one, gaps, player);
    std::cerr << "fairness: say what to do: --case, --suite or --eval\n";
    return 2;
}
