// The desk's decisions without drawing: emergencies and when the scenario counts them handled,
// who can hear a reply, and where the desk turns when a conversation ends.
#include "sim/app/desk_guide.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "sim/engine/dialogue.h"
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

// The prose hint and the guide cannot drift apart: every button a node's hint names (点「…」) is
// one its guide presses, and every node with a hint has a guide a trainee can follow.
TEST(DeskGuide, EveryHintNamesOnlyButtonsItsGuidePresses) {
    i18n::Strings t;
    std::string err;
    ASSERT_TRUE(t.load_builtin("zh", &err)) << err;
    const auto lib = session::Library::scan(kScenarioDir);
    const std::regex pressed("点「(.+?)」");
    int checked = 0;
    for (const auto& f : lib.entries) {
        ASSERT_TRUE(f.scenario) << f.path;
        const Scenario& s = *f.scenario;
        for (const auto& n : s.nodes) {
            if (!n.hint.empty()) {
                EXPECT_FALSE(n.guide.empty())
                    << f.path << " node " << n.id << " has a hint but no guide";
            }
            std::set<std::string> buttons;
            for (const auto& g : n.guide)
                for (const auto& b : guide_step_buttons(t, s, g.action)) buttons.insert(b);
            for (std::sregex_iterator it(n.hint.begin(), n.hint.end(), pressed), end; it != end;
                 ++it, ++checked)
                EXPECT_TRUE(buttons.count((*it)[1]))
                    << f.path << " node " << n.id << ": the hint names 「" << (*it)[1]
                    << "」 but the guide does not press it";
        }
    }
    EXPECT_GE(checked, 3);
}

// A guide's steps as the hint panel words them: each button by its label, the reply to type, the
// form's fields by their labels, the facts as played.
TEST(DeskGuide, GuideStepsNameTheButtonsAndTheWords) {
    i18n::Strings zh, en;
    std::string err;
    ASSERT_TRUE(zh.load_builtin("zh", &err)) << err;
    ASSERT_TRUE(en.load_builtin("en", &err)) << err;
    const session::ScenarioFile f = scenario(kScenarioDir + "/tutorial/desk-tour.yaml");
    const Scenario& s = *f.scenario;
    const dialogue::Facts facts = {{"owner", dialogue::played_facts(*s.actor("owner"), 1)}};
    auto text = [&](const i18n::Strings& t, const std::string& node, std::size_t i) {
        const GuideStep& g = s.node(node)->guide.at(i);
        return guide_step_text(t, s, g, dialogue::guide_action(g, facts, s.site), "");
    };
    EXPECT_EQ(text(zh, "open", 0), "说：「您好，安居物业客服中心，请问有什么可以帮您？」");
    EXPECT_EQ(text(zh, "details", 0),
              "在「登记」页填写：姓名 周先生，房号 5-0302，电话 13600003333，事项 门口走廊灯不亮；"
              "再点「提交登记」");
    EXPECT_EQ(text(zh, "details", 1), "在「分类派单」页选「报修」「一般」，再点「确认分类」");
    EXPECT_EQ(text(zh, "details", 2), "点「工程部」（派单）");
    EXPECT_EQ(text(en, "details", 1),
              "on “Classify” pick “Repair” “General” then press “Classify”");
    GuideStep wait;
    wait.wait_for = "phone";
    EXPECT_EQ(guide_step_text(zh, s, wait, wait.action, ""), "等电话响起");
    GuideStep hold;
    hold.action.verb = Verb::Hold;
    hold.action.arg = "owner";
    EXPECT_EQ(guide_step_text(zh, s, hold, hold.action, "周先生"), "（对周先生）点「保留」");
}

// The tutorial's callouts, step by step: the widget to use next and what to do there.
TEST(DeskGuide, TheTutorialsCalloutsPointAtTheNextWidget) {
    i18n::Strings t;
    std::string err;
    ASSERT_TRUE(t.load_builtin("zh", &err)) << err;
    const auto owned = start("/tutorial/desk-tour.yaml");
    session::Attempt& a = *owned;
    auto callout = [&] {
        auto c = next_callout(t, a.engine(), "");
        return c ? c->widget + " | " + c->tab + " | " + c->text : std::string("none");
    };
    EXPECT_EQ(callout(), "none");  // nobody has rung yet
    a.set_clock(3'000);
    EXPECT_EQ(callout(), "phone.answer |  | 点「接听」");
    ASSERT_TRUE(a.act(act(Verb::Answer, "phone")).ok);
    EXPECT_EQ(callout(), "reply.input |  | 说：「您好，安居物业客服中心，请问有什么可以帮您？」");
    Action say = act(Verb::Say);
    say.text = "您好，安居物业客服中心，请问有什么可以帮您？";
    a.set_clock(8'000);
    ASSERT_TRUE(a.act(say).ok);
    EXPECT_EQ(callout(),
              "tool.record.submit | tool.tab:record | 在「登记」页填写：姓名 李女士，房号 2-0801，"
              "电话 13600002222，事项 门口走廊灯不亮；再点「提交登记」");
    Action rec = act(Verb::Record);
    rec.fields = {{"name", "李女士"}, {"room", "2-0801"}, {"phone", "13600002222"}};
    ASSERT_TRUE(a.act(rec).ok);
    EXPECT_EQ(callout(),
              "tool.classify.submit | tool.tab:classify | "
              "在「分类派单」页选「报修」「一般」，再点「确认分类」");
    Action cls = act(Verb::Classify);
    cls.fields = {{"type", "repair"}, {"level", "general"}};
    ASSERT_TRUE(a.act(cls).ok);
    EXPECT_EQ(callout(), "tool.dispatch:engineering | tool.tab:classify | 点「工程部」（派单）");
    ASSERT_TRUE(a.act(act(Verb::Dispatch, "engineering")).ok);
    say.text =
        "跟您确认一下：李女士，2-0801，电话13600002222，门口走廊灯不亮。工程部师傅30分钟内上门。";
    ASSERT_TRUE(a.act(say).ok);
    EXPECT_EQ(callout(), "reply.input |  | 说：「不客气，感谢您的来电，再见！」");
    say.text = "不客气，感谢您的来电，再见！";
    ASSERT_TRUE(a.act(say).ok);
    EXPECT_EQ(callout(), "none");  // the caller hangs up first
    a.set_clock(20'000);
    EXPECT_EQ(callout(), "desk.end |  | 点「查看讲评」");
}

}  // namespace
