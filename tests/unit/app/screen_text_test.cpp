// What the window writes on screen, read back from ImGui's log of rendered text while attempts are
// played through the real views (window-less): in English, the window's own words are English —
// only the scenario's content (titles, lines, names, debrief), the trainee's own replies and the
// standards' quoted rules stay as written; in either language, no internal identifier shows (the
// seed, act names, node and thread ids, `verb:arg` codes, `3m`/`20s` durations, criterion ids).
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "headless_ui.h"
#include "sim/app/app_state.h"
#include "sim/model/enums.h"
#include "unit/session/session_test_support.h"

namespace {

using namespace dd;
using namespace dd::app;
using namespace dd::app::test;
using namespace dd::session::test;

std::string read(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

class ScreenText : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        app.opts.assets_dir = DESKDRILL_ASSETS_DIR;
        app.opts.scenarios_dir = kScenarioDir;
        std::string err;
        ASSERT_TRUE(app.set_language(GetParam(), &err)) << err;
        app.library = session::Library::scan(kScenarioDir);
        app.resources = resources();
        app.manual_clock = true;
        app.opts.no_records = true;  // the desk alone: no login (console_test.cpp has those)
        app.screen = Screen::Picker;
        app.opts.seed = 7;
        app.opts.autosave = false;
    }

    void frame(Driver* d = nullptr) {
        ui.frame([this] { draw_frame(app); }, d, &text);
    }

    void drive(const std::string& script, const std::string& name) {
        std::string err;
        auto steps = parse_drive_script(script, name, &err);
        ASSERT_TRUE(steps) << err;
        Driver d(std::move(*steps), name, driver_hooks(app, [] {}));
        for (int i = 0; i < 20000 && !d.done(); ++i) frame(&d);
        frame(&d);
        ASSERT_TRUE(d.done());
        ASSERT_EQ(d.error(), "");
    }

    // The debrief of the attempt just played: each criterion opened in turn, then the replay
    // stepped through every entry of the log.
    void read_the_debrief() {
        ASSERT_EQ(app.screen, Screen::Debrief);
        // The pointer off the window: a tooltip would end the frame's log early.
        ImGui::GetIO().MousePos = ImVec2(-1e4f, -1e4f);
        ASSERT_TRUE(app.attempt && app.attempt->report());
        const int n = static_cast<int>(app.attempt->report()->criteria.size());
        for (int i = -1; i < n; ++i) {
            app.debrief.selected = i;
            frame();
        }
        const int steps = static_cast<int>(app.attempt->engine().log().entries.size());
        for (int k = 0; k <= steps; ++k) {
            app.debrief.step = k;
            frame();
        }
        add_attempt_content();
    }

    // What is content, not the window's words: the library's scenarios, the attempt's lines and
    // the trainee's replies and entries as played, the standards' quoted rules and sources.
    void add_attempt_content() {
        const AttemptLog& log = app.attempt->engine().log();
        for (const auto& e : log.entries) {
            content.push_back(e.text);
            if (e.action) {
                content.push_back(e.action->text);
                for (const auto& [k, v] : e.action->fields) content.push_back(v);
            }
        }
        for (const auto& [actor, facts] : log.facts)
            for (const auto& [k, v] : facts) content.push_back(v);
        for (const auto& v : log.visits) content.push_back(v.line);
        const auto& r = *app.attempt->report();
        content.push_back(r.title);
        content.push_back(r.debrief);
        for (const auto& c : r.criteria) {
            content.push_back(c.rule);
            content.push_back(c.source);
        }
        scenario_ids.push_back(app.attempt->scenario().id);
        for (const auto& n : app.attempt->scenario().nodes) node_ids.push_back(n.id);
        for (const auto& t : log.threads) thread_ids.push_back(t.id);
    }

    void add_library_content() {
        for (const auto& e : app.library.entries) {
            if (!e.scenario) continue;
            for (auto& t : session::scenario_texts(*e.scenario)) content.push_back(std::move(t));
            content.push_back(session::what_it_trains(*e.scenario));
        }
    }

    HeadlessUi ui;
    AppState app;
    std::string text;                  // everything drawn
    std::vector<std::string> content;  // words that are not the window's own
    std::vector<std::string> scenario_ids, node_ids, thread_ids;
};

// Runs of CJK characters (ideographs, CJK and full-width punctuation) in UTF-8 text.
std::vector<std::string> cjk_runs(const std::string& s) {
    std::vector<std::string> runs;
    std::string cur;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (std::size_t k = 1; k < len && i + k < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        const bool cjk = (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                         (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x2FFFF);
        if (cjk) {
            cur.append(s, i, len);
        } else if (!cur.empty()) {
            runs.push_back(cur);
            cur.clear();
        }
        i += len;
    }
    if (!cur.empty()) runs.push_back(cur);
    return runs;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::set<std::string> unique;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) unique.insert(line);
    return {unique.begin(), unique.end()};
}

std::string quoted(const std::string& id) {
    return "(?:「" + id + "」|“" + id + "”|\\(" + id + "\\)|\\[" + id + "\\]|（" + id + "）)";
}

std::string escaped(const std::string& s) {
    static const std::regex special(R"([.^$|()\[\]{}*+?\\-])");
    return std::regex_replace(s, special, R"(\$&)");
}

