// The attempt log: everything that happened in one attempt, with sim times. It is the single
// input of scoring and storage, and what `deskdrill play` prints before scoring exists.
// Produced by dd::Engine (sim/engine); read by the scorer (scoring/rubric), the store and the GUI.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/i18n/message.h"
#include "duration.h"
#include "transcript.h"

namespace dd {

struct LogEntry {
    enum class Kind {
        Inject,     // a timeline event fired (text: the scenario's words, else message)
        Ring,       // a phone rang; value = ring number on that call (1, 2, 3…)
        Answer,     // the trainee picked up / served a thread
        Hold,       // a thread put on hold
        Resume,     // a held thread taken back
        ActorLine,  // an actor spoke (node, text)
        Action,     // a trainee action applied (action, acts/forbidden for say/choose)
        Rejected,   // a trainee action refused (action, message = the reason)
        Branch,     // `next` taken: node → text (target node id)
        Mood,       // mood of `actor` changed: value = new mood, delta, cause, message
        ThreadEnd,  // a thread closed; cause = "actor" (hung up / left), "trainee", "timeout"
        Notice,     // anything else worth showing (e.g. the caller gave up)
        AttemptEnd, // the attempt ended; cause = "end" | "all-closed" | "time-limit" | "transcript"
    };
    Millis t = 0;
    Kind kind = Kind::Notice;
    std::string thread;    // thread id ("" for global happenings)
    std::string actor;     // actor id where one is involved
    std::string node;      // current node of the thread, where one is
    std::string text;  // words of the scenario: an actor's line, an event's text; Branch: target
    // What the engine says about the entry, as a code with arguments (sim/model/log_codes.h):
    // refusals, notices, injects without text, answer/hold/resume, ends, mood causes.
    i18n::Message message;
    int value = 0;
    int delta = 0;
    std::string cause;
    int action_index = -1;          // index into the transcript's actions (Action/Rejected)
    std::optional<Action> action;   // the action as applied (Action/Rejected)
    std::vector<std::string> acts;       // say/choose: speech acts detected
    std::vector<std::string> weak_acts;  // acts present only in a weak form (你好 for greeting)
    std::vector<std::string> forbidden;  // say/choose: forbidden families detected
    // say/choose: acts said only wrapped in impatience (行了行了，对不起): not in `acts`.
    std::vector<std::string> sarcastic_acts;
    // say/choose: acts and families whose decision sat near a rule's edge (a negation just out
    // of reach, an open quotation): the supervisor's review queue shows them.
    std::vector<std::string> review;
};

struct ThreadRecord {
    enum class Kind { Phone, Desk, Alarm };
    enum class EndedBy { None, Actor, Trainee, Timeout };
    std::string id;           // the actor id (or "alarm-N" for an alarm without actor)
    Kind kind = Kind::Desk;
    std::string actor;
    Millis opened_at = 0;                 // phone starts ringing / visitor arrives / alarm sounds
    std::optional<Millis> answered_at;
    int rings_before_answer = 0;          // rings heard before pick-up (or before giving up)
    std::optional<Millis> ended_at;
    EndedBy ended_by = EndedBy::None;
    int mood_start = 0;
    int mood_end = 0;
};

// "phone" / "desk" / "alarm": the name of a thread kind in files, JSON and check parameters.
inline std::string_view thread_kind_name(ThreadRecord::Kind k) {
    switch (k) {
        case ThreadRecord::Kind::Phone: return "phone";
        case ThreadRecord::Kind::Desk: return "desk";
        case ThreadRecord::Kind::Alarm: return "alarm";
    }
    return "desk";
}

// One entry into a dialogue node: the actor's line, the trainee's replies while it was current.
struct NodeVisit {
    std::string node;
    std::string thread;
    std::string actor;
    Millis spoken_at = 0;
    std::string line;                       // as said (variant picked, placeholders filled)
    std::optional<Millis> first_reply_at;   // first say/choose to this thread while current
    std::vector<int> replies;               // indices into AttemptLog::entries (Action say/choose)
    std::vector<std::string> acts;          // union of the replies' acts
    std::vector<std::string> weak_acts;
    std::vector<std::string> forbidden;
    std::vector<std::string> did;           // desk actions while current: "dispatch", "dispatch:security"
    std::optional<Millis> left_at;
    std::string next;                       // node taken after it ("" when the thread ended)
};

struct AttemptLog {
    std::string scenario;
    int scenario_version = 0;
    std::uint64_t seed = 0;
    // Actor facts as played (after seeded variation): actor id → field → value.
    std::map<std::string, std::map<std::string, std::string>> facts;
    std::vector<LogEntry> entries;   // in time order
    std::vector<ThreadRecord> threads;
    std::vector<NodeVisit> visits;   // in order of entry
    Millis ended_at = 0;
    int rejected = 0;                // number of refused actions

    const ThreadRecord* thread(const std::string& id) const {
        for (const auto& t : threads)
            if (t.id == id) return &t;
        return nullptr;
    }
};

}  // namespace dd
