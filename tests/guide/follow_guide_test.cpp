// A trainee who follows the practice hints of a library scenario word for word and button for
// button passes it (issue 13). The hints a trainee can follow are each node's `guide:` steps
// (scenarios/README.md §3.6) — the desk shows them under the hint — so this test plays every
// scenario of the library by its guides alone, through the session layer (session::Attempt, the
// desk's own attempt) on a manual clock moved at a trainee's pace, and asserts the attempt passes.
//
// The trainee here:
//  - works on one conversation at a time: the steps of every line its actor says are queued on
//    that conversation in order, and the trainee finishes them before turning elsewhere;
//  - reads a line before acting on it, types at kCharsPerSecond, takes a moment per button and
//    longer for a form;
//  - answers a ringing phone or serves a waiting visitor when nothing is queued (the desk's
//    "what now" line says so), a ringing phone first; a step `answer`/`wait_for` that names
//    someone not there yet is waited for;
//  - ends the attempt when nobody is left to talk to.
// One CTest entry per scenario (FollowGuide/Library.Passes/<id>); a failure prints the report's
// lost points and the actions as the trainee did them; DESKDRILL_GUIDE_TRACE=1 prints them always.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <deque>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "common/yaml/text_util.h"
#include "scoring/rubric/report.h"
#include "sim/engine/dialogue.h"
#include "sim/load/transcript_writer.h"
#include "sim/session/attempt.h"
#include "sim/session/library.h"
#include "sim/session/resources.h"