// The identifiers no screen may show, as patterns, with what each is.
std::vector<std::pair<std::regex, std::string>> identifier_patterns(
    const std::vector<std::string>& scenario_ids, const std::vector<std::string>& node_ids,
    const std::vector<std::string>& thread_ids) {
    std::vector<std::pair<std::regex, std::string>> p;
    auto add = [&](const std::string& re, const std::string& what) {
        p.emplace_back(std::regex(re), what);
    };
    // (Sources are cited by the manuals' names, "seed 001 §4.1.5": those are not the seed.)
    add(R"(\bseed (?!0\d\d\b)\d+\b)", "the random seed");
    add(R"(\b[Mm]ood\b)", "the word `mood` (an evidence kind or a key shown as itself)");
    add(R"(\b\d+(?:\.\d+)?(?:ms|s|m|h)\b)", "a duration written as code (3m, 20s)");
    add(R"(\b[a-z_]+:[a-z0-9][a-z0-9_-]*\b)", "a `verb:arg` or `kind:name` code");
    add(R"(\b[a-z]+_[a-z_]+\b)", "a snake_case identifier");
    add(R"(\balarm-\d+\b)", "an alarm's thread id");
    for (auto a : dd::enums::kActs) {
        // An act whose English word is its name ("greeting") may be written, as a word.
        if (dd::i18n::builtin("en").name("act.", a) != a)
            add(quoted(escaped(std::string(a))), "a speech act's name");
        if (a.find('-') != std::string_view::npos)
            add("\\b" + escaped(std::string(a)) + "\\b", "a speech act's name");
    }
    for (auto f : dd::enums::kForbidden)
        add(quoted(escaped(std::string(f))), "a forbidden family's name");
    for (auto v : {"first-aid-kit", "access-card", "customer-service", "release-pass",
                   "fee-collection", "thread-end", "all-closed", "time-limit", "move-in"})
        add("\\b" + escaped(v) + "\\b", "a vocabulary value as written in files");
    for (const auto& id : scenario_ids) add(escaped(id), "the scenario's id");
    for (const auto& id : node_ids) {
        add(quoted(escaped(id)), "a dialogue node id");
        if (id.find('-') != std::string::npos)
            add("\\b" + escaped(id) + "\\b", "a dialogue node id");
    }
    for (const auto& id : thread_ids) {
        add(quoted(escaped(id)), "a thread id");
        if (id.find('-') != std::string::npos) add("\\b" + escaped(id) + "\\b", "a thread id");
    }
    const auto catalogue = resources()->catalogue;
    for (const auto& c : catalogue->criteria) add(escaped(c.id), "a criterion id");
    return p;
}

void expect_no_identifiers(const std::string& text, const std::vector<std::string>& scenario_ids,
                           const std::vector<std::string>& node_ids,
                           const std::vector<std::string>& thread_ids) {
    const auto patterns = identifier_patterns(scenario_ids, node_ids, thread_ids);
    for (const auto& line : lines_of(text)) {
        // A saved file's path is the user's own (it may hold anything).
        if (line.find('/') != std::string::npos) continue;
        for (const auto& [re, what] : patterns)
            EXPECT_FALSE(std::regex_search(line, re)) << what << " on screen: " << line;
    }
}

TEST_P(ScreenText, ExamplePoorAndFireAlarm) {
    add_library_content();
    drive(read(std::string(DESKDRILL_TESTS_DIR) + "/gui/example_poor.drive"), "example_poor.drive");
    read_the_debrief();
    app.to_picker();
    frame();
    drive(read(std::string(DESKDRILL_TESTS_DIR) + "/gui/fire_alarm.drive"), "fire_alarm.drive");
    read_the_debrief();
    ASSERT_GT(text.size(), 1000u) << text;
    // The desk, the emergency banner, the tools and the debrief were all on screen.
    const bool en = GetParam() == "en";
    for (const char* seen :
         {en ? "End drill" : "结束演练", en ? "Hand over the extinguisher" : "递交灭火器",
          en ? "Emergency: " : "紧急情况：", en ? "Still to do: press" : "还要做：点「",
          en ? "Escalate to the manager" : "上报经理", en ? "Try again" : "再练一次",
          en ? "Answer within three rings" : "三声铃响内接听"})
        EXPECT_NE(text.find(seen), std::string::npos) << seen;

    expect_no_identifiers(text, scenario_ids, node_ids, thread_ids);
    if (!en) return;
    // Every run of Chinese on the English screen is the scenario's, the trainee's or a standard's
    // (a match in a reply is shown as detected: without its punctuation).
    std::vector<std::string> words = content;
    for (const auto& c : content) {
        std::string bare;
        for (const auto& run : cjk_runs(c)) bare += run;
        for (const char* p : {"，", "。", "？", "！", "、", "：", "；"})
            for (auto at = bare.find(p); at != std::string::npos; at = bare.find(p))
                bare.erase(at, std::string(p).size());
        words.push_back(bare);
    }
    std::set<std::string> stray;
    for (const auto& line : lines_of(text)) {
        // The one exception: the switch to Chinese names the language in Chinese (中文), so
        // that someone who reads only Chinese can find it.
        if (line.find("Language") != std::string::npos && line.find("File") != std::string::npos)
            continue;
        for (const auto& run : cjk_runs(line)) {
            const bool from_content =
                std::any_of(words.begin(), words.end(), [&](const std::string& c) {
                    return !c.empty() && c.find(run) != std::string::npos;
                });
            if (!from_content) stray.insert(run + "    in: " + line);
        }
    }
    EXPECT_TRUE(stray.empty()) << [&] {
        std::string out = "Chinese of the window's own on the English screen:\n";
        for (const auto& s : stray) out += "  " + s + "\n";
        return out;
    }();
}

std::string language_name(const ::testing::TestParamInfo<std::string>& p) {
    return p.param;
}

INSTANTIATE_TEST_SUITE_P(Languages, ScreenText, ::testing::Values("en", "zh"), language_name);

}  // namespace
