// The desk's decisions without drawing: emergencies and when the scenario counts them handled,
// who can hear a reply, and where the desk turns when a conversation ends.
#include "sim/app/desk_guide.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "sim/model/enums.h"

#include "unit/session/session_test_support.h"

namespace {

using namespace dd;
using namespace dd::app;
using namespace dd::session::test;

std::unique_ptr<session::Attempt> start(const std::string& file, std::uint64_t seed = 0) {
    session::AttemptConfig c;
    c.seed = seed;
    c.manual_clock = true;
    return std::make_unique<session::Attempt>(scenario(kScenarioDir + file), resources(), c);
}

Action act(Verb v, std::string arg = {}, std::string to = {}) {
    Action a;
    a.verb = v;
    a.arg = std::move(arg);
    a.to = std::move(to);
    return a;
}

TEST(DeskGuide, AFireAlarmTakesOverUntilTheOutcomesStepsAreDone) {
    const auto owned = start("/emergency/fire-alarm-evacuation.yaml");
    session::Attempt& a = *owned;
    a.set_clock(2'000);
    auto threads = a.engine().threads();
    ASSERT_EQ(threads.size(), 1u);
    EXPECT_FALSE(can_hear(threads[0])) << "the fire panel has nobody on the line";
    auto e = current_emergency(a.scenario(), threads, a.engine().log());
    ASSERT_TRUE(e);
    EXPECT_EQ(e->thread, threads[0].id);
    EXPECT_EQ(e->pending, (std::vector<std::string>{"call:119", "broadcast:evacuation",
                                                    "hand_over:extinguisher", "dispatch:security",
                                                    "escalate:manager"}));
    // The caller who can be spoken to is shown before the panel once the phone is answered.
    a.set_clock(11'000);
    ASSERT_TRUE(a.act(act(Verb::Answer, "phone")).ok);
    ASSERT_TRUE(a.act(act(Verb::Call, "119")).ok);
    ASSERT_TRUE(a.act(act(Verb::Broadcast, "evacuation")).ok);
    threads = a.engine().threads();
    e = current_emergency(a.scenario(), threads, a.engine().log());
    ASSERT_TRUE(e);
    EXPECT_EQ(e->thread, "resident");
    EXPECT_EQ(e->pending, (std::vector<std::string>{"hand_over:extinguisher", "dispatch:security",
                                                    "escalate:manager"}));
    ASSERT_TRUE(a.act(act(Verb::HandOver, "extinguisher")).ok);
    ASSERT_TRUE(a.act(act(Verb::Dispatch, "security")).ok);
    EXPECT_TRUE(current_emergency(a.scenario(), a.engine().threads(), a.engine().log()));
    ASSERT_TRUE(a.act(act(Verb::Escalate, "manager")).ok);
    // Handled as the scenario's outcome says, though the panel still sounds.
    EXPECT_FALSE(current_emergency(a.scenario(), a.engine().threads(), a.engine().log()));
}

TEST(DeskGuide, ARefusedActionIsNotAStepDone) {
    const auto owned = start("/emergency/fire-alarm-evacuation.yaml");
    session::Attempt& a = *owned;
    a.set_clock(1'000);
    EXPECT_FALSE(a.act(act(Verb::Call, "999")).ok);
    EXPECT_FALSE(step_done(a.engine().log(), "call:999"));
    EXPECT_FALSE(step_done(a.engine().log(), "call"));
    ASSERT_TRUE(a.act(act(Verb::Call, "110")).ok);
    EXPECT_TRUE(step_done(a.engine().log(), "call"));
    EXPECT_TRUE(step_done(a.engine().log(), "call:110"));
    EXPECT_FALSE(step_done(a.engine().log(), "call:119"));
}

TEST(DeskGuide, OnlyTheEmergencyCallerOfAMixedScenarioIsAnEmergency) {
    const session::ScenarioFile f = scenario(kScenarioDir + "/mixed/second-call-gas-smell.yaml");
    ThreadView asker, reporter;
    asker.kind = reporter.kind = ThreadRecord::Kind::Phone;
    asker.actor = asker.id = "asker";
    reporter.actor = reporter.id = "reporter";
    EXPECT_FALSE(is_emergency(*f.scenario, asker));
    EXPECT_TRUE(is_emergency(*f.scenario, reporter));
    EXPECT_TRUE(can_hear(reporter));
    // A lift alarm with a passenger on the intercom can hear.
    ThreadView lift;
    lift.kind = ThreadRecord::Kind::Alarm;
    lift.actor = "passenger";
    EXPECT_TRUE(can_hear(lift));
    // Nothing is an emergency in a quiet scenario until a thread of one opens.
    const session::ScenarioFile quiet = scenario();
    ThreadView owner;
    owner.kind = ThreadRecord::Kind::Phone;
    owner.actor = owner.id = "owner";
    EXPECT_FALSE(is_emergency(*quiet.scenario, owner));
    EXPECT_FALSE(current_emergency(*quiet.scenario, {owner}, AttemptLog{}));
}

TEST(DeskGuide, TheNextWaitingIsARingingPhoneThenAHeldCallerThenTheQueue) {
    using S = ThreadView::State;
    auto tv = [](std::string id, ThreadRecord::Kind k, S s) {
        ThreadView t;
        t.id = t.actor = std::move(id);
        t.kind = k;
        t.state = s;
        return t;
    };
    const auto P = ThreadRecord::Kind::Phone, D = ThreadRecord::Kind::Desk;
    std::vector<ThreadView> ts = {tv("a", D, S::Ended), tv("b", D, S::Waiting), tv("c", P, S::Held),
                                  tv("d", P, S::Ringing)};
    EXPECT_EQ(next_waiting(ts, "a"), "d");
    ts[3].state = S::Ended;
    EXPECT_EQ(next_waiting(ts, "a"), "c");
    ts[2].state = S::Active;
    EXPECT_EQ(next_waiting(ts, "a"), "b");
    ts[1].state = S::Active;
    EXPECT_EQ(next_waiting(ts, "a"), "");
}

}  // namespace

namespace {

// Every label a button of the desk carries in `lang`.
std::set<std::string> button_labels(const i18n::Strings& t) {
    std::set<std::string> out;
    auto add = [&](std::string_view verb, auto args) {
        for (auto a : args) out.insert(tool_label(t, verb, std::string(a)));
    };
    add("call", enums::kCallNumbers);
    add("dispatch", enums::kDepartments);
    add("escalate", enums::kEscalate);
    add("notify", enums::kNotify);
    add("hand_over",
        std::vector<std::string>{"first-aid-kit", "extinguisher", "access-card", "parcel", "form"});
    for (const char* v : {"broadcast", "record", "classify", "register_visitor", "hold"})
        out.insert(tool_label(t, v, ""));
    for (const char* k : {"desk.answer", "desk.serve", "desk.hold", "desk.hang_up", "desk.ask_wait",
                          "desk.resume_call", "desk.send", "desk.end", "tool.clear"})
        out.insert(t.tr(k));
    return out;
}

TEST(DeskGuide, EveryButtonAHintNamesIsOnTheDesk) {
    i18n::Strings t;
    std::string err;
    ASSERT_TRUE(t.load_builtin("zh", &err)) << err;
    const auto labels = button_labels(t);
    const auto lib = session::Library::scan(kScenarioDir);
    ASSERT_GT(lib.entries.size(), 30u);
    const std::regex pressed("点「(.+?)」");
    const std::regex id_word(
        "\\b(answer|hold|hang_up|record|classify|dispatch|escalate|call|notify|register_visitor|"
        "broadcast|hand_over|supervisor|manager|host|residents|security|engineering|cleaning)\\b");
    int named = 0;
    for (const auto& f : lib.entries) {
        ASSERT_TRUE(f.scenario) << f.path;
        for (const auto& n : f.scenario->nodes) {
            for (std::sregex_iterator it(n.hint.begin(), n.hint.end(), pressed), end; it != end;
                 ++it) {
                EXPECT_TRUE(labels.count((*it)[1])) << f.path << " node " << n.id << ": 「"
                                                    << (*it)[1] << "」 is no button's label";
                ++named;
            }
            // A verb's or value's id ("escalate supervisor") is no word on the desk.
            EXPECT_FALSE(std::regex_search(n.hint, id_word))
                << f.path << " node " << n.id << ": " << n.hint;
        }
    }
    EXPECT_GE(named, 5);
    // The steps the desk itself words name real buttons too.
    for (const char* spec :
         {"call:119", "broadcast:evacuation", "dispatch:security", "escalate:manager",
          "notify:host", "hand_over:first-aid-kit", "record", "classify", "escalate", "dispatch",
          "notify", "call", "hand_over", "register_visitor"}) {
        const std::string said = press(t, spec);
        int n = 0;
        for (std::sregex_iterator it(said.begin(), said.end(), pressed), end; it != end; ++it, ++n)
            EXPECT_TRUE(labels.count((*it)[1])) << spec << ": " << said;
        EXPECT_GE(n, 1) << spec << ": " << said;
    }
    EXPECT_EQ(press(t, "escalate"), "点「上报主管」或点「上报经理」");
}

}  // namespace