namespace dd {
namespace {

const std::string kScenarioDir = DESKDRILL_SCENARIOS_DIR;

// A trainee's pace.
constexpr Millis kReact = 2'000;       // from a ring / an arrival to picking up
constexpr Millis kReadBase = 1'000;    // reading an actor's line: this plus…
constexpr double kReadPerChar = 50;    // …20 characters a second
constexpr double kCharsPerSecond = 3;  // typing Chinese with an input method
constexpr Millis kButton = 1'500;      // finding and pressing a button
constexpr Millis kForm = 2'000;        // opening a form tab, moving between fields, submitting
constexpr Millis kTick = 250;          // how often the trainee looks up when there is nothing to do

std::shared_ptr<const session::Resources> resources() {
    static std::shared_ptr<const session::Resources> r = [] {
        Diagnostics d;
        return session::Resources::load(kScenarioDir + "/lexicon.yaml",
                                        kScenarioDir + "/standards.yaml", d);
    }();
    return r;
}

Millis typing(const std::string& text) {
    return static_cast<Millis>(1000.0 * static_cast<double>(yaml::count_chars(text)) /
                               kCharsPerSecond);
}

// How long doing the action takes the trainee.
Millis effort(const Action& a) {
    switch (a.verb) {
        case Verb::Say:
            return std::max<Millis>(1'000, typing(a.text));
        case Verb::Record:
        case Verb::RegisterVisitor: {
            Millis t = kForm;
            for (const auto& [k, v] : a.fields) t += typing(v);
            return t;
        }
        case Verb::Classify:
            return kForm;
        case Verb::Wait:
            return a.duration;
        default:
            return kButton;
    }
}

struct Queued {
    GuideStep step;
    Millis not_before = 0;  // the line it answers has been read
};

class Trainee {
  public:
    explicit Trainee(session::Attempt& attempt) : a_(attempt) {}

    // Plays until nobody is left to talk to (or the time limit); false with why when stuck.
    bool play(std::string* why) {
        const Millis limit = a_.scenario().time_limit.value_or(30 * 60'000);
        while (!a_.ended() && !a_.over() && a_.now() < limit) {
            enqueue_new_lines();
            if (!step(why)) return false;
            if (done_talking()) break;
        }
        return true;
    }

    std::string trace() const { return trace_.str(); }

  private:
    using S = ThreadView::State;

    void enqueue_new_lines() {
        const auto& visits = a_.engine().log().visits;
        for (; seen_visits_ < visits.size(); ++seen_visits_) {
            const NodeVisit& v = visits[seen_visits_];
            const Node* n = a_.scenario().node(v.node);
            if (!n) continue;
            const Millis read =
                v.spoken_at + kReadBase +
                static_cast<Millis>(kReadPerChar * static_cast<double>(yaml::count_chars(v.line)));
            for (const auto& g : n->guide) queue_[v.thread].push_back({g, read});
        }
    }

    bool has_queue(const std::string& id) const {
        auto it = queue_.find(id);
        return it != queue_.end() && !it->second.empty();
    }

    // An alarm panel with nobody on the line cannot be spoken to.
    static bool can_hear(const ThreadView& t) {
        return !(t.kind == ThreadRecord::Kind::Alarm && t.actor.empty());
    }

    // Someone the step names has turned up: a ringing phone, a visitor waiting, an alarm, or
    // that actor's (or thread's) conversation; with to_answer, one waiting to be picked up.
    static bool present(const std::vector<ThreadView>& ts, const std::string& who, bool to_answer) {
        for (const auto& t : ts) {
            if (t.state == S::Ended) continue;
            const bool waiting =
                t.state == S::Ringing || t.state == S::Waiting || t.state == S::Held;
            if (to_answer && !waiting) continue;
            if (who == "phone" && t.kind == ThreadRecord::Kind::Phone &&
                (t.state == S::Ringing || t.state == S::Held))
                return true;
            if (who == "desk" && t.kind == ThreadRecord::Kind::Desk && t.state == S::Waiting)
                return true;
            if (who == "alarm" && t.kind == ThreadRecord::Kind::Alarm) return true;
            if (who == t.id || who == t.actor) return true;
        }
        return false;
    }

    // Nobody left to talk to: every conversation with a person is over (an alarm panel stays
    // open until the attempt ends) and nothing is queued or still to come.
    bool done_talking() const {
        for (const auto& t : a_.engine().threads())
            if (t.state != S::Ended && !t.actor.empty()) return false;
        for (const auto& [id, q] : queue_)
            if (!q.empty()) return false;
        std::size_t conversations = 0;  // events that open one
        for (const auto& e : a_.scenario().events)
            if (e.kind != Event::Kind::Notice) ++conversations;
        return a_.engine().threads().size() >= conversations;
    }

    void act(Action a, const std::string& why_here) {
        const ApplyResult r = a_.act(a);
        trace_ << format_duration(a_.now()) << "  " << describe(a) << "  (" << why_here << ")";
        if (!r.ok) trace_ << "  REFUSED";
        trace_ << "\n";
        if (!r.ok) refused_ = true;
    }

    static std::string describe(const Action& a) {
        std::string s(verb_name(a.verb));
        if (!a.arg.empty()) s += ": " + a.arg;
        if (!a.text.empty()) s += ": " + a.text;
        for (const auto& [k, v] : a.fields) s += " " + k + "=" + v;
        if (!a.to.empty()) s += "  → " + a.to;
        return s;
    }

    void wait_until(Millis t) {
        if (t > a_.now()) a_.set_clock(t);
    }

    // One decision: a step of the conversation in hand, else picking someone up, else a look
    // around a moment later.
    bool step(std::string* why) {
        const auto threads = a_.engine().threads();
        // The conversation in hand; else a ringing phone; else another conversation with steps
        // left; else whoever waits (a held call, then the counter).
        if (!has_queue(current_)) {
            const ThreadView* pick = nullptr;
            for (S want : {S::Ringing, S::Active, S::Held, S::Waiting}) {
                for (const auto& t : threads) {
                    if (t.state != want) continue;
                    if (want == S::Ringing || has_queue(t.id) ||
                        (want != S::Active && can_hear(t))) {
                        pick = &t;
                        break;
                    }
                }
                if (pick) break;
            }
            if (!pick) {
                wait_until(a_.now() + kTick);
                return true;
            }
            current_ = pick->id;
            if (pick->state == S::Ringing || pick->state == S::Waiting ||
                (pick->state == S::Held && !has_queue(pick->id))) {
                wait_until(pick->since + kReact);
                Action ans;
                ans.verb = Verb::Answer;
                ans.arg = pick->id;
                act(ans, "the desk's next step");
                return ok(why);
            }
            if (!has_queue(current_)) return true;
        }
        auto& q = queue_[current_];
        const Queued item = q.front();
        const GuideStep& g = item.step;
        if (!g.wait_for.empty()) {
            if (present(threads, g.wait_for, false)) {
                q.pop_front();
            } else {
                wait_until(a_.now() + kTick);
            }
            return true;
        }
        Action a = dialogue::guide_action(g, a_.engine().log().facts, a_.scenario().site);
        if (a.verb == Verb::Answer && !a.arg.empty() && !present(threads, a.arg, true)) {
            wait_until(a_.now() + kTick);  // the phone has not rung yet
            return true;
        }
        const bool targets_thread = a.verb == Verb::Answer || a.verb == Verb::Hold ||
                                    a.verb == Verb::HangUp || a.verb == Verb::Focus;
        if (a.to.empty() && !(targets_thread && !a.arg.empty())) a.to = current_;
        q.pop_front();
        wait_until(std::max(a_.now(), item.not_before) + effort(a));
        if (a.verb == Verb::Wait) {
            trace_ << format_duration(a_.now()) << "  (waited " << format_duration(a.duration)
                   << ")\n";
            return true;
        }
        const std::string here = current_;
        act(a, "guide of " + here);
        if (a.verb == Verb::Answer || a.verb == Verb::Focus) {
            // The trainee turns to whoever they picked up or turned to.
            for (const auto& t : a_.engine().threads())
                if (t.id == a.arg || t.actor == a.arg ||
                    (a.arg == "phone" && t.kind == ThreadRecord::Kind::Phone &&
                     t.state == S::Active))
                    current_ = t.id;
        }
        return ok(why);
    }

    bool ok(std::string* why) {
        if (!refused_) return true;
        *why = "the desk refused an action the guide asked for";
        return false;
    }

    session::Attempt& a_;
    std::size_t seen_visits_ = 0;
    std::map<std::string, std::deque<Queued>> queue_;
    std::string current_;
    bool refused_ = false;
    std::ostringstream trace_;
};

std::vector<std::string> library_files() {
    return session::Library::files(kScenarioDir);
}

class Library : public ::testing::TestWithParam<std::string> {};

TEST_P(Library, Passes) {
    Diagnostics d;
    auto file = session::load_scenario(GetParam(), d);
    ASSERT_TRUE(file) << d.to_string();
    ASSERT_TRUE(resources()->can_play()) << "lexicon/catalogue did not load";
    const Scenario& sc = *file->scenario;
    int guided = 0;
    for (const auto& n : sc.nodes) guided += n.guide.empty() ? 0 : 1;
    ASSERT_GT(guided, 0) << sc.id << " has no node with a 'guide:'";

    for (std::uint64_t seed : {0u, 1u, 2u}) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        session::AttemptConfig config;
        config.mode = session::Mode::Practice;
        config.seed = seed;
        config.origin = session::Origin::Scripted;
        config.manual_clock = true;
        session::Attempt attempt(*file, resources(), config);
        Trainee trainee(attempt);
        std::string why;
        const bool played = trainee.play(&why);
        const session::AttemptRecord& rec = attempt.finish();
        ASSERT_TRUE(rec.report) << attempt.score_error();
        const ScoreReport& r = *rec.report;
        std::string lost;
        for (const auto& c : r.criteria)
            if (!c.passed || c.points < c.max)
                lost += "  " + c.id + " " + std::to_string(c.points) + "/" + std::to_string(c.max) +
                        "\n";
        EXPECT_TRUE(played) << why << "\n" << trainee.trace();
        if (std::getenv("DESKDRILL_GUIDE_TRACE"))
            std::cout << sc.id << " seed " << seed << ": " << r.score << "\n" << trainee.trace();
        EXPECT_TRUE(r.passed) << sc.id << " seed " << seed << ": " << r.score << "/" << r.max
                              << " (pass mark " << r.pass_mark << ")"
                              << (r.critical_failed.empty() ? "" : ", critical failed")
                              << (r.case_failed.empty() ? "" : ", case work failed") << "\n"
                              << "lost:\n"
                              << lost << "actions:\n"
                              << trainee.trace();
    }
}

// Every guide — also those of nodes a trainee following the hints never reaches (the angry
// branches) — answers its own node: its replies carry the speech acts the node expects and no
// forbidden phrase, and its desk actions are the ones the node expects.
TEST_P(Library, EveryGuideAnswersItsNode) {
    Diagnostics d;
    auto file = session::load_scenario(GetParam(), d);
    ASSERT_TRUE(file) << d.to_string();
    const Scenario& sc = *file->scenario;
    dialogue::Facts facts;
    for (const auto& a : sc.actors) facts[a.id] = dialogue::played_facts(a, 0);
    for (const auto& n : sc.nodes) {
        if (n.guide.empty()) continue;
        std::vector<std::string> acts, forbidden, did;
        for (const auto& g : n.guide) {
            if (!g.wait_for.empty()) continue;
            const Action a = dialogue::guide_action(g, facts, sc.site);
            const std::string verb(verb_name(a.verb));
            if (a.verb == Verb::Say) {
                const DetectedActs found = resources()->detector->detect(a.text);
                acts.insert(acts.end(), found.acts.begin(), found.acts.end());
                forbidden.insert(forbidden.end(), found.forbidden.begin(), found.forbidden.end());
                continue;
            }
            did.push_back(verb);
            if (!a.arg.empty()) did.push_back(verb + ":" + a.arg);
            for (const auto& [k, v] : a.fields)
                did.push_back(verb + ":" + (verb == "classify" ? v : k));
        }
        auto has_any = [](const std::vector<std::string>& have, const AnyOf& alts) {
            return std::any_of(alts.begin(), alts.end(), [&](const std::string& x) {
                return std::find(have.begin(), have.end(), x) != have.end();
            });
        };
        for (const auto& alts : n.expect.acts)
            EXPECT_TRUE(has_any(acts, alts))
                << sc.id << " node " << n.id << ": no reply of its guide says " << alts.front()
                << (alts.size() > 1 ? "|…" : "");
        for (const auto& alts : n.expect.did)
            EXPECT_TRUE(has_any(did, alts))
                << sc.id << " node " << n.id << ": its guide does not do " << alts.front()
                << (alts.size() > 1 ? "|…" : "");
        EXPECT_TRUE(forbidden.empty())
            << sc.id << " node " << n.id << ": its guide says something forbidden ("
            << forbidden.front() << ")";
    }
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
    Diagnostics d;
    auto f = session::load_scenario(info.param, d);
    std::string id = f ? f->scenario->id : std::to_string(info.index);
    for (char& c : id)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return id;
}

INSTANTIATE_TEST_SUITE_P(FollowGuide, Library, ::testing::ValuesIn(library_files()), test_name);

}  // namespace
}  // namespace dd
