// Test helpers: hand-built attempt logs and scenarios for the rubric tests, so each check type
// is exercised without the engine. The builder mimics what the engine records.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "scoring/text/act_detector.h"
#include "sim/model/attempt_log.h"
#include "sim/model/scenario.h"

namespace dd::test {

class LogBuilder {
  public:
    explicit LogBuilder(std::string scenario = "test.scenario") {
        log.scenario = std::move(scenario);
    }

    ThreadRecord& thread(const std::string& id, ThreadRecord::Kind kind, Millis opened,
                         std::optional<Millis> answered, int rings = 0) {
        ThreadRecord t;
        t.id = id;
        t.actor = id;
        t.kind = kind;
        t.opened_at = opened;
        t.answered_at = answered;
        t.rings_before_answer = rings;
        log.threads.push_back(t);
        return log.threads.back();
    }

    int line(Millis t, const std::string& thread, const std::string& node,
             const std::string& text) {
        LogEntry e;
        e.t = t;
        e.kind = LogEntry::Kind::ActorLine;
        e.thread = thread;
        e.actor = thread;
        e.node = node;
        e.text = text;
        return push(std::move(e));
    }

    int say(Millis t, const std::string& thread, const std::string& text,
            std::vector<std::string> acts = {}, std::vector<std::string> forbidden = {},
            std::vector<std::string> weak = {}) {
        LogEntry e;
        e.t = t;
        e.kind = LogEntry::Kind::Action;
        e.thread = thread;
        e.actor = thread;
        Action a;
        a.at = t;
        a.verb = Verb::Say;
        a.text = text;
        e.action = a;
        e.acts = std::move(acts);
        e.forbidden = std::move(forbidden);
        e.weak_acts = std::move(weak);
        return push(std::move(e));
    }

    int act(Millis t, Verb verb, const std::string& arg = {}, const std::string& thread = {},
            std::vector<std::pair<std::string, std::string>> fields = {}) {
        LogEntry e;
        e.t = t;
        e.kind = LogEntry::Kind::Action;
        e.thread = thread;
        e.actor = thread;
        Action a;
        a.at = t;
        a.verb = verb;
        a.arg = arg;
        a.fields = std::move(fields);
        e.action = a;
        return push(std::move(e));
    }

    int entry(Millis t, LogEntry::Kind kind, const std::string& thread) {
        LogEntry e;
        e.t = t;
        e.kind = kind;
        e.thread = thread;
        return push(std::move(e));
    }

    // A node visit covering the given reply entries (their acts are united, as the engine does).
    NodeVisit& visit(const std::string& node, const std::string& thread, Millis spoken,
                     std::vector<int> replies, std::vector<std::string> did = {},
                     std::optional<Millis> left = std::nullopt) {
        NodeVisit v;
        v.node = node;
        v.thread = thread;
        v.actor = thread;
        v.spoken_at = spoken;
        v.line = "(" + node + ")";
        v.replies = replies;
        for (int r : replies) {
            const auto& e = log.entries[static_cast<std::size_t>(r)];
            if (!v.first_reply_at) v.first_reply_at = e.t;
            for (const auto& a : e.acts) v.acts.push_back(a);
            for (const auto& a : e.weak_acts) v.weak_acts.push_back(a);
            for (const auto& a : e.forbidden) v.forbidden.push_back(a);
        }
        v.did = std::move(did);
        v.left_at = left;
        log.visits.push_back(v);
        return log.visits.back();
    }

    AttemptLog log;

  private:
    int push(LogEntry e) {
        log.entries.push_back(std::move(e));
        if (log.entries.back().t > log.ended_at) log.ended_at = log.entries.back().t;
        return static_cast<int>(log.entries.size()) - 1;
    }
};

inline Actor make_actor(const std::string& id, const std::string& name, const std::string& role,
                        const std::string& room, const std::string& phone,
                        std::vector<std::string> priv = {}) {
    Actor a;
    a.id = id;
    a.name = name;
    a.role = role;
    a.room = room;
    a.phone = phone;
    a.private_facts = std::move(priv);
    return a;
}

// Finds fixed phrases in the text as typed (the normalised text is the text itself).
class FakeDetector : public ActDetector {
  public:
    void add(std::string phrase, std::string name, bool forbidden = false) {
        phrases_.push_back({std::move(phrase), std::move(name), forbidden});
    }
    DetectedActs detect(std::string_view text) const override {
        DetectedActs d;
        d.normalized = std::string(text);
        for (const auto& p : phrases_) {
            const auto at = d.normalized.find(p.phrase);
            if (at == std::string::npos) continue;
            (p.forbidden ? d.forbidden : d.acts).push_back(p.name);
            d.spans.push_back({p.name, at, at + p.phrase.size(), p.forbidden, false});
        }
        return d;
    }

  private:
    struct Phrase {
        std::string phrase, name;
        bool forbidden;
    };
    std::vector<Phrase> phrases_;
};

// The example scenario (scenarios/complaint/night-renovation-noise.yaml) built in code.
Scenario example_scenario();
// What the engine records for the example's gold and poor transcripts.
AttemptLog example_gold_log();
AttemptLog example_poor_log();

}  // namespace dd::test
