// The scenario loader: the example loads with the expected content; then one test per class of
// error, each with the exact message and place; and "all problems are collected".
#include "sim/load/scenario_loader.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "sim/model/verbs.h"

namespace dd {
namespace {

const std::string kExample =
    std::string(DESKDRILL_SCENARIOS_DIR) + "/complaint/night-renovation-noise.yaml";
const std::string kStandards = std::string(DESKDRILL_SCENARIOS_DIR) + "/standards.yaml";

// A small valid scenario; tests change one thing in it.
const std::string kBase = R"(id: complaint.test-case
version: 1
title: 测试
category: complaint
difficulty: 2
actors:
  owner:
    name: 王女士
    role: owner
    phone: "13800001111"
events:
  - {at: 0s, phone_call: {from: owner, start: open}}
dialogue:
  open:
    actor: owner
    says: 喂?
    next:
      - {goto: close}
  close:
    actor: owner
    says: 好的
    end: true
criteria: [courtesy.greeting]
)";

std::string replace(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

struct Result {
    std::optional<Scenario> sc;
    std::string diags;
};

Result load(const std::string& text, const LoadOptions& opts = {}) {
    Diagnostics d;
    auto sc = load_scenario_text(text, "s.yaml", d, opts);
    return {std::move(sc), d.to_string()};
}

LoadOptions with_standards() {
    LoadOptions o;
    Diagnostics d;
    o.criteria_ids = load_criteria_ids(kStandards, d);
    EXPECT_TRUE(o.criteria_ids) << d.to_string();
    return o;
}

TEST(ScenarioLoader, BaseIsValid) {
    auto r = load(kBase);
    EXPECT_TRUE(r.sc) << r.diags;
    EXPECT_EQ(r.diags, "");
}

TEST(ScenarioLoader, ExampleLoadsWithExpectedContent) {
    Diagnostics d;
    auto sc = load_scenario_file(kExample, d, with_standards());
    ASSERT_TRUE(sc) << d.to_string();
    EXPECT_EQ(d.to_string(), "");
    EXPECT_EQ(sc->path, kExample);
    EXPECT_EQ(sc->id, "complaint.night-renovation-noise");
    EXPECT_EQ(sc->version, 1);
    EXPECT_EQ(sc->title, "深夜装修噪音投诉(来电)");
    EXPECT_EQ(sc->category, "complaint");
    EXPECT_EQ(sc->difficulty, 2);
    EXPECT_EQ(sc->used_for, (std::vector<std::string>{"onboarding", "assessment", "refresher"}));
    EXPECT_EQ(sc->site.name, "阳光花园");
    EXPECT_EQ(sc->site.company, "安居物业");

    ASSERT_EQ(sc->actors.size(), 1u);
    const Actor& owner = sc->actors[0];
    EXPECT_EQ(owner.id, "owner");
    EXPECT_EQ(owner.name, "王女士");
    EXPECT_EQ(owner.role, "owner");
    EXPECT_EQ(owner.room, "3-1202");
    EXPECT_EQ(owner.phone, "13800001111");
    EXPECT_EQ(owner.private_facts, std::vector<std::string>{"phone"});
    EXPECT_EQ(owner.persona.patience, 30'000);
    EXPECT_EQ(owner.persona.temper, "hot");
    EXPECT_EQ(owner.mood, 70);
    EXPECT_EQ(owner.pos.line, 11);
    EXPECT_EQ(owner.pos.col, 3);

    ASSERT_EQ(sc->events.size(), 1u);
    EXPECT_EQ(sc->events[0].kind, Event::Kind::PhoneCall);
    EXPECT_EQ(sc->events[0].at, 0);
    EXPECT_EQ(sc->events[0].actor, "owner");
    EXPECT_EQ(sc->events[0].start, "open");
    EXPECT_EQ(sc->events[0].ring_every, 4'000);

    std::vector<std::string> ids;
    for (const auto& n : sc->nodes) ids.push_back(n.id);
    EXPECT_EQ(ids,
              (std::vector<std::string>{"open", "details", "contact", "close", "demand-manager"}));
    const Node* open = sc->node("open");
    ASSERT_TRUE(open);
    EXPECT_EQ(open->actor, "owner");
    ASSERT_EQ(open->says.size(), 1u);
    EXPECT_EQ(open->says[0], "喂?是物业吗?楼上又在半夜装修,电钻响个不停,吵得我根本睡不着!");
    EXPECT_EQ(open->expect.within, 30'000);
    EXPECT_EQ(open->expect.acts, (std::vector<AnyOf>{{"greeting"}, {"self-identify"}}));
    ASSERT_EQ(open->next.size(), 2u);
    ASSERT_TRUE(open->next[0].cond);
    EXPECT_EQ(open->next[0].cond->mood_above, 85);
    EXPECT_EQ(open->next[0].go, "demand-manager");
    EXPECT_FALSE(open->next[1].cond);
    EXPECT_EQ(open->next[1].go, "details");
    EXPECT_FALSE(open->end);

    const Node* details = sc->node("details");
    ASSERT_TRUE(details);
    EXPECT_EQ(details->expect.acts, (std::vector<AnyOf>{{"empathy", "apology"}}));
    ASSERT_TRUE(details->next[0].cond);
    EXPECT_EQ(details->next[0].cond->said,
              (std::vector<AnyOf>{{"refuse-knowledge", "deflect", "argue", "rude"}}));

    const Node* contact = sc->node("contact");
    ASSERT_TRUE(contact);
    EXPECT_EQ(contact->expect.within, 180'000);
    EXPECT_EQ(contact->expect.did, (std::vector<AnyOf>{{"record"}, {"classify"}, {"dispatch"}}));
    EXPECT_TRUE(sc->node("close")->end);
    EXPECT_FALSE(sc->node("close")->expect.within);

    EXPECT_EQ(sc->outcome.request_type, "complaint");
    EXPECT_EQ(sc->outcome.level, "urgent");
    EXPECT_EQ(sc->outcome.dispatch, std::vector<std::string>{"security"});
    using KV = std::pair<std::string, std::string>;
    EXPECT_EQ(sc->outcome.record,
              (std::vector<KV>{{"name", "王女士"}, {"room", "3-1202"}, {"phone", "13800001111"}}));
    ASSERT_EQ(sc->criteria.size(), 12u);
    EXPECT_EQ(sc->criteria.front().id, "phone.answer-within-3-rings");
    EXPECT_EQ(sc->criteria.back().id, "language.no-forbidden");
    EXPECT_NE(sc->debrief.find("seed 000 §3"), std::string::npos);
}

TEST(ScenarioLoader, ExampleMatchesTheClientsCopy) {
    // The client's example must load unchanged (issue 2): the shipped file is byte-identical.
    Diagnostics d;
    auto a = load_scenario_file(kExample, d);
    auto b = load_scenario_file(
        std::string(DESKDRILL_EXAMPLES_DIR) + "/complaint.night-renovation-noise.yaml", d);
    ASSERT_TRUE(a && b) << d.to_string();
    EXPECT_EQ(a->id, b->id);
    EXPECT_EQ(a->nodes.size(), b->nodes.size());
}

TEST(ScenarioLoader, AllExtensionsLoad) {
    const std::string text = R"(id: emergency.all-keys
version: 3
title: 全部字段
category: emergency
difficulty: 5
used_for: assessment
site: {name: 阳光花园, company: 安居物业}
summary: 火警
pass_mark: 85
time_limit: 10m
actors:
  owner:
    name: 王女士
    role: elderly
    room: 3-1202
    phone: "13800001111"
    plate: 沪A12345
    private: [phone, plate]
    persona: {patience: 1m, temper: calm}
    mood: 10
    vary:
      - {name: 李先生, room: 5-0301, phone: "13900002222", plate: 沪B1}
events:
  - {at: 2m, walk_in: {actor: owner, start: hello}}
  - {at: 0s, jitter: 20s, phone_call: {from: owner, start: hello, ring_every: 3s, give_up: 40s}}
  - {at: 1m, alarm: {kind: fire, text: 3栋烟感报警, actor: owner, start: hello}}
  - {at: 1m, notice: {text: 消防演练}}
dialogue:
  hello:
    actor: owner
    says: ["{owner.name}在{owner.room}", "车牌{owner.plate}"]
    expect: {within: 20s, acts: greeting, did: ["dispatch:security|escalate:manager", call:119]}
    choices: [您好, 请稍等]
    hint: 先问候{owner.name}
    next:
      - if: {said: [empathy], not_said: rude, did: record, not_did: [hang_up],
             mood: {above: 10, below: 90}, waited: {over: 30s}, visits: {above: 2}}
        goto: bye
      - {goto: bye}
  bye:
    says: 再见
    end: true
outcome:
  request_type: emergency
  level: special
  dispatch: [security, engineering]
  escalate: manager
  notify: [residents]
  hand_over: [extinguisher]
  broadcast: evacuation
  call: [{number: "119", within: 60s}, 120]
  register_visitor: true
  mood_below: 50
  record: {name: 王女士, room: 3-1202, issue: 火警}
criteria:
  - courtesy.greeting
  - {id: emergency.call-119, points: 20, critical: true, params: {within: 60s, n: 3}}
debrief: 讲评
)";
    auto r = load(text);
    ASSERT_TRUE(r.sc) << r.diags;
    const Scenario& sc = *r.sc;
    EXPECT_EQ(sc.version, 3);
    EXPECT_EQ(sc.used_for, std::vector<std::string>{"assessment"});
    EXPECT_EQ(sc.summary, "火警");
    EXPECT_EQ(sc.pass_mark, 85);
    EXPECT_EQ(sc.time_limit, 600'000);
    const Actor& a = sc.actors[0];
    EXPECT_EQ(a.facts.at("plate"), "沪A12345");
    EXPECT_EQ(a.private_facts, (std::vector<std::string>{"phone", "plate"}));
    EXPECT_EQ(a.persona.patience, 60'000);
    ASSERT_EQ(a.vary.size(), 1u);
    EXPECT_EQ(a.vary[0].facts.at("name"), "李先生");
    EXPECT_EQ(a.vary[0].facts.at("plate"), "沪B1");
    // Sorted by `at`, stable: the phone call, then alarm and notice in file order, then walk-in.
    ASSERT_EQ(sc.events.size(), 4u);
    EXPECT_EQ(sc.events[0].kind, Event::Kind::PhoneCall);
    EXPECT_EQ(sc.events[0].ring_every, 3'000);
    EXPECT_EQ(sc.events[0].give_up, 40'000);
    EXPECT_EQ(sc.events[0].jitter, 20'000);
    EXPECT_EQ(sc.events[1].jitter, 0);
    EXPECT_EQ(sc.events[1].kind, Event::Kind::Alarm);
    EXPECT_EQ(sc.events[1].alarm, "fire");
    EXPECT_EQ(sc.events[1].text, "3栋烟感报警");
    EXPECT_EQ(sc.events[2].kind, Event::Kind::Notice);
    EXPECT_EQ(sc.events[3].kind, Event::Kind::WalkIn);
    EXPECT_EQ(sc.events[3].at, 120'000);
    const Node* hello = sc.node("hello");
    ASSERT_TRUE(hello);
    EXPECT_EQ(hello->says.size(), 2u);
    EXPECT_EQ(hello->expect.acts, std::vector<AnyOf>{{"greeting"}});
    EXPECT_EQ(hello->expect.did,
              (std::vector<AnyOf>{{"dispatch:security", "escalate:manager"}, {"call:119"}}));
    ASSERT_EQ(hello->choices.size(), 2u);
    EXPECT_EQ(hello->choices[1].text, "请稍等");
    EXPECT_EQ(hello->hint, "先问候{owner.name}");
    const Condition& c = *hello->next[0].cond;
    EXPECT_EQ(c.said, std::vector<AnyOf>{{"empathy"}});
    EXPECT_EQ(c.not_said, std::vector<AnyOf>{{"rude"}});
    EXPECT_EQ(c.did, std::vector<AnyOf>{{"record"}});
    EXPECT_EQ(c.not_did, std::vector<AnyOf>{{"hang_up"}});
    EXPECT_EQ(c.mood_above, 10);
    EXPECT_EQ(c.mood_below, 90);
    EXPECT_EQ(c.waited_over, 30'000);
    EXPECT_EQ(c.visits_above, 2);
    EXPECT_EQ(sc.node("bye")->actor, "");
    const Outcome& o = sc.outcome;
    EXPECT_EQ(o.dispatch, (std::vector<std::string>{"security", "engineering"}));
    EXPECT_EQ(o.escalate, std::vector<std::string>{"manager"});
    EXPECT_EQ(o.broadcast, std::vector<std::string>{"evacuation"});
    ASSERT_EQ(o.call.size(), 2u);
    EXPECT_EQ(o.call[0].number, "119");
    EXPECT_EQ(o.call[0].within, 60'000);
    EXPECT_EQ(o.call[1].number, "120");
    EXPECT_FALSE(o.call[1].within);
    EXPECT_EQ(o.register_visitor, true);
    EXPECT_EQ(o.mood_below, 50);
    ASSERT_EQ(sc.criteria.size(), 2u);
    EXPECT_EQ(sc.criteria[1].points, 20);
    EXPECT_EQ(sc.criteria[1].critical, true);
    EXPECT_EQ(sc.criteria[1].params.at("within"), "60s");
    EXPECT_EQ(sc.criteria[1].params.at("n"), "3");
}

// ---- one test per class of error: exact message and place

TEST(ScenarioErrors, Syntax) {
    auto r = load(replace(kBase, "difficulty: 2", "difficulty: [2"));
    EXPECT_FALSE(r.sc);
    EXPECT_EQ(r.diags.substr(0, r.diags.find('\n')),
              "s.yaml:6:7: error: YAML syntax error: end of sequence flow not found; the '[' at "
              "line 5, column 13 is not closed");
}

TEST(ScenarioErrors, UnknownKeyWithDidYouMean) {
    auto r = load(replace(kBase, "title:", "titel:"));
    EXPECT_FALSE(r.sc);
    EXPECT_EQ(r.diags,
              "s.yaml:1:1: error: missing required key 'title' in the scenario\n"
              "s.yaml:3:1: error: unknown key 'titel' in the scenario; did you mean 'title'?\n");
}

TEST(ScenarioErrors, UnknownKeyListsAllowed) {
    auto r = load(replace(kBase, "  close:\n    actor: owner\n",
                          "  close:\n    actor: owner\n    mystery: 1\n"));
    EXPECT_EQ(r.diags,
              "s.yaml:21:5: error: unknown key 'mystery' in node 'close' (allowed: actor, says, "
              "expect, next, end, choices, hint, guide)\n");
}

TEST(ScenarioErrors, WrongType) {
    auto r = load(replace(kBase, "title: 测试", "title: {zh: 测试}"));
    EXPECT_EQ(r.diags, "s.yaml:3:8: error: expected a string for 'title', got a map\n");
    r = load(replace(kBase, "    end: true", "    end: 是"));
    EXPECT_EQ(r.diags, "s.yaml:22:10: error: expected true or false for 'end', got '是'\n")
        << "columns count characters";
}

TEST(ScenarioErrors, OutOfRange) {
    auto r = load(replace(kBase, "difficulty: 2", "difficulty: 7"));
    EXPECT_EQ(r.diags, "s.yaml:5:13: error: 'difficulty' must be between 1 and 5, got 7\n");
    r = load(replace(kBase, "version: 1", "version: 0"));
    EXPECT_EQ(r.diags, "s.yaml:2:10: error: 'version' must be between 1 and 1000000, got 0\n");
    r = load(replace(kBase, "    phone: \"13800001111\"", "    mood: 101"));
    EXPECT_EQ(r.diags, "s.yaml:10:11: error: 'mood' must be between 0 and 100, got 101\n");
}

TEST(ScenarioErrors, UnknownEnumValueListsAllowed) {
    auto r = load(replace(kBase, "role: owner", "role: ownr"));
    EXPECT_EQ(r.diags,
              "s.yaml:9:11: error: unknown role 'ownr'; did you mean 'owner'? (allowed: owner, "
              "tenant, visitor, courier, contractor, elderly, child)\n");
}

TEST(ScenarioErrors, UnknownCategoryAndIdMismatch) {
    auto r = load(replace(kBase, "category: complaint", "category: repair"));
    EXPECT_EQ(r.diags,
              "s.yaml:1:5: error: id 'complaint.test-case' starts with 'complaint' but the "
              "category is 'repair'; make them match\n");
    r = load(replace(kBase, "id: complaint.test-case", "id: test_case"));
    EXPECT_EQ(r.diags,
              "s.yaml:1:5: error: id 'test_case' must be '<category>.<slug>' (slug: lowercase "
              "letters, digits and '-'), e.g. 'complaint.night-renovation-noise'\n");
}

TEST(ScenarioErrors, UnknownSpeechActAndVerb) {
    auto r = load(replace(
        kBase, "    says: 喂?\n",
        "    says: 喂?\n    expect: {acts: [greeting|empthy], did: [dispatch:securty, jump]}\n"));
    EXPECT_EQ(r.diags,
              "s.yaml:17:21: error: unknown speech act 'empthy'; did you mean 'empathy'? "
              "(allowed: greeting, self-identify, offer-help, please, thanks, apology, empathy, "
              "ask-wait, thank-for-waiting, ask-name, ask-room, ask-contact, repeat-back, "
              "time-commitment, reassurance, farewell, refuse-knowledge, deflect, argue, rude)\n"
              "s.yaml:17:45: error: unknown argument 'securty' for 'dispatch'; did you mean "
              "'security'? (allowed: engineering, security, cleaning, landscaping, finance, "
              "customer-service)\n"
              "s.yaml:17:63: error: unknown action 'jump' (allowed: answer, hold, say, choose, "
              "record, classify, dispatch, escalate, call, notify, register_visitor, broadcast, "
              "hand_over, hang_up, wait, end, focus; optionally with ':argument', e.g. "
              "'dispatch:security')\n");
}

TEST(ScenarioErrors, ReferenceToMissingNode) {
    auto r = load(replace(kBase, "{goto: close}", "{goto: clsoe}"));
    EXPECT_EQ(r.diags,
              "s.yaml:18:16: error: unknown dialogue node 'clsoe' (not under 'dialogue'); did "
              "you mean 'close'?\n");
    r = load(replace(kBase, "start: open}", "start: nowhere}"));
    EXPECT_EQ(r.diags,
              "s.yaml:12:47: error: unknown dialogue node 'nowhere' (not under 'dialogue'); "
              "defined: open, close\n");
}

TEST(ScenarioErrors, ReferenceToMissingActor) {
    auto r = load(replace(kBase, "from: owner", "from: ownr"));
    EXPECT_EQ(r.diags,
              "s.yaml:12:33: error: unknown actor 'ownr' (not under 'actors'); did you mean "
              "'owner'?\n");
}

TEST(ScenarioErrors, PlaceholderChecked) {
    auto r =
        load(replace(kBase, "says: 喂?", "says: \"{ownr.name}, {owner.nmae}, {owner.phone}\""));
    EXPECT_EQ(r.diags,
              "s.yaml:16:11: error: placeholder '{ownr.name}' names unknown actor 'ownr'; did "
              "you mean 'owner'?\n"
              "s.yaml:16:11: error: placeholder '{owner.nmae}': actor 'owner' has no field "
              "'nmae'; did you mean 'name'?\n");
}

TEST(ScenarioLoader, GuideStepsAreTranscriptActionsWithoutTimes) {
    auto r = load(replace(kBase, "    says: 喂?\n", R"(    says: 喂?
    guide:
      - say: 您好，{site.company}，请问{owner.name}有什么事？
      - record: {name: '{owner.name}', phone: '{owner.phone}'}
      - {dispatch: security, to: owner}
      - wait_for: phone
      - answer: phone
      - focus: owner
)"));
    ASSERT_TRUE(r.sc) << r.diags;
    EXPECT_EQ(r.diags, "");
    const auto& g = r.sc->nodes[0].guide;
    ASSERT_EQ(g.size(), 6u);
    EXPECT_EQ(g[0].action.verb, Verb::Say);
    EXPECT_EQ(g[0].action.text, "您好，{site.company}，请问{owner.name}有什么事？");
    EXPECT_EQ(g[0].pos.line, 18);
    EXPECT_EQ(g[1].action.verb, Verb::Record);
    ASSERT_EQ(g[1].action.fields.size(), 2u);
    EXPECT_EQ(g[1].action.fields[1].second, "{owner.phone}");
    EXPECT_EQ(g[2].action.arg, "security");
    EXPECT_EQ(g[2].action.to, "owner");
    EXPECT_EQ(g[3].wait_for, "phone");
    EXPECT_EQ(g[4].action.verb, Verb::Answer);
    EXPECT_EQ(g[4].action.arg, "phone");
    EXPECT_EQ(g[5].action.verb, Verb::Focus);
}

TEST(ScenarioErrors, GuideStepsCheckedAsActions) {
    auto r = load(replace(kBase, "    says: 喂?\n", R"(    says: 喂?
    guide:
      - {at: 5, say: 您好}
      - dispatch: secruity
      - {say: 好, dispatch: security}
      - {wait_for: phone, say: 好}
      - choose: 1
      - {say: 好, to: visitr}
      - say: "{ownr.name}"
      - hold: ownr
)"));
    EXPECT_FALSE(r.sc);
    EXPECT_EQ(r.diags,
              "s.yaml:18:10: error: guide[0] of node 'open' has 'at'; a guide step has no time — "
              "the trainee's pace decides when — so remove it\n"
              "s.yaml:19:19: error: unknown department 'secruity'; did you mean 'security'? "
              "(allowed: engineering, security, cleaning, landscaping, finance, customer-service)\n"
              "s.yaml:20:18: error: guide[2] of node 'open' has two verbs, 'say' and 'dispatch'; "
              "put each in its own action\n"
              "s.yaml:21:27: error: guide[3] of node 'open' has 'wait_for' and 'say'; put the "
              "action in a step of its own after it\n"
              "s.yaml:22:9: error: guide[4] of node 'open' uses 'choose'; a guide gives the words "
              "to type: write 'say: …' (choice mode offers the node's 'choices')\n"
              "s.yaml:23:22: error: unknown thread 'visitr'; name phone, desk, alarm or an actor; "
              "defined: phone, desk, alarm, owner\n"
              "s.yaml:24:14: error: placeholder '{ownr.name}' names unknown actor 'ownr'; did you "
              "mean 'owner'?\n"
              "s.yaml:25:15: error: unknown thread 'ownr'; name phone, desk, alarm or an actor; did "
              "you mean 'owner'?\n");
}

TEST(ScenarioErrors, GuideMustBeAList) {
    auto r = load(replace(kBase, "    says: 喂?\n", "    says: 喂?\n    guide: {say: 您好}\n"));
    EXPECT_EQ(r.diags, "s.yaml:17:12: error: expected a list for 'guide', got a map\n");
    r = load(replace(kBase, "    says: 喂?\n", "    says: 喂?\n    guide: []\n"));
    EXPECT_EQ(r.diags, "s.yaml:17:12: error: 'guide' is an empty list; give the steps or remove it\n");
}

// The site's placeholders (the company's own desk): an extension or fee needs its default in
// `site:`, which a site profile overrides.
TEST(ScenarioErrors, SitePlaceholdersNeedTheirDefaults) {
    auto r = load(replace(kBase, "says: 喂?",
                          "says: \"{site.company}{site.name}{site.phone} {ext.security} "
                          "{ext.securty} {fee.property} {fee.parking.price}\""));
    EXPECT_EQ(r.diags,
              "s.yaml:16:11: error: placeholder '{site.phone}': the site has 'name' and "
              "'company'\n"
              "s.yaml:16:11: error: placeholder '{ext.security}': give its default under 'site: "
              "{extensions: {security: …}}'\n"
              "s.yaml:16:11: error: placeholder '{ext.securty}': unknown department 'securty'; "
              "did you mean 'security'?\n"
              "s.yaml:16:11: error: placeholder '{fee.property}': give fee 'property' under "
              "'site: {fees: {property: {name: …, amount: …, unit: …}}}'\n"
              "s.yaml:16:11: error: placeholder '{fee.parking.price}': a fee has 'amount', "
              "'name' and 'unit'\n");
    const std::string site =
        "site:\n  name: 阳光花园\n  company: 安居物业\n  extensions: {security: 6110}\n"
        "  fees:\n    property: {name: 物业费, amount: 2.5, unit: 元/平方米·月}\n"
        "actors:\n";
    auto ok = load(replace(replace(kBase, "actors:\n", site), "says: 喂?",
                           "says: \"{site.company}{site.name} {ext.security} {fee.property} "
                           "{fee.property.amount}\""));
    EXPECT_EQ(ok.diags, "");
    ASSERT_TRUE(ok.sc);
    EXPECT_EQ(ok.sc->site.extensions.at("security"), "6110");
    ASSERT_EQ(ok.sc->site.fees.size(), 1u);
    EXPECT_EQ(ok.sc->site.fees[0].amount, "2.5");
    EXPECT_EQ(load(replace(kBase, "actors:\n",
                           "site: {fees: {property: {amount: -1, unit: 元}}, extensions: "
                           "{guard: 1}}\nactors:\n"))
                  .diags,
              "s.yaml:6:34: error: the amount of fee 'property' must be more than 0, e.g. 2.5\n"
              "s.yaml:6:62: error: unknown key 'guard' in 'extensions' (allowed: engineering, "
              "security, cleaning, landscaping, finance, customer-service)\n");
}

TEST(ScenarioErrors, ReferenceToMissingCriterion) {
    auto r = load(replace(kBase, "[courtesy.greeting]", "[courtesy.greting, made.up]"),
                  with_standards());
    EXPECT_EQ(r.diags,
              "s.yaml:23:12: error: unknown criterion 'courtesy.greting' (not in "
              "standards.yaml); did you mean 'courtesy.greeting'?\n"
              "s.yaml:23:30: error: unknown criterion 'made.up' (not in standards.yaml); add it "
              "there or use one of its ids\n");
}

TEST(ScenarioErrors, CriterionListedTwice) {
    auto r = load(replace(kBase, "[courtesy.greeting]",
                          "\n  - courtesy.greeting\n  - {id: courtesy.greeting, points: 5}"));
    EXPECT_EQ(r.diags,
              "s.yaml:25:10: error: criterion 'courtesy.greeting' is listed twice (first at "
              "line 24); keep one\n");
}

TEST(ScenarioErrors, DuplicateKey) {
    auto r = load(replace(kBase, "difficulty: 2", "difficulty: 2\ndifficulty: 3"));
    EXPECT_FALSE(r.sc);
    EXPECT_EQ(r.diags,
              "s.yaml:6:1: error: duplicate key 'difficulty' (first at line 5); keep only one\n");
}

TEST(ScenarioErrors, DuplicateNodeId) {
    auto r = load(replace(kBase, "  close:\n", "  open:\n    end: true\n  close:\n"));
    EXPECT_EQ(r.diags,
              "s.yaml:19:3: error: duplicate key 'open' (first at line 14); keep only one\n");
}

TEST(ScenarioErrors, NodeWithNoWayOn) {
    auto r = load(replace(kBase, "    end: true\n", ""));
    EXPECT_EQ(r.diags,
              "s.yaml:19:3: error: node 'close' has no way on: add 'next' or 'end: true'\n");
    r = load(replace(kBase, "    end: true\n", "    end: false\n"));
    EXPECT_EQ(r.diags,
              "s.yaml:19:3: error: node 'close' has no way on: add 'next' or 'end: true'\n");
    r = load(replace(kBase, "    end: true\n", "    end: true\n    next: [{goto: open}]\n"));
    EXPECT_EQ(r.diags,
              "s.yaml:22:5: error: node 'close' has both 'next' and 'end: true'; keep one (end "
              "closes the thread)\n");
}

TEST(ScenarioErrors, MissingId) {
    auto r = load(replace(kBase, "id: complaint.test-case\n", ""));
    EXPECT_FALSE(r.sc);
    EXPECT_EQ(r.diags, "s.yaml:1:1: error: missing required key 'id' in the scenario\n");
}

TEST(ScenarioErrors, MissingRequiredKeysAllReported) {
    auto r = load("id: complaint.x\n");
    EXPECT_EQ(r.diags,
              "s.yaml:1:1: error: missing required key 'title' in the scenario\n"
              "s.yaml:1:1: error: missing required key 'category' in the scenario\n"
              "s.yaml:1:1: error: missing required key 'actors' in the scenario\n"
              "s.yaml:1:1: error: missing required key 'dialogue' in the scenario\n"
              "s.yaml:1:1: error: missing required key 'criteria' in the scenario\n");
}

TEST(ScenarioErrors, EventNeedsExactlyOneKind) {
    auto r = load(
        replace(kBase, "{at: 0s, phone_call: {from: owner, start: open}}",
                "{at: 0s}\n  - {at: 1s, notice: {text: x}, walk_in: {actor: owner, start: open}}"));
    EXPECT_EQ(r.diags,
              "s.yaml:12:5: error: events[0] has no kind; add one of phone_call, walk_in, "
              "alarm, notice\n"
              "s.yaml:13:33: error: events[1] has both 'notice' and 'walk_in'; make them two "
              "events\n");
}

TEST(ScenarioErrors, PrivateFactMustBeAField) {
    auto r = load(replace(kBase, "    phone: \"13800001111\"\n",
                          "    phone: \"13800001111\"\n    private: [phone, rom]\n"));
    EXPECT_EQ(r.diags,
              "s.yaml:11:22: error: private fact 'rom' is not a field of actor 'owner'; did you "
              "mean 'room'? (fields: name, role, room, phone)\n");
}

TEST(ScenarioErrors, ActorTypoTakenAsFactWarns) {
    auto r = load(replace(kBase, "    phone: \"13800001111\"\n", "    phnoe: \"13800001111\"\n"));
    EXPECT_TRUE(r.sc) << "a plain extra key is a fact; only a warning";
    EXPECT_EQ(r.diags,
              "s.yaml:10:5: warning: 'phnoe' in actor 'owner' is taken as an extra fact; did you "
              "mean 'phone'?\n");
    EXPECT_EQ(r.sc->actors[0].facts.at("phnoe"), "13800001111");
}

TEST(ScenarioErrors, BadDuration) {
    auto r = load(replace(kBase, "{at: 0s,", "{at: soon,"));
    EXPECT_EQ(r.diags,
              "s.yaml:12:10: error: expected a duration like 30s, 2m or 1h30m for 'at', got "
              "'soon'\n");
}

TEST(ScenarioErrors, AllProblemsInAFileAreCollected) {
    std::string text = replace(kBase, "title: 测试", "titel: 测试");
    text = replace(text, "difficulty: 2", "difficulty: 9");
    text = replace(text, "role: owner", "role: boss");
    text = replace(text, "{goto: close}", "{goto: nowhere}");
    text = replace(text, "    end: true\n", "");
    auto r = load(text);
    EXPECT_FALSE(r.sc);
    Diagnostics d;
    load_scenario_text(text, "s.yaml", d);
    EXPECT_EQ(d.error_count(), 6u) << r.diags;
    // In line order, each with a place.
    int last_line = 0;
    for (const auto& item : d.items()) EXPECT_GT(item.line, 0) << item.message;
    for (const auto& line : {1, 3, 5, 9, 18, 19}) {
        EXPECT_NE(r.diags.find("s.yaml:" + std::to_string(line) + ":"), std::string::npos)
            << line << "\n"
            << r.diags;
        last_line = line;
    }
    EXPECT_EQ(last_line, 19);
}

TEST(ScenarioErrors, TopLevelNotAMap) {
    auto r = load("- a\n- b\n");
    EXPECT_EQ(r.diags, "s.yaml:1:1: error: expected a map for the scenario, got a list\n");
}

TEST(CriteriaIds, ReadsIdsOnly) {
    Diagnostics d;
    auto ids = load_criteria_ids(kStandards, d);
    ASSERT_TRUE(ids) << d.to_string();
    EXPECT_TRUE(ids->count("courtesy.greeting"));
    EXPECT_TRUE(ids->count("language.no-forbidden"));
    EXPECT_FALSE(ids->count("made.up"));
}

TEST(CriteriaIds, BadFileReported) {
    Diagnostics d;
    EXPECT_FALSE(load_criteria_ids("/nonexistent/standards.yaml", d));
    EXPECT_TRUE(d.has_errors());
}

TEST(ScenarioLoader, KeyTablesCoverEveryModelSection) {
    std::vector<std::string_view> where;
    for (const auto& t : scenario_key_tables()) where.push_back(t.where);
    for (std::string_view w :
         {"", "/definitions/actor", "/definitions/event", "/definitions/node",
          "/definitions/condition", "/definitions/outcome", "/definitions/criterion"})
        EXPECT_NE(std::find(where.begin(), where.end(), w), where.end()) << w;
}

}  // namespace
}  // namespace dd
