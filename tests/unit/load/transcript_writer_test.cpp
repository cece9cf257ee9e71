// The transcript writer: DESIGN §3 YAML that the transcript loader reads back unchanged.
#include <gtest/gtest.h>

#include "sim/load/transcript_loader.h"
#include "sim/load/transcript_writer.h"

namespace {

using dd::Action;
using dd::Verb;
using dd::format_seconds;
using dd::yaml_quote;

TEST(TranscriptYaml, SecondsKeepEveryMillisecond) {
    EXPECT_EQ(format_seconds(0), "0");
    EXPECT_EQ(format_seconds(5000), "5");
    EXPECT_EQ(format_seconds(7500), "7.5");
    EXPECT_EQ(format_seconds(12345), "12.345");
    EXPECT_EQ(format_seconds(1), "0.001");
    EXPECT_EQ(format_seconds(3'600'010), "3600.01");
}

TEST(TranscriptYaml, QuotesWhatYamlWouldMisread) {
    EXPECT_EQ(yaml_quote("13800001111"), "\"13800001111\"");
    EXPECT_EQ(yaml_quote("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
    EXPECT_EQ(yaml_quote("x\ny"), "\"x\\ny\"");
}

Action act(dd::Millis at, Verb v, std::string arg = {}) {
    Action a;
    a.at = at;
    a.verb = v;
    a.arg = std::move(arg);
    return a;
}

TEST(TranscriptYaml, EveryVerbRoundTripsThroughTheLoader) {
    dd::Transcript t;
    t.scenario = "complaint.night-renovation-noise";
    t.seed = 42;
    t.mode = "assessment";
    t.trainee = "张三";
    t.actions.push_back(act(5001, Verb::Answer, "phone"));
    Action say = act(7123, Verb::Say);
    say.text = "您好: {安居物业}, \"客服\" #1 - yes";  // YAML-special characters and words
    t.actions.push_back(say);
    Action rec = act(45000, Verb::Record);
    rec.fields = {
        {"name", "王女士"}, {"room", "3-1202"}, {"phone", "13800001111"}, {"issue", "no"}};
    t.actions.push_back(rec);
    Action cls = act(50000, Verb::Classify);
    cls.fields = {{"type", "complaint"}, {"level", "urgent"}};
    t.actions.push_back(cls);
    t.actions.push_back(act(55000, Verb::Dispatch, "security"));
    t.actions.push_back(act(56000, Verb::Escalate, "manager"));
    t.actions.push_back(act(57000, Verb::Call, "119"));
    t.actions.push_back(act(58000, Verb::Notify, "residents"));
    t.actions.push_back(act(59000, Verb::Broadcast, "evacuation"));
    t.actions.push_back(act(60000, Verb::HandOver, "first-aid-kit"));
    Action vis = act(61000, Verb::RegisterVisitor);
    vis.fields = {{"name", "李先生"}, {"visiting", "5-301"}};
    t.actions.push_back(vis);
    t.actions.push_back(act(61500, Verb::RegisterVisitor));
    Action ch = act(62000, Verb::Choose);
    ch.choice = 1;
    t.actions.push_back(ch);
    Action hold = act(63000, Verb::Hold, "owner");
    hold.to = "owner";
    t.actions.push_back(hold);
    t.actions.push_back(act(64000, Verb::Focus, "owner"));
    t.actions.push_back(act(65000, Verb::HangUp, "phone"));
    Action w = act(65000, Verb::Wait);
    w.duration = 1234;
    t.actions.push_back(w);
    Action w0 = act(66234, Verb::Wait);
    t.actions.push_back(w0);
    t.actions.push_back(act(70000, Verb::End));

    const std::string yaml = dd::transcript_to_yaml(t, "a comment\nover two lines");
    EXPECT_EQ(yaml.rfind("# a comment\n# over two lines\n", 0), 0u) << yaml;
    dd::Diagnostics d;
    auto back = dd::load_transcript_text(yaml, "x.yaml", d);
    ASSERT_TRUE(back) << d.to_string() << "\n" << yaml;
    EXPECT_EQ(back->scenario, t.scenario);
    EXPECT_EQ(back->seed, 42u);
    EXPECT_EQ(back->mode, "assessment");
    EXPECT_EQ(back->trainee, "张三");
    ASSERT_EQ(back->actions.size(), t.actions.size());
    for (size_t i = 0; i < t.actions.size(); ++i) {
        const Action& a = t.actions[i];
        const Action& b = back->actions[i];
        SCOPED_TRACE("action " + std::to_string(i) + " " + std::string(dd::verb_name(a.verb)));
        EXPECT_EQ(b.at, a.at);
        EXPECT_EQ(b.verb, a.verb);
        EXPECT_EQ(b.arg, a.arg);
        EXPECT_EQ(b.text, a.text);
        EXPECT_EQ(b.choice, a.choice);
        EXPECT_EQ(b.duration, a.duration);
        EXPECT_EQ(b.fields, a.fields);
        EXPECT_EQ(b.to, a.to);
    }
}

}  // namespace
