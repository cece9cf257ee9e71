// Reading and scoring the labelled set; see acts_eval_lib.h.
#include "acts_eval_lib.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "sim/model/enums.h"

namespace dd::text::eval {

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == sep) {
            out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    out.push_back(cur);
    return out;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return "";
    const auto e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

template <std::size_t N>
bool known(const std::array<std::string_view, N>& list, const std::string& name) {
    return std::find(list.begin(), list.end(), name) != list.end();
}

std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
    return out.empty() ? "-" : out;
}

std::string join(const std::set<std::string>& v) {
    return join(std::vector<std::string>(v.begin(), v.end()));
}

}  // namespace

std::vector<Labelled> read_labelled(const std::string& path, std::vector<std::string>& errors) {
    std::vector<Labelled> out;
    std::ifstream in(path);
    if (!in) {
        errors.push_back(path + ": cannot open the labelled set");
        return out;
    }
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (trim(line).empty() || line[0] == '#') continue;
        const auto cols = split(line, '\t');
        const std::string where = path + ":" + std::to_string(number) + ": ";
        if (cols.size() < 3 || cols.size() > 4) {
            errors.push_back(where + "expected 3 or 4 tab-separated columns, got " +
                             std::to_string(cols.size()));
            continue;
        }
        Labelled u;
        u.line = number;
        u.text = cols[0];
        u.note = cols.size() > 3 ? cols[3] : "";
        for (const auto& raw : split(cols[1], ',')) {
            std::string a = trim(raw);
            if (a.empty() || a == "-") continue;
            const bool weak = a.back() == '~';
            const bool sarcastic = a.back() == '^';
            if (weak || sarcastic) a.pop_back();
            if (!known(enums::kActs, a)) {
                errors.push_back(where + "unknown act '" + a + "'");
                continue;
            }
            u.acts.insert(a);
            if (weak) u.weak.insert(a);
            if (sarcastic) u.sarcastic.insert(a);
        }
        for (const auto& raw : split(cols[2], ',')) {
            const std::string f = trim(raw);
            if (f.empty() || f == "-") continue;
            if (!known(enums::kForbidden, f)) {
                errors.push_back(where + "unknown forbidden family '" + f + "'");
                continue;
            }
            u.forbidden.insert(f);
        }
        out.push_back(std::move(u));
    }
    return out;
}

Result evaluate(const ActDetector& detector, const std::vector<Labelled>& set) {
    Result r;
    r.utterances = static_cast<int>(set.size());
    std::vector<std::string> names(enums::kActs.begin(), enums::kActs.end());
    names.insert(names.end(), enums::kForbidden.begin(), enums::kForbidden.end());
    for (auto a : enums::kActs) names.push_back("weak:" + std::string(a));
    for (auto a : enums::kActs) names.push_back("sarcastic:" + std::string(a));
    std::vector<ClassStats> stats(names.size());
    for (std::size_t i = 0; i < names.size(); ++i) stats[i].name = names[i];

    for (const auto& u : set) {
        DetectedActs got = detector.detect(u.text);
        const std::set<std::string> got_acts(got.acts.begin(), got.acts.end());
        const std::set<std::string> got_weak(got.weak_acts.begin(), got.weak_acts.end());
        const std::set<std::string> got_forb(got.forbidden.begin(), got.forbidden.end());
        const std::set<std::string> got_sarc(got.sarcastic_acts.begin(), got.sarcastic_acts.end());
        bool differs = false;
        for (std::size_t i = 0; i < names.size(); ++i) {
            const std::string& n = names[i];
            bool want = false, have = false;
            if (n.rfind("weak:", 0) == 0) {
                const std::string a = n.substr(5);
                want = u.weak.count(a) > 0;
                have = got_weak.count(a) > 0;
            } else if (n.rfind("sarcastic:", 0) == 0) {
                const std::string a = n.substr(10);
                want = u.sarcastic.count(a) > 0;
                have = got_sarc.count(a) > 0;
            } else {
                // A formula said only sarcastically is not the act (the words are, the act is not).
                want = (u.acts.count(n) && !u.sarcastic.count(n)) || u.forbidden.count(n);
                have = (got_acts.count(n) && !got_sarc.count(n)) || got_forb.count(n);
            }
            if (want && have) ++stats[i].tp;
            if (!want && have) ++stats[i].fp;
            if (want && !have) ++stats[i].fn;
            differs = differs || want != have;
        }
        if (differs) r.misses.push_back({u, std::move(got)});
    }
    // Keep weak and sarcastic rows only where the set or the detector has such forms.
    for (auto& s : stats) {
        const bool form = s.name.rfind("weak:", 0) == 0 || s.name.rfind("sarcastic:", 0) == 0;
        if (!form || s.tp + s.fp + s.fn > 0) r.classes.push_back(s);
    }
    return r;
}

ClassStats micro(const Result& r) {
    ClassStats all;
    all.name = "(micro)";
    for (const auto& c : r.classes) {
        all.tp += c.tp;
        all.fp += c.fp;
        all.fn += c.fn;
    }
    return all;
}

std::string format_table(const Result& r) {
    std::ostringstream o;
    char buf[160];
    std::snprintf(buf, sizeof buf, "%-20s %7s %5s %5s %5s %9s %7s %6s\n", "class", "support", "tp",
                  "fp", "fn", "precision", "recall", "F1");
    o << buf;
    for (const auto& c : r.classes) {
        std::snprintf(buf, sizeof buf, "%-20s %7d %5d %5d %5d %9.3f %7.3f %6.3f\n", c.name.c_str(),
                      c.support(), c.tp, c.fp, c.fn, c.precision(), c.recall(), c.f1());
        o << buf;
    }
    const ClassStats all = micro(r);
    std::snprintf(buf, sizeof buf, "%-20s %7d %5d %5d %5d %9.3f %7.3f %6.3f\n", "(micro)",
                  all.support(), all.tp, all.fp, all.fn, all.precision(), all.recall(), all.f1());
    o << buf;
    o << r.utterances << " utterances, " << r.misses.size() << " with any difference\n";
    return o.str();
}

std::string format_misses(const Result& r) {
    std::ostringstream o;
    for (const auto& m : r.misses) {
        std::set<std::string> exp_acts;
        for (const auto& a : m.expected.acts)
            exp_acts.insert(m.expected.weak.count(a)        ? a + "~"
                            : m.expected.sarcastic.count(a) ? a + "^"
                                                            : a);
        std::vector<std::string> got_acts;
        for (const auto& a : m.got.acts) {
            const bool weak = std::find(m.got.weak_acts.begin(), m.got.weak_acts.end(), a) !=
                              m.got.weak_acts.end();
            const bool sarc = std::find(m.got.sarcastic_acts.begin(), m.got.sarcastic_acts.end(),
                                        a) != m.got.sarcastic_acts.end();
            got_acts.push_back(weak ? a + "~" : sarc ? a + "^" : a);
        }
        o << "line " << m.expected.line << ": " << m.expected.text << "\n"
          << "    expected acts=" << join(exp_acts) << " forbidden=" << join(m.expected.forbidden)
          << "\n    detected acts=" << join(got_acts) << " forbidden=" << join(m.got.forbidden)
          << "   [" << m.got.normalized << "]\n";
    }
    return o.str();
}

}  // namespace dd::text::eval
